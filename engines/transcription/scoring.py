"""Accuracy measures for transcripts: character error rate and speaker attribution.

Texts are compared after normalising: punctuation and spaces dropped, Traditional mapped to
Simplified, and numbers written one way (Arabic numerals are spelt in Chinese, years digit
by digit, 两 read as 二), because a reference may say 一万五千六百元 where a recogniser
writes 15600元.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from engines.transcription.text_cleanup import strip_punctuation, to_simplified

_DIGITS = "零一二三四五六七八九"


def _spell_number(match: re.Match) -> str:
    import cn2an

    digits, after = match.group(1), match.group(2)
    if after == "年" or len(digits) > 1 and digits.startswith("0"):
        return "".join(_DIGITS[int(d)] for d in digits) + after
    try:
        return cn2an.an2cn(digits) + after
    except (ValueError, KeyError):
        return "".join(_DIGITS[int(d)] for d in digits) + after


def normalise_for_scoring(text: str) -> str:
    """Punctuation-free Simplified text with numbers spelt in Chinese."""
    text = to_simplified(text)
    text = re.sub(r"(?<=\d)[,，](?=\d{3})", "", text)
    text = re.sub(r"(\d+)(年?)", _spell_number, text)
    return strip_punctuation(text).replace("两", "二")


def _align(ref: str, hyp: str) -> list[tuple[int | None, int | None]]:
    """Levenshtein alignment as (ref index, hyp index) pairs (None = gap)."""
    n, m = len(ref), len(hyp)
    cost = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        cost[i][0] = i
    for j in range(m + 1):
        cost[0][j] = j
    for i in range(1, n + 1):
        row, prev = cost[i], cost[i - 1]
        for j in range(1, m + 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ref[i - 1] != hyp[j - 1]))
    pairs: list[tuple[int | None, int | None]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and cost[i][j] == cost[i - 1][j - 1] + (ref[i - 1] != hyp[j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif i > 0 and cost[i][j] == cost[i - 1][j] + 1:
            pairs.append((i - 1, None))
            i -= 1
        else:
            pairs.append((None, j - 1))
            j -= 1
    pairs.reverse()
    return pairs


def edit_distance(ref: str, hyp: str) -> int:
    """Number of character substitutions, deletions and insertions."""
    return sum(1 for r, h in _align(ref, hyp) if r is None or h is None or ref[r] != hyp[h])


def character_error_rate(reference: str, hypothesis: str) -> float:
    """CER of ``hypothesis`` against ``reference`` after normalisation (0 = perfect)."""
    ref, hyp = normalise_for_scoring(reference), normalise_for_scoring(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    return edit_distance(ref, hyp) / len(ref)


@dataclass
class SpeakerScore:
    """Speaker measures over reference characters.

    ``attributed`` = reference characters aligned to a hypothesis character with the same
    speaker, divided by reference characters aligned to any hypothesis character;
    ``sa_cer`` counts a correctly recognised character under the wrong speaker as an error.
    """

    reference_chars: int
    aligned_chars: int
    same_speaker_chars: int
    errors: int
    attributed: float
    sa_cer: float


def speaker_score(reference: list[tuple[str, str]], hypothesis: list[tuple[str, str]]) -> SpeakerScore:
    """Score (speaker, text) lists in time order."""
    ref_chars: list[tuple[str, str]] = []
    for speaker, text in reference:
        ref_chars += [(speaker, c) for c in normalise_for_scoring(text)]
    hyp_chars: list[tuple[str, str]] = []
    for speaker, text in hypothesis:
        hyp_chars += [(speaker, c) for c in normalise_for_scoring(text)]
    ref = "".join(c for _, c in ref_chars)
    hyp = "".join(c for _, c in hyp_chars)
    aligned = same = errors = 0
    for r, h in _align(ref, hyp):
        if r is None or h is None:
            errors += 1
            continue
        aligned += 1
        speaker_ok = ref_chars[r][0] == hyp_chars[h][0]
        same += speaker_ok
        if ref[r] != hyp[h] or not speaker_ok:
            errors += 1
    total = max(1, len(ref))
    return SpeakerScore(len(ref), aligned, same, errors,
                        same / aligned if aligned else 0.0, errors / total)
