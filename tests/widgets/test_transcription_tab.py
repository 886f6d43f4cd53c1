"""The 庭审笔录 tab on a real store: import, transcribe (child process), edit, 补正, find and
replace, split/merge, follow playback, export."""
from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import Qt

from tests.helpers.transcription import MULTI_CLIP, clip_reference, model_cache_dir
from tests.helpers.widgets import tab_titles
from widgets.transcription_tab import COL_SPEAKER, COL_TEXT, LOW_CONFIDENCE_BACKGROUND, TranscriptionTab as Tab

CHANNELS = clip_reference()["channels"]


@pytest.fixture(autouse=True)
def _cache(monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache_dir()))


class FakePlayer:
    """Records play requests; the test sets the playback position."""

    def __init__(self):
        self.calls = []
        self.now = None

    def play(self, samples, rate, start, speed=1.0, end=None, loop=False):
        self.calls.append((len(samples), rate, start, speed, end, loop))
        self.now = start

    def stop(self):
        self.now = None

    def position(self):
        return self.now


def test_clerk_transcribes_edits_and_exports(qtbot, fx, case_id, tmp_path, sync_tasks, monkeypatch):
    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.set_case(case_id)
    assert not tab.transcribe_button.isEnabled()
    tab.channels.setText(CHANNELS)
    tab.import_recording(str(MULTI_CLIP))
    hearing = tab.hearing_id()
    assert hearing and tab.hearing_id() == hearing and tab.transcribe_button.isEnabled()
    tab.transcribe_button.click()
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3, timeout=120000)
    assert [tab.table.item(r, COL_SPEAKER).text() for r in range(3)] == ["原告", "被告", "审判长"]
    assert "转写完成" in tab.status.text() and tab.progress.value() == 100

    # Edit a line as a party's 补正: stored as a revision with who asked.
    tab.correction_request.setChecked(True)
    tab.requested_by.setText("原告")
    tab.table.item(0, COL_TEXT).setText("原告不申请回避。")
    qtbot.waitUntil(lambda: tab.rows[0].edited, timeout=5000)
    revision = tab.service.revisions(tab.rows[0].id)[-1]
    assert (revision["kind"], revision["requested_by"], revision["new_value"]) == ("补正", "原告", "原告不申请回避。")
    tab.correction_request.setChecked(False)
    tab.table.item(1, COL_SPEAKER).setText("被告代理人")
    qtbot.waitUntil(lambda: tab.rows[1].speaker == "被告代理人", timeout=5000)

    # A refused 补正 request is recorded as well.
    tab.table.selectRow(0)
    tab.record_refused("原告申请回避", "与录音不符")
    assert tab.service.refused_corrections(hearing)[0]["requested_by"] == "原告"

    # Find and replace everywhere.
    tab.table.clearSelection()
    tab.find.setText("申请")
    tab.find_next()
    assert tab.selected_row() == 0
    tab.find_next()
    assert tab.selected_row() == 1
    tab.replace.setText("申請")
    tab.replace_all()
    assert "已替换" in tab.status.text() and "申請" in tab.rows[0].text

    # Split and merge a turn.
    tab.table.selectRow(2)
    tab.split(2)
    assert tab.table.rowCount() == 4
    tab.table.selectRow(2)
    tab.merge()
    assert tab.table.rowCount() == 3

    # Playback starts at the selected line and the current line follows it.
    tab.player = FakePlayer()
    tab.table.selectRow(1)
    tab.speed.setCurrentIndex(tab.speed.findData(1.5))
    tab.toggle_play()
    assert tab.player.calls[-1][2] == pytest.approx(tab.rows[1].start) and tab.player.calls[-1][3] == 1.5
    tab.player.now = tab.rows[2].start + 0.2
    tab._follow_playback()
    assert tab.selected_row() == 2
    tab.toggle_play()
    assert tab.player.position() is None

    out = tmp_path / "笔录.docx"
    tab.export(str(out))
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert any(t.startswith("被告代理人：") for t in texts)
    asked = []
    monkeypatch.setattr("widgets.confirm.ask_to_confirm",
                        lambda parent, title, question, items, need_reason, forbidden="": asked.append(items) or "已听")
    tab.mark_checked()
    assert asked and "已核对" in tab.hearing.currentText()
    tab.shutdown()
    ctx.store.close()


def _show_rows(tab, rows, monkeypatch) -> None:
    """Let the tab show ``rows`` as hearing 1 (seats 审判长 and 原告, no audio)."""
    monkeypatch.setattr(tab.service, "segments", lambda hearing: rows)
    monkeypatch.setattr(tab.service, "seats", lambda hearing: ["审判长", "原告"])
    monkeypatch.setattr(tab, "_load_audio", lambda hearing: None)
    monkeypatch.setattr(tab, "hearing_id", lambda: 1)
    tab.reload_segments()


