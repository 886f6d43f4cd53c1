"""Boundaries between short forms and case fields read from wherever they are printed."""
from __future__ import annotations

from engines.cataloguing import catalogue
from engines.cataloguing.caseinfo import PageText, extract_case_info

COURT = ("西安市未央区人民法院", 15, "center")


def _receipt(person: str):
    return [COURT, ("送 达 回 证", 22, "center"), ("案号 （2019）陕0112民初1234号", 12, "left"),
            ("送达文书 民事判决书", 12, "left"), (f"受送达人 {person}", 12, "left"), ("送达方式 直接送达", 12, "left")]


def _id_copy(person: str, titled: bool):
    rows = [(f"姓名 {person}", 12, "left"), ("性别 男 民族 汉", 12, "left"), ("住址 某市某区某路1号", 12, "left"),
            ("公民身份号码 110101198501021234", 12, "left"), ("签发机关 某市公安局某分局", 12, "left"),
            ("有效期限 2015.01.01-2035.01.01", 12, "left")]
    return ([("居民身份证复印件", 16, "center")] if titled else []) + rows


def _starts(res):
    return [(d.category, d.start_page, d.end_page) for d in res.documents]


def test_two_service_receipts_then_an_announcement_are_three_documents(make_pdf):
    announcement = [COURT, ("公　告", 22, "center"), ("张三：", 12, "left"),
                    ("本院受理原告某某汽车金融有限公司诉你金融借款合同纠纷一案，现依法向你公告送达民事判决书。", 12, "left"),
                    ("特此公告。", 12, "left")]
    res = catalogue([make_pdf([_receipt("张三"), _receipt("李四"), announcement])])
    assert _starts(res) == [("送达回证", 1, 1), ("送达回证", 2, 2), ("送达回证", 3, 3)]
    assert res.documents[2].title == "公告"


def test_id_copies_in_a_row_stay_separate_also_without_title(make_pdf):
    res = catalogue([make_pdf([_id_copy("张三", True), _id_copy("李四", False), _id_copy("王五", False)])])
    assert _starts(res) == [("身份证明材料", 1, 1), ("身份证明材料", 2, 2), ("身份证明材料", 3, 3)]
    assert res.pages[1].source == "form"


def test_judgment_keeps_its_continuation_pages_and_statutes(make_pdf):
    first = [COURT, ("民 事 判 决 书", 22, "center"), ("（2019）陕0112民初1234号", 12, "right"),
             ("原告：某某汽车金融有限公司。", 12, "left"), ("被告：张三。", 12, "left")]
    second = [("2018年3月5日，原告与被告张三签订《汽车贷款合同》，约定被告借款十万元，", 12, "left"),
              ("借款期限三十六个月。合同签订后原告依约放款，被告未按约还款。", 12, "left"),
              ("本院认为，依法成立的合同对当事人具有法律约束力，判决如下：", 12, "left")]
    appendix = [("附：相关法律条文", 16, "center"),
                ("《中华人民共和国合同法》第二百零六条 借款人应当按照约定的期限返还借款。", 12, "left")]
    res = catalogue([make_pdf([first, second, appendix, _receipt("张三")])])
    assert _starts(res) == [("判决书", 1, 3), ("送达回证", 4, 4)]


def test_filing_date_from_the_acceptance_notice_in_chinese_numerals(make_pdf):
    notice = [COURT, ("受理案件通知书", 22, "center"), ("（2019）陕0112民初1234号", 12, "right"),
              ("某某汽车金融有限公司：", 12, "left"),
              ("你方诉张三金融借款合同纠纷一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理。", 12, "left"),
              ("西安市未央区人民法院", 12, "right"), ("二〇一九年九月十六日", 12, "right")]
    res = catalogue([make_pdf([_receipt("张三"), notice])])
    fv = res.case.fields["filing_date"]
    assert res.case.filing_date == "2019-09-16"
    assert fv.page == 2 and "受理案件通知书" in fv.origin and "落款" in fv.origin
    number = res.case.fields["case_number"]
    assert number.page in (1, 2) and number.origin.endswith("案号")


def test_every_field_names_the_page_it_came_from():
    pages = [PageText(1, "cover", "卷宗封面\n案号：（2020）湘0111民初88号\n案由：借款合同纠纷\n原告：某某公司\n被告：张三\n立案日期：2020年3月4日"),
             PageText(5, "acceptance_notice", "受理案件通知书\n二〇二〇年三月四日")]
    info = extract_case_info(pages)
    for name in ("case_number", "cause", "filing_date", "plaintiffs", "defendants"):
        fv = info.fields[name]
        assert fv.page in fv.pages and fv.origin, name
    # The explicit 立案日期 on the cover outweighs the notice's signature date (they agree here).
    assert info.fields["filing_date"].page == 1 and info.fields["filing_date"].pages == [1, 5]


def test_signature_date_loses_to_a_stated_filing_date():
    pages = [PageText(2, "acceptance_notice", "受理案件通知书\n你方诉张三一案，本院于2019年9月12日立案受理。\n二〇一九年九月十六日")]
    info = extract_case_info(pages)
    assert info.filing_date == "2019-09-12"
    assert info.fields["filing_date"].alternatives[0]["value"] == "2019-09-16"


def test_scanned_complaint_is_read_in_full_only_for_the_missing_fields(make_pdf):
    # The parties and claims sit below the title band of a scanned complaint: the title
    # labels the page, and the rest is read afterwards because no other page names them.
    filler = [("本状一式三份，依法提交贵院，请予审查立案。", 12, "left")] * 9
    page = [("民 事 起 诉 状", 22, "center"), *filler, ("原告：张伟，男，汉族。", 12, "left"), ("被告：李娜，女，汉族。", 12, "left"),
            ("诉讼请求：", 12, "left"), ("1.判令被告偿还借款50000元；", 12, "left"), ("事实与理由：被告借款到期未还。", 12, "left")]
    res = catalogue([make_pdf([page], scanned=True)])
    assert res.pages[0].scanned and res.pages[0].category == "起诉状"
    assert res.case.plaintiffs == ["张伟"] and res.case.defendants == ["李娜"]
    assert res.case.claims and res.case.fields["plaintiffs"].page == 1
