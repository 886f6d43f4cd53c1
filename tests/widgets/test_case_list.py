"""Case list: pages load as the table is scrolled to its end; the count is the real total."""
from __future__ import annotations

from datetime import date

from app.services.cases import CaseService
from tests.helpers.stores import sample_case, user_id
from widgets import case_list
from widgets.case_list import CaseListView


def _cases(fx, n):
    ctx = fx.clerk()
    service = CaseService(ctx)
    judge, clerk = user_id(ctx, "judge"), user_id(ctx, "clerk")
    for i in range(n):
        service.create_case(sample_case(judge, clerk, number=f"（2024）京0105民初{100 + i}号",
                                        filing=date(2024, 3, 1 + i)))
    ctx.store.close()


def test_further_pages_load_at_the_end_and_the_count_is_the_total(qtbot, fx, monkeypatch):
    monkeypatch.setattr(case_list, "PAGE_SIZE", 2)
    _cases(fx, 5)
    ctx = fx.judge()
    view = CaseListView(ctx)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.reload()
    assert view.model.rowCount() == 2 and view.model.total == 5
    assert "共 5 件" in view.count.text() and "已显示 2 件" in view.count.text()
    assert view.model.canFetchMore()
    view.model.fetchMore()
    assert not view.model.canFetchMore()  # one page at a time
    # The table itself asks for the rest while its viewport has room (as when scrolled down).
    qtbot.waitUntil(lambda: view.model.rowCount() == 5, timeout=10000)
    assert not view.model.canFetchMore() and view.count.text() == "共 5 件"
    numbers = [r.case_number for r in view.model.rows]
    assert len(set(numbers)) == 5  # pages neither overlap nor skip
    view.shutdown()
    ctx.store.close()


def test_search_pages_continue_the_same_search(qtbot, fx, monkeypatch):
    monkeypatch.setattr(case_list, "PAGE_SIZE", 2)
    _cases(fx, 3)
    ctx = fx.judge()
    service = CaseService(ctx)
    # The word index finds 华信 on every case; later pages must not switch to another search.
    first = service.list_cases("华信", limit=2)
    rest = service.list_cases("华信", limit=2, offset=2)
    assert len(first) == 2 and len(rest) == 1 and service.count_cases("华信") == 3
    assert service.count_cases("离婚") == 0 and service.list_cases("离婚", offset=2) == []
    view = CaseListView(ctx)
    qtbot.addWidget(view)
    view.search.setText("华信")
    qtbot.waitUntil(lambda: view.model.total == 3, timeout=10000)
    view.search.setText("")  # a new search while more could load resets the list
    qtbot.waitUntil(lambda: view.model.total == 3 and view.search.text() == "", timeout=10000)
    view.shutdown()
    ctx.store.close()
