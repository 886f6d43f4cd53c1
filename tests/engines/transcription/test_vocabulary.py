"""Case vocabulary: near-homophone corrections by pinyin, each kept and undoable."""
from __future__ import annotations

import pytest

from engines.transcription.vocabulary import (CaseVocabulary, court_forms, correct_text,
                                              parse_hotwords, sound_similarity,
                                              undo_correction)

CASE = CaseVocabulary(parties=["杨帆", "何建军"], cause="房屋租赁合同纠纷",
                      court="成都市武侯区人民法院")


@pytest.mark.parametrize("heard, fixed", [
    ("备告对借代关系没有意见。", "被告对借贷关系没有意见。"),
    ("原告扬番，被告核件军已到庭。", "原告杨帆，被告何建军已到庭。"),
    ("五侯区人民法院公开审理", "武侯区人民法院公开审理"),
    ("房屋租令和同纠分一案", "房屋租赁合同纠纷一案"),
    ("原告是否申请回币？", "原告是否申请回避？"),
    ("现在必停。", "现在闭庭。"),
])
def test_corrections(heard, fixed):
    text, corrections = correct_text(heard, CASE)
    assert text == fixed
    assert corrections and all(c.original != c.replacement for c in corrections)


def test_every_correction_is_recorded_and_undoable():
    heard = "备告扬番对借代没有异议。"
    text, corrections = correct_text(heard, CASE)
    assert text == "被告杨帆对借贷没有异议。"
    assert [(c.original, c.replacement) for c in corrections] == [
        ("备告", "被告"), ("扬番", "杨帆"), ("借代", "借贷")]
    party = corrections[1]
    assert party.term_source == "当事人" and party.score == 1.0
    assert "yang fan" in party.reason
    assert text[party.position:party.position + 2] == "杨帆"
    assert undo_correction(text, party) == "被告扬番对借贷没有异议。"
    for c in reversed(corrections):
        text = undo_correction(text, c)
    assert text == heard


def test_everyday_words_are_left_alone():
    # 上述 sounds like 上诉 but is the commoner word; correct words are untouched.
    text, corrections = correct_text("对上述事实，被告没有异议。", CASE)
    assert text == "对上述事实，被告没有异议。" and corrections == []


def test_sound_similarity_is_graded():
    assert sound_similarity("借代", "借贷") == 1.0
    assert 0.8 < sound_similarity("暂庭", "张庭") < 1.0  # z/zh fuzzy
    assert sound_similarity("今天", "借贷") < 0.5


def test_vocabulary_helpers():
    assert court_forms("成都市武侯区人民法院") == ["成都市武侯区人民法院", "武侯区人民法院"]
    assert parse_hotwords("杨帆，何建军、 王律师") == ["杨帆", "何建军", "王律师"]
    prompt = CASE.prompt()
    assert prompt.startswith("杨帆，何建军，房屋租赁合同纠纷")
    assert "原告" not in prompt  # general legal terms stay out of the decoder hint


def test_name_stutter_is_removed_with_the_correction():
    text, corrections = correct_text("被告核件军军已到庭，何建军军", CASE)
    assert text == "被告何建军已到庭，何建军"
    assert [(c.original, c.replacement) for c in corrections] == [("核件军军", "何建军"), ("何建军军", "何建军")]
    for c in reversed(corrections):
        text = undo_correction(text, c)
    assert text == "被告核件军军已到庭，何建军军"
