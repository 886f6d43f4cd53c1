"""Exchange tab on a real store with the platform simulator's node on the other side."""
from __future__ import annotations

import os
import time

import pytest

from app.services.cases import CaseService
from app.services.exchange import ExchangeService
from engines.exchange.file_node import FileNode
from tests.helpers.exchange_builders import DOSSIER_PDF
from tests.helpers.exchange_world import assign_case, make_world
from tests.helpers.stores import make_store
from tests.helpers.widgets import open_tab, tab_titles
from widgets.exchange_tab import ExchangeTab as Tab

CASE = {"case_id": "P-1", "case_number": "（2024）京0105民初888号", "cause": "民间借贷纠纷", "procedure": "普通",
        "filing_date": "2024-03-05", "claims": "归还借款", "status": "审理中",
        "parties": [{"role": "原告", "name": "张三", "kind": "自然人"}], "judge": "judge", "clerk": "clerk"}


@pytest.fixture
def world(tmp_path):
    fx, platform, exchange = make_world(tmp_path)
    fx.settings.set("exchange_dir", str(exchange))
    yield fx, platform, exchange
    platform.close()


def _tab(qtbot, ctx):
    return open_tab(qtbot, Tab, ctx)


def test_it_imports_from_the_panel_and_sees_package_states(qtbot, world):
    fx, platform, exchange = world
    assign_case(platform, CASE, [DOSSIER_PDF])
    ctx = fx.it()
    tab = _tab(qtbot, ctx)
    qtbot.waitUntil(lambda: "待导入 1" in tab.counts_label.text(), timeout=10000)
    assert "平台公钥" in tab.node_label.text() and tab.export_case_button.isHidden()
    tab.import_button.click()
    qtbot.waitUntil(lambda: "已导入 1" in tab.message.text(), timeout=15000)
    qtbot.waitUntil(lambda: tab.packages.rowCount() >= 2, timeout=10000)
    states = {tab.packages.item(r, 3).text() for r in range(tab.packages.rowCount())}
    assert {"已导入", "已发送"} <= states  # the case package and our ack
    assert "待导入 0" in tab.counts_label.text()
    tab.shutdown()
    ctx.store.close()


def test_quarantined_package_shows_its_reason(qtbot, world):
    fx, platform, exchange = world
    broken = exchange / "inbox" / "broken.zip"
    broken.write_bytes(b"not a zip at all" * 10)
    os.utime(broken, (time.time() - 600, time.time() - 600))  # long arrived, not still being copied
    ctx = fx.it()
    tab = _tab(qtbot, ctx)
    tab.import_now()
    qtbot.waitUntil(lambda: "隔离 1" in tab.message.text(), timeout=15000)
    qtbot.waitUntil(lambda: tab.packages.rowCount() == 1, timeout=10000)
    assert "ZIP" in tab.packages.item(0, 4).text() and tab.packages.item(0, 5).text() == "broken.zip"
    tab.shutdown()
    ctx.store.close()


def test_retry_imports_a_quarantined_package_once_the_cap_is_raised(qtbot, world, tmp_path):
    fx, platform, exchange = world
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(2 << 20))
    assign_case(platform, CASE, [big])
    fx.settings.set("exchange_max_package_mb", 1)
    ctx = fx.it()
    tab = _tab(qtbot, ctx)
    tab.import_now()
    qtbot.waitUntil(lambda: "隔离 1" in tab.message.text(), timeout=15000)
    qtbot.waitUntil(lambda: tab.packages.rowCount() == 1, timeout=10000)
    assert "大小" in tab.packages.item(0, 4).text() and not tab.retry_button.isEnabled()
    tab.packages.selectRow(0)
    assert tab.selected_quarantined().endswith(".zip") and tab.retry_button.isEnabled()
    fx.settings.set("exchange_max_package_mb", 1024)
    tab.retry_button.click()
    qtbot.waitUntil(lambda: "已导入 1" in tab.message.text(), timeout=15000)
    qtbot.waitUntil(lambda: "隔离 0" in tab.counts_label.text(), timeout=10000)
    assert not tab.retry_button.isEnabled()
    tab.shutdown()
    ctx.store.close()


