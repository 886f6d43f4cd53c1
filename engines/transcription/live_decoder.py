"""Decoders for live hearing mode: Whisper in a persistent child process, or in this process.

During a live hearing the recording must survive anything the recogniser does. A native
crash in CTranslate2 (or the kernel killing a process that ran out of memory) inside the
application process would end the recording too, so :class:`ChildDecoder` keeps the model
in a child process (spawn context, loaded once, no Qt) and sends it closed speech turns
with their audio. The child streams back one :class:`TurnText` per turn, in order, as each
pack is decoded; if it dies, :meth:`ChildDecoder.decode` raises :class:`DecoderDied` and the
live session restarts it and sends the turns that had not come back yet.

:class:`InProcessDecoder` runs the same code in the calling thread (tests, tools).
"""
from __future__ import annotations

import multiprocessing
import queue as queue_module
import time
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import numpy as np

from engines.common import EngineError
from engines.transcription.child import end_process
from engines.transcription.decoder import DecodeOptions, TurnText, decode_turns
from engines.transcription.model_store import DEFAULT_MODEL_NAME
from engines.transcription.seats import Turn

# Spawning a child imports faster-whisper and loads the model: seconds on a busy 2-core
# machine, far more only if something is badly wrong.
START_TIMEOUT = 120.0


class DecoderDied(EngineError):
    """The decoder process ended without finishing the turns it was given."""

    def __init__(self, exitcode: int | None, detail: str = "") -> None:
        super().__init__("转写进程意外退出", detail or f"exit code {exitcode}", code="transcribe.died")
        self.exitcode = exitcode


class TurnDecoder(Protocol):
    """What a live session needs from a decoder."""

    model_name: str

    @property
    def alive(self) -> bool:
        """True when :meth:`decode` can be called without :meth:`start` first."""

    def start(self) -> None:
        """Load the model (again, after a crash)."""

    def decode(self, turns: list[Turn], pieces: list[np.ndarray], rate: int,
               options: DecodeOptions) -> Iterator[TurnText]:
        """Yield one TurnText per turn, in order; ``pieces`` holds each turn's mono audio."""

    def close(self) -> None:
        """Release the model (end the process); safe to call twice."""

    def kill(self) -> None:
        """End a decode in progress at once, from another thread (it raises DecoderDied)."""


class InProcessDecoder:
    """Decode in the calling thread with an already loaded model (no crash isolation)."""

    def __init__(self, model, model_name: str = DEFAULT_MODEL_NAME) -> None:
        self.model = model
        self.model_name = model_name

    @property
    def alive(self) -> bool:
        """Always true: the model lives in this process."""
        return True

    def start(self) -> None:
        """Nothing to do: the model is already loaded."""

    def decode(self, turns: list[Turn], pieces: list[np.ndarray], rate: int,
               options: DecodeOptions) -> Iterator[TurnText]:
        """Decode ``turns`` with ``decode_turns`` (see the protocol)."""
        return decode_turns(self.model, turns, _piece_source(turns, pieces), rate, options)

    def close(self) -> None:
        """Nothing to release (the model belongs to the caller)."""

    def kill(self) -> None:
        """Nothing to do: an in-process decode cannot be interrupted; it just finishes."""


def _piece_source(turns: list[Turn], pieces: list[np.ndarray]):
    # decode_turns asks for audio with the very Turn objects it was given; id() avoids
    # needing Turn to be hashable and cannot confuse two turns with equal fields.
    by_id = {id(turn): piece for turn, piece in zip(turns, pieces)}
    return lambda turn: by_id[id(turn)]


def _decoder_main(jobs, results, model: str | None, cache_dir: str | None,
                  cpu_threads: int) -> None:
    """Entry point of the decoder child (module level so that 'spawn' can import it)."""
    from engines.transcription.pipeline import Transcriber

    try:
        transcriber = Transcriber(model, cache_dir, cpu_threads, workers=1)  # one turn at a time
    except EngineError as exc:
        results.put(("error", 0, exc.message, exc.detail, exc.code, exc.params))
        return
    except Exception:  # noqa: BLE001 - reported, not lost
        results.put(("error", 0, "语音模型无法加载", traceback.format_exc(limit=5), "model.unloadable", {}))
        return
    results.put(("ready", 0, transcriber.model_name))
    parent = multiprocessing.parent_process()
    while True:
        try:
            job = jobs.get(timeout=1.0)
        except queue_module.Empty:
            # If the application was killed, nobody will ever send None: do not linger as
            # an orphan holding the model's memory.
            if parent is not None and not parent.is_alive():
                results.cancel_join_thread()  # nobody reads: do not wait to flush
                return
            continue
        if job is None:  # orderly shutdown
            break
        job_id, turns, pieces, rate, options = job
        try:
            for item in decode_turns(transcriber.model, turns, _piece_source(turns, pieces),
                                     rate, options):
                results.put(("turn", job_id, item))
            results.put(("done", job_id))
        except Exception:  # noqa: BLE001 - the parent decides what to do
            results.put(("failed", job_id, "转写失败", traceback.format_exc(limit=5)))
    results.close()
    results.join_thread()  # everything sent leaves before the process ends


