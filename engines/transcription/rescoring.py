"""N-best rescoring: Whisper's beam hypotheses reranked with a Chinese word model.

Whisper base often has the right sentence among its beam hypotheses but ranks a
sound-alike string of rarer characters first. faster-whisper asks CTranslate2 for one
hypothesis; this wraps the CTranslate2 model so that, for beam-search calls, it asks for the
whole beam (no extra decoding work: the beam is searched anyway), scores each hypothesis
with the word language model (jieba's dictionary frequencies plus this case's terms and
text) and hands faster-whisper the best combined one. Sampling calls (temperature
fallback) pass through unchanged.

The combination is ``tokens * (Whisper's log-prob per token) + weight * chars * (LM log-prob
per character)``, both taken per unit (as the beam itself ranks its hypotheses) and scaled to
the first hypothesis' length, so that neither simply prefers shorter texts.
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

    def __init__(self, inner, tokenizer, scorer, weight: float = LM_WEIGHT,
                 sampling: bool = False) -> None:
        self._inner = inner
        self._sampling = sampling  # also rerank the samples of temperature fallback
        self._tokenizer = tokenizer  # tokenizers.Tokenizer (faster-whisper's hf_tokenizer)
        self._scorer = scorer  # callable: simplified CJK text -> natural-log LM score
        self._weight = weight

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def generate(self, features, prompts, **kwargs):
        """As ``Whisper.generate``; for beam search, all beam hypotheses are reranked."""
        sampling = "sampling_temperature" in kwargs
        if sampling and not self._sampling or not sampling and kwargs.get("beam_size", 1) < 2:
            return self._inner.generate(features, prompts, **kwargs)
        # Scores are log-probs divided by length ** length_penalty (as faster-whisper reads them).
        length_penalty = kwargs.get("length_penalty", 1.0)
        if not sampling:
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
        # Whisper's score per token, scaled to the first hypothesis' length like the language
        # model's: summed log-probabilities favoured a hypothesis that simply left words out
        # (fewer tokens, fewer negative terms).
        reference_tokens = max(1, len(hyps[0])) ** length_penalty
        is_legal = getattr(self._scorer, "is_legal", None)
        legal = bool(is_legal and is_legal(texts))
        best, best_value = 0, None
        # Hypotheses of one beam often differ only in timestamps or punctuation, which the
        # text drops: each distinct text is scored once (the legal score runs the correction).
        lm_of: dict[str, float] = {}
        for index, (score, text) in enumerate(zip(scores, texts)):
            whisper = score * reference_tokens
            if text not in lm_of:
                lm_of[text] = (self._score(text, legal) / max(1, len(text)) * reference_chars
                               if text else -50.0)
            lm = lm_of[text]
            value = whisper + self._weight * lm
            if best_value is None or value > best_value:
                best, best_value = index, value
        order = [best] + [i for i in range(len(hyps)) if i != best]
        return _Result([hyps[i] for i in order], [scores[i] for i in order],
                       getattr(result, "no_speech_prob", 0.0))

    def _score(self, text: str, legal: bool) -> float:
        return self._scorer(text, legal) if legal else self._scorer(text)

    def _text(self, ids) -> str:
        from engines.transcription.text_cleanup import to_simplified

        text = self._tokenizer.decode([i for i in ids if i < 50257])
        return _NON_CJK.sub("", to_simplified(text))


class Scorer:
    """LM scorer for rescoring: jieba word model with the case's terms, plus the case-text
    bigram model. In a legal context - case information given, or a legal term among the
    window's hypotheses - hearing terms get the boost correction gives them too."""

    def __init__(self, vocabulary=None, case_model=None) -> None:
        from engines.transcription.language_model import (CASE_TERM_FREQ, LEGAL_CONTEXT_BOOST,
                                                          LEGAL_TERM_FLOOR, WordLanguageModel,
                                                          word_frequency)
        from engines.transcription.vocabulary import SOURCE_LEGAL, CaseVocabulary

        vocabulary = vocabulary if vocabulary is not None else CaseVocabulary()
        terms = vocabulary.terms()
        overlay = {t.text: CASE_TERM_FREQ for t in terms if t.source != SOURCE_LEGAL}
        self.case_info = bool(overlay)
        self.legal_terms = [t.text for t in terms if t.source == SOURCE_LEGAL]
        legal = dict(overlay)
        for text in self.legal_terms:
            legal.setdefault(text, max(word_frequency(text), LEGAL_TERM_FLOOR) * LEGAL_CONTEXT_BOOST)
        self.plain = WordLanguageModel(overlay)
        self.legal = WordLanguageModel(legal)
        self.case_model = case_model
        self.vocabulary = vocabulary

    def is_legal(self, texts: list[str]) -> bool:
        """Whether the window is legal talk: case information, or a legal term heard."""
        return self.case_info or any(term in text for text in texts for term in self.legal_terms)

    def __call__(self, text: str, legal: bool = False) -> float:
        """Natural-log LM score of ``text`` (the legal model and correction when ``legal``)."""
        import math

        if legal:
            # Rank a hypothesis by how it reads once the case/legal correction has run on
            # it: a non-word the correction would fix (省礼 -> 审理) must not lose to an
            # everyday word (省力) that the correction may never replace.
            from engines.transcription.vocabulary import correct_text

            text = correct_text(text, self.vocabulary, self.case_model, legal_context=True)[0]
        value = (self.legal if legal else self.plain).score(text)
        if self.case_model:
            value += 0.5 * math.log(10) * self.case_model.gain(text)
        return value


def make_scorer(vocabulary=None, case_model=None) -> Scorer:
    """The scorer the pipeline uses (see :class:`Scorer`)."""
    return Scorer(vocabulary, case_model)
