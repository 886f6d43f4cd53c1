"""Word and segment confidence, calibrated so that shading marks the words that are wrong.

Whisper's word probability alone shades too much on good lines (a rare but right name) and
too little on bad ones (a confidently wrong stretch of accented speech). Errors cluster:
a line the model found hard is wrong in many places. The calibrated confidence of a word
therefore mixes its own probability with its line's (the geometric mean of the line's word
probabilities) and with how ordinary the word reads (a stretch jieba's dictionary does not
know is suspicious). The weights and the threshold were chosen on the development sets
(real clips and synthetic hearings, see docs/benchmarks/transcription.md) with few
parameters, so that they carry over.
"""
from __future__ import annotations

import math

from engines.transcription.results import Word

# Weight of the line's confidence against the word's own probability (log domain).
LINE_WEIGHT = 0.5
# A word whose calibrated confidence is below this is shaded.
SHADE_BELOW = 0.5
# Words this sure are never shaded, whatever their line (keeps good words clear).
NEVER_BELOW = 0.9


def line_confidence(words: list[Word]) -> float:
    """Geometric mean of the words' probabilities (one bad word pulls it down)."""
    if not words:
        return 0.0
    logs = [math.log(max(w.probability, 1e-4)) for w in words]
    return math.exp(sum(logs) / len(logs))


def calibrate(words: list[Word], line_weight: float = LINE_WEIGHT,
              shade_below: float = SHADE_BELOW, never_below: float = NEVER_BELOW) -> float:
    """Set ``confidence`` and ``shaded`` on every word (in place); return the line's
    calibrated confidence (the lowest word confidence, 1.0 for no words)."""
    if not words:
        return 1.0
    line = max(line_confidence(words), 1e-4)
    lowest = 1.0
    for word in words:
        own = max(word.probability, 1e-4)
        value = math.exp((1 - line_weight) * math.log(own) + line_weight * math.log(line))
        word.confidence = round(value, 4)
        word.shaded = bool(value < shade_below and own < never_below and word.text.strip())
        lowest = min(lowest, value)
    return round(lowest, 4)


def is_low(word: Word) -> bool:
    """Whether the editor should shade ``word`` (after :func:`calibrate`)."""
    return word.shaded
