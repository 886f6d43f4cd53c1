"""A small Chinese word language model: jieba's dictionary frequencies plus the case's words.

The score of a text is the log probability of its best segmentation into words (unigram
model, as jieba itself segments). It decides whether a near-homophone correction is an
improvement: "上半年" is one frequent word, "上判令" is two rarer ones, so an everyday
phrase keeps its score advantage over a legal term that merely sounds alike. Terms of this
case (parties, court, addresses found in the dossier) are added with a generous frequency:
an unknown name like 何建军 is otherwise three rare characters.
"""
from __future__ import annotations

import functools
import math

# Frequency given to a term of this case (jieba's counts: 被告 554, 人民币 2968, 一头 1916).
CASE_TERM_FREQ = 20000
# Floor and boost for a hearing term in a legal context: common legal words are rare in
# jieba's general corpus, but in a hearing they are the expected words.
LEGAL_TERM_FLOOR = 300
LEGAL_CONTEXT_BOOST = 10
_MAX_WORD = 12


@functools.lru_cache(maxsize=1)
def _jieba() -> tuple[dict[str, int], float]:
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    return jieba.dt.FREQ, math.log(jieba.dt.total)


def word_frequency(word: str) -> int:
    """jieba's dictionary count of ``word`` (0 when unknown)."""
    return _jieba()[0].get(word, 0) or 0


class WordLanguageModel:
    """Unigram word model over jieba's dictionary with an overlay of extra word counts."""

    def __init__(self, overlay: dict[str, float] | None = None) -> None:
        self.freq, self.log_total = _jieba()
        self.overlay = dict(overlay or {})
        self.max_word = max([_MAX_WORD] + [len(w) for w in self.overlay])

    def _count(self, word: str) -> float:
        extra = self.overlay.get(word)
        base = self.freq.get(word) or 0
        return max(extra or 0, base)

    @functools.lru_cache(maxsize=4096)
    def score(self, text: str) -> float:
        """Natural-log probability of the best segmentation of ``text``."""
        n = len(text)
        if n == 0:
            return 0.0
        best = [-math.inf] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for j in range(i + 1, min(n, i + self.max_word) + 1):
                word = text[i:j]
                count = self._count(word)
                if count <= 0 and j > i + 1:
                    continue
                value = best[i] + math.log(max(count, 1.0)) - self.log_total
                if value > best[j]:
                    best[j] = value
        return best[n]

    def __hash__(self) -> int:
        return id(self)


def warm_up() -> None:
    """Load jieba's dictionary in a background thread (about a second), so that the first
    correction of a recording - or of a live hearing - does not wait for it."""
    import threading

    threading.Thread(target=_jieba, name="jieba-warm-up", daemon=True).start()
