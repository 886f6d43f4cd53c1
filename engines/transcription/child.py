"""Run a transcription in a child process that streams segments back.

A crash inside the native decoder (CTranslate2, FFmpeg) or running out of memory must not
take the application window down, and a cancel must stop work at once even in the middle of
a decode. The child process reports progress and every finished segment over a queue; the
parent hands segments to its caller as they arrive, so a crash loses none already received.
"""
from __future__ import annotations

import multiprocessing
import os
import queue as queue_module
import time
import traceback
from pathlib import Path
from typing import Callable

from engines.common import (NEVER_CANCELLED, CancelToken, Cancelled, EngineError, InputError,
                            ProgressCallback, localised, no_progress, say)
from engines.transcription.pipeline import TranscriptionRequest
from engines.transcription.results import Segment, Transcript


# Fault injection for tests and for IT's self-test of crash handling: when set to N, the child
# exits abruptly (as a native crash would) right after sending its N-th segment.
CRASH_AFTER_ENV = "TRIAL_ASSISTANT_TX_CRASH_AFTER"


class ChildCrashed(EngineError):
    """The child process died without finishing; ``segments`` holds what had arrived."""

    def __init__(self, segments: list[Segment], exitcode: int | None, detail: str = "") -> None:
        super().__init__(f"转写进程意外退出，已收到的 {len(segments)} 段已保留",
                         detail or f"exit code {exitcode}", code="transcribe.crashed", params={"count": len(segments)})
        self.segments = segments
        self.exitcode = exitcode


def _child_main(channel, path, request: TranscriptionRequest, model: str | None,
                cache_dir: str | None, cpu_threads: int) -> None:
    """Entry point of the child process (module level so that 'spawn' can import it)."""
    from engines.transcription.audio import load_audio, load_audio_bytes
    from engines.transcription.pipeline import Transcriber

    last = [0.0]
    crash_after = int(os.environ.get(CRASH_AFTER_ENV, "0") or 0)
    sent = [0]

    def send_segment(segment) -> None:
        channel.put(("segment", segment))
        sent[0] += 1
        if crash_after and sent[0] >= crash_after:
            channel.close()
            channel.join_thread()  # make sure the segment left before dying
            os._exit(70)

    def progress(fraction: float, message: str = "") -> None:
        now = time.monotonic()
        if now - last[0] > 0.2 or fraction >= 1.0:
            last[0] = now
            channel.put(("progress", float(fraction), message))

    try:
        # Read the audio first: a bad file should fail before the model load.
        progress(0.0, say("transcribe.read_audio", "读取音频"))
        audio = load_audio_bytes(path) if isinstance(path, bytes) else load_audio(path)
        progress(0.0, say("transcribe.load_model", "加载语音模型"))
        transcriber = Transcriber(model, cache_dir, cpu_threads)
        result = transcriber.transcribe_audio(audio, request, progress, on_segment=send_segment)
        channel.put(("done", result))
    except InputError as exc:
        channel.put(("input_error", exc.message, exc.detail, exc.code, exc.params))
    except EngineError as exc:
        channel.put(("engine_error", exc.message, exc.detail, exc.code, exc.params))
    except Exception:  # noqa: BLE001 - anything else is reported, not lost
        channel.put(("engine_error", "转写失败", traceback.format_exc(limit=5), "transcribe.failed", {}))


