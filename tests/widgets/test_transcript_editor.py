"""Issue 14 item 7: the transcript editor - waveform with marks and seeking, word timings,
confidence shading, seat picker, play/speed keys, Chinese messages, A4 record named by 案号."""
from __future__ import annotations

import json

import docx
import pytest
from docx.shared import Mm
from PySide6.QtCore import QPointF, Qt

from tests.helpers import widgets as helpers
from tests.helpers.transcription import MULTI_CLIP
from widgets.transcript_parts import SeatMapDialog
from widgets.transcription_tab import COL_SPEAKER, TranscriptionTab

WORDS = [{"start": 0.2, "end": 0.6, "text": "现在", "probability": 0.95},
         {"start": 0.6, "end": 1.0, "text": "开庭", "probability": 0.3}]


class FakePlayer:
    """Records what would be played (no sound device on the test machine)."""

    def __init__(self, error=None):
        self.calls, self.error, self.now = [], error, None

    def play(self, samples, rate, start, speed=1.0, end=None, loop=False):
        if self.error:
            raise self.error
        self.calls.append((start, speed))
        self.now = start

    def stop(self):
        self.now = None

    def position(self):
        return self.now


@pytest.fixture
def tab(qtbot, fx, case_id, sync_tasks):
    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    tab.channels.setText("1=原告,2=被告,3=审判长")
    tab.import_recording(str(MULTI_CLIP))
    hearing = tab.hearing_id()
    with ctx.store.write() as db:
        for i, (start, speaker, text, conf, words) in enumerate(
                [(0.2, "审判长", "现在开庭。", 0.55, WORDS), (1.9, "原告", "不申请回避。", 0.92, [])]):
            db["hearing_segments"].insert({"hearing_id": hearing, "position": i, "start": start, "end": start + 1.5,
                                           "speaker": speaker, "channel": 0, "machine_text": text, "text": text,
                                           "confidence": conf, "corrections": "[]", "edited": 0,
                                           "words": json.dumps(WORDS if words else [])})
    tab.reload_segments()
    tab.player = FakePlayer()
    yield tab
    tab.shutdown()
    ctx.store.close()


def test_waveform_marks_lines_and_a_click_seeks(qtbot, tab):
    assert tab.waveform.peaks and tab.waveform.duration > 5
    assert tab.waveform.marks == [0.2, 1.9]
    tab.table.selectRow(1)
    assert tab.waveform.selected == (1.9, 3.4)
    tab.waveform.resize(600, 60)
    qtbot.mouseClick(tab.waveform, Qt.MouseButton.LeftButton, pos=QPointF(300, 30).toPoint())
    assert tab.player.calls[-1][0] == pytest.approx(tab.waveform.duration / 2, abs=0.1)


def test_a_clicked_word_plays_from_its_start_and_unsure_words_are_shaded(tab):
    tab.table.selectRow(0)
    text = tab.words.text()
    assert "现在" in text and "开庭" in text and "background-color:#ffab91" in text  # the 30% word
    tab.words.linkActivated.emit("w:1")
    assert tab.player.calls[-1][0] == pytest.approx(0.6)
    tab.table.selectRow(1)  # no word timings: the line itself, from its start
    tab.words.linkActivated.emit("w:0")
    assert tab.player.calls[-1][0] == pytest.approx(1.9)


def test_play_and_speed_keys(qtbot, tab):
    tab.table.selectRow(0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    assert tab.speed.currentData() == 1.25
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert tab.player.calls[-1] == (pytest.approx(0.2), 1.25)
    qtbot.keyClick(tab.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert tab.player.position() is None


def test_speaker_is_picked_from_the_hearing_seats(tab):
    assert {"审判长", "书记员", "原告", "被告"} <= set(tab.seats)
    delegate = tab.table.itemDelegateForColumn(COL_SPEAKER)
    editor = delegate.createEditor(tab.table.viewport(), None, tab.table.model().index(0, COL_SPEAKER))
    assert [editor.itemData(i) for i in range(editor.count())] == tab.seats
    assert "张三" not in tab.seats
    editor.deleteLater()


def test_channel_seats_are_picked_per_channel(qtbot):
    dialog = SeatMapDialog(3, ["审判长", "原告", "被告"], {0: "原告"}, lambda s: s)
    qtbot.addWidget(dialog)
    dialog.pickers[1].setCurrentIndex(dialog.pickers[1].findData("被告"))
    dialog.pickers[2].setCurrentIndex(dialog.pickers[2].findData("审判长"))
    assert dialog.spec() == "1=原告,2=被告,3=审判长"


def test_no_sound_device_is_said_in_chinese(tab):
    tab.player = FakePlayer(OSError("Error querying device -1"))
    tab.table.selectRow(0)
    tab.play()
    assert "没有可用的放音设备" in tab.status.text() and "device -1" not in tab.status.text()


def test_record_export_is_a4_named_by_case_number_without_machine_note(tab, tmp_path):
    name = tab.service.record_file_name(tab.hearing_id())
    assert name.startswith("（2024）京0105民初12345号_庭审笔录") and name.endswith(".docx")
    out = tmp_path / name
    tab.export(str(out))
    document = docx.Document(str(out))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    text = "\n".join(p.text for p in document.paragraphs)
    assert "模型" not in text and "whisper" not in text.lower()


@pytest.mark.parametrize("name, channels, codec, fmt", [("two.mp3", 2, "libmp3lame", "mp3"),
                                                        ("six.m4a", 6, "aac", "mp4"), ("two.opus", 2, "libopus", "ogg"),
                                                        ("mono.mp3", 1, "libmp3lame", "mp3")])
def test_import_asks_a_seat_per_channel_for_every_format(qtbot, fx, case_id, sync_tasks, monkeypatch, tmp_path,
                                                          name, channels, codec, fmt):
    from tests.helpers.audio_files import encode
    from widgets.transcript_parts import SeatMapDialog as Dialog

    path = encode(tmp_path / name, channels, codec, fmt)
    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    monkeypatch.setattr("widgets.file_dialogs.open_file", lambda *a, **k: str(path))
    # The window never reads the file itself: the probe in this process is broken on purpose.
    monkeypatch.setattr("engines.transcription.audio.channel_count", lambda p: 1 / 0)
    asked = []

    def pick(dialog):
        asked.append(len(dialog.pickers))
        dialog.pickers[0].setCurrentIndex(dialog.pickers[0].findData("审判长"))
        dialog.pickers[1].setCurrentIndex(dialog.pickers[1].findData("原告"))
        return Dialog.DialogCode.Accepted

    monkeypatch.setattr(Dialog, "exec", pick)
    tab.import_recording()
    assert asked == ([channels] if channels > 1 else [])
    assert tab.hearing.count() == 1 and "录音已加密保存" in tab.status.text()
    stored = ctx.store.query("SELECT channels FROM hearings")[0]["channels"]
    assert stored == ("1=审判长,2=原告" if channels > 1 else "")
    tab.shutdown()
    ctx.store.close()


def test_import_cancelled_at_the_seat_picker_stores_nothing(qtbot, fx, case_id, sync_tasks, monkeypatch):
    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    monkeypatch.setattr("widgets.file_dialogs.open_file", lambda *a, **k: str(MULTI_CLIP))
    monkeypatch.setattr(SeatMapDialog, "exec", lambda dialog: SeatMapDialog.DialogCode.Rejected)
    tab.import_recording()
    assert tab.hearing.count() == 0 and "未导入" in tab.status.text()
    tab.shutdown()
    ctx.store.close()