def test_low_confidence_lines_are_highlighted(qtbot, fx, case_id, monkeypatch, sync_tasks):
    from app.services.transcription import SegmentRow

    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    rows = [SegmentRow(1, 0, 0.0, 1.0, "审判长", 1, "现在开庭。", "现在开庭。", 0.9, [], False),
            SegmentRow(2, 1, 1.2, 2.0, "原告", 2, "嗯。", "嗯。", 0.3, [], False)]
    _show_rows(tab, rows, monkeypatch)
    assert tab.table.item(1, COL_TEXT).background().color() == LOW_CONFIDENCE_BACKGROUND
    assert tab.table.item(0, COL_TEXT).background().color() != LOW_CONFIDENCE_BACKGROUND
    tab.shutdown()
    ctx.store.close()


def test_calibrated_lines_are_marked_by_their_shading_only(qtbot, fx, case_id, monkeypatch, sync_tasks):
    from app.services.transcription import SegmentRow
    from engines.transcription.results import Word

    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    # Both lines have a low Whisper line score; only the second has a shaded word.
    clear = [Word(0.0, 0.5, "现在", 0.5, 0.9, False), Word(0.5, 1.0, "开庭", 0.5, 0.9, False)]
    shaded = [Word(1.2, 2.0, "嗯", 0.3, 0.2, True)]
    rows = [SegmentRow(1, 0, 0.0, 1.0, "审判长", 1, "现在开庭。", "现在开庭。", 0.5, [], False, clear, True),
            SegmentRow(2, 1, 1.2, 2.0, "原告", 2, "嗯。", "嗯。", 0.5, [], False, shaded, True)]
    _show_rows(tab, rows, monkeypatch)
    assert tab.table.item(1, COL_TEXT).background().color() == LOW_CONFIDENCE_BACKGROUND
    assert tab.table.item(0, COL_TEXT).background().style() == Qt.BrushStyle.NoBrush
    tab.shutdown()
    ctx.store.close()


def test_speed_control_says_that_pitch_is_kept(qtbot, fx):
    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    assert "变速不变调" in tab.speed.toolTip()
    assert [tab.speed.itemData(i) for i in range(tab.speed.count())][0] <= 0.5
    tab.shutdown()
    ctx.store.close()


def test_main_window_shows_the_transcription_tab(qtbot, fx, case_id):
    from widgets.main_window import MainWindow

    ctx = fx.clerk()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    titles = tab_titles(window)
    assert "庭审笔录" in titles
    assert any(isinstance(t, Tab) for t in window.capability_tabs)
    window.close()


def test_live_hearing_from_a_simulated_device(qtbot, fx, case_id):
    from engines.transcription.live_inputs import WavPlaybackInput

    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    tab.channels.setText(CHANNELS)
    tab.live_source_factory = lambda: WavPlaybackInput(MULTI_CLIP, speed=1.0)
    assert not tab.pause_button.isEnabled()
    tab.live_button.click()
    qtbot.waitUntil(lambda: tab.live is not None, timeout=60000)
    assert tab.pause_button.isEnabled() and not tab.live_button.isEnabled()
    # Text shows up as utterances end (the engine test checks it comes before playback ends).
    qtbot.waitUntil(lambda: tab.table.rowCount() >= 1, timeout=30000)
    qtbot.waitUntil(lambda: tab.live.session.source.finished, timeout=30000)
    tab.pause_button.click()
    tab.resume_button.click()
    tab.stop_live_button.click()
    qtbot.waitUntil(lambda: "转写完成" in tab.status.text(), timeout=60000)
    qtbot.waitUntil(lambda: tab.table.rowCount() == 3 and "待核对" in tab.hearing.currentText(), timeout=10000)
    assert [tab.table.item(r, COL_SPEAKER).text() for r in range(tab.table.rowCount())] == ["原告", "被告", "审判长"]
    assert "待核对" in tab.hearing.currentText()
    kinds = [r["kind"] for r in ctx.store.query("SELECT kind FROM hearing_events WHERE kind != '音频块' ORDER BY id")]
    assert kinds == ["开始", "休庭", "继续", "结束"]
    tab.shutdown()
    ctx.store.close()


def test_model_child_is_warm_only_while_the_tab_shows_a_case(qtbot, fx, case_id):
    import psutil

    ctx = fx.clerk()
    tab = Tab(ctx)
    qtbot.addWidget(tab)
    tab.set_case(case_id)
    assert tab.live_service.warm_pid is None  # not on screen: nothing loads
    tab.show()
    pid = tab.live_service.warm_pid
    assert pid is not None and psutil.pid_exists(pid)
    tab.hide()  # e.g. the user switched to another tab
    assert tab.live_service.warm_pid is None
    assert not psutil.pid_exists(pid)  # ended and reaped, not left as a zombie
    tab.shutdown()
    ctx.store.close()
