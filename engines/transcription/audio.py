"""Read hearing audio with every channel kept, as float32 at 16 kHz.

faster-whisper's own decoder downmixes to mono, which would throw away the seat
information, so audio is read here: libsndfile (WAV, FLAC, OGG, MP3) first, PyAV (M4A/AAC,
anything else FFmpeg reads) as the fallback and for resampling.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from engines.common import InputError

SAMPLE_RATE = 16000
SUPPORTED_HINT = "支持 WAV、FLAC、MP3、M4A"


@dataclass
class Audio:
    """Decoded audio: ``samples`` has shape (frames, channels), float32 in -1..1."""

    samples: np.ndarray
    sample_rate: int = SAMPLE_RATE

    @property
    def channels(self) -> int:
        """Number of channels (1 for mono)."""
        return int(self.samples.shape[1])

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.samples.shape[0] / float(self.sample_rate)

    def channel(self, index: int) -> np.ndarray:
        """One channel (0-based) as a contiguous 1-D array."""
        return np.ascontiguousarray(self.samples[:, index])

    def downmix(self) -> np.ndarray:
        """Mean of all channels (what a room mix would give)."""
        if self.channels == 1:
            return self.channel(0)
        return np.ascontiguousarray(self.samples.mean(axis=1, dtype=np.float32))


def _read_soundfile(path) -> tuple[np.ndarray, int] | None:
    import soundfile as sf

    if isinstance(path, io.BytesIO):
        path.seek(0)
    try:
        data, rate = sf.read(path if isinstance(path, io.BytesIO) else str(path),
                             dtype="float32", always_2d=True)
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError):
        return None
    return data, int(rate)


def _read_pyav(path) -> np.ndarray | None:
    """Decode with FFmpeg (PyAV) straight to 16 kHz float, all channels kept."""
    import av

    if isinstance(path, io.BytesIO):
        path.seek(0)
    try:
        container = av.open(path if isinstance(path, io.BytesIO) else str(path))
    except (av.error.FFmpegError, OSError, ValueError):
        return None
    try:
        if not container.streams.audio:
            return None
        stream = container.streams.audio[0]
        resampler = av.AudioResampler(format="fltp", layout=stream.layout, rate=SAMPLE_RATE)
        chunks: list[np.ndarray] = []
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunks.append(out.to_ndarray())
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray())
    except (av.error.FFmpegError, ValueError):
        return None
    finally:
        container.close()
    if not chunks:
        return np.zeros((0, 1), dtype=np.float32)
    return np.ascontiguousarray(np.concatenate(chunks, axis=1).T.astype(np.float32))


def load_audio(path: str | Path) -> Audio:
    """Read ``path`` into :class:`Audio`; raise :class:`InputError` for missing/empty/non-audio."""
    path = Path(path)
    if not path.is_file():
        raise InputError("找不到音频文件", str(path))
    if path.stat().st_size == 0:
        raise InputError("音频文件是空的（0 字节）", str(path))
    return _decode(path, str(path))


def load_audio_bytes(data: bytes, name: str = "") -> Audio:
    """Decode audio held in memory (e.g. decrypted from the file store; never written out)."""
    if not data:
        raise InputError("音频文件是空的（0 字节）", name)
    return _decode(io.BytesIO(data), name)


def _decode(source, label: str) -> Audio:
    # soundfile reads WAV/FLAC/OGG at 16 kHz directly; anything else (other rates, MP3, AAC,
    # video containers) goes through PyAV, which resamples.
    read = _read_soundfile(source)
    if read is not None and read[1] == SAMPLE_RATE:
        samples = read[0]
    else:
        samples = _read_pyav(source)
        if samples is None:
            raise InputError(f"无法识别的音频文件（{SUPPORTED_HINT}）", label)
    if samples.shape[0] == 0:
        raise InputError("音频文件里没有声音数据", label)
    return Audio(np.ascontiguousarray(samples, dtype=np.float32))


def from_array(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> Audio:
    """Wrap an in-memory array ((frames,) or (frames, channels)) already at 16 kHz."""
    if sample_rate != SAMPLE_RATE:
        raise InputError("内存中的音频必须是 16 kHz", str(sample_rate))
    data = np.asarray(samples, dtype=np.float32)
    if data.ndim == 1:
        data = data[:, None]
    if data.shape[0] == 0:
        raise InputError("音频里没有声音数据")
    return Audio(np.ascontiguousarray(data))
