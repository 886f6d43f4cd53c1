"""Issue 14 item 4: IT sees who/when/what without case content, in Chinese, in local time, counts agree."""
from __future__ import annotations

from datetime import datetime, timezone

from app.services import auth
from tests.helpers.stores import create_sample_case
from widgets.audit_viewer import AuditViewer


def test_it_audit_viewer_hides_case_content_and_speaks_chinese(qtbot, fx, sync_tasks):
    create_sample_case(fx)
    clerk = fx.clerk()
    clerk.audit_now("transcript.edit", "hearing:1", segment=7, field="text", kind="编辑",
                    old="原告张晓明借款十万元", new="原告张晓明借款二十万元")
    clerk.store.close()
    # A failed login is written at the next successful login; its own time is kept.
    try:
        auth.login(fx.data_dir, "judge", "wrong-password-1", fx.settings)
    except auth.AuthError:
        pass
    it = fx.it()
    viewer = AuditViewer(it)
    qtbot.addWidget(viewer)
    viewer.reload()
    rows = [[viewer.table.item(r, c).text() for c in range(6)] for r in range(viewer.table.rowCount())]
    everything = " ".join(" ".join(r) for r in rows) + " ".join(viewer.table.item(r, 5).toolTip()
                                                            for r in range(viewer.table.rowCount()))
    assert "张晓明" not in everything and "借款" not in everything
    edit = next(r for r in rows if r[3] == "修改笔录")
    assert "不向信息技术人员显示" in edit[5] and "{" not in edit[5]
    assert not any("." in r[3] and r[3].isascii() for r in rows)  # no raw action codes
    # Local time of the event: the failed login shows its own time, not the later login's.
    failed = next(e for e in viewer.entries if e.action == "login.failed")
    assert failed.event_time == failed.detail["at"] and failed.event_time != failed.ts
    shown = rows[[e.id for e in viewer.entries].index(failed.id)][1]
    expected = datetime.fromisoformat(failed.detail["at"]).replace(tzinfo=timezone.utc).astimezone()
    assert shown == expected.strftime("%Y-%m-%d %H:%M:%S")
    # IT cannot find entries by the words of a case either.
    viewer.filter.setText("张晓明")
    viewer.reload()
    assert viewer.table.rowCount() == 0
    viewer.filter.setText("登录")  # Chinese action names are searchable
    viewer.reload()
    assert viewer.table.rowCount() >= 2
    # After the chain check the list is reloaded: both counts describe the same entries.
    viewer.verify()
    verified = int(viewer.result.text().split("链上 ")[1].split(" 条")[0])
    assert "共 %d 条" % verified in viewer.shown.text() and viewer.table.rowCount() == verified
    viewer.shutdown()
    it.store.close()


def test_case_members_still_see_the_content_of_their_cases(qtbot, fx, sync_tasks):
    case_id = create_sample_case(fx)
    judge = fx.judge()
    judge.audit_now("case.update", f"case:{case_id}", changed_from={"cause": "借款合同纠纷"})
    viewer = AuditViewer(judge)
    qtbot.addWidget(viewer)
    viewer.reload()
    details = [viewer.table.item(r, 5).toolTip() for r in range(viewer.table.rowCount())]
    assert any("借款合同纠纷" in d for d in details)
    viewer.shutdown()
    judge.store.close()
