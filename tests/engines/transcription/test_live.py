"""Live hearing mode with a simulated input device that plays a WAV/FLAC."""
from __future__ import annotations

import time

import numpy as np
import pytest

from engines.transcription.audio import load_audio
from engines.transcription.live import LiveSession
from engines.transcription.live_inputs import WavPlaybackInput
from engines.transcription.pipeline import TranscriptionRequest
from tests.helpers.transcription import MULTI_CLIP, clip_reference

REF = clip_reference()


def test_text_appears_while_the_hearing_goes_on(transcriber):
    source = WavPlaybackInput(MULTI_CLIP, speed=1.0)
    chunks = []
    session = LiveSession(transcriber, source, TranscriptionRequest(channels=REF["channels"]),
                          on_audio_chunk=lambda i, t, pcm: chunks.append((i, t, pcm)))
    session.start()
    assert session.wait_until_source_finished(30)
    live_before_end = len(session.segments)
    result = session.stop()
    assert [s.speaker for s in result.transcript.segments] == ["原告", "被告", "审判长"]
    # The first utterance (ends 1.14 s into the clip) was shown before playback ended.
    assert live_before_end >= 1
    first = result.transcript.segments[0]
    latency = session.emitted_at[0] - source.audio_time_to_monotonic(REF["segments"][0]["end"])
    assert latency < 6.0, latency
    assert "申请" in first.text
    # Audio was handed over in 2 s chunks that add up to the whole recording.
    assert [c[0] for c in chunks] == list(range(len(chunks))) and len(chunks) == 3
    assert [c[1] for c in chunks] == pytest.approx([0.0, 2.0, 4.0])
    recorded = np.concatenate([c[2] for c in chunks])
    original = load_audio(MULTI_CLIP).samples
    assert recorded.dtype == np.int16 and recorded.shape == original.shape
    assert np.abs(recorded / 32767.0 - original).max() < 1e-3
    assert [e.kind for e in result.events] == ["开始", "结束"]


class _HandFedInput:
    """An input whose blocks the test pushes itself."""

    sample_rate = 16000
    channels = 1

    def __init__(self):
        self.callback = None
        self._finished = False

    def start(self, callback):
        self.callback = callback

    def stop(self):
        self._finished = True

    @property
    def finished(self):
        return self._finished

    def push(self, seconds):
        noise = 0.0005 * np.random.default_rng(0).standard_normal((int(seconds * 16000), 1))
        self.callback(noise.astype(np.float32))


def test_pause_and_resume_are_logged_and_pause_records_nothing(transcriber):
    source = _HandFedInput()
    events = []
    session = LiveSession(transcriber, source, on_event=events.append, poll_seconds=0.05)
    session.start()
    source.push(1.0)
    time.sleep(0.2)
    session.pause("当事人申请休息")
    source.push(1.0)  # dropped: the court is in recess
    session.resume()
    source.push(0.5)
    result = session.stop()
    assert [e.kind for e in result.events] == ["开始", "休庭", "继续", "结束"]
    assert events == result.events
    assert result.events[1].note == "当事人申请休息"
    assert result.events[1].audio_time == pytest.approx(1.0)
    assert result.events[2].audio_time == pytest.approx(1.0)
    assert result.transcript.duration == pytest.approx(1.5)
    assert result.transcript.segments == []  # noise only: nothing invented
    assert "T" in result.events[0].wall_time


def test_stop_finishes_what_was_recorded(transcriber):
    source = WavPlaybackInput(MULTI_CLIP, speed=8.0)
    session = LiveSession(transcriber, source, TranscriptionRequest(channels=REF["channels"]),
                          poll_seconds=5.0)  # the worker barely looks: stop must do the work
    session.start()
    assert session.wait_until_source_finished(10)
    result = session.stop()
    assert [s.speaker for s in result.transcript.segments] == ["原告", "被告", "审判长"]
    assert result.transcript.duration == pytest.approx(5.8, abs=0.01)
