"""Live hearing mode keeps only a sliding window of audio in memory, however long the hearing.

A synthetic four-channel input plays minutes of tone bursts (one seat at a time) and
silence many times faster than real time; a scripted decoder checks that every turn's audio
is exactly what was played at that time.
"""
from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from engines.transcription.decoder import TurnText
from engines.transcription.live import LiveSession
from engines.transcription.live_decoder import DecoderDied
from engines.transcription.pipeline import TranscriptionRequest

RATE = 16000
CHANNELS = 4
PERIOD = 10.0  # one burst every 10 s ...
BURST = (1.0, 4.0)  # ... from 1 s to 4 s into the period, on seat (burst number % 4)


def _signal(lo: int, hi: int, quiet: tuple[float, float] = (0.0, 0.0)) -> np.ndarray:
    """Frames lo..hi of the synthetic hearing (the same frames always give the same audio)."""
    n = np.arange(lo, hi)
    t = n / RATE
    burst = (t // PERIOD).astype(int)
    within = t - burst * PERIOD
    on = (within >= BURST[0]) & (within < BURST[1]) & ~((t >= quiet[0]) & (t < quiet[1]))
    # Each burst has its own loudness, so audio taken from the wrong place does not match.
    tone = (0.2 + 0.02 * (burst % 10)) * np.sin(2 * np.pi * 440.0 * t)
    out = np.zeros((hi - lo, CHANNELS), dtype=np.float32)
    out[np.arange(hi - lo), burst % CHANNELS] = np.where(on, tone, 0.0)
    return out


def _bursts(seconds: float, quiet=(0.0, 0.0)) -> int:
    starts = [k * PERIOD + BURST[0] for k in range(int(seconds // PERIOD) + 1)]
    return sum(1 for s in starts if s + 3.0 <= seconds and not quiet[0] <= s < quiet[1])


class _FastInput:
    """Plays the synthetic hearing ``speed`` times faster than real time, in 0.1 s blocks."""

    sample_rate = RATE
    channels = CHANNELS

    def __init__(self, seconds: float, speed: float, quiet=(0.0, 0.0)):
        self.total = int(seconds * RATE)
        self.speed = speed
        self.quiet = quiet
        self._stop = threading.Event()
        self._done = threading.Event()

    def start(self, callback):
        threading.Thread(target=self._play, args=(callback,), daemon=True).start()

    def _play(self, callback):
        block = RATE // 10
        began = time.monotonic()
        for lo in range(0, self.total, block):
            if self._stop.is_set():
                break
            callback(_signal(lo, min(lo + block, self.total), self.quiet))
            delay = began + (lo + block) / RATE / self.speed - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self._done.set()

    def stop(self):
        self._stop.set()

    @property
    def finished(self):
        return self._done.is_set()


class _CheckingDecoder:
    """Answers at once, checking each turn's audio against the synthetic signal.

    ``die_first`` makes the first decode crash and the restart wait for ``restart_gate``.
    """

    model_name = "fake"

    def __init__(self, quiet=(0.0, 0.0), die_first: bool = False):
        self.quiet = quiet
        self.die_first = die_first
        self.restart_gate = threading.Event()
        self.turns = []
        self.mismatches = []
        self.starts = 0
        self._alive = False

    @property
    def alive(self):
        return self._alive

    def start(self):
        self.starts += 1
        if self.starts > 1:
            assert self.restart_gate.wait(30)
        self._alive = True

    def decode(self, turns, pieces, rate, options):
        if self.die_first and self.starts == 1:
            self._alive = False
            raise DecoderDied(-9)
        for turn, piece in zip(turns, pieces):
            lo, hi = int(turn.start * rate), int(turn.end * rate)
            expected = _signal(lo, hi, self.quiet)[:, turn.channel]
            if len(piece) != len(expected) or not np.array_equal(piece, expected):
                self.mismatches.append(turn)
            self.turns.append(turn)
            yield TurnText(turn, "测试。", [])

    def close(self):
        self._alive = False

    def kill(self):
        pass


def _session(source, decoder, chunks, held):
    def on_chunk(index, start, pcm):
        chunks.append((index, start, len(pcm)))
        held.append(session.held_frames)

    session = LiveSession(None, source, TranscriptionRequest(channels="1=审判长,2=原告,3=被告,4=书记员"),
                          on_audio_chunk=on_chunk, decoder=decoder, poll_seconds=0.05)
    return session


def _check_chunks(chunks, seconds):
    assert [c[0] for c in chunks] == list(range(len(chunks)))
    assert [c[1] for c in chunks] == pytest.approx([2.0 * i for i in range(len(chunks))])
    assert sum(c[2] for c in chunks) == int(seconds * RATE)


def test_a_long_hearing_keeps_only_a_sliding_window_in_memory():
    seconds, quiet = 300.0, (100.0, 200.0)  # five minutes, with a long quiet stretch
    decoder = _CheckingDecoder(quiet)
    source = _FastInput(seconds, speed=60.0, quiet=quiet)
    chunks, held = [], []
    session = _session(source, decoder, chunks, held)
    session.start()
    assert session.wait_until_source_finished(20)
    result = session.stop()
    _check_chunks(chunks, seconds)
    assert result.transcript.duration == pytest.approx(seconds)
    # Every burst was transcribed, each with exactly the audio played at its time.
    assert len(decoder.turns) == _bursts(seconds, quiet) and not decoder.mismatches
    assert len(result.transcript.segments) == len(decoder.turns)
    # Memory: about a minute of audio at most (context 20 s, buffer reallocated at 60 s),
    # against five minutes recorded; it must not grow in the quiet stretch either.
    assert max(held) <= 70 * RATE, max(held) / RATE
    assert max(held[-20:]) <= 70 * RATE


def test_turns_waiting_for_a_restarted_decoder_keep_their_audio():
    seconds = 150.0
    decoder = _CheckingDecoder(die_first=True)
    source = _FastInput(seconds, speed=40.0)
    chunks, held = [], []
    session = _session(source, decoder, chunks, held)
    session.start()
    # The decoder is down for well over the context window of the recording: everything
    # since the last transcribed frame must be kept for it.
    deadline = time.monotonic() + 20
    while session.recorded_seconds < 110 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert decoder.starts == 2 and not decoder.turns
    assert session.held_frames >= 100 * RATE  # the backlog is held, not dropped
    decoder.restart_gate.set()
    assert session.wait_until_source_finished(20)
    result = session.stop()
    _check_chunks(chunks, seconds)
    assert len(decoder.turns) == _bursts(seconds) and not decoder.mismatches
    assert session.restarts == 1 and len(result.transcript.segments) == len(decoder.turns)


def test_audio_is_released_when_transcription_has_given_up():
    seconds = 150.0

    class _AlwaysDies(_CheckingDecoder):
        def start(self):
            raise DecoderDied(-9)

    source = _FastInput(seconds, speed=60.0)
    chunks, held = [], []
    session = _session(source, _AlwaysDies(), chunks, held)
    session.start()
    assert session.wait_until_source_finished(20)
    result = session.stop()
    assert "已停止转写" in result.transcript.settings["decoding_stopped"]
    _check_chunks(chunks, seconds)
    assert result.transcript.duration == pytest.approx(seconds)
    assert max(held) <= 70 * RATE and session.held_frames <= 70 * RATE
