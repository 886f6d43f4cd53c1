"""Pure helpers that pick the parties' main statements from a transcript, find the dossier page
of extracted text, and anchor provenance comments in a draft."""
from __future__ import annotations

import io

import docx

from engines.drafting.case_material import (
    MAX_CHARS,
    Utterance,
    add_comments,
    document_section,
    locate_text,
    main_statements,
    remove_comments,
    speaker_role,
)


def test_speaker_labels_map_to_sides():
    assert [speaker_role(s) for s in ("原告", "原告代理人", "原告委托诉讼代理人", "被告代理人", "第三人", "审判长",
                                       "书记员", "声道3", "")] == [
        "原告", "原告", "原告", "被告", "第三人", None, None, None, None]


def test_short_and_procedural_utterances_are_skipped_and_order_kept():
    sides = main_statements([
        Utterance("审判长", "原告陈述诉讼请求及事实和理由，被告答辩。"),
        Utterance("原告", "不申请回避。"),
        Utterance("原告", "对合议庭组成人员不申请回避。"),
        Utterance("被告", "听清楚了。"),
        Utterance("原告代理人", "请求判令被告归还借款五万元"),
        Utterance("被告", "没有。"),
        Utterance("被告代理人", "借款属实，但利息约定过高，应予调整。"),
        Utterance("原告", "被告多次承诺还款，有聊天记录为证。"),
        Utterance("原告", "被告多次承诺还款，有聊天记录为证。"),
    ])
    assert set(sides) == {"原告", "被告"}
    assert sides["原告"].utterances == ["请求判令被告归还借款五万元。", "被告多次承诺还款，有聊天记录为证。"]
    assert sides["被告"].text == "借款属实，但利息约定过高，应予调整。"


def test_each_side_is_capped_at_a_sentence_end():
    long = "原告与被告系朋友关系，被告因经营需要多次向原告借款。" * 40
    sides = main_statements([Utterance("原告", long), Utterance("原告", "这一句不会再出现在摘录里。")])
    text = sides["原告"].text
    assert len(text) <= MAX_CHARS + 2 and text.endswith("……")
    assert "这一句不会再出现" not in text


def test_a_label_that_names_a_party_attributes_the_side():
    sides = main_statements([Utterance("被告乙公司代理人", "乙公司不是合同相对方，不应承担责任。")],
                            {"被告": ["甲公司", "乙公司"]})
    assert sides["被告"].party == "乙公司"


def test_locate_text_ignores_line_breaks_and_page_breaks():
    pages = [(1, "卷宗封面", "民事案件卷宗"), (2, "起诉状", "请求事项：\n（1）被告赔偿原告\n维修费用"),
             (3, "起诉状", "42,800元")]
    assert locate_text("被告赔偿原告维修费用42,800元", pages) == (2, "起诉状")
    assert locate_text("维修费用42,800元", pages) == (2, "起诉状")
    assert locate_text("不在卷宗里的文字", pages) is None


def test_comments_are_anchored_once_per_paragraph():
    document = docx.Document()
    document.add_paragraph("原告诉称：甲。")
    document.add_paragraph("被告辩称：乙。")
    buf = io.BytesIO()
    document.save(buf)
    data, done = add_comments(buf.getvalue(), [("原告诉称", "来源一"), ("原告诉称", "来源一"), ("辩称", "来源二")])
    out = docx.Document(io.BytesIO(data))
    assert done == [0, 1]
    assert [c.text for c in out.comments] == ["来源一", "来源二"]
    assert [p.text for p in out.paragraphs] == ["原告诉称：甲。", "被告辩称：乙。"]


def test_complaint_and_defence_sections_across_pages():
    complaint = [(4, "民事起诉状\n诉讼请求：\n1.归还借款\n事实与理由：\n2023年1月，原告向被告出借\n五万元。"),
                 (5, "被告至今未还。\n第 2 页共 2 页\n此致\n某某人民法院\n具状人：张三")]
    assert document_section("complaint", complaint) == ("2023年1月，原告向被告出借五万元。被告至今未还。", 4)
    defence = [(9, "民事答辩状\n答辩人：某公司\n现答辩如下：\n借款属实，但利息过高。\n此致")]
    assert document_section("defence", defence) == ("借款属实，但利息过高。", 9)
    assert document_section("complaint", [(1, "民事起诉状\n诉讼请求：归还借款")]) is None


def test_accepting_removes_only_the_machine_notes():
    document = docx.Document()
    document.add_paragraph("原告诉称：甲。")
    document.add_paragraph("本院认为，乙。")
    document.add_comment(document.paragraphs[1].runs, text="再斟酌", author="王法官")
    buf = io.BytesIO()
    document.save(buf)
    data, _ = add_comments(buf.getvalue(), [("原告诉称", "来源一")])
    data, removed = remove_comments(data)
    out = docx.Document(io.BytesIO(data))
    assert removed == 1 and [(c.author, c.text) for c in out.comments] == [("王法官", "再斟酌")]
    assert [p.text for p in out.paragraphs] == ["原告诉称：甲。", "本院认为，乙。"]
    assert out.element.body.xml.count("commentRangeStart") == 1
