"""A phrase said once is written once, and a phrase said twice is written twice.

The clip (tests/data/transcription/kokoro_opening_dup.wav) says
"现在开庭。请原告陈述诉讼请求。". VAD finds two turns; Whisper decodes the pack as one
segment spanning both. That segment used to go whole to the second turn (it held most of
the segment), leaving the first turn empty; the first turn was then decoded again on its
own, and the record read "现在开庭" twice.
"""
from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np

from engines.transcription.audio import from_array, load_audio
from engines.transcription.decoder import _Placed, _reclaim_stamped_words, _segment_owner
from engines.transcription.scoring import character_error_rate
from engines.transcription.seats import Turn, frame_levels
from engines.transcription.text_cleanup import strip_punctuation
from tests.helpers.transcription import DATA

CLIP = DATA / "kokoro_opening_dup.wav"


def _meta() -> dict:
    return json.loads(CLIP.with_suffix(".json").read_text(encoding="utf-8"))


def _text(result) -> str:
    return strip_punctuation("".join(s.text for s in result.segments))


def test_opening_said_once_is_written_once(transcriber):
    meta = _meta()
    result = transcriber.transcribe_audio(load_audio(CLIP))
    heard = _text(result)
    assert heard.count(meta["said_once"]) == 1, [s.text for s in result.segments]
    assert character_error_rate(meta["text"], "".join(s.text for s in result.segments)) < 0.1
    # Segments follow each other in time and every word sits inside its own segment with a
    # real duration (a word moved to the wrong turn is squeezed to zero at the turn's edge).
    for before, after in zip(result.segments, result.segments[1:]):
        assert before.end <= after.start
    for segment in result.segments:
        assert segment.words
        for word in segment.words:
            assert segment.start <= word.start < word.end <= segment.end


def test_opening_said_twice_is_written_twice(transcriber):
    audio = load_audio(CLIP)
    samples = audio.samples[:, 0]
    # Cut in the pause after "现在开庭" (quietest 20 ms frame between 1.6 s and 2.1 s) and say
    # the opening again: the record must keep both.
    levels = frame_levels(audio.samples, audio.sample_rate)[:, 0]
    lo, hi = int(1.6 / 0.02), int(2.1 / 0.02)
    cut = (lo + int(np.argmin(levels[lo:hi]))) * int(0.02 * audio.sample_rate)
    twice = np.concatenate([samples[:cut], samples[:cut], samples[cut:]])
    result = transcriber.transcribe_audio(from_array(twice))
    assert _text(result).count(_meta()["said_once"]) == 2, [s.text for s in result.segments]


def _placed(*spans: tuple[float, float, float]) -> list[_Placed]:
    """(offset in the pack, start, end in the recording) per turn."""
    return [_Placed(Turn(start, end, None, "未识别"), offset) for offset, start, end in spans]


def test_segment_spanning_most_of_another_turn_is_split_by_words():
    # The clip's layout: turn 0 fills 0-1.196 s of the pack, turn 1 starts at 1.996 s.
    placed = _placed((0.0, 0.554, 1.75), (1.996, 1.93, 4.694))
    assert _segment_owner(placed, 0.0, 4.48) is None
    # A segment that only strays a little into the neighbour still goes whole.
    assert _segment_owner(placed, 1.7, 4.48) == 1
    assert _segment_owner(placed, 0.0, 2.3) == 0


def test_turn_left_empty_gets_back_words_stamped_inside_it():
    placed = _placed((0.0, 0.554, 1.75), (1.996, 1.93, 4.694))
    words = [SimpleNamespace(start=s, end=e, word=w, probability=0.9)
             for s, e, w in [(0.0, 0.36, "現在"), (0.36, 0.66, "開"), (0.66, 0.92, "庭"),
                             (1.44, 2.24, " 請"), (2.24, 2.42, "原")]]
    assigned = [[1, w] for w in words]
    _reclaim_stamped_words(placed, assigned)
    assert [i for i, _ in assigned] == [0, 0, 0, 1, 1]
