"""Read hearing audio with every channel kept, as float32 at 16 kHz.

faster-whisper's own decoder downmixes to mono, which would throw away the seat
information, so audio is read here: libsndfile (WAV, FLAC, OGG, MP3) first, PyAV (M4A/AAC,
anything else FFmpeg reads) as the fallback and for resampling.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
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
    _mix: np.ndarray | None = field(default=None, init=False, repr=False, compare=False)

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
        """Mean of all channels (what a room mix would give), computed once per recording:
        the turns, the rows and each turn's audio all read it. Callers must not write to it."""
        if self.channels == 1:
            return self.channel(0)
        if self._mix is None:
            self._mix = np.ascontiguousarray(self.samples.mean(axis=1, dtype=np.float32))
        return self._mix


# Largest decoded recording held in memory (float32, all channels at 16 kHz): about 4.7
# hours of a 4-channel mixer, or 35 minutes of 32 channels. Beyond it the clerk is asked to
# split the file rather than the process running out of memory.
MAX_DECODED_BYTES = 4 << 30
MAX_CHANNELS = 32
_BLOCK_FRAMES = 1 << 16


def _too_large(frames: int, channels: int, label: str) -> None:
    if channels > MAX_CHANNELS:
        raise InputError(f"录音有 {channels} 个声道，最多支持 {MAX_CHANNELS} 个", label,
                         code="audio.channels", params={"channels": channels, "most": MAX_CHANNELS})
    if frames * channels * 4 > MAX_DECODED_BYTES:
        hours = frames / SAMPLE_RATE / 3600
        raise InputError(f"录音过长（约 {hours:.1f} 小时、{channels} 个声道），请分段后再导入", label,
                         code="audio.too_long", params={"hours": f"{hours:.1f}", "channels": channels})


def _read_soundfile(path, label: str) -> np.ndarray | None:
    """16 kHz files libsndfile reads (WAV/FLAC/OGG in any sample format), block by block into
    one preallocated array; None when libsndfile cannot read it or the rate is not 16 kHz."""
    import soundfile as sf

    if isinstance(path, io.BytesIO):
        path.seek(0)
    try:
        handle = sf.SoundFile(path if isinstance(path, io.BytesIO) else str(path))
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError):
        return None
    with handle:
        if handle.samplerate != SAMPLE_RATE or handle.frames <= 0 or not handle.seekable():
            return None
        _too_large(handle.frames, handle.channels, label)
        out = np.empty((handle.frames, handle.channels), dtype=np.float32)
        done = 0
        try:
            while done < handle.frames:
                got = handle.read(min(_BLOCK_FRAMES, handle.frames - done), dtype="float32",
                                  always_2d=True, out=out[done:done + _BLOCK_FRAMES])
                if len(got) == 0:
                    break
                done += len(got)
        except (sf.LibsndfileError, RuntimeError, ValueError):
            return None
    return out[:done]


class _Growing:
    """A (frames, channels) float32 buffer filled in place; grows by doubling if the
    container's duration was an underestimate (so no list of chunks is ever stacked)."""

    def __init__(self, frames: int, channels: int, label: str) -> None:
        self.label = label
        self.data = np.empty((max(frames, SAMPLE_RATE), channels), dtype=np.float32)
        self.used = 0

    def append(self, block: np.ndarray) -> None:
        """Copy ``block`` (frames, channels) after the frames already held."""
        need = self.used + len(block)
        if need > len(self.data):
            _too_large(need, self.data.shape[1], self.label)
            bigger = np.empty((max(need, 2 * len(self.data)), self.data.shape[1]), np.float32)
            bigger[:self.used] = self.data[:self.used]
            self.data = bigger
        self.data[self.used:need] = block
        self.used = need

    def result(self) -> np.ndarray:
        """The frames filled so far (a view, no copy)."""
        return self.data[:self.used]


def _read_pyav(path, label: str) -> np.ndarray | None:
    """Decode with FFmpeg (PyAV) to 16 kHz float, all channels kept, frame by frame.

    The resampler gives *packed* float ("flt", one interleaved plane), never planar: PyAV
    counts one plane too many on planar frames of 8 or more channels (FFmpeg keeps only 8
    data pointers in the frame itself), and ``to_ndarray`` then reads a stray pointer -
    the SIGSEGV an 8-channel 48 kHz WAV used to cause.
    """
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
        channels = stream.channels or len(stream.layout.channels)
        if channels <= 0:
            return None
        seconds = float(stream.duration * stream.time_base) if stream.duration else (
            container.duration / 1e6 if container.duration else 0.0)
        estimate = int(seconds * SAMPLE_RATE) + SAMPLE_RATE
        _too_large(estimate, channels, label)
        buffer = _Growing(estimate, channels, label)
        resampler = av.AudioResampler(format="flt", layout=stream.layout, rate=SAMPLE_RATE)

        def take(frames) -> None:
            for out in frames:
                packed = out.to_ndarray().reshape(-1, channels)
                buffer.append(packed)

        for frame in container.decode(stream):
            take(resampler.resample(frame))
        take(resampler.resample(None))
    except (av.error.FFmpegError, ValueError):
        return None
    finally:
        container.close()
    return buffer.result()


