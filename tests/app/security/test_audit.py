"""Audit trail: append-only in the database, hash chain names the first broken entry."""
from __future__ import annotations

import os

import pytest

from app.security import audit
from app.store import migrations
from app.store.database import Database
from app.store.sqlite import dbapi2


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "a.db", os.urandom(32))
    migrations.migrate(database)
    with database.write() as w:
        for i in range(6):
            audit.append(w, "judge", "case.view", f"case:{i}", {"i": i})
    yield database
    database.close()


def test_intact_chain_verifies(db):
    result = audit.verify(db.db.conn)
    assert result.ok and result.entries == 6 and result.head == audit.head(db.db.conn)


def test_update_and_delete_are_refused(db):
    with pytest.raises(dbapi2.IntegrityError):
        with db.write() as w:
            w.execute("UPDATE audit_log SET username = 'x' WHERE id = 2")
    with pytest.raises(dbapi2.IntegrityError):
        with db.write() as w:
            w.execute("DELETE FROM audit_log WHERE id = 2")
    assert audit.verify(db.db.conn).ok


def _bypass_triggers(db, sql):
    with db.write() as w:
        w.execute("DROP TRIGGER audit_log_no_update")
        w.execute("DROP TRIGGER audit_log_no_delete")
        w.execute(sql)


def test_edited_entry_is_named(db):
    _bypass_triggers(db, "UPDATE audit_log SET username = 'someone' WHERE id = 4")
    result = audit.verify(db.db.conn)
    assert not result.ok and result.first_broken_id == 4 and "修改" in result.reason


def test_deleted_entry_is_named(db):
    _bypass_triggers(db, "DELETE FROM audit_log WHERE id = 3")
    result = audit.verify(db.db.conn)
    assert not result.ok and result.first_broken_id == 4 and "删除" in result.reason


def test_rehashed_entry_still_breaks_the_next_link(db):
    # A forger who recomputes entry 2's own hash still breaks entry 3's prev_hash link.
    row = db.db.conn.execute("SELECT id, ts, username, action, target, detail, prev_hash FROM audit_log WHERE id = 2").fetchone()
    forged = audit._entry_hash(row[0], row[1], "forger", row[3], row[4], row[5], row[6])
    _bypass_triggers(db, f"UPDATE audit_log SET username = 'forger', hash = '{forged}' WHERE id = 2")
    result = audit.verify(db.db.conn)
    assert not result.ok and result.first_broken_id == 3


def test_check_reasons_read_in_the_ui_language(db):
    from app import messages

    _bypass_triggers(db, "DELETE FROM audit_log WHERE id = 3")
    messages.set_language("en")
    result = audit.verify(db.db.conn)
    assert result.reason == "Entry numbers skip: expected 3, found 4 (entries were deleted)"
    both = audit.verify_with_anchors(db.db.conn, None, None, ["page 7 bad", "page 9 bad"])
    assert both.reason == ("Entry numbers skip: expected 3, found 4 (entries were deleted); "
                           "The database page check failed: page 7 bad; page 9 bad")
    messages.set_language("zh_CN")
    assert audit.verify_with_anchors(db.db.conn, None, None, ["p7"]).reason == \
        "条目编号不连续：应为 3，实为 4（有条目被删除）；数据库页面校验失败：p7"
