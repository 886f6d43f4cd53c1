"""Audio sources for live hearing mode: a real input device, or a WAV played as if live.

Both deliver float32 blocks of shape (frames, channels) at 16 kHz to a callback from their
own thread, and report when the stream has ended.
"""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Callable, Protocol

import numpy as np

from engines.common import InputError
from engines.transcription.audio import SAMPLE_RATE, load_audio

BlockCallback = Callable[[np.ndarray], None]


class AudioInput(Protocol):
    """What live mode needs from an audio source."""

    sample_rate: int
    channels: int

    def start(self, callback: BlockCallback) -> None:
        """Begin delivering blocks to ``callback`` (from another thread)."""

    def stop(self) -> None:
        """Stop delivering; returns once no more callbacks will come."""

    @property
    def finished(self) -> bool:
        """True when the source has no more audio (a file ran out, a device vanished)."""


def list_input_devices() -> list[dict]:
    """Input devices known to PortAudio: index, name, max input channels, default (bool)."""
    import sounddevice as sd

    try:
        default = int(sd.query_devices(kind="input")["index"])
    except Exception:  # noqa: BLE001 - no default input (or none at all)
        default = -1
    return [{"index": i, "name": d["name"], "channels": d["max_input_channels"], "default": i == default}
            for i, d in enumerate(sd.query_devices()) if d["max_input_channels"] > 0]


class SoundDeviceInput:
    """Record every channel of an input device (sounddevice / PortAudio) at 16 kHz."""

    def __init__(self, device: int | str | None = None, channels: int | None = None,
                 block_seconds: float = 0.1) -> None:
        import sounddevice as sd

        try:
            info = sd.query_devices(device, "input")
        except (ValueError, sd.PortAudioError) as exc:
            raise InputError("找不到录音设备", str(exc), code="live.no_device") from exc
        self.sample_rate = SAMPLE_RATE
        self.channels = int(channels or info["max_input_channels"])
        self._device = device
        self._block = int(block_seconds * SAMPLE_RATE)
        self._stream = None
        self._finished = False

    def start(self, callback: BlockCallback) -> None:
        """Open the stream; PortAudio calls back on its own thread."""
        import sounddevice as sd

        def on_audio(indata, frames, time_info, status) -> None:
            callback(np.array(indata, dtype=np.float32, copy=True))

        def on_finished() -> None:
            self._finished = True

        try:
            self._stream = sd.InputStream(
                device=self._device, channels=self.channels, samplerate=self.sample_rate,
                dtype="float32", blocksize=self._block, callback=on_audio,
                finished_callback=on_finished)
            self._stream.start()
        except sd.PortAudioError as exc:
            raise InputError("无法打开录音设备", str(exc), code="live.cannot_open") from exc

    def stop(self) -> None:
        """Stop and close the stream."""
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None
        self._finished = True

    @property
    def finished(self) -> bool:
        """True after stop or when the device stream ended by itself."""
        return self._finished


class WavPlaybackInput:
    """A recording played back block by block at (a multiple of) real time.

    Stands in for a courtroom's multi-channel input in tests and demonstrations.
    """

    def __init__(self, path: str | Path, speed: float = 1.0, block_seconds: float = 0.1) -> None:
        self._audio = load_audio(path)
        self.sample_rate = SAMPLE_RATE
        self.channels = self._audio.channels
        self.speed = speed
        self._block = int(block_seconds * SAMPLE_RATE)
        self._stop = threading.Event()
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self.started_at: float | None = None  # monotonic time the first block was sent

    def start(self, callback: BlockCallback) -> None:
        """Start the playback thread."""
        self._thread = threading.Thread(target=self._play, args=(callback,),
                                        name="wav-playback", daemon=True)
        self._thread.start()

    def _play(self, callback: BlockCallback) -> None:
        samples = self._audio.samples
        self.started_at = time.monotonic()
        position = 0
        while position < len(samples) and not self._stop.is_set():
            block = samples[position:position + self._block]
            position += len(block)
            # Pace by the clock, not by sleeps, so slow callbacks do not stretch the audio.
            due = self.started_at + position / self.sample_rate / self.speed
            callback(np.array(block, copy=True))
            delay = due - time.monotonic()
            if delay > 0:
                self._stop.wait(delay)
        self._done.set()

    def audio_time_to_monotonic(self, seconds: float) -> float:
        """When (monotonic clock) the audio at ``seconds`` was delivered."""
        return (self.started_at or 0.0) + seconds / self.speed

    def stop(self) -> None:
        """Stop playback and wait for the thread."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5.0)
        self._done.set()

    @property
    def finished(self) -> bool:
        """True when the whole file was played (or playback was stopped)."""
        return self._done.is_set()