def channel_count(path: str | Path) -> int:
    """Number of channels of an audio file, from its header only (no decode of the samples).

    libsndfile first (WAV incl. multichannel/RF64, FLAC, OGG Vorbis/Opus), FFmpeg for the rest
    (MP3, M4A/AAC, video containers). Raises :class:`InputError` when neither reads it.
    """
    import soundfile as sf

    path = Path(path)
    if not path.is_file():
        raise InputError("找不到音频文件", str(path))
    if path.stat().st_size == 0:
        raise InputError("音频文件是空的（0 字节）", str(path))
    try:
        channels = sf.info(str(path)).channels
        if channels > 0:
            return int(channels)
    except (sf.LibsndfileError, RuntimeError, TypeError, ValueError):
        pass
    import av

    try:
        with av.open(str(path)) as container:
            if container.streams.audio:
                stream = container.streams.audio[0]
                channels = stream.channels or len(stream.layout.channels)
                if channels > 0:
                    return int(channels)
    except (av.error.FFmpegError, OSError, ValueError):
        pass
    raise InputError(f"无法识别的音频文件（{SUPPORTED_HINT}）", str(path))


def load_audio(path: str | Path) -> Audio:
    """Read ``path`` into :class:`Audio`; raise :class:`InputError` for missing/empty/non-audio."""
    path = Path(path)
    if not path.is_file():
        raise InputError("找不到音频文件", str(path), code="audio.missing")
    if path.stat().st_size == 0:
        raise InputError("音频文件是空的（0 字节）", str(path), code="audio.empty")
    return _decode(path, str(path))


def load_audio_bytes(data: bytes, name: str = "") -> Audio:
    """Decode audio held in memory (e.g. decrypted from the file store; never written out)."""
    if not data:
        raise InputError("音频文件是空的（0 字节）", name, code="audio.empty")
    return _decode(io.BytesIO(data), name)


def _decode(source, label: str) -> Audio:
    # soundfile reads WAV/FLAC/OGG at 16 kHz directly; anything else (other rates, MP3, AAC,
    # video containers) goes through PyAV, which resamples.
    samples = _read_soundfile(source, label)
    if samples is None:
        samples = _read_pyav(source, label)
        if samples is None:
            raise InputError(f"无法识别的音频文件（{SUPPORTED_HINT}）", label, code="audio.unrecognised")
    if samples.shape[0] == 0:
        raise InputError("音频文件里没有声音数据", label, code="audio.silent")
    return Audio(samples if samples.flags.c_contiguous else np.ascontiguousarray(samples))


#: Container and stream tags that describe what a recording is (title, comment…); technical
#: tags (encoder, creation_time, handler_name, vendor…) are left out.
_TECHNICAL_TAGS = ("encoder", "encoded_by", "creation_time", "handler_name", "vendor_id", "major_brand", "minor_version",
                   "compatible_brands", "language", "duration", "bps", "number_of_frames", "number_of_bytes",
                   "_statistics_tags", "_statistics_writing_app", "_statistics_writing_date_utc", "itunsmpb", "itunnorm")
_MAX_TAG_TEXT = 4000


def audio_tags(data: bytes) -> dict[str, str]:
    """The descriptive tags of an encoded recording (WAV INFO, Vorbis comments, ID3, MP4
    atoms as FFmpeg reads them): {tag name (lower case): text}, container tags first, then the
    audio streams'. Empty when the file has none or FFmpeg cannot open it; never decodes audio."""
    import av

    tags: dict[str, str] = {}
    try:
        container = av.open(io.BytesIO(data))
    except (av.error.FFmpegError, OSError, ValueError):
        return tags
    try:
        sources = [container.metadata] + [s.metadata for s in container.streams.audio]
        for metadata in sources:
            for key, value in (metadata or {}).items():
                name = str(key).lower()
                text = str(value).strip()
                if text and name not in _TECHNICAL_TAGS and name not in tags:
                    tags[name] = text[:_MAX_TAG_TEXT]
    finally:
        container.close()
    return tags


def from_array(samples: np.ndarray, sample_rate: int = SAMPLE_RATE) -> Audio:
    """Wrap an in-memory array ((frames,) or (frames, channels)) already at 16 kHz."""
    if sample_rate != SAMPLE_RATE:
        raise InputError("内存中的音频必须是 16 kHz", str(sample_rate))
    data = np.asarray(samples, dtype=np.float32)
    if data.ndim == 1:
        data = data[:, None]
    if data.shape[0] == 0:
        raise InputError("音频里没有声音数据", code="audio.silent")
    return Audio(np.ascontiguousarray(data))
