"""The player hands sounddevice time-stretched audio at the recording's own rate."""
from __future__ import annotations

import numpy as np
import pytest
import sounddevice

from app.services import transcription
from widgets.audio_player import AudioPlayer

RATE = 16000


@pytest.fixture
def played(monkeypatch):
    calls = []
    monkeypatch.setattr(sounddevice, "play", lambda data, rate, loop=False: calls.append((data, rate, loop)))
    monkeypatch.setattr(sounddevice, "stop", lambda: calls.append("stop"))
    return calls


def test_slow_playback_keeps_the_rate_and_stretches_the_slice(played):
    samples = np.zeros(RATE * 10, np.float32)
    player = AudioPlayer()
    player.play(samples, RATE, start=2.0, speed=0.5, end=4.0, loop=True)
    data, rate, loop = played[-1]
    assert rate == RATE and loop  # same rate: the pitch is not shifted
    assert len(data) == RATE * 4  # two seconds of recording take four to play
    assert player.position() == pytest.approx(2.0, abs=0.05)
    player.stop()
    assert played[-1] == "stop" and player.position() is None


def test_normal_speed_is_a_plain_slice_and_long_stretches_are_bounded(played, monkeypatch):
    samples = np.arange(RATE * 10, dtype=np.float32)
    AudioPlayer().play(samples, RATE, start=1.0, speed=1.0)
    assert np.array_equal(played[-1][0], samples[RATE:])
    monkeypatch.setattr(transcription, "PLAYBACK_WINDOW_SECONDS", 3.0)
    AudioPlayer().play(np.zeros(RATE * 10, np.float32), RATE, start=0.0, speed=2.0)
    assert len(played[-1][0]) == RATE * 3 // 2
