"""N-best rescoring: Whisper's beam hypotheses reranked with a Chinese word model.

Whisper base often has the right sentence among its beam hypotheses but ranks a
sound-alike string of rarer characters first. faster-whisper asks CTranslate2 for one
hypothesis; this wraps the CTranslate2 model so that, for beam-search calls, it asks for the
whole beam (no extra decoding work: the beam is searched anyway), scores each hypothesis
with the word language model (jieba's dictionary frequencies plus this case's terms and
text) and hands faster-whisper the best combined one. Sampling calls (temperature
fallback) pass through unchanged.

The combination is ``whisper log-prob + weight * chars * (LM log-prob per character)``: the
language model is taken per character (scaled to the first hypothesis' length) so that it
does not simply prefer shorter texts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NON_CJK = re.compile(r"[^\u3400-\u9fff]+")

# Weight of the language model against Whisper's own log probability (measured on the
# real set; see docs/benchmarks/transcription.md).
LM_WEIGHT = 0.6


@dataclass
class _Result:
    """Duck-typed stand-in for ctranslate2's WhisperGenerationResult."""

    sequences_ids: list
    scores: list
    no_speech_prob: float


class RescoringModel:
    """Proxy of a ``ctranslate2.models.Whisper`` whose beam-search ``generate`` is rescored."""

    def __init__(self, inner, tokenizer, scorer, weight: float = LM_WEIGHT) -> None:
        self._inner = inner
        self._tokenizer = tokenizer  # tokenizers.Tokenizer (faster-whisper's hf_tokenizer)
        self._scorer = scorer  # callable: simplified CJK text -> natural-log LM score
        self._weight = weight

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def generate(self, features, prompts, **kwargs):
        """As ``Whisper.generate``; for beam search, all beam hypotheses are reranked."""
        if "sampling_temperature" in kwargs or kwargs.get("beam_size", 1) < 2:
            return self._inner.generate(features, prompts, **kwargs)
        length_penalty = kwargs.get("length_penalty", 1.0) or 1.0
        kwargs["num_hypotheses"] = kwargs["beam_size"]
        results = self._inner.generate(features, prompts, **kwargs)
        return [self._rerank(r, length_penalty) for r in results]

    def _rerank(self, result, length_penalty: float):
        hyps = list(result.sequences_ids)
        scores = list(result.scores)
        if len(hyps) < 2:
            return result
        texts = [self._text(ids) for ids in hyps]
        reference_chars = max(1, len(texts[0]))
        best, best_value = 0, None
        for index, (ids, score, text) in enumerate(zip(hyps, scores, texts)):
            whisper = score * (max(1, len(ids)) ** length_penalty)
            lm = self._scorer(text) / max(1, len(text)) * reference_chars if text else -50.0
            value = whisper + self._weight * lm
            if best_value is None or value > best_value:
                best, best_value = index, value
        order = [best] + [i for i in range(len(hyps)) if i != best]
        return _Result([hyps[i] for i in order], [scores[i] for i in order],
                       getattr(result, "no_speech_prob", 0.0))

    def _text(self, ids) -> str:
        from engines.transcription.text_cleanup import to_simplified

        text = self._tokenizer.decode([i for i in ids if i < 50257])
        return _NON_CJK.sub("", to_simplified(text))


def make_scorer(vocabulary=None, case_model=None):
    """LM scorer: jieba word model with the case's terms, plus the case-text bigram model."""
    import math

    from engines.transcription.language_model import CASE_TERM_FREQ, WordLanguageModel

    overlay = {}
    if vocabulary is not None:
        for term in vocabulary.terms():
            if term.source != "法律用语":
                overlay[term.text] = CASE_TERM_FREQ
    model = WordLanguageModel(overlay)

    def score(text: str) -> float:
        value = model.score(text)
        if case_model:
            value += 0.5 * math.log(10) * case_model.gain(text)
        return value

    return score
