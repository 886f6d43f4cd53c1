"""Time-stretching for playback: speed changes, pitch and speech do not."""
from __future__ import annotations

import numpy as np
import pytest

import engines.transcription as transcription
from engines.transcription.audio import from_array, load_audio
from engines.transcription.scoring import character_error_rate
from engines.transcription.time_stretch import stretch

RATE = 16000


def _peak_hz(samples: np.ndarray) -> float:
    spectrum = np.abs(np.fft.rfft(samples * np.hanning(len(samples))))
    return float(np.argmax(spectrum) * RATE / len(samples))


@pytest.mark.parametrize("speed", [0.5, 0.75, 1.5, 2.0])
def test_speed_changes_length_but_not_pitch(speed):
    t = np.arange(RATE * 2) / RATE
    tone = np.sin(2 * np.pi * 220 * t).astype(np.float32)
    out = stretch(tone, RATE, speed)
    assert len(out) == round(len(tone) / speed)
    assert _peak_hz(out) == pytest.approx(220, abs=3)
    # Playing at another sample rate instead would have moved the pitch to 220 * speed.
    assert np.abs(out).max() < 1.2


def test_normal_speed_and_edge_cases():
    samples = np.linspace(-1, 1, 1000, dtype=np.float32)
    assert np.array_equal(stretch(samples, RATE, 1.0), samples)
    assert len(stretch(np.zeros(0, np.float32), RATE, 0.5)) == 0
    assert len(stretch(samples[:10], RATE, 0.5)) == 20  # shorter than one frame still works
    with pytest.raises(ValueError):
        stretch(samples, RATE, 8.0)


def test_slowed_speech_still_reads_as_the_same_words(model_cache, monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache))
    clip, text = transcription.selftest_clip()
    audio = load_audio(clip)
    slow = stretch(audio.downmix(), audio.sample_rate, 0.75)
    transcriber = transcription.Transcriber(cache_dir=model_cache)
    heard = "".join(s.text for s in transcriber.transcribe_audio(from_array(slow, audio.sample_rate)).segments)
    assert character_error_rate(text, heard) <= 0.1, heard
