"""Word and line confidence, calibrated so that shading marks the words that are wrong.

Measured on the development sets (docs/benchmarks/transcription.md): Whisper's word
probability on its own is a poor guide - it shades many right words on good lines and
misses confidently wrong stretches - but errors cluster in the lines the model found
hard. The best single predictor of where the wrong characters are was a line's *expected
number of wrong characters*, the sum over its words of (1 - probability) x characters.
So a line is flagged when it is expected to hold at least ``LINE_EXPECTED_ERRORS`` wrong
characters, and inside a flagged line the words below ``WORD_SURE`` are shaded (the sure
words stay clear, so the clerk sees where to listen). Two parameters, chosen as round
values on the development data rather than fitted to it.
"""
from __future__ import annotations

import math

from engines.transcription.results import Word

# A line expected to hold this many wrong characters is flagged.
LINE_EXPECTED_ERRORS = 3.0
# In a flagged line, words Whisper is at least this sure of are not shaded.
WORD_SURE = 0.95


def line_confidence(words: list[Word]) -> float:
    """Geometric mean of the words' probabilities (one bad word pulls it down)."""
    if not words:
        return 0.0
    logs = [math.log(max(w.probability, 1e-4)) for w in words]
    return math.exp(sum(logs) / len(logs))


def expected_errors(words: list[Word]) -> float:
    """Expected number of wrong characters: sum of (1 - p) x characters over the words."""
    return sum((1.0 - w.probability) * len(w.text.strip()) for w in words)


def calibrate(words: list[Word], line_errors: float = LINE_EXPECTED_ERRORS,
              word_sure: float = WORD_SURE) -> bool:
    """Set ``confidence`` and ``shaded`` on every word (in place); True when the line is
    flagged.

    ``confidence`` is the word's probability, lowered in a flagged line in proportion to
    how far the line's expected errors exceed the threshold (so sorting by it puts the
    shaded words first).
    """
    if not words:
        return False
    expected = expected_errors(words)
    flagged = expected >= line_errors
    scale = min(1.0, line_errors / expected) if expected > 0 else 1.0
    for word in words:
        own = max(0.0, min(1.0, word.probability))
        word.shaded = bool(flagged and own < word_sure and word.text.strip())
        word.confidence = round(own * scale if flagged else own, 4)
    return flagged


def is_low(word: Word) -> bool:
    """Whether the editor should shade ``word`` (after :func:`calibrate`)."""
    return word.shaded
