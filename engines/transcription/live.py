"""Live hearing mode: record, save audio in chunks, and transcribe utterances as they end.

Audio blocks arrive from an :class:`~engines.transcription.live_inputs.AudioInput` thread.
A recording thread appends them and hands every ``chunk_seconds`` of audio to
``on_audio_chunk`` (the application writes it to the encrypted file store), so a crash loses
at most one chunk. A separate decoding thread looks at the audio not yet transcribed, finds
speaker turns (by seat, or VAD for one channel), and sends each turn to a decoder once it
has been followed by enough silence: text appears about the turn gap plus one decode after
the utterance ends. The two threads share nothing but the recorded audio, so a long decode
never holds back saving the recording.

The decoder is normally a :class:`~engines.transcription.live_decoder.ChildDecoder`: Whisper
in its own process, so a native crash there cannot end the recording. When it dies the
session logs an 错误 event, restarts it (at most ``max_restarts`` times, then transcription
stops with an event while recording goes on) and sends again the turns whose text had not
come back. 休庭/继续 are logged with wall-clock and audio time; while paused nothing is
recorded. ``stop`` transcribes what was already recorded.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from engines.common import EngineError
from engines.transcription.decoder import DecodeOptions, TurnText
from engines.transcription.live_buffer import RecordedAudio
from engines.transcription.live_decoder import DecoderDied, InProcessDecoder, TurnDecoder
from engines.transcription.live_inputs import AudioInput
from engines.transcription.pipeline import (Transcriber, TranscriptionRequest, finish_segment)
from engines.transcription.results import UNKNOWN_SPEAKER, Segment, Transcript
from engines.transcription.seats import (SeatSettings, Turn, parse_channel_map, seat_turns,
                                         vad_turns)

AudioChunkCallback = Callable[[int, float, np.ndarray], None]
# Beam of live decoding (faster-whisper's default; see LiveSession.__init__).
LIVE_BEAM_SIZE = 5


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
    """One live hearing. Call :meth:`start`, :meth:`pause`/:meth:`resume`, then :meth:`stop`.

    ``decoder`` is where Whisper runs (a :class:`ChildDecoder` for crash isolation); without
    one, ``transcriber``'s model decodes in this process. ``max_restarts`` bounds how often a
    dead decoder is started again during one hearing.
    """

    def __init__(self, transcriber: Transcriber | None, source: AudioInput,
                 request: TranscriptionRequest | None = None,
                 on_segment: Callable[[Segment], None] | None = None,
                 on_audio_chunk: AudioChunkCallback | None = None,
                 on_event: Callable[[LiveEvent], None] | None = None,
                 chunk_seconds: float = 2.0, close_after: float = 0.8,
                 context_seconds: float = 20.0, poll_seconds: float = 0.2,
                 max_turn_seconds: float = 20.0, decoder: TurnDecoder | None = None,
                 max_restarts: int = 3) -> None:
        if decoder is None:
            if transcriber is None:
                raise ValueError("LiveSession needs a transcriber or a decoder")
            decoder = InProcessDecoder(transcriber.model, transcriber.model_name)
        self.transcriber = transcriber
        self.decoder = decoder
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
        self.max_restarts = max_restarts
        # Live decoding must keep pace and does not rescore: the wider beam of file
        # transcription (chosen for the rescoring) is capped at faster-whisper's 5.
        self.options = DecodeOptions(beam_size=min(self.request.beam_size, LIVE_BEAM_SIZE))
        self.segments: list[Segment] = []
        self.events: list[LiveEvent] = []
        self.emitted_at: list[float] = []  # monotonic time each segment was delivered
        self.restarts = 0  # decoder restarts after a crash
        self._lock = threading.Lock()  # blocks from the input thread, the recorded length
        self._event_lock = threading.Lock()  # events from several threads keep one order
        self._blocks: list[np.ndarray] = []
        self._taking = 0  # frames moved out of _blocks but not yet in _recorded
        # Recorded audio still needed (not yet saved as a chunk, or not yet transcribed plus
        # the context before it); older audio is released, so memory stays bounded however
        # long the hearing. Frame numbers are absolute. A RecordedAudio never rewrites the
        # frames it shows, so a snapshot taken by the decoding thread stays valid while the
        # recording thread appends or drops audio.
        self._recorded = RecordedAudio.empty(source.channels)
        self._min_buffer = max(60 * self.rate, 2 * (self.context_frames + self.chunk_frames))
        self._chunk_start = 0  # first frame not yet handed to on_audio_chunk
        self._chunks = 0
        self._done_until = 0  # frames before this are transcribed
        self._paused = False
        self._stopping = threading.Event()  # the recording thread ends
        self._recorded_all = threading.Event()  # everything is recorded: decode the rest
        self._abandoned = threading.Event()  # no more decoding at all
        self._decoding_stopped = ""  # why transcription gave up (recording goes on)
        self._worker: threading.Thread | None = None  # recording thread
        self._decoding: threading.Thread | None = None
        self._error: BaseException | None = None

    # -- control -------------------------------------------------------------------
    def start(self) -> None:
        """Begin recording and transcribing (the decoder loads in the background)."""
        from engines.transcription.language_model import warm_up

        warm_up()  # the correction's word model, before the first utterance ends
        self._log("开始")
        self._worker = threading.Thread(target=self._record, name="live-recording",
                                        daemon=True)
        self._decoding = threading.Thread(target=self._decode_loop, name="live-decoding",
                                          daemon=True)
        self._worker.start()
        self._decoding.start()
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

    def stop(self, timeout: float | None = None) -> LiveResult:
        """Stop recording, transcribe everything already recorded, and return the result.

        A decoder that hangs (rather than crashes) must not hang the end of a hearing: after
        ``timeout`` seconds (default: one minute plus the length of the audio still to be
        transcribed) decoding is given up, as by :meth:`abandon`, and the result says so.
        """
        self._finish_recording()
        if timeout is None:
            timeout = 60.0 + max(0, self._recorded.end - self._done_until) / self.rate
        gave_up = False
        if self._decoding is not None:
            self._decoding.join(timeout)
            if self._decoding.is_alive():
                gave_up = True
                self._abandoned.set()
                self.decoder.kill()
                self._decoding.join()
        self.decoder.close()
        if gave_up:
            self._decoding_stopped = (self._decoding_stopped
                                      or f"转写在结束时 {timeout:.0f} 秒内未完成，已停止；录音已保存，可对录音重新转写")
            self._log("错误", self._decoding_stopped)
        self._log("结束")
        if self._error is not None:
            raise EngineError("实时转写出错，已录音频已保存", repr(self._error), code="live.failed")
        settings = {"live": True, "language": self.options.language,
                    "beam_size": self.options.beam_size, "decoder_restarts": self.restarts}
        if self._decoding_stopped:
            settings["decoding_stopped"] = self._decoding_stopped
        transcript = Transcript(
            duration=round(self._recorded.end / self.rate, 3), model=self.decoder.model_name,
            segments=list(self.segments), channels=self.source.channels,
            speaker_source="seats" if self.source.channels > 1 else "mono", settings=settings)
        return LiveResult(transcript, list(self.events), self._chunks)

    def abandon(self) -> None:
        """Save what was recorded and end at once, transcribing nothing more.

        For an application that must quit now; the recording can be transcribed later.
        """
        self._abandoned.set()
        self._finish_recording()
        self.decoder.kill()  # a decode in progress ends with DecoderDied, not a restart
        if self._decoding is not None:
            self._decoding.join()
        self.decoder.close()
        self._log("结束", "中止：未转写的部分可对录音重新转写")

    @property
    def recorded_seconds(self) -> float:
        """Audio recorded so far (pauses excluded)."""
        with self._lock:
            frames = self._recorded.end + self._taking + sum(len(b) for b in self._blocks)
        return frames / self.rate

    @property
    def held_frames(self) -> int:
        """Frames of audio the session holds in memory (for tests and measurements)."""
        return self._recorded.held_frames

    # -- recording -------------------------------------------------------------------
    @property
    def _audio(self) -> RecordedAudio:
        """The audio still held (a snapshot; frames in it never change)."""
        with self._lock:
            return self._recorded

    def _keep_from(self, end: int) -> int:
        """The first frame still needed when ``end`` frames are recorded.

        Chunks not yet saved are always kept. Decoding needs the audio from the first frame
        not yet transcribed, or the context window before ``end`` if that starts earlier
        (see _closed_turns), with a second of slack for turn times rounded to milliseconds;
        turns waiting for a restarted decoder all start after _done_until, so they are kept
        too. Once transcription has stopped for good, nothing is kept for it.
        """
        keep = self._chunk_start
        if not self._decoding_stopped and not self._abandoned.is_set():
            needed = min(self._done_until, end - self.context_frames) - self.rate
            keep = min(keep, needed)
        return max(0, keep)

    def _log(self, kind: str, note: str = "") -> None:
        with self._event_lock:
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
            added = sum(len(b) for b in blocks)
            self._taking = added
        if not blocks:
            return
        # Copy outside the lock: the input thread must never wait for a buffer resize.
        recorded = self._recorded
        recorded = recorded.appended(np.concatenate(blocks), self._keep_from(recorded.end + added),
                                     self._min_buffer)
        with self._lock:
            self._recorded, self._taking = recorded, 0

    def _flush_chunks(self, final: bool = False) -> None:
        audio = self._audio
        while audio.end - self._chunk_start >= self.chunk_frames or (
                final and audio.end > self._chunk_start):
            end = min(audio.end, self._chunk_start + self.chunk_frames)
            chunk = audio.frames(self._chunk_start, end)
            if self.on_audio_chunk:
                pcm = (np.clip(chunk, -1.0, 1.0) * 32767.0).astype(np.int16)
                self.on_audio_chunk(self._chunks, self._chunk_start / self.rate, pcm)
            self._chunks += 1
            self._chunk_start = end

    def _record(self) -> None:
        try:
            while not self._stopping.is_set():
                self._take_blocks()
                self._flush_chunks()
                self._stopping.wait(self.poll_seconds)
        except BaseException as exc:  # noqa: BLE001 - reported at stop; chunks saved so far stay
            self._error = exc
            self._log("错误", f"保存录音出错：{exc!r}")

    def _finish_recording(self) -> None:
        """Stop the input and the recording thread, save the last chunk, release decoding."""
        self.source.stop()
        self._stopping.set()
        if self._worker is not None:
            self._worker.join()
        self._take_blocks()
        self._flush_chunks(final=True)
        self._recorded_all.set()

    # -- transcription ----------------------------------------------------------------
    def _decode_loop(self) -> None:
        try:
            self._start_decoder()
            while not self._abandoned.is_set():
                final = self._recorded_all.is_set()
                self._transcribe_pending(final)
                if final:
                    break
                self._recorded_all.wait(self.poll_seconds)
        except BaseException as exc:  # noqa: BLE001 - recording must survive a decoder fault
            self._error = exc
            self._log("错误", repr(exc))

    def _start_decoder(self) -> None:
        """Start (or restart) the decoder; crashes count against ``max_restarts``."""
        while (not self.decoder.alive and not self._decoding_stopped
               and not self._abandoned.is_set()):
            try:
                self.decoder.start()
            except DecoderDied as exc:
                if self._abandoned.is_set():
                    return
                self._decoder_died(exc, 0)
                if self._decoding_stopped:
                    return
            except EngineError as exc:
                # The model cannot be loaded at all: trying again would not help.
                self._give_up(f"语音模型无法加载，已停止转写；录音继续（{exc}）")
                return

    def _decoder_died(self, exc: DecoderDied, waiting: int) -> None:
        self.restarts += 1
        if self.restarts > self.max_restarts:
            self._give_up(f"转写进程已第 {self.restarts} 次意外退出（{exc.detail}），已停止转写；"
                          "录音继续，结束后可对录音重新转写")
            return
        again = f"，尚未转写的 {waiting} 段发言将重新转写" if waiting else ""
        self._log("错误", f"转写进程意外退出（{exc.detail}），正在重启（第 {self.restarts} 次）；"
                        f"录音未受影响{again}")

    def _give_up(self, note: str) -> None:
        self._decoding_stopped = note
        self._log("错误", note)

    def _closed_turns(self, audio: RecordedAudio, final: bool) -> list[Turn]:
        total = audio.end
        lo = max(audio.start, min(self._done_until, total - self.context_frames))
        window = audio.frames(lo, total)
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
        speech = False  # any turn not yet transcribed, closed or not
        for turn in turns:
            start, end = turn.start + offset, turn.end + offset
            if end <= done + 0.05:
                continue
            speech = True
            start = max(start, done)
            is_closed = final or end + self.close_after <= now or (
                end - start >= self.max_turn_seconds and end >= now - 0.05)
            if not is_closed:
                break  # later turns wait for this one, to keep the order
            closed.append(Turn(round(start, 3), round(end, 3), turn.channel, turn.speaker))
        if not speech:
            # Only silence since the last turn: move on, keeping the context window, so that
            # a long quiet stretch neither grows the window searched for turns nor the audio
            # held in memory.
            self._done_until = max(self._done_until, total - self.context_frames)
        return closed

    def _transcribe_pending(self, final: bool) -> None:
        if self._decoding_stopped:
            return
        audio = self._audio  # a snapshot: the recording thread keeps appending meanwhile
        turns = self._closed_turns(audio, final)
        pending = list(turns)
        while pending and not self._decoding_stopped and not self._abandoned.is_set():
            try:
                # A decoder that died between turns raises here too, so no death goes unlogged.
                pieces = [self._turn_audio(audio, turn) for turn in pending]
                # A copy: pending shrinks as results come in, and a decoder may still be
                # reading its list lazily.
                for item in self.decoder.decode(list(pending), pieces, self.rate, self.options):
                    self._emit(item)
                    # Results come in turn order; drop this turn and any before it.
                    del pending[:pending.index(item.turn) + 1]
            except DecoderDied as exc:
                if self._abandoned.is_set():
                    return
                self._decoder_died(exc, len(pending))
                self._start_decoder()
            except EngineError as exc:
                # Whisper raised on these turns (the child lives on): trying them again would
                # fail the same way, so they are logged with their times and the hearing goes on.
                self._log("错误", f"{pending[0].start:.1f}–{pending[-1].end:.1f} 秒的 "
                                f"{len(pending)} 段发言转写失败，录音已保存，可结束后重新转写（{exc}）")
                pending = []
        if turns and not pending:
            self._done_until = max(self._done_until, int(turns[-1].end * self.rate))

    def _turn_audio(self, audio: RecordedAudio, turn: Turn) -> np.ndarray:
        frames = audio.frames(int(turn.start * self.rate), int(turn.end * self.rate))
        if turn.channel is None:
            piece = frames[:, 0] if frames.shape[1] == 1 else frames.mean(axis=1)
        else:
            piece = frames[:, turn.channel]
        return np.ascontiguousarray(piece, dtype=np.float32)

    def _emit(self, item: TurnText) -> None:
        segment = finish_segment(item, self.request)
        if segment is not None and segment.text:
            self.segments.append(segment)
            self.emitted_at.append(time.monotonic())
            if self.on_segment:
                self.on_segment(segment)