class ChildDecoder:
    """Whisper in a persistent child process; turns go in, TurnTexts stream back.

    :meth:`start` spawns the process and waits until the model is loaded; after a crash
    it may be called again (a new process, new queues). :meth:`spawn` starts loading
    without waiting (warming the model before a hearing begins); a later :meth:`start`
    then only waits for that child. :meth:`close` ends the process cleanly (it finishes
    nothing: call it when no decode is running) and reaps it.
    """

    def __init__(self, model: str | Path | None = None, cache_dir: str | Path | None = None,
                 cpu_threads: int = 0, poll_seconds: float = 0.1,
                 start_timeout: float = START_TIMEOUT) -> None:
        self.model = None if model is None else str(model)
        self.cache_dir = None if cache_dir is None else str(cache_dir)
        self.cpu_threads = cpu_threads
        self.poll_seconds = poll_seconds
        self.start_timeout = start_timeout
        # Until the child reports its model, name it the way resolve_model would.
        self.model_name = (DEFAULT_MODEL_NAME if self.model in (None, "", "base")
                           else Path(self.model).name)
        self.starts = 0  # processes spawned so far (1 + restarts)
        self._process: multiprocessing.process.BaseProcess | None = None
        self._jobs = None
        self._results = None
        self._job = 0
        self._ready = False  # the current child has reported its model

    @property
    def pid(self) -> int | None:
        """Process id of the current child (None before start)."""
        return self._process.pid if self._process else None

    @property
    def alive(self) -> bool:
        """True while the child process runs with its model loaded."""
        return self._ready and self._process is not None and self._process.is_alive()

    @property
    def loading(self) -> bool:
        """True while a spawned child is still loading its model."""
        return not self._ready and self._process is not None and self._process.is_alive()

    def spawn(self) -> None:
        """Start a child loading the model and return at once (nothing if one runs)."""
        if self.loading or self.alive:
            return
        self.close()
        context = multiprocessing.get_context("spawn")
        self._jobs, self._results = context.Queue(), context.Queue()
        self._process = context.Process(
            target=_decoder_main, name="live-decoder",
            args=(self._jobs, self._results, self.model, self.cache_dir, self.cpu_threads),
            daemon=True)  # never outlives the application
        self._process.start()
        self.starts += 1

    def start(self) -> None:
        """Have a child with its model loaded; raises EngineError or DecoderDied.

        A child still loading from :meth:`spawn` is waited for; otherwise (never started,
        died, or a restart) a new child is spawned.
        """
        if not self.loading:
            self.close()
            self.spawn()
        deadline = time.monotonic() + self.start_timeout
        while True:
            message = self._next(deadline)
            if message[0] == "ready":
                self.model_name = message[2]
                self._ready = True
                return
            if message[0] == "error":
                self.close()
                raise EngineError(message[2], message[3], code=message[4], params=message[5])

    def decode(self, turns: list[Turn], pieces: list[np.ndarray], rate: int,
               options: DecodeOptions) -> Iterator[TurnText]:
        """Send the turns to the child and yield its results as they arrive.

        Raises :class:`DecoderDied` when the child dies first (the caller restarts it and
        sends again what did not come back), EngineError when decoding failed in Python.
        """
        if not self.alive:
            if self._process is None:
                raise DecoderDied(None, "未启动")
            raise DecoderDied(self._process.exitcode)
        self._job += 1
        job_id = self._job
        self._jobs.put((job_id, turns, [np.ascontiguousarray(p, dtype=np.float32)
                                        for p in pieces], rate, options))
        while True:
            message = self._next(None)
            if message[1] != job_id:
                continue  # left over from a job whose results were not all read
            if message[0] == "turn":
                yield message[2]
            elif message[0] == "done":
                return
            else:
                raise EngineError(message[2], message[3], code=message[4], params=message[5])

    def _next(self, deadline: float | None):
        """The child's next message; DecoderDied if it dies (or misses the deadline)."""
        while True:
            try:
                return self._results.get(timeout=self.poll_seconds)
            except queue_module.Empty:
                pass
            if not self._process.is_alive():
                # A message put just before the end may still be in the pipe.
                try:
                    return self._results.get(timeout=0.2)
                except queue_module.Empty:
                    raise DecoderDied(self._process.exitcode) from None
            if deadline is not None and time.monotonic() > deadline:
                end_process(self._process)
                raise DecoderDied(self._process.exitcode, "加载语音模型超时")

    def kill(self) -> None:
        """End the child now; a thread waiting in :meth:`decode` gets DecoderDied.

        Only the process is touched (not the queues), so this is safe from another thread.
        """
        if self._process is not None and self._process.is_alive():
            self._process.kill()

    def close(self) -> None:
        """Ask the child to finish, end it if it does not, and reap it (no zombie)."""
        process = self._process
        if process is None:
            return
        if process.is_alive() and self._ready:  # a loading child reads no jobs: just end it
            try:
                self._jobs.put(None)
            except (OSError, ValueError):
                pass
            process.join(5.0)
        end_process(process)
        # Audio sent to a dead child may never be read: do not wait to flush it.
        self._jobs.cancel_join_thread()
        self._jobs.close()
        self._results.close()
        self._process = None
        self._ready = False


__all__ = ["ChildDecoder", "DecoderDied", "InProcessDecoder", "TurnDecoder"]
