"""Words mapped onto a line's current text: unchanged words keep their shading, words the
clerk changed lose it, the machine's own corrections keep it, added text has no word."""
from __future__ import annotations

from app.services.word_spans import split_words, word_spans
from engines.transcription.results import Correction, Word


def words(*texts):
    return [Word(float(i), float(i) + 0.9, t, 0.5) for i, t in enumerate(texts)]


def spans_of(text, ws, corrections=(), edited=True):
    return [(text[s.start:s.end], s.word, s.keep) for s in word_spans(text, ws, corrections, edited)]


def test_unchanged_line_keeps_every_word():
    assert spans_of("现在开庭。", words("现在", "开庭")) == [("现在", 0, True), ("开庭", 1, True), ("。", None, False)]


def test_clerk_edited_word_loses_shading_the_rest_keep_it():
    assert spans_of("现在休庭。", words("现在", "开庭")) == [("现在", 0, True), ("休庭", 1, False), ("。", None, False)]


def test_typing_inside_a_word_edits_it_and_text_between_words_has_no_word():
    ws = words("被告", "答辩")
    assert spans_of("被原告答辩", ws)[0] == ("被原告", 0, False)
    spans = word_spans("被告，现在答辩", ws)
    assert [(s.word, s.keep) for s in spans] == [(0, True), (None, False), (1, True)]
    assert spans[1].time == 0.0  # added text plays from the word before it


def test_machine_corrections_and_clean_up_keep_the_shading():
    ws = words("张小明", "借款")
    fix = Correction(0, "张小明", "张晓明", "当事人", 0.9, "读音相近")
    assert spans_of("张晓明借款", ws, [fix], edited=False)[0] == ("张晓明", 0, True)
    # Edited elsewhere later: the correction is still in the text, so it is still the machine's.
    assert spans_of("张晓明借款。", ws, [fix], edited=True)[0] == ("张晓明", 0, True)
    # Full-width punctuation from the clean-up matches the recogniser's half-width one.
    assert spans_of("好，", words("好,")) == [("好，", 0, True)]


def test_deleted_word_disappears_and_times_follow_the_words():
    ws = words("嗯", "现在", "开庭")
    spans = word_spans("现在开庭", ws, edited=False)
    assert [(s.word, s.time) for s in spans] == [(1, 1.0), (2, 2.0)]
    assert word_spans("现在开庭", []) == [] and word_spans("", ws) == []


def test_a_split_sends_each_word_where_its_characters_stand_and_starts_at_its_first_word():
    said = words("原告", "不同意", "被告", "请求")
    head, tail, start = split_words("原告不同意被告请求", said, 5, fallback_time=9.0)
    assert (head, tail, start) == ([0, 1], [2, 3], 2.0)
    # A word the clerk deleted goes by its time against the proportional split point.
    assert split_words("原告被告请求", said, 2, fallback_time=1.5) == ([0, 1], [2, 3], 2.0)
    assert split_words("原告被告请求", said, 2, fallback_time=0.5) == ([0], [1, 2, 3], 2.0)
