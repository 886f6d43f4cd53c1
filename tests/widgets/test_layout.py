"""Issue 14 item 6: at 1280×720 every tab fits without sideways scrolling, in Chinese and in
English; the case list keeps 案号 and the 审限 in view; splitter positions are remembered.

1920×1080 at 150% is the same 1280×720 in logical pixels (Qt scales fonts and widgets
together), so one logical size covers both; scripts/make_screenshots.py shows both.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QScrollArea, QSplitter

from app import paths
from tests.helpers.stores import create_sample_case
from widgets.main_window import MainWindow


@pytest.fixture(params=["zh", "en"])
def language(request):
    if request.param == "zh":
        yield "zh"
        return
    translator = QTranslator()
    assert translator.load(str(paths.resource("i18n", "trial_assistant_en.qm")))
    QCoreApplication.installTranslator(translator)
    yield "en"
    QCoreApplication.removeTranslator(translator)


def test_every_tab_fits_1280_by_720(qtbot, fx, language, sync_tasks):
    case_id = create_sample_case(fx)
    window = MainWindow(fx.clerk())
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    window.show_case(case_id)
    too_wide = []
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        page = window.tabs.widget(index)
        if isinstance(page, QScrollArea):
            need, have = page.widget().minimumSizeHint().width(), page.viewport().width()
        else:
            need, have = page.minimumSizeHint().width(), page.width()
        if need > have:
            too_wide.append((window.tabs.tabText(index), need, have))
    assert too_wide == []
    # The case list shows 案号, 剩余天数 and 审限届满 without scrolling sideways.
    table = window.case_list.table
    right = max(table.horizontalHeader().sectionViewportPosition(c) + table.columnWidth(c) for c in range(3))
    assert right <= table.viewport().width()
    window.close()


def test_splitter_positions_are_remembered(qtbot, fx, sync_tasks):
    create_sample_case(fx)
    ctx = fx.clerk()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    splitter = window.findChild(QSplitter, "mainSplitter")
    splitter.setSizes([300, 960])
    chosen = splitter.sizes()
    window.close()
    again = MainWindow(fx.clerk())  # same user settings file, so the same layout file
    qtbot.addWidget(again)
    again.resize(1280, 720)
    again.show()
    assert again.findChild(QSplitter, "mainSplitter").sizes()[0] == chosen[0]
    again.close()
