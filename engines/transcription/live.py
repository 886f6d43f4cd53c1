"""Live hearing mode: record, save audio in chunks, and transcribe utterances as they end.

Audio blocks arrive from an :class:`~engines.transcription.live_inputs.AudioInput` thread.
Every ``chunk_seconds`` of audio is handed to ``on_audio_chunk`` (the application writes it
to the encrypted file store), so a crash loses at most one chunk. A worker thread looks at
the audio not yet transcribed, finds speaker turns (by seat, or VAD for one channel), and
decodes each turn once it has been followed by enough silence: text appears about the turn
gap plus one decode after the utterance ends. 休庭/继续 are logged with wall-clock and audio
time; while paused nothing is recorded. ``stop`` transcribes what was already recorded.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from engines.common import EngineError
from engines.transcription.audio import Audio
from engines.transcription.decoder import DecodeOptions, decode_turns
from engines.transcription.live_inputs import AudioInput
from engines.transcription.pipeline import (Transcriber, TranscriptionRequest, finish_segment)
from engines.transcription.results import UNKNOWN_SPEAKER, Segment, Transcript
from engines.transcription.seats import (SeatSettings, Turn, parse_channel_map, seat_turns,
                                         vad_turns)

AudioChunkCallback = Callable[[int, float, np.ndarray], None]


@dataclass
class LiveEvent:
    """Something that happened during the hearing (开始, 休庭, 继续, 结束, 错误)."""

    kind: str
    wall_time: str  # ISO 8601, local time with offset
    audio_time: float  # seconds into the recording
    note: str = ""


@dataclass
class LiveResult:
    """What a finished live session leaves: transcript, events, recorded length."""

    transcript: Transcript
    events: list[LiveEvent] = field(default_factory=list)
    chunks: int = 0


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


class LiveSession:
    """One live hearing. Call :meth:`start`, :meth:`pause`/:meth:`resume`, then :meth:`stop`."""

    def __init__(self, transcriber: Transcriber, source: AudioInput,
                 request: TranscriptionRequest | None = None,
                 on_segment: Callable[[Segment], None] | None = None,
                 on_audio_chunk: AudioChunkCallback | None = None,
                 on_event: Callable[[LiveEvent], None] | None = None,
                 chunk_seconds: float = 2.0, close_after: float = 0.8,
                 context_seconds: float = 20.0, poll_seconds: float = 0.2,
                 max_turn_seconds: float = 20.0) -> None:
        self.transcriber = transcriber
        self.source = source
        self.request = request or TranscriptionRequest()
        self.on_segment = on_segment
        self.on_audio_chunk = on_audio_chunk
        self.on_event = on_event
        self.rate = source.sample_rate
        self.channel_map = (dict(self.request.channels) if isinstance(self.request.channels, dict)
                            else parse_channel_map(self.request.channels, source.channels))
        self.chunk_frames = int(chunk_seconds * self.rate)
        self.close_after = close_after
        self.context_frames = int(context_seconds * self.rate)
        self.poll_seconds = poll_seconds
        self.max_turn_seconds = max_turn_seconds
        self.options = DecodeOptions(beam_size=self.request.beam_size)
        self.segments: list[Segment] = []
        self.events: list[LiveEvent] = []
        self.emitted_at: list[float] = []  # monotonic time each segment was delivered
        self._lock = threading.Lock()
        self._blocks: list[np.ndarray] = []
        self._audio = np.zeros((0, source.channels), dtype=np.float32)
        self._chunk_start = 0  # first frame not yet handed to on_audio_chunk
        self._chunks = 0
        self._done_until = 0  # frames before this are transcribed
        self._paused = False
        self._stopping = threading.Event()
        self._worker: threading.Thread | None = None
        self._error: BaseException | None = None

    # -- control -------------------------------------------------------------------
    def start(self) -> None:
        """Begin recording and transcribing."""
        self._log("开始")
        self._worker = threading.Thread(target=self._work, name="live-transcription",
                                        daemon=True)
        self._worker.start()
        self.source.start(self._on_block)

    def pause(self, note: str = "") -> None:
        """休庭: stop recording until :meth:`resume`; logged with time."""
        with self._lock:
            self._paused = True
        self._log("休庭", note)

    def resume(self, note: str = "") -> None:
        """继续: recording goes on; logged with time."""
        with self._lock:
            self._paused = False
        self._log("继续", note)

    def wait_until_source_finished(self, timeout: float) -> bool:
        """For file playback: wait until the source has delivered everything."""
        deadline = time.monotonic() + timeout
        while not self.source.finished and time.monotonic() < deadline:
            time.sleep(0.05)
        return self.source.finished

    def stop(self) -> LiveResult:
        """Stop recording, transcribe everything already recorded, and return the result."""
        self.source.stop()
        self._stopping.set()
        if self._worker is not None:
            self._worker.join()
        self._take_blocks()
        self._flush_chunks(final=True)
        if self._error is None:
            self._transcribe_pending(final=True)
        self._log("结束")
        if self._error is not None:
            raise EngineError("实时转写出错，已录音频已保存", repr(self._error))
        transcript = Transcript(
            duration=round(len(self._audio) / self.rate, 3), model=self.transcriber.model_name,
            segments=list(self.segments), channels=self.source.channels,
            speaker_source="seats" if self.source.channels > 1 else "mono",
            settings={"live": True, "language": self.options.language,
                      "beam_size": self.options.beam_size})
        return LiveResult(transcript, list(self.events), self._chunks)

    @property
    def recorded_seconds(self) -> float:
        """Audio recorded so far (pauses excluded)."""
        with self._lock:
            pending = sum(len(b) for b in self._blocks)
        return (len(self._audio) + pending) / self.rate

    # -- internals -------------------------------------------------------------------
    def _log(self, kind: str, note: str = "") -> None:
        event = LiveEvent(kind, _now(), round(self.recorded_seconds, 3), note)
        self.events.append(event)
        if self.on_event:
            self.on_event(event)

    def _on_block(self, block: np.ndarray) -> None:
        with self._lock:
            if not self._paused:
                self._blocks.append(block)

    def _take_blocks(self) -> None:
        with self._lock:
            blocks, self._blocks = self._blocks, []
        if blocks:
            self._audio = np.concatenate([self._audio, *blocks])

    def _flush_chunks(self, final: bool = False) -> None:
        while len(self._audio) - self._chunk_start >= self.chunk_frames or (
                final and len(self._audio) > self._chunk_start):
            end = min(len(self._audio), self._chunk_start + self.chunk_frames)
            chunk = self._audio[self._chunk_start:end]
            if self.on_audio_chunk:
                pcm = (np.clip(chunk, -1.0, 1.0) * 32767.0).astype(np.int16)
                self.on_audio_chunk(self._chunks, self._chunk_start / self.rate, pcm)
            self._chunks += 1
            self._chunk_start = end

    def _work(self) -> None:
        try:
            while not self._stopping.is_set():
                self._take_blocks()
                self._flush_chunks()
                self._transcribe_pending(final=False)
                self._stopping.wait(self.poll_seconds)
        except BaseException as exc:  # noqa: BLE001 - recording must survive a decoder fault
            self._error = exc
            self._log("错误", repr(exc))

    def _closed_turns(self, final: bool) -> list[Turn]:
        total = len(self._audio)
        lo = max(0, min(self._done_until, total - self.context_frames))
        window = self._audio[lo:total]
        if len(window) < int(0.3 * self.rate):
            return []
        offset = lo / self.rate
        if self.source.channels > 1 and self.request.use_seats:
            turns = seat_turns(window, self.rate, self.channel_map, SeatSettings())
        else:
            mono = window[:, 0] if self.source.channels == 1 else window.mean(axis=1)
            turns = vad_turns(np.ascontiguousarray(mono), self.rate, UNKNOWN_SPEAKER,
                              self.request.mono_min_silence_ms)
        done = self._done_until / self.rate
        now = total / self.rate
        closed = []
        for turn in turns:
            start, end = turn.start + offset, turn.end + offset
            if end <= done + 0.05:
                continue
            start = max(start, done)
            is_closed = final or end + self.close_after <= now or (
                end - start >= self.max_turn_seconds and end >= now - 0.05)
            if not is_closed:
                break  # later turns wait for this one, to keep the order
            closed.append(Turn(round(start, 3), round(end, 3), turn.channel, turn.speaker))
        return closed

    def _transcribe_pending(self, final: bool) -> None:
        turns = self._closed_turns(final)
        if not turns:
            return
        audio = Audio(self._audio)

        def source(turn: Turn) -> np.ndarray:
            lo, hi = int(turn.start * self.rate), int(turn.end * self.rate)
            if turn.channel is None:
                return audio.downmix()[lo:hi]
            return np.ascontiguousarray(audio.samples[lo:hi, turn.channel])

        for item in decode_turns(self.transcriber.model, turns, source, self.rate,
                                 self.options):
            segment = finish_segment(item, self.request)
            if segment is not None and segment.text:
                self.segments.append(segment)
                self.emitted_at.append(time.monotonic())
                if self.on_segment:
                    self.on_segment(segment)
        self._done_until = max(self._done_until, int(turns[-1].end * self.rate))