class ChildTranscription:
    """One transcription running in its own process.

    ``run`` blocks the calling (worker) thread until the result is in; ``pid`` lets a
    supervisor see which process it is.
    """

    def __init__(self, path: str | os.PathLike | bytes, request: TranscriptionRequest | None = None,
                 model: str | os.PathLike | None = None,
                 cache_dir: str | os.PathLike | None = None, cpu_threads: int = 0) -> None:
        # Bytes are an encoded recording held in memory (decrypted from the store); they go
        # to the child through the spawn pipe and never touch the disk.
        self.path = path if isinstance(path, bytes) else str(Path(path))
        self.request = request or TranscriptionRequest()
        self.model = None if model is None else str(model)
        self.cache_dir = None if cache_dir is None else str(cache_dir)
        self.cpu_threads = cpu_threads
        self.segments: list[Segment] = []
        self._process: multiprocessing.process.BaseProcess | None = None

    @property
    def pid(self) -> int | None:
        """Process id of the child (None before start)."""
        return self._process.pid if self._process else None

    def run(self, progress: ProgressCallback = no_progress,
            cancel: CancelToken = NEVER_CANCELLED,
            on_segment: Callable[[Segment], None] | None = None,
            poll_seconds: float = 0.1) -> Transcript:
        """Start the child, relay its messages, and return the finished transcript.

        Raises :class:`Cancelled` (child terminated), :class:`InputError`,
        :class:`EngineError`, or :class:`ChildCrashed` with the segments received so far.
        """
        context = multiprocessing.get_context("spawn")
        channel = context.Queue()
        self._process = context.Process(
            target=_child_main, name="transcription",
            args=(channel, self.path, self.request, self.model, self.cache_dir,
                  self.cpu_threads), daemon=True)
        self._process.start()
        try:
            return self._relay(channel, progress, cancel, on_segment, poll_seconds)
        finally:
            self._stop()
            channel.close()
            channel.join_thread()

    def _relay(self, channel, progress, cancel, on_segment, poll_seconds) -> Transcript:
        while True:
            if cancel.cancelled:
                raise Cancelled()
            try:
                message = channel.get(timeout=poll_seconds)
            except queue_module.Empty:
                if not self._process.is_alive():
                    # The child may have put a last message just before exiting.
                    try:
                        message = channel.get(timeout=0.5)
                    except queue_module.Empty:
                        raise ChildCrashed(list(self.segments), self._process.exitcode) from None
                else:
                    continue
            kind = message[0]
            if kind == "progress":
                progress(message[1], localised(message[2]))  # the child has no renderer
            elif kind == "segment":
                self.segments.append(message[1])
                if on_segment:
                    on_segment(message[1])
            elif kind == "done":
                return message[1]
            elif kind == "input_error":
                raise InputError(*message[1:3], code=message[3], params=message[4])
            else:
                raise EngineError(*message[1:3], code=message[3], params=message[4])

    def _stop(self) -> None:
        end_process(self._process)


def end_process(process, grace: float = 2.0) -> None:
    """Terminate ``process`` (then kill it if it ignores that) and reap it: no zombie is left.

    Shared by the file transcription child and the live decoder child.
    """
    if process is None:
        return
    if process.is_alive():
        process.terminate()
        process.join(grace)
    if process.is_alive():
        process.kill()
    process.join(grace)


def transcribe_in_child(path: str | os.PathLike, request: TranscriptionRequest | None = None,
                        model: str | os.PathLike | None = None,
                        cache_dir: str | os.PathLike | None = None,
                        progress: ProgressCallback = no_progress,
                        cancel: CancelToken = NEVER_CANCELLED,
                        on_segment: Callable[[Segment], None] | None = None) -> Transcript:
    """Convenience wrapper: transcribe ``path`` in a child process (see ChildTranscription)."""
    return ChildTranscription(path, request, model, cache_dir).run(progress, cancel, on_segment)


# -- decoding for import and playback, in a child process -------------------------------------

def _probe_main(connection, data: bytes, name: str, mono: bool, tags: bool = False) -> None:
    """Child entry: decode ``data``; send ("ok", result) or ("input_error", message, detail)."""
    from engines.transcription.audio import audio_tags, load_audio_bytes

    try:
        audio = load_audio_bytes(data, name)
        if mono:
            connection.send(("ok", (audio.downmix(), audio.sample_rate)))
        elif tags:
            connection.send(("ok", (audio.channels, round(audio.duration, 3), audio_tags(data))))
        else:
            connection.send(("ok", (audio.channels, round(audio.duration, 3))))
    except InputError as exc:
        connection.send(("input_error", exc.message, exc.detail, exc.code, exc.params))
    except MemoryError:
        connection.send(("input_error", "录音太大，内存不足以解码，请分段后再导入", name, "audio.out_of_memory", {}))
    except Exception:  # noqa: BLE001 - reported to the parent as a clear message
        connection.send(("input_error", "无法解码该音频文件", traceback.format_exc(limit=3), "audio.undecodable", {}))
    finally:
        connection.close()


