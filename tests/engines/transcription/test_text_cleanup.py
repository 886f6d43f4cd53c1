"""Record text: Simplified, Chinese punctuation, no invented phrases or loops."""
from __future__ import annotations

from engines.transcription.text_cleanup import (clean_text, collapse_repetitions,
                                                normalise_punctuation, to_simplified)


def test_traditional_to_simplified():
    assert to_simplified("報告審判長，現在開庭") == "报告审判长，现在开庭"


def test_punctuation():
    assert normalise_punctuation("原告是否申请回避?") == "原告是否申请回避？"
    assert normalise_punctuation("报告审判长 原告到庭") == "报告审判长，原告到庭"
    assert normalise_punctuation("物业费4,800元,两年") == "物业费4800元，两年"
    assert normalise_punctuation("已到庭\ufffd现在开庭") == "已到庭，现在开庭"


def test_sentence_end_and_question():
    assert clean_text("被告有沒有通知過原告維修")[0] == "被告有没有通知过原告维修？"
    assert clean_text("打過電話 有通話記錄")[0] == "打过电话，有通话记录。"


def test_repetition_loops_are_cut_but_numbers_kept():
    assert collapse_repetitions("不申请不申请不申请不申请") == "不申请"
    assert collapse_repetitions("现在开庭现在开庭现在开庭") == "现在开庭"
    loop = "武侯区人民法院公开审理本案，" * 2
    assert collapse_repetitions(loop) == "武侯区人民法院公开审理本案，"
    assert collapse_repetitions("2222年") == "2222年"
    assert collapse_repetitions("100000元") == "100000元"


def test_invented_phrases_are_dropped():
    assert clean_text("谢谢观看。") == ("", ["谢谢观看"])
    text, removed = clean_text("现在闭庭。请不吝点赞 订阅 转发 打赏支持明镜与点点栏目")
    assert text == "现在闭庭。" and removed
