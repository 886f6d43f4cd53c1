"""Word and segment confidence, calibrated so that shading marks the words that are wrong."""
from __future__ import annotations

from engines.transcription.results import Word

# A word below this calibrated confidence is shaded in the editor.
LOW_CONFIDENCE = 0.5


def is_low(word: Word) -> bool:
    """Whether the editor should shade ``word``."""
    return word.probability < LOW_CONFIDENCE
