"""Hearing transcription: Whisper (faster-whisper, int8) tuned for Chinese court hearings.

Public entry points:
- :class:`Transcriber` (pipeline) — load a model once, transcribe files or arrays;
- :func:`transcribe_in_child` / :class:`ChildTranscription` (child) — the same in a separate
  process that streams segments back;
- :mod:`writers` (TXT/SRT) and :mod:`record_docx` (庭审笔录 .docx);
- :mod:`live` — live hearing mode core.
"""
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


def selftest() -> str:
    """Prove the speech model is usable here: assemble/verify it, load it, decode test audio.

    Uses the cache folder when the model is already there; otherwise joins the shipped parts
    into a temporary folder, so a self-test never leaves 145 MB behind by surprise.
    """
    import tempfile
    import time

    import numpy as np

    from engines.transcription.audio import from_array
    from engines.transcription.model_store import _is_complete, default_cache_dir

    started = time.perf_counter()
    cache = default_cache_dir()
    with tempfile.TemporaryDirectory(prefix="ta-selftest-") as tmp:
        use = cache if _is_complete(cache / "models" / "whisper-base") else tmp
        transcriber = Transcriber(cache_dir=use)
        rate = 16000
        t = np.arange(rate) / rate
        tone = (0.1 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
        segments, _info = transcriber.model.transcribe(tone, language="zh", beam_size=1,
                                                      without_timestamps=True)
        list(segments)  # runs encoder and decoder
        noise = (0.0005 * np.random.default_rng(0).standard_normal(rate * 2)).astype(np.float32)
        invented = transcriber.transcribe_audio(from_array(noise)).segments
        if invented:
            raise RuntimeError(f"text invented on silence: {invented[0].text}")
        name = transcriber.model_name
    return (f"{name} (int8) checksum ok, loaded and decoded test audio in "
            f"{time.perf_counter() - started:.1f} s; no text invented on silence")
