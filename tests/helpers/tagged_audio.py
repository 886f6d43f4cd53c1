"""Short recordings carrying container tags (WAV INFO, FLAC and Opus Vorbis comments, MP3 ID3),
written with PyAV, for the tests of the recording guard."""
from __future__ import annotations

import io

import numpy as np

#: (container format, codec) pairs PyAV's FFmpeg can write with tags.
TAGGED_FORMATS = {"wav": ("wav", "pcm_s16le"), "flac": ("flac", "flac"), "opus": ("ogg", "libopus"),
                  "mp3": ("mp3", "libmp3lame")}


def tagged_recording(kind: str, tags: dict[str, str], seconds: float = 1.0) -> bytes:
    """A mono 16 kHz tone of ``seconds`` in the ``kind`` of TAGGED_FORMATS with ``tags`` set on
    the container."""
    import av

    fmt, codec = TAGGED_FORMATS[kind]
    buffer = io.BytesIO()
    container = av.open(buffer, "w", format=fmt)
    for key, value in tags.items():
        container.metadata[key] = value
    stream = container.add_stream(codec, rate=48000 if codec == "libopus" else 16000)
    stream.layout = "mono"
    t = np.arange(int(16000 * seconds), dtype=np.float32) / 16000
    frame = av.AudioFrame.from_ndarray((0.2 * np.sin(2 * np.pi * 440 * t)).reshape(1, -1).astype(np.float32),
                                       format="flt", layout="mono")
    frame.rate = 16000
    target = stream.codec_context.format.name if stream.codec_context.format else "s16"
    resampler = av.AudioResampler(format=target, layout="mono", rate=stream.codec_context.sample_rate)
    for out in list(resampler.resample(frame)) + list(resampler.resample(None)):
        for packet in stream.encode(out):
            container.mux(packet)
    for packet in stream.encode(None):
        container.mux(packet)
    container.close()
    return buffer.getvalue()
