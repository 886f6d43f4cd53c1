"""The correction refuses without strong evidence: everyday sentences come back unchanged.

The sentences are written for this test (everyday Mandarin with words that sound like
hearing terms); they are not taken from any benchmark recording.
"""
from __future__ import annotations

import pytest

from engines.transcription.language_model import WordLanguageModel
from engines.transcription.vocabulary import CaseVocabulary, correct_text

CASE = CaseVocabulary(parties=["杨帆", "何建军"], cause="房屋租赁合同纠纷",
                      court="成都市武侯区人民法院")
NO_CASE = CaseVocabulary()

EVERYDAY = [
    "今年上半年公司的销售额比去年同期增长了不少。",
    "他昨天下午去超市买了一头蒜和两斤牛肉。",
    "这件事对我来说没有什么意义，我们换个话题吧。",
    "小区门口新开了一家面包店，味道还可以。",
    "周末我们一起去公园散步，顺便看看花展。",
    "空调的温度可以调节到二十六度，这样比较省电。",
    "老师说这篇文章的中心思想需要再陈述清楚一点。",
    "我把它放在桌子上了，你回来的时候记得拿。",
    "天气预报说明天有雨，出门别忘了带伞。",
    "这本书的上述章节讲的是宋朝的历史。",
    "他以一头白发出现在大家面前，让人很意外。",
    "大家在会上提出了很多建议，经理一一做了回应。",
]


@pytest.mark.parametrize("sentence", EVERYDAY)
@pytest.mark.parametrize("vocabulary", [NO_CASE, CASE], ids=["no-case", "case"])
def test_everyday_sentence_comes_back_unchanged(sentence, vocabulary):
    text, corrections = correct_text(sentence, vocabulary)
    assert text == sentence, [(c.original, c.replacement) for c in corrections]
    assert corrections == []


def test_legal_terms_need_a_legal_context():
    # Without case information and with no legal word in the sentence, 备告 stays: there is
    # no evidence this is a hearing.
    assert correct_text("他说备告的事以后再谈。", NO_CASE)[0] == "他说备告的事以后再谈。"
    # In a hearing (case information given) the same sound-alike is fixed.
    assert correct_text("备告对借代关系没有意见。", CASE)[0] == "被告对借贷关系没有意见。"


def test_language_model_prefers_the_everyday_reading():
    model = WordLanguageModel()
    assert model.score("上半年") > model.score("上判令")
    assert model.score("一头蒜") > model.score("异议蒜")
    case_model = WordLanguageModel({"何建军": 20000})
    assert case_model.score("被告何建军") > case_model.score("被告核件军")
