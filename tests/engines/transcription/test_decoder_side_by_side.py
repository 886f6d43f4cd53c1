"""Windows decoded side by side by several model instances (decoder.decode_turns)."""
from __future__ import annotations

import threading
import time
from types import SimpleNamespace

import numpy as np
import pytest

from engines.common import CancelToken, Cancelled
from engines.transcription.audio import from_array, load_audio
from engines.transcription.decoder import DecodeOptions, decode_turns
from engines.transcription.pipeline import decoding_workers
from engines.transcription.seats import Turn
from tests.helpers.transcription import MONO_CLIP

RATE = 16000


class _Info:
    duration = 1.0


class _EchoWhisper:
    """Hears one word per window: the model's name and the window's length in samples.

    ``slow`` makes the call take a while (so two instances really overlap); ``fail``
    raises on the given call.
    """

    def __init__(self, name: str, slow: float = 0.0, fail_on: int | None = None):
        self.name, self.slow, self.fail_on = name, slow, fail_on
        self.calls: list[int] = []
        self.threads: set[str] = set()

    def transcribe(self, audio, **kwargs):
        self.calls.append(len(audio))
        self.threads.add(threading.current_thread().name)
        if self.fail_on is not None and len(self.calls) == self.fail_on:
            raise RuntimeError("decoder broke")
        time.sleep(self.slow)
        end = len(audio) / RATE
        word = SimpleNamespace(word=f"{self.name}{len(audio)}", start=0.0, end=end,
                               probability=0.9)
        segment = SimpleNamespace(start=0.0, end=end, words=[word])
        return iter([segment]), _Info()


def _turns(count: int) -> list[Turn]:
    # 20 s turns: each fills its own window, so every turn is one pack.
    return [Turn(20.0 * i, 20.0 * i + 20.0 - i * 0.5, None, "未识别") for i in range(count)]


def _source(turn: Turn) -> np.ndarray:
    return np.zeros(int(turn.duration * RATE), np.float32)


def test_packs_alternate_between_models_and_come_back_in_order():
    models = [_EchoWhisper("a", slow=0.05), _EchoWhisper("b", slow=0.05)]
    turns = _turns(5)
    packs_done = []
    out = list(decode_turns(models, turns, _source, RATE, DecodeOptions(),
                            on_pack=lambda done, total: packs_done.append((done, total))))
    assert [item.turn for item in out] == turns
    # Pack i is always decoded by model i % 2: the same calls in the same order every run.
    assert [item.raw_text[0] for item in out] == ["a", "b", "a", "b", "a"]
    assert [item.raw_text[1:] for item in out] == [str(int(t.duration * RATE)) for t in turns]
    assert packs_done == [(i, 5) for i in range(1, 6)]
    assert all(len(m.threads) == 1 for m in models)
    assert models[0].threads != models[1].threads


def test_side_by_side_gives_what_one_model_gives():
    turns = _turns(4)
    one = [i.raw_text[1:] for i in decode_turns(_EchoWhisper("a"), turns, _source, RATE,
                                                 DecodeOptions())]
    two = [i.raw_text[1:] for i in decode_turns([_EchoWhisper("a"), _EchoWhisper("b")], turns,
                                                 _source, RATE, DecodeOptions())]
    assert one == two


def test_a_failing_instance_raises_in_the_caller_and_the_other_stops():
    models = [_EchoWhisper("a", slow=0.02), _EchoWhisper("b", fail_on=1)]
    seen = []
    with pytest.raises(RuntimeError, match="decoder broke"):
        for item in decode_turns(models, _turns(6), _source, RATE, DecodeOptions()):
            seen.append(item.raw_text)
    # Pack 0 (model a) arrives; pack 1 is b's first call, which fails.
    assert seen == [f"a{20 * RATE}"]
    assert not [t for t in threading.enumerate() if t.name.startswith("whisper-")]


def test_cancel_stops_side_by_side_decoding():
    token = CancelToken()
    models = [_EchoWhisper("a", slow=0.05), _EchoWhisper("b", slow=0.05)]
    seen = []
    with pytest.raises(Cancelled):
        for item in decode_turns(models, _turns(8), _source, RATE, DecodeOptions(), token):
            seen.append(item)
            token.cancel()
    assert len(seen) == 1
    assert sum(len(m.calls) for m in models) < 8
    assert not [t for t in threading.enumerate() if t.name.startswith("whisper-")]


def test_default_workers_give_each_core_its_own_instance():
    assert decoding_workers(2, 0) == (1, 2)
    assert decoding_workers(1, 0) == (1, 1)
    assert decoding_workers(4, 0) == (2, 2)
    assert decoding_workers(2, 1) == (2, 1)


def test_real_model_side_by_side_reads_a_long_recording_as_one_instance_does(
        transcriber, monkeypatch):
    clip = load_audio(MONO_CLIP).downmix()
    gap = np.zeros(RATE, np.float32)
    # Long enough for several windows.
    long = from_array(np.concatenate([clip, gap] * max(2, int(70 * RATE / (len(clip) + RATE)))))
    assert len(transcriber.models) == 2
    two = transcriber.transcribe_audio(long)
    monkeypatch.setattr(transcriber, "models", [transcriber.model])
    one = transcriber.transcribe_audio(long)
    assert [s.text for s in two.segments] == [s.text for s in one.segments]
    assert [(s.start, s.end) for s in two.segments] == [(s.start, s.end) for s in one.segments]
    assert len(two.segments) >= 4
