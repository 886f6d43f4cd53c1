"""Transcription in a child process: streaming, cancel, crash with segments kept."""
from __future__ import annotations

import time

import pytest

from engines.common import CancelToken, Cancelled, InputError
from engines.transcription.child import CRASH_AFTER_ENV, ChildCrashed, ChildTranscription
from engines.transcription.pipeline import TranscriptionRequest
from tests.helpers.transcription import MULTI_CLIP, clip_reference

CHANNELS = clip_reference()["channels"]


def test_streams_segments_and_returns_result(model_cache):
    job = ChildTranscription(MULTI_CLIP, TranscriptionRequest(channels=CHANNELS),
                             cache_dir=model_cache, cpu_threads=2)
    received, fractions = [], []
    result = job.run(progress=lambda f, m="": fractions.append(f), on_segment=received.append)
    assert [s.speaker for s in result.segments] == ["原告", "被告", "审判长"]
    assert [s.text for s in received] == [s.text for s in result.segments]
    assert fractions and fractions[-1] == 1.0
    assert job.pid and not job._process.is_alive()


def test_cancel_stops_the_child_promptly(model_cache):
    token = CancelToken()
    job = ChildTranscription(MULTI_CLIP, TranscriptionRequest(channels=CHANNELS),
                             cache_dir=model_cache)

    def progress(fraction, message=""):
        token.cancel()  # first sign of life from the child

    started = time.monotonic()
    with pytest.raises(Cancelled):
        job.run(progress=progress, cancel=token)
    assert time.monotonic() - started < 30
    assert not job._process.is_alive()


def test_crash_keeps_received_segments(model_cache, monkeypatch):
    monkeypatch.setenv(CRASH_AFTER_ENV, "2")
    job = ChildTranscription(MULTI_CLIP, TranscriptionRequest(channels=CHANNELS),
                             cache_dir=model_cache)
    received = []
    with pytest.raises(ChildCrashed) as info:
        job.run(on_segment=received.append)
    assert [s.speaker for s in info.value.segments] == ["原告", "被告"]
    assert received == info.value.segments
    assert info.value.exitcode == 70
    assert "已收到的 2 段已保留" in info.value.message


def test_input_errors_come_back_as_input_errors(tmp_path, model_cache):
    bad = tmp_path / "x.wav"
    bad.write_text("not audio", encoding="utf-8")
    with pytest.raises(InputError, match="无法识别的音频"):
        ChildTranscription(bad, cache_dir=model_cache).run()


def test_child_progress_reads_in_the_ui_language():
    """The child process has no renderer: its coded progress text is rendered in the parent."""
    from app import messages

    seen = []
    for language in ("zh_CN", "en"):
        messages.set_language(language)
        job = ChildTranscription(b"not audio at all" * 100)
        with pytest.raises(InputError):
            job.run(progress=lambda f, m="": seen.append(m))
    assert seen[0] == "读取音频"
    assert seen[-1] == "Reading the audio"
