"""Calibrated confidence: a line expected to hold several wrong characters is flagged and
its doubtful words shaded; a confident line that reads as words stays clear."""
from __future__ import annotations

import pytest

from engines.transcription.confidence import (LINE_EXPECTED_ERRORS, calibrate, error_probability,
                                              expected_errors, is_low, line_accuracy,
                                              line_log_probability)
from engines.transcription.results import Word


def _words(*pairs):
    return [Word(0.0, 0.1, text, p) for text, p in pairs]


def _clean_line():
    return _words(("现在", 0.97), ("开庭", 0.96), ("请", 0.98), ("原告", 0.95), ("陈述", 0.97),
                  ("诉讼", 0.96), ("请求", 0.98))


def _bad_line(low: float = 0.3):
    # Invented: a string of single characters no dictionary word covers, mostly unsure.
    return _words(("沔", 0.7), ("如", 0.8), ("汀", low), ("袋", 0.75), ("芈", 0.9), ("雾", 0.7),
                  ("邗", 0.99), ("暖", 0.6))


def test_confident_clean_line_is_not_shaded():
    words = _clean_line()
    assert not calibrate(words)
    assert not any(is_low(w) for w in words)
    assert all(w.confidence > 0.9 for w in words)


def test_low_probability_word_in_a_bad_line_is_shaded_and_the_sure_one_is_not():
    words = _bad_line()
    assert expected_errors(words) >= LINE_EXPECTED_ERRORS
    assert calibrate(words)
    assert words[2].shaded and words[2].confidence < 0.5
    assert all(0 <= w.confidence <= 1 for w in words)
    # The same probabilities on ordinary words: the line reads well and is not flagged.
    ordinary = _words(("我们", 0.7), ("今天", 0.8), ("讨论", 0.3), ("的", 0.75), ("问题", 0.9),
                      ("很", 0.7), ("重要", 0.99), ("吗", 0.6))
    assert line_log_probability(ordinary) > line_log_probability(words)
    assert not calibrate(ordinary)


def test_a_flagged_line_that_reads_well_leaves_its_sure_words_clear():
    words = _words(("现在", 0.99), ("开庭", 0.99), ("请", 0.99), ("原告", 0.99), ("陈述", 0.99),
                   ("他的", 0.05), ("诉讼", 0.1), ("情求", 0.05), ("和", 0.2), ("事实", 0.98),
                   ("理由", 0.99))
    assert calibrate(words)
    assert [w.shaded for w in words] == [False] * 5 + [True] * 4 + [False] * 2


@pytest.mark.parametrize("line_lm", [-4.0, -7.0, -10.0])
def test_error_probability_is_monotone(line_lm):
    values = [error_probability(p / 20, line_lm) for p in range(21)]
    assert values == sorted(values, reverse=True)
    assert error_probability(0.5, line_lm - 1.0) > error_probability(0.5, line_lm)


def test_lowering_a_word_probability_never_clears_its_shading():
    was_shaded = False
    for low in (0.9, 0.7, 0.5, 0.3, 0.1, 0.01):
        words = _bad_line(low)
        calibrate(words)
        assert words[2].shaded or not was_shaded
        was_shaded = words[2].shaded
    assert was_shaded


def test_punctuation_words_are_never_shaded_and_empty_line():
    words = _bad_line() + _words(("，", 0.01))
    calibrate(words)
    assert not words[-1].shaded
    assert calibrate([]) is False


def test_line_accuracy_is_one_minus_the_expected_error_rate():
    clean, bad = _clean_line(), _bad_line()
    calibrate(clean)
    calibrate(bad)
    chars = sum(len(w.text) for w in bad)
    assert line_accuracy(bad) == pytest.approx(1 - expected_errors(bad) / chars, abs=1e-3)
    assert line_accuracy(clean) > 0.9 > line_accuracy(bad)
    # Punctuation holds no characters; an empty line has no accuracy to speak of.
    assert line_accuracy([Word(0.0, 0.1, "。", 0.2)]) == 0.0
