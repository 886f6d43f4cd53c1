"""Page labelling rules: titles, longest match, court headers, 副卷, threshold, continuation."""
from __future__ import annotations

from engines.cataloguing.classify import classify_page, find_heading, page_footer
from engines.cataloguing.learning import Knowledge
from engines.cataloguing.rules import load_rules
from engines.cataloguing.input_files import Line


def _lines(*texts, size=0.014, centred=True):
    out = []
    y = 0.05
    for t in texts:
        big = isinstance(t, tuple)
        text = t[0] if big else t
        x0, x1 = (0.35, 0.65) if centred and big else (0.1, 0.9)
        out.append(Line(text, x0, y, x1, y + size, size * (1.8 if big else 1.0)))
        y += 0.03
    return out


K = Knowledge(load_rules())


def test_spaced_title_and_court_header():
    lines = _lines(("成都市武侯区人民法院",), ("民 事 起 诉 状",), "原告：张伟，男，汉族。")
    h = find_heading(lines, K)
    assert h.text == "民事起诉状" and h.label == "起诉状"


def test_longest_title_word_wins():
    h = find_heading(_lines(("某某省法院诉讼费收据",), "交款人 张伟"), K)
    assert h.label == "诉讼费用材料"  # not 证据材料 for 收据
    h = find_heading(_lines(("诉讼费缓交申请书",), "申请人 张伟"), K)
    assert h.label == "诉讼费用材料"  # not 其他材料 for 申请书
    h = find_heading(_lines(("电子送达凭证",), "受送达人 张伟"), K)
    assert h.label == "送达回证"


def test_sentence_mentions_are_not_titles():
    lines = _lines("送达文书：起诉状副本、应诉通知书、传票", "受送达人：李娜。")
    assert find_heading(lines, K) is None


def test_secondary_volume_is_other_with_reason():
    d = classify_page(_lines(("审理报告",), "本案经合议庭评议，意见如下。"), None, K)
    assert d.category == "其他材料" and "副卷材料" in d.reason


def test_untitled_page_continues_previous_document():
    lines = _lines("审判员：双方是否愿意调解？", "原告：愿意。", "被告：不同意。")
    d = classify_page(lines, "庭审笔录", K)
    assert d.category == "庭审笔录" and d.source == "continuation"


def test_unclear_page_becomes_other_and_is_flagged():
    d = classify_page(_lines("甲乙丙丁戊己庚辛"), None, K)
    assert d.category == "其他材料" and d.needs_review
    assert "复核" in d.reason


def test_model_labels_untitled_text_with_reason():
    lines = _lines("被传唤人 赵强", "传唤事由 开庭", "应到时间 2024年5月8日9时", "应到处所 本院第三法庭 注意事项")
    d = classify_page(lines, None, K)
    assert d.category == "传票" and d.source == "model" and "文本模型" in d.reason


def test_page_footer_forms():
    def foot(t):
        return [Line(t, 0.4, 0.95, 0.6, 0.96, 0.01)]
    assert page_footer(foot("第 2 页 共 3 页")) == (2, 3)
    assert page_footer(foot("- 1 -")) == (1, None)
    assert page_footer(foot("2/5")) == (2, 5)
    assert page_footer([Line("第 2 页 共 3 页", 0.1, 0.5, 0.9, 0.52, 0.01)]) is None  # mid-page text


def test_unknown_title_after_other_document_is_flagged():
    lines = _lines(("甲乙丙丁单",), "张伟与李娜", "经双方确认无误。")
    d = classify_page(lines, "开庭公告", K)
    assert d.needs_review and "未识别" in d.reason and d.confidence <= 0.6
