"""Decoding generated recordings of every shape a courtroom may hand us (issue 12).

Channel counts 1-32, sample rates 8-96 kHz, sample formats u8/int16/int24/int32/float32/
float64, and lengths from a few samples up. Each file is short so the tests stay fast.
"""
from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from engines.common import InputError
from engines.transcription.audio import load_audio, load_audio_bytes
from engines.transcription.child import decode_mono_in_child, probe_audio_in_child


def _tone_file(path, channels: int, rate: int, subtype: str, seconds: float = 0.25):
    frames = max(1, int(rate * seconds))
    t = np.arange(frames) / rate
    data = np.zeros((frames, channels), dtype=np.float64)
    # Each channel its own level, so a mixed-up channel order would show.
    for ch in range(channels):
        data[:, ch] = (0.02 + 0.8 * ch / max(1, channels)) * np.sin(2 * np.pi * 300 * t)
    sf.write(path, data, rate, subtype=subtype)
    return data


@pytest.mark.parametrize("channels, rate, subtype", [
    (8, 48000, "PCM_16"),     # the courtroom mixer format that used to SIGSEGV
    (1, 8000, "PCM_U8"),
    (2, 11025, "PCM_24"),
    (4, 22050, "PCM_32"),
    (6, 44100, "FLOAT"),
    (12, 96000, "DOUBLE"),
    (16, 16000, "PCM_16"),
    (32, 48000, "PCM_24"),
    (9, 32000, "FLOAT"),
])
def test_shapes_decode_with_channels_kept(tmp_path, channels, rate, subtype):
    path = tmp_path / "x.wav"
    _tone_file(path, channels, rate, subtype)
    audio = load_audio(path)
    assert audio.channels == channels
    assert audio.sample_rate == 16000
    assert audio.samples.dtype == np.float32
    assert audio.duration == pytest.approx(0.25, abs=0.02)
    peaks = np.abs(audio.samples).max(axis=0)
    expected = [0.02 + 0.8 * ch / max(1, channels) for ch in range(channels)]
    tolerance = 0.02 if subtype != "PCM_U8" else 0.05
    assert np.allclose(peaks, expected, atol=tolerance)


def test_short_files_decode_or_say_why(tmp_path):
    path = tmp_path / "short.wav"
    sf.write(path, np.full((400, 2), 0.1), 44100, subtype="PCM_16")
    audio = load_audio(path)
    assert audio.channels == 2 and audio.samples.shape[0] > 100
    # Three samples at 44.1 kHz resample to nothing: a clear message, not a crash.
    sf.write(path, np.full((3, 2), 0.1), 44100, subtype="PCM_16")
    with pytest.raises(InputError, match="没有声音数据"):
        load_audio(path)


def test_too_many_channels_is_a_clear_message(tmp_path):
    path = tmp_path / "many.wav"
    sf.write(path, np.zeros((800, 40)), 16000, subtype="PCM_16")
    with pytest.raises(InputError, match="最多支持 32 个"):
        load_audio(path)


def test_not_audio_is_a_clear_message():
    with pytest.raises(InputError, match="无法识别的音频文件"):
        load_audio_bytes(b"this is no audio at all" * 10, "x.wav")


def test_child_probe_reports_channels_and_duration(tmp_path):
    path = tmp_path / "mixer.wav"
    _tone_file(path, 8, 48000, "PCM_16", seconds=0.5)
    channels, seconds = probe_audio_in_child(path.read_bytes(), "mixer.wav")
    assert channels == 8
    assert seconds == pytest.approx(0.5, abs=0.02)
    samples, rate = decode_mono_in_child(path.read_bytes(), "mixer.wav")
    assert rate == 16000 and samples.ndim == 1 and len(samples) == pytest.approx(8000, abs=100)


def test_child_probe_turns_bad_input_into_input_error():
    with pytest.raises(InputError, match="无法识别的音频文件"):
        probe_audio_in_child(b"RIFF\x00\x00\x00\x00WAVEjunk" * 20, "broken.wav")
    with pytest.raises(InputError, match="空的"):
        probe_audio_in_child(b"", "empty.wav")
