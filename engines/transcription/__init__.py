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
