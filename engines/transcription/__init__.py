"""Hearing transcription: Whisper (faster-whisper, int8) tuned for Chinese court hearings.

Public entry points:
- :class:`Transcriber` (pipeline) — load a model once, transcribe files or arrays;
- :func:`transcribe_in_child` / :class:`ChildTranscription` (child) — the same in a separate
  process that streams segments back;
- :mod:`writers` (TXT/SRT) and :mod:`record_docx` (庭审笔录 .docx);
- :mod:`live` — live hearing mode core.
"""
from pathlib import Path

from engines.transcription.pipeline import Transcriber, TranscriptionRequest
from engines.transcription.results import (UNKNOWN_SPEAKER, Correction, Segment, Transcript,
                                           Word)
from engines.transcription.vocabulary import CaseVocabulary

__all__ = [
    "CaseVocabulary",
    "Correction",
    "Segment",
    "Transcriber",
    "Transcript",
    "TranscriptionRequest",
    "UNKNOWN_SPEAKER",
    "Word",
]


#: Largest character error rate the self-test accepts on the bundled clip.  On the machines
#: measured the clip reads back exactly; one wrong character in twelve is tolerated because
#: int8 kernels differ slightly between CPU instruction sets.
SELFTEST_MAX_CER = 0.1


def selftest_clip() -> tuple[Path, str]:
    """Path of the bundled Mandarin clip (resources/selftest/speech_zh.wav) and its text."""
    import json

    folder = Path(__file__).resolve().parents[2] / "resources" / "selftest"
    meta = json.loads((folder / "speech_zh.json").read_text(encoding="utf-8"))
    return folder / "speech_zh.wav", meta["text"]


def _judge_clip(heard: str) -> float:
    """Character error rate of ``heard`` against the clip's text; raises when over the limit."""
    from engines.transcription.scoring import character_error_rate

    _clip, expected = selftest_clip()
    cer = character_error_rate(expected, heard)
    if cer > SELFTEST_MAX_CER:
        raise RuntimeError(f"Mandarin clip misread: expected {expected!r}, got {heard!r} "
                           f"(character error rate {cer:.0%})")
    return cer


def read_selftest_clip(transcriber: "Transcriber") -> tuple[str, float]:
    """Transcribe the bundled clip with ``transcriber``; (text heard, CER), raising when misread."""
    from engines.transcription.audio import load_audio

    clip, _expected = selftest_clip()
    heard = "".join(s.text for s in transcriber.transcribe_audio(load_audio(clip)).segments)
    return heard, _judge_clip(heard)


def selftest_model_dir(model_dir: str) -> str:
    """Check a model folder IT configured (policy MODELDIR): it loads and reads the clip."""
    import time

    started = time.perf_counter()
    transcriber = Transcriber(model_dir)
    heard, cer = read_selftest_clip(transcriber)
    return (f"{transcriber.model_name} from {model_dir} read the Mandarin clip as {heard!r} "
            f"(character error rate {cer:.0%}) in {time.perf_counter() - started:.1f} s")


def selftest_child() -> str:
    """The child processes used by the application (file transcription, live decoding) start
    and read the bundled clip: in a frozen build this proves spawn and ``freeze_support``."""
    import gc
    import time

    from engines.transcription.child import ChildTranscription
    from engines.transcription.model_store import _is_complete, default_cache_dir, shipped_model_dir

    started = time.perf_counter()
    if not (_is_complete(shipped_model_dir()) or _is_complete(default_cache_dir() / "models" / "whisper-base")):
        return "skipped: no joined model yet (the whisper check joins one only temporarily)"
    clip, _expected = selftest_clip()
    job = ChildTranscription(clip.read_bytes(), TranscriptionRequest())
    heard = "".join(s.text for s in job.run().segments)
    pid = job.pid
    del job  # its queue's semaphores are released now, not reported as leaked at exit
    gc.collect()
    _judge_clip(heard)
    return (f"transcription child process (pid {pid}) read the clip as {heard!r} in "
            f"{time.perf_counter() - started:.1f} s")


def selftest() -> str:
    """Prove the speech model is usable here: assemble/verify it, load it, read Mandarin.

    Re-hashes the model in use (the installed copy, the cache, or the parts joined into a
    temporary folder), decodes the bundled Mandarin clip through the whole pipeline (VAD,
    Whisper, cleanup), compares the text with what was said, then checks that no text is
    invented on near silence.  A self-test never leaves a 145 MB cache copy behind.
    """
    import tempfile
    import time

    import numpy as np

    from engines.transcription.audio import from_array
    from engines.transcription.model_store import (_is_complete, default_cache_dir,
                                                   shipped_model_dir, verify_model)

    started = time.perf_counter()
    cache = default_cache_dir()
    with tempfile.TemporaryDirectory(prefix="ta-selftest-") as tmp:
        if _is_complete(shipped_model_dir()):
            use, where = cache, "installed copy"
        elif _is_complete(cache / "models" / "whisper-base"):
            use, where = cache, "cache"
        else:
            use, where = tmp, "joined from the packages"
        transcriber = Transcriber(cache_dir=use)
        verify_model(transcriber.location.path)
        heard, cer = read_selftest_clip(transcriber)
        rate = 16000
        noise = (0.0005 * np.random.default_rng(0).standard_normal(rate * 2)).astype(np.float32)
        invented = transcriber.transcribe_audio(from_array(noise)).segments
        if invented:
            raise RuntimeError(f"text invented on silence: {invented[0].text}")
        name = transcriber.model_name
    return (f"{name} (int8, {where}) SHA-256 ok; read the Mandarin clip as {heard!r} "
            f"(character error rate {cer:.0%}) in {time.perf_counter() - started:.1f} s; "
            f"no text invented on silence")
