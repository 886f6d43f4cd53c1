"""Windows decoded side by side by several model instances (decoder.decode_turns)."""
from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from engines.common import CancelToken, Cancelled
from engines.transcription.audio import from_array, load_audio
from engines.transcription.decoder import DecodeOptions, decode_turns
from engines.transcription.pipeline import TranscriptionRequest, decoding_workers
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


def _long_recording(seconds: float):
    clip = load_audio(MONO_CLIP).downmix()
    gap = np.zeros(RATE, np.float32)
    return from_array(np.concatenate([clip, gap] * max(2, int(seconds * RATE / (len(clip) + RATE)))))


def test_real_model_side_by_side_reads_a_long_recording_as_one_instance_does(
        transcriber, monkeypatch):
    # Beam search only: temperature fallback draws from each thread's own generator, so
    # with sampling the two layouts may differ (each repeats itself: see the next test).
    request = TranscriptionRequest(temperature_fallback=False)
    long = _long_recording(40)  # two windows
    assert len(transcriber.models) == 2
    two = transcriber.transcribe_audio(long, request)
    monkeypatch.setattr(transcriber, "models", [transcriber.model])
    one = transcriber.transcribe_audio(long, request)
    assert [s.text for s in two.segments] == [s.text for s in one.segments]
    assert [(s.start, s.end) for s in two.segments] == [(s.start, s.end) for s in one.segments]
    assert len(two.segments) >= 4


_SAMPLING_RUN = """
import json, sys
import numpy as np
sys.path.insert(0, {root!r})
from engines.transcription.audio import load_audio, from_array
from engines.transcription.decoder import DecodeOptions, decode_turns
from engines.transcription.pipeline import Transcriber
from engines.transcription.seats import vad_turns
transcriber = Transcriber(cache_dir={cache!r}, cpu_threads=2)
sampled = []
for model in transcriber.models:
    inner = model.model
    class Counting:
        def __init__(self, inner):
            self.inner = inner
        def __getattr__(self, name):
            return getattr(self.inner, name)
        def generate(self, *args, **kwargs):
            sampled.append("sampling_temperature" in kwargs)
            return self.inner.generate(*args, **kwargs)
    model.model = Counting(inner)
clip = load_audio({clip!r}).downmix()
audio = np.concatenate([clip, np.zeros(16000, np.float32)] * 5)  # two windows
turns = vad_turns(audio, 16000, "x", 300, 500, 0.5)
# Every window fails the log-probability check, so every window samples.
options = DecodeOptions(log_prob_threshold=0.0, temperatures=(0.0, 0.2))
items = list(decode_turns(transcriber.models, turns, lambda t: audio[int(t.start * 16000):int(t.end * 16000)],
                          16000, options))
print(json.dumps({{"texts": [i.raw_text for i in items], "sampled": sum(sampled)}}, ensure_ascii=False))
"""


def test_side_by_side_sampling_repeats_itself_in_a_fresh_process(model_cache):
    """What the application relies on (one decode child per recording): the same recording
    gives the same text, temperature fallback included, however the threads are timed."""
    root = str(Path(__file__).resolve().parents[3])
    code = _SAMPLING_RUN.format(root=root, cache=str(model_cache), clip=str(MONO_CLIP))
    runs = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             encoding="utf-8", timeout=300, cwd=root)
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    assert runs[0]["sampled"] > 0 and len(runs[0]["texts"]) >= 4
    assert runs[0] == runs[1]
