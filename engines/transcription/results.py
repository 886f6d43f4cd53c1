"""Result dataclasses of hearing transcription (serialise with ``engines.common.to_jsonable``).

The JSON shape follows DESIGN.md: ``{"duration", "model", "segments": [{"start", "end",
"speaker", "text", "confidence"}]}``; extra fields (words, corrections, machine text) are
additions, never renames.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# Speaker label for a segment whose seat is unknown (mono recording); the clerk sets it.
UNKNOWN_SPEAKER = "未识别"


@dataclass
class Word:
    """One recognised word (for Chinese usually one or two characters) with its timing."""

    start: float
    end: float
    text: str
    probability: float
    # Calibrated confidence (0-1; see engines.transcription.confidence) and whether the
    # editor should shade the word. Added for issue 12; ``probability`` is Whisper's own.
    confidence: float = 1.0
    shaded: bool = False


@dataclass
class Correction:
    """A vocabulary-based fix applied to machine text, kept so the clerk can see and undo it.

    ``position`` is the character offset of ``replacement`` in the segment's final ``text``.
    """

    position: int
    original: str
    replacement: str
    term_source: str  # where the term came from: "当事人", "案由", "法律用语", ...
    score: float
    reason: str


@dataclass
class Segment:
    """One utterance: a speaker turn (multi-channel) or a pause-delimited span (mono).

    ``machine_text`` is the recogniser's text after Simplified/punctuation clean-up and
    before vocabulary corrections; ``text`` is what the record shows.
    """

    start: float
    end: float
    speaker: str
    text: str
    confidence: float
    channel: int | None = None
    machine_text: str = ""
    words: list[Word] = field(default_factory=list)
    corrections: list[Correction] = field(default_factory=list)
    # True when any word is shaded: the editor marks the line (calibrated, issue 12).
    shaded: bool = False


@dataclass
class Transcript:
    """The full result of transcribing one recording."""

    duration: float
    model: str
    segments: list[Segment]
    channels: int = 1
    language: str = "zh"
    speaker_source: str = "mono"  # "seats" when the channel map decided the speakers
    filtered: list[str] = field(default_factory=list)  # texts dropped as hallucinations
    settings: dict = field(default_factory=dict)
