"""Case text: terms for the vocabulary and a bigram model of the case's own words."""
from __future__ import annotations

from engines.transcription.case_text import CaseLanguageModel, case_terms
from engines.transcription.vocabulary import CaseVocabulary, correct_text

DOSSIER = """民事起诉状
原告：周晓梅，女，住杭州市西湖区文三路88号。
被告：杭州青禾装饰工程有限公司，住所地杭州市拱墅区。
法定代表人：钱国栋
委托诉讼代理人：孙立，浙江明理律师事务所律师。
案由：装饰装修合同纠纷
请求判令被告返还工程款人民币八万六千元。
"""


def test_terms_from_a_dossier_page():
    terms = case_terms(DOSSIER)
    for expected in ("周晓梅", "杭州青禾装饰工程有限公司", "钱国栋", "孙立", "装饰装修合同纠纷"):
        assert expected in terms
    assert all(2 <= len(t) <= 30 for t in terms)
    assert case_terms("") == []


def test_dossier_names_correct_sound_alikes_in_the_transcript():
    vocabulary = CaseVocabulary().with_case_text(DOSSIER)
    text, corrections = correct_text("原告周小梅的委托代理人孙丽到庭。", vocabulary,
                                     CaseLanguageModel(DOSSIER))
    assert text == "原告周晓梅的委托代理人孙立到庭。"
    assert {c.replacement for c in corrections} == {"周晓梅", "孙立"}


def test_case_model_supports_its_own_phrases():
    model = CaseLanguageModel(DOSSIER)
    assert model.gain("青禾装饰") > model.gain("青河装饰") >= 0
    assert not CaseLanguageModel("")
