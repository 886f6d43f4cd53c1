"""Moving pages between documents in the dossier's catalogue tree: dropped pages (the view's
own drop path with the tree's drag data), keyboard actions, and a move to a document further
away, all on a real store; the service stores the corrections and audits the move."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from widgets.catalogue_tree import PAGES_MIME, pages_mime
from widgets.cataloguing_tab import CataloguingTab as Tab

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "cataloguing" / "dev02_excerpt.pdf"


def spans(service, case_id):
    return [(d.category, d.start_page, d.end_page) for d in service.documents(case_id)]


def tree_spans(tab):
    out = []
    for i in range(tab.tree.topLevelItemCount()):
        node = tab.tree.topLevelItem(i)
        out.append([node.child(n).text(1) for n in range(node.childCount())])
    return out


def imported_tab(qtbot, ctx, case_id):
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_case(case_id)
    tab.import_files([str(EXCERPT)], allow_foreign=True)  # another case's dossier: confirmed
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 3, timeout=60000)
    return tab


def test_drop_pages_on_a_document_moves_the_boundary(qtbot, fx, case_id):
    ctx = fx.clerk()
    tab = imported_tab(qtbot, ctx, case_id)
    service = tab.service
    assert spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 3), ("送达回证", 4, 4)]
    assert tree_spans(tab) == [["1"], ["2", "3"], ["4"]]
    complaint, receipt = tab.tree.topLevelItem(1), tab.tree.topLevelItem(2)
    # The tree's own drag data for page 3, dropped on the 送达回证 document.
    mime = tab.tree.mimeData([complaint.child(1)])
    assert mime.hasFormat(PAGES_MIME)
    assert tab.tree.dropMimeData(receipt, 0, mime, Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2"], ["3", "4"]], timeout=10000)
    assert spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 2), ("送达回证", 3, 4)]
    page3 = next(p for p in service.pages(case_id) if p.page == 3)
    assert page3.category == "送达回证" and page3.state == "changed"
    corrections = service.corrections()
    assert any(c.category == "送达回证" for c in corrections)
    assert any(c.starts_document is False and c.page == 4 for c in corrections)  # 4 no longer starts one
    assert ctx.store.query("SELECT count(*) AS n FROM audit_log WHERE action = 'dossier.move'")[0]["n"] == 1

    # Back again through the view's drop event: page 3 dropped on the complaint's first page.
    tab.tree.expandAll()
    target = tab.tree.topLevelItem(1).child(0)
    rect = tab.tree.visualItemRect(target)
    data = pages_mime([3])  # kept referenced: the event does not own it
    event = QDropEvent(QPointF(rect.center()), Qt.DropAction.CopyAction, data,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tab.tree.dropEvent(event)
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3"], ["4"]], timeout=10000)
    assert spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 3), ("送达回证", 4, 4)]
    tab.shutdown()
    ctx.store.close()


def test_keyboard_moves_and_a_move_to_a_distant_document(qtbot, fx, case_id):
    ctx = fx.clerk()
    tab = imported_tab(qtbot, ctx, case_id)
    service = tab.service
    assert tab.move_up_action.isEnabled() and tab.move_down_action.isEnabled()
    assert tab.move_up_action in tab.table.actions() and tab.move_down_action in tab.tree.actions()
    # Last page of the complaint to the next document by keyboard action (context menu / Ctrl+Shift+Down).
    tab.table.clearSelection()
    tab.table.selectRow(2)
    tab.move_down_action.trigger()
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2"], ["3", "4"]], timeout=10000)
    # And back to the previous document.
    tab.table.clearSelection()
    tab.table.selectRow(2)
    tab.move_up_action.trigger()
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3"], ["4"]], timeout=10000)
    # Nothing before the cover: a message, no change.
    tab.table.clearSelection()
    tab.table.selectRow(0)
    tab.move_up_action.trigger()
    assert "没有上一件文书" in tab.status.text()
    # The 送达回证 page dragged onto the complaint two documents back: it is re-ordered to the
    # end of the complaint and takes its category.
    before = {p.page: (p.file_page, p.category) for p in service.pages(case_id)}
    tab.move_pages([4], 2)
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3", "4"]], timeout=10000)
    after = {p.page: (p.file_page, p.category) for p in service.pages(case_id)}
    assert after[4] == (before[4][0], "起诉状")
    tab.shutdown()
    ctx.store.close()


def test_moves_that_change_nothing(fx, case_id):
    ctx = fx.clerk()
    from app.services.cataloguing import CataloguingService
    from app.store.errors import NotFoundError

    service = CataloguingService(ctx)
    service.import_files(case_id, [str(EXCERPT)], allow_foreign=True)
    before = spans(service, case_id)
    assert service.move_pages(case_id, [2, 3], 2) == [2, 3]  # already there
    with pytest.raises(NotFoundError):
        service.move_pages(case_id, [3], 3)  # page 3 starts no document
    with pytest.raises(NotFoundError):
        service.move_pages(case_id, [9], 4)
    assert spans(service, case_id) == before
    assert not service.corrections()
    ctx.store.close()


def test_move_to_a_distant_document_reorders_the_pages(fx, case_id):
    ctx = fx.clerk()
    from app.services.cataloguing import CataloguingService

    service = CataloguingService(ctx)
    service.import_files(case_id, [str(EXCERPT)], allow_foreign=True)
    assert service.move_pages(case_id, [4], 1) == [2]  # the 送达回证 page goes behind the cover
    assert spans(service, case_id) == [("卷宗封面", 1, 2), ("起诉状", 3, 4)]
    assert [p.file_page for p in service.pages(case_id)] == [1, 4, 2, 3]
    audit = ctx.store.query("SELECT detail FROM audit_log WHERE action = 'dossier.move'")
    assert len(audit) == 1 and "new_pages" in audit[0]["detail"]
    ctx.store.close()


def test_a_blank_page_is_dragged_and_moved_by_keyboard(qtbot, fx, case_id, tmp_path):
    from tests.helpers.dossiers import excerpt_with_blank_page

    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_case(case_id)
    tab.import_files([str(excerpt_with_blank_page(tmp_path / "blank.pdf"))], allow_foreign=True)
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3", "4"], ["5"]], timeout=60000)
    service = tab.service
    # The empty page 4 dragged from the complaint onto the 送达回证 document.
    complaint, receipt = tab.tree.topLevelItem(1), tab.tree.topLevelItem(2)
    assert tab.tree.dropMimeData(receipt, 0, tab.tree.mimeData([complaint.child(2)]), Qt.DropAction.CopyAction)
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3"], ["4", "5"]], timeout=10000)
    assert service.pages(case_id)[3].category == "送达回证"
    # Back by keyboard (Ctrl+Shift+Up), then split off on its own and joined again.
    tab.table.clearSelection()
    tab.table.selectRow(3)
    tab.move_up_action.trigger()
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3", "4"], ["5"]], timeout=10000)
    tab.table.setCurrentCell(3, 0)
    tab.split_button.click()
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3"], ["4"], ["5"]], timeout=10000)
    tab.table.setCurrentCell(3, 0)
    tab.merge_button.click()
    qtbot.waitUntil(lambda: tree_spans(tab) == [["1"], ["2", "3", "4"], ["5"]], timeout=10000)
    assert "无法" not in tab.status.text()
    tab.shutdown()
    ctx.store.close()
