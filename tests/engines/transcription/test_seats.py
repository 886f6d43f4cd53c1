"""Speaker by seat: channel maps, per-channel activity, loudest channel, mono VAD."""
from __future__ import annotations

import numpy as np
import pytest

from engines.common import InputError
from engines.transcription.audio import load_audio
from engines.transcription.seats import (Turn, parse_channel_map, seat_turns,
                                         split_long_turns, vad_turns)
from tests.helpers.transcription import MONO_CLIP, MULTI_CLIP, clip_reference

RATE = 16000


def test_parse_channel_map():
    assert parse_channel_map("1=审判长,2=原告，3=被告; 4=书记员", 4) == {
        0: "审判长", 1: "原告", 2: "被告", 3: "书记员"}
    assert parse_channel_map(None) == {}
    assert parse_channel_map("2：被告代理人") == {1: "被告代理人"}


@pytest.mark.parametrize("spec, message", [
    ("1审判长", "格式"),
    ("0=审判长", "从 1 开始"),
    ("1=审判长,1=原告", "重复"),
    ("1=法警甲", "未知的席位角色"),
    ("5=证人", "只有 4 个声道"),
])
def test_bad_channel_maps(spec, message):
    with pytest.raises(InputError, match=message):
        parse_channel_map(spec, 4)


def test_turns_follow_the_reference_seats():
    audio = load_audio(MULTI_CLIP)
    ref = clip_reference()
    turns = seat_turns(audio.samples, RATE, parse_channel_map(ref["channels"], 4))
    assert [t.speaker for t in turns] == [s["speaker"] for s in ref["segments"]]
    for turn, seg in zip(turns, ref["segments"]):
        assert turn.channel + 1 == seg["channel"]
        assert abs(turn.start - seg["start"]) < 0.3
        assert abs(turn.end - seg["end"]) < 0.3


def _burst(freq, start, end, level, total=3.0):
    t = np.arange(int(total * RATE)) / RATE
    wave = level * np.sin(2 * np.pi * freq * t)
    wave[(t < start) | (t >= end)] = 0.0
    return wave


def test_loudest_channel_wins_cross_talk():
    rng = np.random.default_rng(1)
    noise = lambda: 0.0005 * rng.standard_normal(int(3.0 * RATE))  # noqa: E731
    # Seat A speaks 0.5-1.5 s, seat B 1.8-2.6 s; each leaks 20 dB lower into the other.
    a = _burst(300, 0.5, 1.5, 0.3) + _burst(500, 1.8, 2.6, 0.03) + noise()
    b = _burst(500, 1.8, 2.6, 0.3) + _burst(300, 0.5, 1.5, 0.03) + noise()
    turns = seat_turns(np.stack([a, b], axis=1).astype(np.float32), RATE, {0: "审判长"})
    assert [(t.speaker, t.channel) for t in turns] == [("审判长", 0), ("声道2", 1)]
    assert turns[0].start == pytest.approx(0.5, abs=0.2)
    assert turns[1].end == pytest.approx(2.6, abs=0.2)


def test_mono_vad_finds_speech():
    audio = load_audio(MONO_CLIP)
    turns = vad_turns(audio.channel(0), RATE, "未识别")
    assert turns and all(t.speaker == "未识别" and t.channel is None for t in turns)
    assert turns[0].start < 0.6 and turns[-1].end > 5.0


def test_long_turns_are_split_under_a_window():
    rng = np.random.default_rng(2)
    speech = (0.1 * rng.standard_normal(RATE * 70)).astype(np.float32)
    speech[RATE * 20: RATE * 20 + RATE // 2] = 0.0  # a pause at 20 s
    turns = split_long_turns([Turn(0.0, 70.0, 0, "原告")], speech[:, None], RATE)
    assert all(t.duration <= 28.0 for t in turns)
    assert turns[0].end == pytest.approx(20.25, abs=0.4)
    assert turns[-1].end == 70.0 and all(t.speaker == "原告" for t in turns)
