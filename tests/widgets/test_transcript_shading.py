"""Issue 14 item 7: unsure words are shaded inside the transcript line and follow the clerk's
edits; split and merge change only their rows (selection and scroll position stay)."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

from tests.helpers import widgets as helpers
from tests.helpers.transcription import MULTI_CLIP
from widgets.transcript_shading import PARTS_ROLE, SHADE
from widgets.transcription_tab import COL_TEXT, LOW_CONFIDENCE_BACKGROUND, TranscriptionTab

# Calibrated words (issue 12): the middle word is the unsure one.
WORDS = [{"start": 0.2, "end": 0.6, "text": "原告", "probability": 0.9, "confidence": 0.9, "shaded": False},
         {"start": 0.6, "end": 1.0, "text": "陈述", "probability": 0.2, "confidence": 0.2, "shaded": True},
         {"start": 1.0, "end": 1.4, "text": "诉讼请求", "probability": 0.9, "confidence": 0.9, "shaded": False}]
# Recognised as 张小明, corrected by the machine to the party's name 张晓明.
NAME_WORDS = [{"start": 2.0, "end": 2.5, "text": "张小明", "probability": 0.3, "confidence": 0.3, "shaded": True},
              {"start": 2.5, "end": 3.0, "text": "借款", "probability": 0.9, "confidence": 0.9, "shaded": False}]
NAME_FIX = [{"position": 0, "original": "张小明", "replacement": "张晓明", "term_source": "当事人", "score": 0.9,
             "reason": "读音相近"}]
LINES = 40


@pytest.fixture
def tab(qtbot, fx, case_id, sync_tasks):
    ctx = fx.clerk()
    tab = helpers.open_tab(qtbot, TranscriptionTab, ctx, case_id)
    tab.resize(1000, 700)
    tab.import_recording(str(MULTI_CLIP))
    hearing = tab.hearing_id()
    with ctx.store.write() as db:
        rows = [("原告陈述诉讼请求。", "原告陈述诉讼请求。", WORDS, []), ("张小明借款", "张晓明借款", NAME_WORDS, NAME_FIX)]
        rows += [(f"第{i}段发言内容。", f"第{i}段发言内容。", [], []) for i in range(2, LINES)]
        for i, (machine, text, words, fixes) in enumerate(rows):
            db["hearing_segments"].insert({"hearing_id": hearing, "position": i, "start": i * 0.1,
                                           "end": i * 0.1 + 0.1, "speaker": "原告", "channel": 0,
                                           "machine_text": machine, "text": text, "confidence": 0.8,
                                           "corrections": json.dumps(fixes, ensure_ascii=False), "edited": 0,
                                           "words": json.dumps(words, ensure_ascii=False)})
    tab.reload_segments()
    yield tab
    tab.shutdown()
    ctx.store.close()


def shaded_texts(tab, row):
    text = tab.table.item(row, COL_TEXT).text()
    return [text[p.start:p.end] for p in tab.table.item(row, COL_TEXT).data(PARTS_ROLE) or [] if p.colour is not None]


def cell_has_colour(tab, row, colour) -> bool:
    image = tab.table.viewport().grab().toImage()
    rect = tab.table.visualRect(tab.table.model().index(row, COL_TEXT))
    return any(image.pixelColor(x, y) == colour for x in range(rect.left(), rect.right(), 2)
               for y in range(rect.top() + 1, rect.bottom(), 2))


def test_unsure_word_is_shaded_inside_the_line(qtbot, tab):
    assert shaded_texts(tab, 0) == ["陈述"]
    tab.table.selectRow(5)
    assert cell_has_colour(tab, 0, SHADE)  # painted in the cell itself, not only in the strip
    assert not cell_has_colour(tab, 2, SHADE)
    assert tab.table.item(0, 0).background().color() == LOW_CONFIDENCE_BACKGROUND
    # Hovering the shaded word tells its time and confidence.
    delegate = tab.table.itemDelegateForColumn(COL_TEXT)
    index = tab.table.model().index(0, COL_TEXT)
    rect = tab.table.visualRect(index)
    option = QStyleOptionViewItem()
    tab.table.initViewItemOption(option)
    option.rect = rect
    tips = {delegate.part_at(option, index, QPoint(x, rect.center().y())).tip
            for x in range(rect.left() + 2, rect.right(), 3)
            if delegate.part_at(option, index, QPoint(x, rect.center().y())) is not None}
    assert any("0.6" in t and "20%" in t for t in tips)
    # The editor opens with the plain text.
    tab.table.setCurrentCell(0, COL_TEXT)
    tab.table.editItem(tab.table.item(0, COL_TEXT))
    editors = [e for e in tab.table.viewport().findChildren(QLineEdit) if e.isVisible()]
    assert editors and editors[0].text() == "原告陈述诉讼请求。"


def test_shading_follows_the_clerks_edit_and_the_strip_shows_the_current_text(qtbot, tab):
    tab.table.selectRow(1)
    # The machine's correction is shown (not the recogniser's 张小明) and still shaded.
    assert "张晓明" in tab.words.text() and "张小明" not in tab.words.text()
    assert shaded_texts(tab, 1) == ["张晓明"]
    tab.table.selectRow(0)
    tab.table.item(0, COL_TEXT).setText("原告陈诉诉讼请求。")  # the clerk fixes the unsure word
    qtbot.waitUntil(lambda: tab.rows[0].edited, timeout=5000)
    assert shaded_texts(tab, 0) == []
    assert tab.table.item(0, 0).background().color() != LOW_CONFIDENCE_BACKGROUND
    assert "陈诉" in tab.words.text() and "陈述" not in tab.words.text()
    tab.table.item(1, COL_TEXT).setText("张晓明借了款")  # an edit elsewhere in the line
    qtbot.waitUntil(lambda: tab.rows[1].edited, timeout=5000)
    assert shaded_texts(tab, 1) == ["张晓明"]  # the unchanged unsure word keeps its shade
    # Clicking a word of the strip plays from that word.
    played = []
    tab.play_from = lambda start, end=None: played.append(start)
    tab.words.word_clicked.disconnect()
    tab.words.word_clicked.connect(tab.play_from)
    tab.table.selectRow(0)
    tab.words.linkActivated.emit("w:2")
    assert played == [pytest.approx(1.0)]


def test_split_and_merge_update_only_their_rows(qtbot, tab, monkeypatch):
    tab.table.selectRow(30)
    tab.table.scrollToItem(tab.table.item(30, 0))
    scroll = tab.table.verticalScrollBar().value()
    assert scroll > 0
    reads = []
    monkeypatch.setattr(tab.service, "segments", lambda hearing: reads.append(hearing) or [])
    before = [r.text for r in tab.rows]
    tab.split(2)
    assert tab.table.rowCount() == LINES + 1 and reads == []
    assert [tab.table.item(r, COL_TEXT).text() for r in (30, 31)] == ["第3", "0段发言内容。"]
    assert [r.text for r in tab.rows] == before[:30] + ["第3", "0段发言内容。"] + before[31:]
    assert tab.selected_row() == 30 and tab.table.verticalScrollBar().value() == scroll
    tab.merge()
    assert tab.table.rowCount() == LINES and reads == []
    assert [r.text for r in tab.rows] == before
    assert tab.table.item(30, COL_TEXT).text() == before[30] and tab.table.item(31, COL_TEXT).text() == before[31]
    assert tab.selected_row() == 30 and tab.table.verticalScrollBar().value() == scroll
    assert [r.id for r in tab.rows] == [r.id for r in type(tab.service).segments(tab.service, tab.hearing_id())]