def _decode_in_child(data: bytes, name: str, mono: bool, timeout: float, tags: bool = False):
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_probe_main, name="audio-decode",
                              args=(sender, data, name, mono, tags), daemon=True)
    process.start()
    sender.close()  # the parent's copy: EOF on the receiver once the child is gone
    try:
        if not receiver.poll(timeout):
            raise InputError("解码音频超时", name, code="audio.timeout")
        try:
            message = receiver.recv()
        except EOFError:
            raise InputError("无法解码该音频文件（解码进程意外退出）",
                             f"{name}: exit code {process.exitcode}", code="audio.decoder_died") from None
    finally:
        receiver.close()
        end_process(process)
    if message[0] == "ok":
        return message[1]
    raise InputError(*message[1:3], code=message[3], params=message[4])


def probe_audio_in_child(data: bytes, name: str = "", timeout: float = 600.0) -> tuple[int, float]:
    """(channels, seconds) of an encoded recording, decoded in a separate process.

    A decoder crash (native code in FFmpeg or libsndfile) or running out of memory then
    ends only that process, and the caller gets an :class:`InputError` with a clear message.
    """
    if not data:
        raise InputError("音频文件是空的（0 字节）", name, code="audio.empty")
    return _decode_in_child(data, name, False, timeout)


def probe_audio_tags_in_child(data: bytes, name: str = "", timeout: float = 600.0) -> tuple[int, float, dict[str, str]]:
    """As :func:`probe_audio_in_child`, plus the recording's descriptive tags (title, comment,
    album…: see :func:`engines.transcription.audio.audio_tags`), read in the same child."""
    if not data:
        raise InputError("音频文件是空的（0 字节）", name, code="audio.empty")
    return _decode_in_child(data, name, False, timeout, tags=True)


def decode_mono_in_child(data: bytes, name: str = "", timeout: float = 600.0):
    """(mono float32 samples, rate) of an encoded recording, decoded in a separate process."""
    if not data:
        raise InputError("音频文件是空的（0 字节）", name, code="audio.empty")
    return _decode_in_child(data, name, True, timeout)


def _channels_main(connection, path: str) -> None:
    """Child entry: read the channel count from the file's header; send it or an input error."""
    from engines.transcription.audio import channel_count

    try:
        connection.send(("ok", channel_count(path)))
    except InputError as exc:
        connection.send(("input_error", exc.message, exc.detail))
    except Exception:  # noqa: BLE001 - reported to the parent as a clear message
        # The traceback would reach the clerk's status line: the file name is the detail.
        connection.send(("input_error", "无法读取该音频文件", os.path.basename(path)))
    finally:
        connection.close()


def channel_count_in_child(path: str | os.PathLike, timeout: float = 60.0) -> int:
    """Channels of the audio file at ``path`` (any format FFmpeg or libsndfile reads), read in a
    separate process: the window asks before importing and must never run a native decoder
    itself. :class:`InputError` for a file that is not audio, a crash or a timeout."""
    name = str(path)
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_channels_main, name="audio-probe", args=(sender, name), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise InputError("读取音频文件超时", name)
        try:
            message = receiver.recv()
        except EOFError:
            raise InputError("无法读取该音频文件（读取进程意外退出）", f"{name}: exit code {process.exitcode}") from None
    finally:
        receiver.close()
        end_process(process)
    if message[0] == "ok":
        return int(message[1])
    raise InputError(message[1], message[2])
