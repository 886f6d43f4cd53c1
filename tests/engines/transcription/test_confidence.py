"""Calibrated confidence: a line expected to hold several wrong characters is flagged and
its unsure words shaded; a good line stays clear."""
from __future__ import annotations

from engines.transcription.confidence import calibrate, expected_errors, is_low
from engines.transcription.results import Word


def _words(*pairs):
    return [Word(0.0, 0.1, text, p) for text, p in pairs]


def test_good_line_is_not_shaded():
    words = _words(("原告", 0.98), ("杨帆", 0.7), ("已", 0.99), ("到庭", 0.97))
    assert not calibrate(words)
    assert not any(is_low(w) for w in words)
    assert words[1].confidence == 0.7


def test_hard_line_shades_its_unsure_words_only():
    words = _words(("然后", 0.37), ("被", 0.99), ("灌血", 0.12), ("当然", 0.96), ("前方", 0.2),
                   ("调到", 0.3))
    assert expected_errors(words) > 3
    assert calibrate(words)
    assert [w.shaded for w in words] == [True, False, True, False, True, True]
    assert all(0 <= w.confidence <= 1 for w in words)
    assert words[2].confidence < 0.12


def test_empty_line():
    assert calibrate([]) is False
