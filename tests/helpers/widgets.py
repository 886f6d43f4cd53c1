"""Small helpers shared by the widget tests."""
from __future__ import annotations


def open_tab(qtbot, tab_class, ctx, case_id=None):
    """A capability tab for ``ctx``, shown (and on ``case_id`` when given); closed by qtbot."""
    tab = tab_class(ctx)
    qtbot.addWidget(tab)
    tab.show()
    if case_id is not None:
        tab.set_case(case_id)
    return tab


def tab_titles(window) -> list[str]:
    """The titles of the main window's tabs, in order."""
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]
