"""Playback of hearing audio for the transcript editor (sounddevice; replaceable in tests)."""
from __future__ import annotations

import time


class AudioPlayer:
    """Plays decoded hearing audio through sounddevice; replaceable (tests, no device)."""

    def __init__(self) -> None:
        self.started_at: float | None = None
        self.offset = 0.0
        self.speed = 1.0
        self.stop_at: float | None = None

    def play(self, samples, rate: int, start: float, speed: float = 1.0, end: float | None = None,
             loop: bool = False) -> None:
        """Play from ``start`` (seconds) to ``end`` or the end, faster or slower, same pitch.

        Slower or faster speech is time-stretched (see app.services.transcription.playback_clip)
        rather than played at another sample rate, so voices keep their pitch.
        """
        import sounddevice as sd

        from app.services.transcription import playback_clip

        sd.play(playback_clip(samples, rate, start, end, speed), rate, loop=loop)
        self.started_at, self.offset, self.speed, self.stop_at = time.monotonic(), start, speed, end

    def stop(self) -> None:
        """Stop playback."""
        if self.started_at is not None:
            import sounddevice as sd

            sd.stop()
        self.started_at = None

    def position(self) -> float | None:
        """Current position in seconds, None when stopped."""
        if self.started_at is None:
            return None
        return self.offset + (time.monotonic() - self.started_at) * self.speed


def playback_problem(exc: BaseException) -> str:
    """A sentence in the user's language for a failed playback (never 'Error querying device -1')."""
    from PySide6.QtCore import QCoreApplication

    text = str(exc).lower()
    if "device" in text or "portaudio" in text or "no default output" in text or isinstance(exc, OSError):
        return QCoreApplication.translate("audio", "无法播放：没有可用的放音设备。请连接耳机或音箱后重试。")
    return QCoreApplication.translate("audio", "无法播放：录音无法送到放音设备（%1）。").replace("%1", type(exc).__name__)
