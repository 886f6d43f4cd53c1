"""Recordings in the formats courts receive (MP3, M4A/AAC, Ogg/Opus, multichannel WAV),
encoded from the test clip with a chosen number of channels."""
from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import soundfile as sf

from tests.helpers.transcription import MULTI_CLIP

LAYOUTS = {1: "mono", 2: "stereo", 4: "quad", 6: "5.1"}


def clip_samples(channels: int) -> tuple[np.ndarray, int]:
    """(frames, channels) float32 of the 4-channel test clip, channels repeated or cut to ``channels``."""
    data, rate = sf.read(MULTI_CLIP, dtype="float32", always_2d=True)
    picked = [data[:, i % data.shape[1]] for i in range(channels)]
    return np.ascontiguousarray(np.stack(picked, axis=1)), rate


def encode(dst: Path, channels: int, codec: str, container_format: str, rate: int = 48000) -> Path:
    """Write the clip as ``codec`` in ``container_format`` with ``channels`` channels (PyAV)."""
    data, source_rate = clip_samples(channels)
    if rate != source_rate:  # Opus takes 48 kHz only: repeat samples (the content does not matter here)
        data = np.repeat(data, rate // source_rate, axis=0)
    with av.open(str(dst), "w", format=container_format) as out:
        stream = out.add_stream(codec, rate=rate, layout=LAYOUTS[channels])
        frame = av.AudioFrame.from_ndarray(data.T.copy(), format="fltp", layout=LAYOUTS[channels])
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return dst


def wav(dst: Path, channels: int) -> Path:
    """The clip as a ``channels``-channel 16-bit WAV."""
    data, rate = clip_samples(channels)
    sf.write(dst, data, rate, subtype="PCM_16")
    return dst
