"""Word and line confidence, calibrated so that shading marks the words that are wrong.

Each word gets the probability that a character of it is wrong, from a small logistic
model with two inputs:

* ``1 - p``, where ``p`` is Whisper's probability for the word;
* the line's word-model log probability per character (jieba's dictionary, the unigram model
  of :mod:`engines.transcription.language_model`). A wrong transcript is often a string of
  rare single characters that no dictionary word covers, so a line that reads badly holds
  more errors than Whisper's probabilities alone suggest.

A line is flagged when it is expected to hold at least ``LINE_EXPECTED_ERRORS`` wrong
characters (the sum of its words' error probabilities times their characters). Inside a flagged line
the words whose error probability is at least ``WORD_SHADE`` are shaded: in a line that reads
well only the doubtful words, in a line that reads badly nearly all of them (Whisper is often
sure of wrong words there; leaving words above p 0.95 clear shaded 2 (real) to 6
(synthetic) points fewer of the erroneous characters). A line is
shaded in the editor when one of its words is. The segment's own ``confidence`` (the editor's
% column) is :func:`line_accuracy`, the expected share of its characters that are right.

How the numbers were obtained (issue 12): ``tests/bench/dump_confidence.py`` decodes the real
set (../shared/data/real-speech) and the synthetic hearings with the product's settings, and
``tests/bench/fit_confidence.py`` fits and evaluates offline. The model is a logistic
regression of "this character is substituted or inserted", weighted by characters, fitted on
a fixed half - the real clips at even positions of their sorted names and the hearing
d1_lease - with its coefficients rounded to one decimal. The two thresholds were chosen on
that half: the most erroneous characters shaded on the worse of the two sets with at most a
third of the lines and at most 42% of the characters shaded. The other half only measured
it. Tried as further inputs and left out because they did not help the held-out half (or
made no difference): the Whisper segment's avg_logprob, compression ratio and no-speech
probability, temperature fallback, word duration per character, repeated characters, whether
the word's characters form a dictionary word, agreement with the other n-best hypotheses of
the window, and the case's own terms in the word model. Figures:
docs/benchmarks/transcription.md, section "Confidence shading".
"""
from __future__ import annotations

import functools
import math

from engines.transcription.results import Word

# Logistic model of "this character is wrong": INTERCEPT + WEIGHT_UNSURE * (1 - p)
# + WEIGHT_LINE_LM * (line's log probability per character, natural log, about -4 to -10).
INTERCEPT = -7.2
WEIGHT_UNSURE = 4.1
WEIGHT_LINE_LM = -0.8
# A line expected to hold this many wrong characters is flagged.
LINE_EXPECTED_ERRORS = 3.5
# In a flagged line, words at least this likely to be wrong are shaded.
WORD_SHADE = 0.1


@functools.lru_cache(maxsize=1)
def _word_model():
    from engines.transcription.language_model import WordLanguageModel

    return WordLanguageModel()


def _chars(text: str) -> str:
    """The characters of ``text`` that count: Simplified, no punctuation, numbers spelt out."""
    from engines.transcription.scoring import normalise_for_scoring

    return normalise_for_scoring(text) if text.strip() else ""


def line_log_probability(words: list[Word]) -> float:
    """Word-model log probability per character of the line's text (0 for an empty line)."""
    text = "".join(_chars(w.text) for w in words)
    if not text:
        return 0.0
    return _word_model().score(text) / len(text)


def error_probability(probability: float, line_lm: float) -> float:
    """Probability that a character of a word is wrong, from Whisper's word probability
    and the line's word-model log probability per character."""
    own = max(0.0, min(1.0, probability))
    z = INTERCEPT + WEIGHT_UNSURE * (1.0 - own) + WEIGHT_LINE_LM * line_lm
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def expected_errors(words: list[Word]) -> float:
    """Expected number of wrong characters of the line, from the calibrated model."""
    line_lm = line_log_probability(words)
    return sum(error_probability(w.probability, line_lm) * len(_chars(w.text)) for w in words)


def calibrate(words: list[Word], line_errors: float = LINE_EXPECTED_ERRORS,
              word_shade: float = WORD_SHADE) -> bool:
    """Set ``confidence`` and ``shaded`` on every word (in place); True when the line is
    flagged (then at least one word is shaded).

    ``confidence`` is the calibrated probability that the word's characters are right.
    """
    if not words:
        return False
    line_lm = line_log_probability(words)
    sizes = [len(_chars(w.text)) for w in words]
    wrong = [error_probability(w.probability, line_lm) for w in words]
    flagged = sum(q * n for q, n in zip(wrong, sizes)) >= line_errors
    if flagged:
        # The line's most doubtful word is always shaded, so a flagged line is visible.
        worst = max((q for q, n in zip(wrong, sizes) if n), default=1.0)
        shade = min(word_shade, worst)
    for word, q, n in zip(words, wrong, sizes):
        word.confidence = round(1.0 - q, 4)
        word.shaded = bool(flagged and n and q >= shade)
    return flagged


def line_accuracy(words: list[Word]) -> float:
    """Calibrated share of the line's characters that are right (after :func:`calibrate`):
    one minus the expected wrong characters over the characters. This is the segment's
    ``confidence``; on the benchmark's lines the predicted and the counted error rates agree
    within a few points in every band (docs/benchmarks/transcription.md), which Whisper's own
    line score (the geometric mean of its word probabilities) does not.
    """
    sizes = [len(_chars(w.text)) for w in words]
    total = sum(sizes)
    if not total:
        return 0.0
    return round(sum(w.confidence * n for w, n in zip(words, sizes)) / total, 4)


def is_low(word: Word) -> bool:
    """Whether the editor should shade ``word`` (after :func:`calibrate`)."""
    return word.shaded
