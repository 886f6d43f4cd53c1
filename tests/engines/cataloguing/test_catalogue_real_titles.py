"""Real title variants (data in categories.json), continuation before title, form signatures."""
from __future__ import annotations

import json

import pytest

from engines.cataloguing.classify import classify_page, find_heading
from engines.cataloguing.learning import Knowledge
from engines.cataloguing.rules import DEFAULT_RULES, load_rules
from engines.cataloguing.input_files import Line

K = Knowledge(load_rules())


def _page(title: str | None, *body: str, title_size: float = 0.026, centred: bool = True, footer: str = "") -> list[Line]:
    """A page as the text layer gives it: optional centred title, body lines from the margin."""
    out, y = [], 0.06
    if title is not None:
        x0, x1 = (0.38, 0.62) if centred else (0.12, 0.40)
        out.append(Line(title, x0, y, x1, y + title_size, title_size))
        y += 0.05
    for text in body:
        out.append(Line(text, 0.12, y, 0.88, y + 0.015, 0.015))
        y += 0.025
    if footer:
        out.append(Line(footer, 0.45, 0.95, 0.55, 0.96, 0.011))
    return out


@pytest.mark.parametrize("title, label", [
    ("法定代表人证明书", "身份证明材料"),
    ("法定代表人身份证明书", "身份证明材料"),
    ("法人代表身份证明书", "身份证明材料"),
    ("居民身份证复印件", "身份证明材料"),
    ("起 诉 状", "起诉状"),
    ("民 事 起 诉 状", "起诉状"),
    ("民事起诉状（要素式）", "起诉状"),
    ("立案受理通知书", "受理案件通知书"),
    ("诉讼风险提示书", "受理案件通知书"),
    ("诉讼费用交纳通知书", "诉讼费用材料"),
    ("预交诉讼费用通知书", "诉讼费用材料"),
    ("案件受理费缴费通知", "诉讼费用材料"),
    ("非税收入一般缴款书", "诉讼费用材料"),
    ("送达地址确认书", "送达回证"),
    ("当事人送达地址确认书", "送达回证"),
    ("诉讼文书送达地址确认书", "送达回证"),
    ("电子送达凭证", "送达回证"),
    ("律所函", "授权委托书"),
    ("律 师 事 务 所 函", "授权委托书"),
    ("开庭公告", "开庭公告"),
    ("还款计划表", "证据材料"),
    ("原告证据目录及说明", "证据材料"),
    ("营业执照（副本）", "身份证明材料"),
])
def test_real_title_variant(title, label):
    d = classify_page(_page(title, "本页正文第一行，内容与标题无关。"), None, K)
    assert d.category == label, d.reason
    assert d.source == "title"


@pytest.mark.parametrize("title", ["财产保全申请书", "诉讼财产保全申请书", "保全申请书", "担保函", "诉讼保全担保函", "保函"])
def test_preservation_papers_are_other_with_a_reason(title):
    d = classify_page(_page(title, "申请人：某某公司。"), "受理案件通知书", K)
    assert d.category == "其他材料"
    assert "保全" in d.reason and "其他材料" in d.reason


def test_announcement_of_a_hearing_is_a_hearing_notice():
    d = classify_page(_page("公 告", "本院定于二〇一九年十月九日上午九时在本院第十二法庭公开开庭审理原告某某公司诉被告张三一案。"), None, K)
    assert d.category == "开庭公告" and "开庭" in d.reason


def test_announcement_serving_a_judgment_belongs_with_service_papers():
    d = classify_page(_page("公告", "张三：", "本院受理原告某某公司诉你借款合同纠纷一案，现依法向你公告送达民事判决书。"), "送达回证", K)
    assert d.category == "送达回证" and d.heading is not None and "公告送达" in d.reason


def test_a_court_extends_the_title_variants_without_code(tmp_path):
    data = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    for cat in data["categories"]:
        if cat["code"] == "service_receipt":
            cat["titles"].append("诉讼文书签收单")
    path = tmp_path / "categories.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    court = Knowledge(load_rules(str(path)))
    by_court = classify_page(_page("诉讼文书签收单", "受送达人 张三"), None, court)
    assert by_court.category == "送达回证" and by_court.source == "title"
    assert classify_page(_page("诉讼文书签收单", "受送达人 张三"), None, K).source != "title"


