"""Live hearing mode with the decoder in a child process: crash isolation and restarts,
and recording that never waits for decoding."""
from __future__ import annotations

import os
import signal
import threading
import time

import psutil
import pytest

from engines.common import EngineError
from engines.transcription.decoder import TurnText
from engines.transcription.live import LiveSession
from engines.transcription.live_decoder import ChildDecoder, DecoderDied
from engines.transcription.live_inputs import WavPlaybackInput
from engines.transcription.pipeline import TranscriptionRequest
from tests.helpers.transcription import MULTI_CLIP, clip_reference

REF = clip_reference()
SPEAKERS = ["原告", "被告", "审判长"]


def _gone(pid: int) -> bool:
    """The process is neither running nor a zombie waiting to be reaped."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_DEAD
    except psutil.NoSuchProcess:
        return True


def _timed_chunks():
    chunks = []
    return chunks, lambda i, t, pcm: chunks.append((i, t, len(pcm), time.monotonic()))


def _assert_chunks_on_time(chunks, source, slack=1.0):
    """Every full chunk was handed over within ``slack`` s of its last sample being played."""
    for index, start, frames, at in chunks:
        if frames == 32000:
            due = source.audio_time_to_monotonic(start + 2.0)
            assert at - due < slack, (index, at - due)


def test_child_decoder_gives_live_text_in_order(model_cache):
    decoder = ChildDecoder(cache_dir=model_cache, cpu_threads=2)
    source = WavPlaybackInput(MULTI_CLIP, speed=2.0)
    shown = []
    session = LiveSession(None, source, TranscriptionRequest(channels=REF["channels"]),
                          on_segment=shown.append, decoder=decoder)
    session.start()
    assert session.wait_until_source_finished(30)
    pid = decoder.pid
    result = session.stop()
    segments = result.transcript.segments
    assert [s.speaker for s in segments] == SPEAKERS
    assert shown == segments
    assert "申请" in segments[0].text and "回避" in segments[1].text
    assert "诉讼请求" in segments[2].text
    assert result.transcript.model == "whisper-base"
    assert decoder.starts == 1 and _gone(pid) and not decoder.alive and decoder.pid is None
    assert [e.kind for e in result.events] == ["开始", "结束"]


class _KilledDuringSecondJob(ChildDecoder):
    """The real child decoder, SIGKILLed shortly after it was handed its second job."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.jobs = 0
        self.killed: list[int] = []
        self.decoded_by: list[int] = []

    def decode(self, turns, pieces, rate, options):
        self.jobs += 1
        self.decoded_by.append(self.pid)
        if self.jobs == 2:
            self.killed.append(self.pid)
            # Whisper needs well over 0.2 s for a turn: the child dies in the middle.
            threading.Timer(0.2, os.kill, (self.pid, signal.SIGKILL)).start()
        return super().decode(turns, pieces, rate, options)


def test_killed_decoder_restarts_and_recording_goes_on(model_cache):
    decoder = _KilledDuringSecondJob(cache_dir=model_cache, cpu_threads=2)
    source = WavPlaybackInput(MULTI_CLIP, speed=1.0)
    chunks, on_chunk = _timed_chunks()
    session = LiveSession(None, source, TranscriptionRequest(channels=REF["channels"]),
                          on_audio_chunk=on_chunk, decoder=decoder)
    session.start()
    assert session.wait_until_source_finished(30)
    assert session.recorded_seconds == pytest.approx(5.8, abs=0.15)
    result = session.stop()
    # Recording and chunk saving never noticed: all audio, each chunk on time.
    assert [c[0] for c in chunks] == [0, 1, 2]
    assert sum(c[2] for c in chunks) == int(5.8 * 16000)
    _assert_chunks_on_time(chunks, source)
    assert result.transcript.duration == pytest.approx(5.8, abs=0.01)
    # The crash is on record, the child was started again and decoded the turns the dead
    # one had been given, and the later ones.
    errors = [e for e in result.events if e.kind == "错误"]
    assert len(errors) == 1 and "转写进程意外退出" in errors[0].note
    assert "将重新转写" in errors[0].note
    assert decoder.starts == 2 and session.restarts == 1 and decoder.jobs >= 3
    segments = result.transcript.segments
    assert [s.speaker for s in segments] == SPEAKERS
    assert "申请" in segments[0].text
    assert "回避" in segments[1].text and "诉讼请求" in segments[2].text
    # The last job went to the restarted child (the kill may land before or after the
    # recording ends, so the child's pid is taken per job, not at the end of the recording).
    last = decoder.decoded_by[-1]
    assert last != decoder.killed[0] and _gone(decoder.killed[0]) and _gone(last)
    assert not decoder.alive


