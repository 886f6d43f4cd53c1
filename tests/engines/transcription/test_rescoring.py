"""N-best rescoring: the language model picks among Whisper's hypotheses (beam and samples)."""
from __future__ import annotations

from dataclasses import dataclass

from engines.transcription.rescoring import RescoringModel


@dataclass
class _Result:
    sequences_ids: list
    scores: list
    no_speech_prob: float = 0.0


class _Tokenizer:
    """Token id i stands for the i-th character of a small alphabet."""

    ALPHABET = "今天气很好晴跟"

    def decode(self, ids):
        return "".join(self.ALPHABET[i] for i in ids)


class _Inner:
    """A fake CTranslate2 model: two hypotheses, the acoustically better one reads worse."""

    def __init__(self):
        self.calls = []

    def generate(self, features, prompts, **kwargs):
        self.calls.append(kwargs)
        # "今天天气很好" (ids 0,1,1,2,3,4) against "今天天跟很好" (a non-word), scored
        # slightly better by the acoustic model.
        good, bad = [0, 1, 1, 2, 3, 4], [0, 1, 1, 6, 3, 4]
        return [_Result([bad, good], [-0.30, -0.32])]


def _scorer(text: str) -> float:
    # A toy language model: the real phrase is far more likely.
    return -5.0 if "天气" in text else -30.0


def test_beam_hypotheses_are_reranked_with_the_language_model():
    inner = _Inner()
    model = RescoringModel(inner, _Tokenizer(), _scorer, weight=0.6)
    result = model.generate(None, [[1]], beam_size=5, length_penalty=1.0)[0]
    assert inner.calls[0]["num_hypotheses"] == 5  # the whole beam is asked for
    assert result.sequences_ids[0] == [0, 1, 1, 2, 3, 4]
    assert result.scores[0] == -0.32  # faster-whisper reads the chosen one's own score


def test_samples_pass_through_unless_asked():
    inner = _Inner()
    model = RescoringModel(inner, _Tokenizer(), _scorer, weight=0.6)
    result = model.generate(None, [[1]], beam_size=1, num_hypotheses=5, sampling_temperature=0.4)
    assert result[0].sequences_ids[0] == [0, 1, 1, 6, 3, 4]


def test_samples_are_reranked_when_asked():
    inner = _Inner()
    model = RescoringModel(inner, _Tokenizer(), _scorer, weight=0.6, sampling=True)
    result = model.generate(None, [[1]], beam_size=1, num_hypotheses=5, sampling_temperature=0.4)
    assert inner.calls[0]["num_hypotheses"] == 5  # best_of samples, untouched
    assert result[0].sequences_ids[0] == [0, 1, 1, 2, 3, 4]


def test_language_model_weight_zero_keeps_whisper_order():
    model = RescoringModel(_Inner(), _Tokenizer(), _scorer, weight=0.0)
    result = model.generate(None, [[1]], beam_size=5, length_penalty=1.0)[0]
    assert result.sequences_ids[0] == [0, 1, 1, 6, 3, 4]


def test_each_distinct_text_of_a_beam_is_scored_once():
    class _Repeats(_Inner):
        def generate(self, features, prompts, **kwargs):
            # Token 50257+ (timestamps) is dropped from the text: three hypotheses, two texts.
            good, bad = [0, 1, 1, 2, 3, 4], [0, 1, 1, 6, 3, 4]
            return [_Result([bad, good, good + [50300]], [-0.30, -0.32, -0.33])]

    scored = []

    def counting(text: str) -> float:
        scored.append(text)
        return _scorer(text)

    result = RescoringModel(_Repeats(), _Tokenizer(), counting, weight=0.6).generate(
        None, [[1]], beam_size=3, length_penalty=1.0)[0]
    assert sorted(scored) == sorted(["今天天跟很好", "今天天气很好"])
    assert result.sequences_ids[0] == [0, 1, 1, 2, 3, 4]


def test_a_hypothesis_that_leaves_words_out_does_not_win_by_its_length():
    class _Dropped(_Inner):
        def generate(self, features, prompts, **kwargs):
            # Whisper prefers the whole sentence per token (-0.40 against -0.45), but the
            # shorter one has fewer negative terms: summed, -1.8 would beat -2.4.
            whole, shorter = [0, 1, 1, 2, 3, 4], [1, 2, 3, 4]
            return [_Result([whole, shorter], [-0.40, -0.45])]

    def flat(text: str) -> float:
        return -2.0 * len(text)  # the same per character: the language model has no say

    result = RescoringModel(_Dropped(), _Tokenizer(), flat, weight=0.6).generate(
        None, [[1]], beam_size=2, length_penalty=1.0)[0]
    assert result.sequences_ids[0] == [0, 1, 1, 2, 3, 4]
