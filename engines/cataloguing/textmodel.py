"""A small learned text model: multinomial naive Bayes over Chinese character bigrams.

It is trained in milliseconds from the seed examples, the configured title and term words,
and the clerk's corrections, so it is rebuilt whenever corrections change instead of being
shipped as an opaque file. Naive Bayes posteriors are overconfident on long texts; the score
is tempered by the number of features before the softmax so that the confidence means
something against the review threshold.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
MAX_FEATURES = 1200  # long pages add little; this bounds the cost per page


def features(text: str) -> Counter:
    """Character unigrams and bigrams of the Chinese runs in ``text``."""
    feats: Counter = Counter()
    for run in _CJK_RUN.findall(text):
        feats.update(run)
        feats.update(run[i:i + 2] for i in range(len(run) - 1))
        if sum(feats.values()) > MAX_FEATURES:
            break
    return feats


@dataclass
class Prediction:
    """Posterior over labels for one text, best first."""

    ranked: list[tuple[str, float]]
    evidence: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """The best label."""
        return self.ranked[0][0]

    @property
    def confidence(self) -> float:
        """Posterior of the best label."""
        return self.ranked[0][1]

    def prob(self, label: str) -> float:
        """Posterior of ``label`` (0 when unknown)."""
        return dict(self.ranked).get(label, 0.0)


class TextModel:
    """Multinomial naive Bayes with add-alpha smoothing over :func:`features`."""

    name = "char-bigram-nb"
    version = "1"

    def __init__(self, alpha: float = 0.3, temperature: float = 1.0) -> None:
        self.alpha = alpha
        self.temperature = temperature
        self.counts: dict[str, Counter] = {}
        self.totals: dict[str, int] = {}
        self.vocab: set[str] = set()
        self.examples = 0

    def add(self, label: str, text: str, weight: int = 1) -> None:
        """Add one training text for ``label`` (``weight`` repeats it)."""
        feats = features(text)
        if not feats:
            return
        bucket = self.counts.setdefault(label, Counter())
        for f, n in feats.items():
            bucket[f] += n * weight
        self.totals[label] = self.totals.get(label, 0) + sum(feats.values()) * weight
        self.vocab.update(feats)
        self.examples += 1

    def predict(self, text: str) -> Prediction | None:
        """Posterior over the trained labels, or None when the text has no Chinese."""
        feats = features(text)
        if not feats or not self.counts:
            return None
        n = sum(feats.values())
        v = len(self.vocab) + 1
        scores = {}
        for label, bucket in self.counts.items():
            denom = math.log(self.totals[label] + self.alpha * v)
            scores[label] = sum(k * (math.log(bucket.get(f, 0) + self.alpha) - denom) for f, k in feats.items())
        # Temper by sqrt(n): a long page must not turn a small per-character edge into 1.0.
        scale = self.temperature * math.sqrt(n)
        top = max(scores.values())
        exps = {k: math.exp((s - top) / scale) for k, s in scores.items()}
        z = sum(exps.values())
        ranked = sorted(((k, e / z) for k, e in exps.items()), key=lambda kv: -kv[1])
        best = ranked[0][0]
        bucket = self.counts[best]
        telling = sorted((f for f in feats if len(f) == 2 and bucket.get(f, 0) > 0),
                         key=lambda f: -bucket[f] / (1 + sum(b.get(f, 0) for b in self.counts.values())))
        return Prediction(ranked, telling[:5])
