"""Audio reading: every channel kept, 16 kHz, common formats, clear errors."""
from __future__ import annotations

import av
import numpy as np
import pytest
import soundfile as sf

from engines.common import InputError
from engines.transcription.audio import load_audio
from tests.helpers.transcription import MONO_CLIP, MULTI_CLIP


def test_multichannel_flac_keeps_channels():
    audio = load_audio(MULTI_CLIP)
    assert audio.channels == 4
    assert audio.sample_rate == 16000
    assert audio.duration == pytest.approx(5.8, abs=0.01)
    # Channels differ (one seat each), so nothing was downmixed.
    assert not np.allclose(audio.channel(0), audio.channel(1))


def test_other_rate_is_resampled(tmp_path):
    rate = 44100
    t = np.arange(rate) / rate
    stereo = np.stack([0.5 * np.sin(2 * np.pi * 440 * t), np.zeros_like(t)], axis=1)
    path = tmp_path / "a.wav"
    sf.write(path, stereo, rate)
    audio = load_audio(path)
    assert audio.channels == 2
    assert audio.samples.shape[0] == pytest.approx(16000, abs=200)
    assert np.abs(audio.channel(0)).max() > 0.3
    assert np.abs(audio.channel(1)).max() < 0.01


def _encode(src, dst, codec, container_format):
    data, rate = sf.read(src, dtype="float32", always_2d=True)
    with av.open(str(dst), "w", format=container_format) as out:
        stream = out.add_stream(codec, rate=rate, layout="mono")
        frame = av.AudioFrame.from_ndarray(data.T.copy(), format="fltp", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


@pytest.mark.parametrize("suffix, codec, fmt", [(".m4a", "aac", "mp4"), (".mp3", "libmp3lame", "mp3")])
def test_compressed_formats(tmp_path, suffix, codec, fmt):
    path = tmp_path / f"clip{suffix}"
    _encode(MONO_CLIP, path, codec, fmt)
    audio = load_audio(path)
    assert audio.channels == 1
    assert audio.duration == pytest.approx(5.8, abs=0.15)
    assert np.abs(audio.samples).max() > 0.05


def test_errors(tmp_path):
    with pytest.raises(InputError, match="找不到"):
        load_audio(tmp_path / "missing.wav")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="空"):
        load_audio(empty)
    text = tmp_path / "notes.mp3"
    text.write_text("这不是音频" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="无法识别的音频"):
        load_audio(text)
    silent = tmp_path / "zero.wav"
    sf.write(silent, np.zeros((0, 1)), 16000)
    with pytest.raises(InputError, match="没有声音"):
        load_audio(silent)