def test_judge_resolves_conflict_and_exports_case(qtbot, world):
    fx, platform, exchange = world
    assign_case(platform, CASE)
    it = fx.it()
    ExchangeService(it).import_now()
    it.store.close()
    judge = fx.judge()
    case_id = CaseService(judge).list_cases()[0].id
    with judge.store.write() as db:  # a local edit of the cause
        db.execute("UPDATE cases SET cause='借款合同纠纷', version=version+1 WHERE id=?", (case_id,))
    assign_case(platform, CASE | {"cause": "金融借款合同纠纷"})
    ExchangeService(judge).import_now()
    tab = _tab(qtbot, judge)
    tab.set_case(case_id)
    qtbot.waitUntil(lambda: tab.conflicts.rowCount() == 1, timeout=10000)
    assert tab.conflicts.item(0, 2).text() == "借款合同纠纷" and tab.conflicts.item(0, 3).text() == "金融借款合同纠纷"
    button = tab.conflicts.cellWidget(0, 4).findChildren(type(tab.import_button))[1]
    button.click()
    qtbot.waitUntil(lambda: tab.conflicts.rowCount() == 0, timeout=10000)
    assert CaseService(judge).get_case(case_id).cause == "金融借款合同纠纷"
    assert tab.export_case_button.isEnabled()
    tab.export_case_button.click()
    qtbot.waitUntil(lambda: "等待平台确认" in tab.message.text(), timeout=15000)
    assert platform.import_incoming().count("applied") == 1
    tab.shutdown()
    judge.store.close()


def test_automatic_scan_imports_in_the_background(qtbot, world):
    fx, platform, exchange = world
    ctx = fx.it()
    tab = _tab(qtbot, ctx)
    assert tab.scan_timer.isActive() and tab.scan_timer.interval() == 60_000
    # Every finished scan's report is kept: with a 50 ms timer the next, empty scan replaces the
    # "已导入 1" text within a tick, which a loaded machine's polling could miss.
    applied: list[int] = []
    shown = tab._import_text
    tab._import_text = lambda report: (applied.append(report.count("applied")), shown(report))[1]
    tab.scan_timer.setInterval(50)
    assign_case(platform, CASE)
    qtbot.waitUntil(lambda: 1 in applied, timeout=15000)
    tab.shutdown()
    assert not tab.scan_timer.isActive()
    ctx.store.close()


def test_main_window_shows_the_exchange_tab_to_it(qtbot, world):
    from widgets.main_window import MainWindow

    fx, platform, exchange = world
    ctx = fx.it()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = tab_titles(window)
    assert "数据交换" in titles
    tab = window.tabs.widget(titles.index("数据交换"))
    assert isinstance(tab, Tab)
    window.close()


def test_it_pins_platform_key_after_confirming_fingerprint(qtbot, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    fx = make_store(tmp_path)
    fx.settings.set("exchange_dir", str(tmp_path / "exchange"))
    platform = FileNode(tmp_path / "platform", tmp_path / "exchange", role="platform")
    platform.ensure_keys("platform")
    key_file = tmp_path / "platform.json"
    key_file.write_text(__import__("json").dumps(platform.keys.public().to_json()), encoding="utf-8")
    ctx = fx.it()
    tab = _tab(qtbot, ctx)
    assert tab.pin_button.isVisible()
    tab.confirm_key_file(key_file)
    assert platform.keys.key_id[:4].upper() in tab.confirm_box.text()
    tab.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: "已固定平台公钥" in tab.message.text(), timeout=10000)
    assert ExchangeService(ctx).platform_node() == "platform"
    qtbot.waitUntil(lambda: platform.keys.key_id[:4].upper() in tab.node_label.text(), timeout=10000)
    tab.shutdown()
    ctx.store.close()
    platform.close()