class _ScriptedDecoder:
    """A decoder without a model: blocks until released, or dies every time."""

    model_name = "fake"

    def __init__(self, die: bool = False, fail: bool = False, hang: bool = False):
        self.die = die
        self.fail = fail
        self.hang = hang
        self.killed = threading.Event()
        self.release = threading.Event()
        self.started = 0
        self.closed = False

    @property
    def alive(self):
        return self.started > 0 and not self.closed

    def start(self):
        self.started += 1

    def decode(self, turns, pieces, rate, options):
        if self.die:
            raise DecoderDied(-9)
        if self.fail:
            raise EngineError("转写失败", "Traceback ...")
        if self.hang:  # a child that never answers, until it is killed
            assert self.killed.wait(30)
            raise DecoderDied(-9)
        assert self.release.wait(30)
        for turn, piece in zip(turns, pieces):
            assert len(piece) == pytest.approx((turn.end - turn.start) * rate, abs=2)
            yield TurnText(turn, "测试。", [])

    def close(self):
        self.closed = True

    def kill(self):
        self.killed.set()


def test_chunks_are_saved_while_a_decode_is_stuck():
    decoder = _ScriptedDecoder()
    source = WavPlaybackInput(MULTI_CLIP, speed=2.0)
    chunks, on_chunk = _timed_chunks()
    session = LiveSession(None, source, TranscriptionRequest(channels=REF["channels"]),
                          on_audio_chunk=on_chunk, decoder=decoder, poll_seconds=0.05)
    session.start()
    assert session.wait_until_source_finished(10)
    time.sleep(0.3)  # a few polls after the last block
    assert [c[0] for c in chunks] == [0, 1]  # the decoder has not returned a thing yet
    _assert_chunks_on_time(chunks, source, slack=0.5)
    decoder.release.set()
    result = session.stop()
    assert [s.speaker for s in result.transcript.segments] == SPEAKERS
    assert len(chunks) == 3 and decoder.closed


def test_decoding_stops_after_too_many_crashes_but_recording_does_not():
    decoder = _ScriptedDecoder(die=True)
    source = WavPlaybackInput(MULTI_CLIP, speed=8.0)
    chunks, on_chunk = _timed_chunks()
    session = LiveSession(None, source, TranscriptionRequest(channels=REF["channels"]),
                          on_audio_chunk=on_chunk, decoder=decoder, max_restarts=2,
                          poll_seconds=0.05)
    session.start()
    assert session.wait_until_source_finished(10)
    result = session.stop()
    notes = [e.note for e in result.events if e.kind == "错误"]
    assert len(notes) == 3 and "正在重启" in notes[0] and "已停止转写" in notes[-1]
    assert "录音继续" in notes[-1]
    assert result.transcript.segments == []
    assert "已停止转写" in result.transcript.settings["decoding_stopped"]
    assert result.transcript.duration == pytest.approx(5.8, abs=0.01) and len(chunks) == 3


def test_turns_whisper_fails_on_are_logged_and_the_hearing_goes_on():
    decoder = _ScriptedDecoder(fail=True)
    source = WavPlaybackInput(MULTI_CLIP, speed=8.0)
    session = LiveSession(None, source, TranscriptionRequest(channels=REF["channels"]),
                          decoder=decoder, poll_seconds=0.05)
    session.start()
    assert session.wait_until_source_finished(10)
    result = session.stop()  # no exception: the recording is complete
    notes = [e.note for e in result.events if e.kind == "错误"]
    assert notes and all("转写失败" in n for n in notes) and session.restarts == 0
    assert result.transcript.duration == pytest.approx(5.8, abs=0.01)


def test_a_hung_decoder_cannot_hang_the_end_of_the_hearing():
    decoder = _ScriptedDecoder(hang=True)
    source = WavPlaybackInput(MULTI_CLIP, speed=8.0)
    chunks, on_chunk = _timed_chunks()
    session = LiveSession(None, source, TranscriptionRequest(channels=REF["channels"]),
                          on_audio_chunk=on_chunk, decoder=decoder, poll_seconds=0.05)
    session.start()
    assert session.wait_until_source_finished(10)
    started = time.monotonic()
    result = session.stop(timeout=1.0)
    assert time.monotonic() - started < 5
    assert decoder.killed.is_set() and decoder.closed and session.restarts == 0
    assert "未完成" in result.transcript.settings["decoding_stopped"]
    assert any("未完成" in e.note for e in result.events if e.kind == "错误")
    assert result.transcript.duration == pytest.approx(5.8, abs=0.01) and len(chunks) == 3
