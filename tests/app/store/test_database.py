"""SQLCipher database: encrypted on disk, wrong key, damaged files, disk full keeps committed data."""
from __future__ import annotations

import os

import pytest

from app.store import migrations
from app.store.database import Database
from app.store.errors import DiskFullError, StoreCorruptError, WrongKeyError


@pytest.fixture
def key():
    return os.urandom(32)


def make_db(path, key, rows=50):
    db = Database(path, key)
    migrations.migrate(db)
    with db.write() as w:
        w.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        for i in range(rows):
            w.execute("INSERT INTO notes (text) VALUES (?)", (f"庭审笔录第{i}条" * 20,))
    return db


def test_file_is_encrypted_and_pragmas_are_set(tmp_path, key):
    db = make_db(tmp_path / "s.db", key)
    conn = db.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    assert db.cipher_version.startswith("4.")
    db.close()
    raw = (tmp_path / "s.db").read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert "庭审笔录".encode() not in raw


def test_wrong_key_is_detected_on_open(tmp_path, key):
    make_db(tmp_path / "s.db", key).close()
    with pytest.raises(WrongKeyError) as info:
        Database(tmp_path / "s.db", os.urandom(32))
    assert "密钥不正确" in str(info.value)


def test_truncated_file_is_refused_without_touching_it(tmp_path, key):
    make_db(tmp_path / "s.db", key).close()
    path = tmp_path / "s.db"
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1000])
    before = path.read_bytes()
    with pytest.raises(StoreCorruptError) as info:
        Database(path, key)
    assert "截断" in str(info.value)
    assert path.read_bytes() == before


def test_flipped_byte_in_a_data_page_is_reported(tmp_path, key):
    make_db(tmp_path / "s.db", key, rows=400).close()
    path = tmp_path / "s.db"
    raw = bytearray(path.read_bytes())
    # The notes table is filled last, so the last pages are its pages.
    raw[len(raw) - 2 * 4096 + 500] ^= 0x40
    path.write_bytes(bytes(raw))
    db = Database(path, key)
    assert db.integrity_check() != []
    with pytest.raises(StoreCorruptError):
        db.query("SELECT count(*), sum(length(text)) FROM notes")
    db.close()


def test_flipped_byte_in_first_page_is_reported(tmp_path, key):
    make_db(tmp_path / "s.db", key).close()
    path = tmp_path / "s.db"
    raw = bytearray(path.read_bytes())
    raw[100] ^= 1
    path.write_bytes(bytes(raw))
    with pytest.raises((WrongKeyError, StoreCorruptError)):
        Database(path, key)


def test_disk_full_rolls_back_and_keeps_committed_rows(tmp_path, key):
    db = make_db(tmp_path / "s.db", key, rows=10)
    pages = db.db.conn.execute("PRAGMA page_count").fetchone()[0]
    db.db.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFullError) as info:
        with db.write() as w:
            for _ in range(200):
                w.execute("INSERT INTO notes (text) VALUES (?)", ("x" * 4000,))
    assert "磁盘空间不足" in str(info.value)
    assert db.query("SELECT count(*) AS n FROM notes")[0]["n"] == 10
    db.close()
    reopened = Database(tmp_path / "s.db", key)
    assert reopened.query("SELECT count(*) AS n FROM notes")[0]["n"] == 10
    assert reopened.integrity_check() == []
    reopened.close()


def test_migrations_are_numbered_and_idempotent(tmp_path, key):
    db = Database(tmp_path / "m.db", key)
    first = migrations.migrate(db)
    assert first[0] == 1 and first == sorted(first)
    assert migrations.migrate(db) == []
    assert {n for n, _ in migrations.available()} == migrations.applied(db.db)
    db.close()


def test_readers_on_other_threads_see_committed_data(tmp_path, key):
    import threading

    db = make_db(tmp_path / "s.db", key, rows=3)
    seen = []
    t = threading.Thread(target=lambda: seen.append(db.query("SELECT count(*) AS n FROM notes")[0]["n"]))
    t.start()
    t.join(10)
    assert seen == [3]
    db.close()


# A read long enough to still be inside SQLite when the store closes (hundreds of ms or more).
LONG_READ = ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) "
             "SELECT count(*) AS c FROM n")


def test_closing_while_another_thread_reads_stops_the_read_without_crashing(tmp_path, key):
    """Freeing a connection under a running statement killed the process (SIGSEGV in CI)."""
    import threading
    import time

    from app.store.errors import StoreClosedError

    db = make_db(tmp_path / "s.db", key, rows=3)
    outcome = []
    inside = threading.Event()

    def read():
        inside.set()
        try:
            outcome.append(db.query(LONG_READ))
        except StoreClosedError as exc:
            outcome.append(exc)

    t = threading.Thread(target=read)
    t.start()
    assert inside.wait(10)
    time.sleep(0.3)  # the recursive count (seconds long) is now running
    started = time.monotonic()
    db.close()
    t.join(10)
    assert not t.is_alive() and time.monotonic() - started < 10
    assert len(outcome) == 1 and isinstance(outcome[0], StoreClosedError)
    assert "案件库已关闭" in str(outcome[0])
    # Reopening finds every committed row: the interrupted read lost nothing.
    again = Database(tmp_path / "s.db", key)
    assert again.query("SELECT count(*) AS n FROM notes")[0]["n"] == 3
    again.close()


def test_work_after_close_gets_a_message_not_a_closed_connection(tmp_path, key):
    from app.store.errors import StoreClosedError

    db = make_db(tmp_path / "s.db", key, rows=1)
    assert db.query("SELECT count(*) AS n FROM notes")[0]["n"] == 1  # this thread's reader exists
    db.close()
    with pytest.raises(StoreClosedError, match="案件库已关闭"):
        db.query("SELECT count(*) AS n FROM notes")
    with pytest.raises(StoreClosedError):
        with db.write() as w:
            w.execute("INSERT INTO notes (text) VALUES ('x')")
    with pytest.raises(StoreClosedError):
        db.checkpoint()
    with pytest.raises(StoreClosedError):  # not reported as a damaged page
        db.integrity_check()
    db.close()  # a second close is harmless
