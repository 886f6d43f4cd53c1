"""Stores are never replaced, init is atomic, files are private, the audit chain is anchored."""
from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from app.paths import StoreLayout
from app.security import audit
from app.security.keys import FAST_TEST_PARAMS, Keyring
from app.services import auth
from app.store.store import Store
from tests.helpers.stores import IT_PASSWORD


def _open_with_recovery(fx) -> Store:
    layout = StoreLayout(fx.data_dir)
    keyring = Keyring.load(layout.keyring)
    return Store(layout, keyring.unwrap_with_recovery(fx.recovery_key), keyring)


@pytest.mark.parametrize("damage, message", [
    (lambda db: db.write_bytes(b""), "空文件"),
    (lambda db: db.unlink(), "缺少案件库文件"),
    (lambda db: db.write_bytes(b"SQLite format 3\0" + bytes(8176)), "不配套"),
])
def test_a_lost_store_is_refused_not_replaced(fx, damage, message):
    db = fx.data_dir / "store.db"
    for extra in ("store.db-wal", "store.db-shm"):
        (fx.data_dir / extra).unlink(missing_ok=True)
    damage(db)
    before = db.read_bytes() if db.exists() else None
    with pytest.raises(auth.AuthError, match=message):
        fx.it()
    assert (db.read_bytes() if db.exists() else None) == before  # nothing created or replaced
    with pytest.raises(auth.AuthError):
        auth.recover(fx.data_dir, fx.recovery_key, "judge", "New-judge-pass-2")
    assert (db.read_bytes() if db.exists() else None) == before


def test_a_foreign_store_beside_the_keyring_is_refused(fx, tmp_path):
    other = auth.init_store(tmp_path / "other", "it", IT_PASSWORD, params=FAST_TEST_PARAMS)
    os.replace(other.data_dir / "store.db", fx.data_dir / "store.db")
    with pytest.raises(auth.AuthError, match="不配套"):
        fx.it()


def test_init_never_overwrites_and_redoes_a_half_made_store(tmp_path):
    data = tmp_path / "s"
    first = auth.init_store(data, "it", IT_PASSWORD, params=FAST_TEST_PARAMS)
    with pytest.raises(auth.AuthError, match="不会覆盖"):
        auth.init_store(data, "it", IT_PASSWORD, params=FAST_TEST_PARAMS)
    # As if init was killed while renaming into place: the marker names the store half-made.
    layout = StoreLayout(data)
    layout.init_marker.write_text("", encoding="utf-8")
    layout.keyring.unlink()
    with pytest.raises(auth.AuthError, match="没有创建完成"):
        auth.login(data, "it", IT_PASSWORD)
    second = auth.init_store(data, "it", IT_PASSWORD, params=FAST_TEST_PARAMS)
    assert second.recovery_key != first.recovery_key and not layout.init_marker.exists()
    auth.login(data, "it", IT_PASSWORD).store.close()


def test_init_killed_while_building_leaves_nothing_in_place(tmp_path):
    data = tmp_path / "s"
    layout = StoreLayout(data)
    layout.build_dir.mkdir(parents=True)
    (layout.build_dir / "store.db").write_bytes(b"partial")
    assert not layout.exists()
    auth.init_store(data, "it", IT_PASSWORD, params=FAST_TEST_PARAMS)
    assert layout.exists() and not layout.build_dir.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_store_files_are_private_and_old_ones_are_tightened(fx):
    layout = StoreLayout(fx.data_dir)
    ctx = fx.it()
    try:
        for path in [layout.database, layout.keyring, layout.database.with_name("store.db-wal")]:
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        for folder in (layout.root, layout.blobs):
            assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    finally:
        ctx.store.close()
    os.chmod(layout.root, 0o755)
    os.chmod(layout.keyring, 0o644)
    os.chmod(layout.database, 0o644)
    fx.it().store.close()
    assert stat.S_IMODE(layout.keyring.stat().st_mode) == 0o600
    assert stat.S_IMODE(layout.database.stat().st_mode) == 0o600
    assert stat.S_IMODE(layout.root.stat().st_mode) == 0o700


def _rewrite(store: Store, keep: int, change_first: bool = False) -> None:
    """What someone holding the data key could do: cut the chain or rewrite it consistently."""
    with store.write() as db:
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        db.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        rows = db.execute("SELECT id, ts, username, action, target, detail FROM audit_log ORDER BY id").fetchall()
        db.execute("DELETE FROM audit_log")
        prev = audit.GENESIS
        for entry_id, ts, user, action, target, detail in rows[:keep]:
            if change_first and entry_id == 1:
                action = "nothing"
            digest = audit._entry_hash(entry_id, ts, user, action, target, detail, prev)
            db.execute("INSERT INTO audit_log (id, ts, username, action, target, detail, prev_hash, hash)"
                       " VALUES (?,?,?,?,?,?,?,?)", (entry_id, ts, user, action, target, detail, prev, digest))
            prev = digest


@pytest.mark.parametrize("keep_all, change_first", [(False, False), (True, True)])
def test_truncated_or_rewritten_chain_is_caught_by_the_anchor(fx, keep_all, change_first):
    store = _open_with_recovery(fx)
    count = store.query("SELECT count(*) AS n FROM audit_log")[0]["n"]
    assert store.keyring.audit_anchor[0] == count
    _rewrite(store, count if keep_all else count - 2, change_first)
    result = store.verify_audit()
    store.close()
    assert audit.verify(_open_with_recovery(fx).database.db.conn).ok  # the links alone look fine
    assert not result.ok and result.anchor == "mismatch"
    # The old anchor is kept as evidence, also after more writes.
    ctx = fx.it()
    assert not ctx.audit_log.verify().ok
    ctx.store.close()


def test_verify_compares_with_the_head_sent_to_the_platform(fx):
    store = _open_with_recovery(fx)
    count = store.query("SELECT count(*) AS n FROM audit_log")[0]["n"]
    store.record_platform_head(count, audit.head(store.database.db.conn))
    assert store.verify_audit().platform_head == "ok"
    # Roll back both the chain and the local anchor: only the platform head still knows.
    data = json.loads(store.keyring.path.read_text(encoding="utf-8"))
    _rewrite(store, count - 1)
    store.keyring._data["sealed"]["audit_anchor"] = None
    store.keyring.save()
    result = store.verify_audit()
    store.close()
    assert data["sealed"]["platform_head"]["count"] == count
    assert not result.ok and result.platform_head == "mismatch" and "平台" in result.reason


def test_verify_runs_cipher_integrity_check(fx):
    ctx = fx.it()
    ctx.store.close()
    db = fx.data_dir / "store.db"
    raw = bytearray(db.read_bytes())
    pages = len(raw) // 4096
    raw[(pages - 1) * 4096 + 100] ^= 0xFF  # the last page: not read by login
    db.write_bytes(bytes(raw))
    store = _open_with_recovery(fx)
    result = store.verify_audit()
    store.database.close()
    assert not result.ok and result.integrity


def test_the_store_is_half_made_until_the_recovery_key_was_shown(tmp_path):
    data = tmp_path / "s"
    auth.init_store(data, "it", IT_PASSWORD, params=FAST_TEST_PARAMS, keep_marker=True)
    with pytest.raises(auth.AuthError, match="没有创建完成"):
        auth.login(data, "it", IT_PASSWORD)
    auth.finish_init(data)
    auth.login(data, "it", IT_PASSWORD).store.close()