# -- continuation before title -------------------------------------------------------------
def test_judgment_page_quoting_a_contract_stays_with_the_judgment():
    lines = _page(None, "2019年3月5日，原告与被告签订《汽车贷款合同》，约定被告向原告借款十万元",
                  "借款期限三十六个月。合同签订后原告依约放款，被告未按约还款。", "本院认为，依法成立的合同，对当事人具有法律约束力。")
    d = classify_page(lines, "判决书", K)
    assert d.category == "判决书" and d.source == "continuation"


def test_wrapped_fragment_naming_a_contract_is_no_title():
    # The first line of a continuation page, short and flush left, ends on a quoted contract.
    lines = [Line("签订《汽车贷款合同》", 0.12, 0.06, 0.40, 0.075, 0.015),
             *_page(None, "约定被告向原告借款十万元，借款期限三十六个月，按月等额还款，被告未按约还款。")[0:1]]
    assert find_heading(lines, K) is None or find_heading(lines, K).label is None
    assert classify_page(lines, "判决书", K).category == "判决书"


def test_running_text_mentioning_a_form_is_no_title():
    lines = [Line("本院经审理认定事实如下：原告与被告签订的借款合同系双方真实", 0.15, 0.06, 0.85, 0.08, 0.02)]
    assert classify_page(lines, "判决书", K).category == "判决书"


@pytest.mark.parametrize("marker", ["附：相关法律条文", "附：本判决适用的法律条文", "附相关法律条文：", "附：本裁定所依据的相关法律条文", "附：本案适用的法律条文", "附：法律条文"])
def test_appended_statutes_continue_the_decision(marker):
    lines = _page(marker, "《中华人民共和国民事诉讼法》第一百四十四条 被告经传票传唤，无正当理由拒不到庭的，可以缺席判决。")
    for previous in ("判决书", "裁定书"):
        d = classify_page(lines, previous, K)
        assert d.category == previous and d.source == "continuation"


def test_untitled_record_page_continues_even_when_it_reads_like_something_else():
    lines = _page(None, "审：原告出示证据。", "原：证据一，借款合同；证据二，放款凭证；证据三，还款明细。", "审：被告对证据有何意见？")
    assert classify_page(lines, "庭审笔录", K).category == "庭审笔录"


def test_fresh_page_numbering_starts_a_new_document():
    lines = _page(None, "被传唤人 张三", "传唤事由 开庭", "应到时间 2019年10月9日9时", "应到处所 本院第十二法庭 注意事项",
                  footer="第1页 共1页")
    d = classify_page(lines, "判决书", K)
    assert d.category == "传票"


# -- untitled forms ------------------------------------------------------------------------
def test_untitled_id_copy_is_recognised_by_its_fields():
    lines = _page(None, "姓名 李娜", "性别 女 民族 汉", "住址 某市某区某路1号", "公民身份号码 110101199001011234",
                  "签发机关 某市公安局", "有效期限 2015.01.01-2035.01.01")
    d = classify_page(lines, "身份证明材料", K)
    assert d.category == "身份证明材料" and d.source == "form" and d.heading is not None


def test_a_party_line_with_an_id_number_is_no_id_copy():
    lines = _page(None, "被告：张三，男，1985年1月2日出生，汉族，公民身份号码110101198501021234。", "诉讼请求：")
    assert classify_page(lines, "起诉状", K).source == "continuation"


def test_invoice_title_with_a_long_serial_number():
    lines = [Line("电子发票（普通发票）No.24612000000112499", 0.30, 0.10, 0.87, 0.13, 0.024),
             Line("今收到西京农村商业银行股份有限公司雁塔支行", 0.16, 0.18, 0.63, 0.20, 0.014)]
    d = classify_page(lines, "证据材料", K)
    assert d.source == "title" and d.category == "证据材料" and d.heading.text.startswith("电子发票")


def test_long_bracketed_note_after_a_title_does_not_hide_it():
    lines = [Line("中国农业银行个人客户交易明细清单（2019年1月至2019年6月）", 0.2, 0.06, 0.8, 0.09, 0.024),
             Line("账号 6228480000000000 户名 张三", 0.12, 0.12, 0.7, 0.135, 0.013)]
    d = classify_page(lines, "授权委托书", K)
    assert d.category == "证据材料" and d.source == "title"


def test_delivery_note_after_a_court_notice_is_evidence():
    d = classify_page(_page("送货单", "收货单位：某某公司", "货物名称 数量 单价 金额"), "开庭公告", K)
    assert d.category == "证据材料" and d.source == "title"
