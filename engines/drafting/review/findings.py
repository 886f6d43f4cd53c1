"""What a review returns: findings that say what is wrong and where."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Finding:
    """One problem in a draft.

    ``paragraph`` is the index into python-docx ``Document.paragraphs``; for a missing part
    it is the paragraph just before the gap. ``text`` quotes the offending words (or the
    start of the paragraph), ``message`` explains in Chinese what is wrong and what is
    expected. ``related_paragraphs`` names the other place of an inconsistency.
    """

    rule: str
    severity: str  # "error" | "warning"
    paragraph: int
    text: str
    message: str
    related_paragraphs: list[int] = field(default_factory=list)
    source: str = "machine"


@dataclass
class ReviewResult:
    """All findings for one document, sorted by paragraph; plus the rules that ran."""

    findings: list[Finding]
    paragraph_count: int = 0
    document_kind: str = ""
    rules_version: str = "review-rules/1"


def snippet(text: str, start: int = 0, end: int | None = None, width: int = 40) -> str:
    """A short quote around ``text[start:end]`` for the finding's ``text`` field."""
    end = len(text) if end is None else end
    if end - start >= width:
        return text[start:end]
    pad = (width - (end - start)) // 2
    lo = max(0, start - pad)
    return text[lo:min(len(text), end + pad)].strip()
