"""A decoded stretch of mono speech is cut into one row per utterance (decoder.split_rows)."""
from __future__ import annotations

import numpy as np

from engines.transcription.audio import from_array
from engines.transcription.decoder import TurnText, split_rows
from engines.transcription.pipeline import TranscriptionRequest, find_rows
from engines.transcription.results import Word
from engines.transcription.seats import Turn


def _stretch(*words: tuple[float, float, str]) -> TurnText:
    items = [Word(start, end, text, 0.9) for start, end, text in words]
    return TurnText(Turn(0.0, 10.0, None, "未识别"), "".join(w.text for w in items), items)


def test_words_go_to_the_row_that_holds_their_end():
    item = _stretch((0.2, 0.6, "原告"), (0.6, 1.1, "到庭"), (3.0, 3.4, "被告"), (3.4, 4.0, "未到"))
    rows = [Turn(0.0, 1.5, None, "未识别"), Turn(2.8, 4.5, None, "未识别")]
    out = split_rows(item, rows)
    assert [part.raw_text for part in out] == ["原告到庭", "被告未到"]
    assert [(part.turn.start, part.turn.end) for part in out] == [(0.0, 1.5), (2.8, 4.5)]
    assert all(part.turn.speaker == "未识别" for part in out)


def test_a_word_in_a_gap_goes_to_the_nearest_row_and_rows_take_in_their_words():
    # The VAD that cut the rows missed a quiet word at 1.9-2.6 s; it ends nearer row two.
    item = _stretch((0.2, 1.0, "请坐"), (1.9, 2.6, "下面"), (3.0, 3.5, "开庭"))
    rows = [Turn(0.0, 1.2, None, "未识别"), Turn(2.8, 4.0, None, "未识别")]
    out = split_rows(item, rows)
    assert [part.raw_text for part in out] == ["请坐", "下面开庭"]
    assert out[1].turn.start == 1.9  # the row begins where its first word does


def test_rows_without_words_are_left_out_and_one_row_changes_nothing():
    item = _stretch((0.2, 0.6, "好"), (0.6, 1.0, "的"))
    rows = [Turn(0.0, 1.2, None, "未识别"), Turn(5.0, 6.0, None, "未识别")]
    assert [part.raw_text for part in split_rows(item, rows)] == ["好的"]
    single = [Turn(0.0, 1.2, None, "未识别")]
    assert split_rows(item, single) == [item]
    assert split_rows(TurnText(item.turn, "", []), rows)[0].raw_text == ""


def test_rows_outside_the_stretch_are_ignored():
    item = TurnText(Turn(10.0, 12.0, None, "未识别"), "对", [Word(10.2, 10.5, "对", 0.9)])
    rows = [Turn(0.0, 1.0, None, "未识别"), Turn(10.0, 12.0, None, "未识别"),
            Turn(20.0, 21.0, None, "未识别")]
    assert split_rows(item, rows) == [item]


def test_only_mono_recordings_with_vad_are_cut_into_rows():
    stereo = from_array(np.zeros((16000, 2), np.float32))
    assert find_rows(stereo, TranscriptionRequest()) == []  # seats give the rows
    mono = from_array(np.zeros(16000, np.float32))
    assert find_rows(mono, TranscriptionRequest(use_vad=False)) == []
    assert find_rows(mono, TranscriptionRequest()) == []  # silence: no utterance


def test_rows_never_overlap_when_word_times_run_over():
    # A word in the gap is given to the next row, but Whisper stamped its start early, back
    # inside the first row: the next row starts where the first one ends, not earlier.
    item = _stretch((0.2, 0.6, "原告"), (0.6, 1.2, "到庭"), (1.0, 2.9, "被告"), (3.2, 4.0, "未到"))
    rows = [Turn(0.0, 1.5, None, "未识别"), Turn(3.1, 4.5, None, "未识别")]
    out = split_rows(item, rows)
    assert [part.raw_text for part in out] == ["原告到庭", "被告未到"]
    assert out[0].turn.end == 1.5 and out[1].turn.start == 1.5
    assert all(part.turn.start <= part.turn.end for part in out)
