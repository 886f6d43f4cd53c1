"""Narrative date order (check_date_order.py): true and tolerated forms."""
from tests.helpers.review_texts import BASE, P, edited, findings

PROC = "于2020年4月8日公开开庭"


def date_errors(lines):
    return findings(lines, "date_order", "error")


def test_clean_judgment_has_no_date_finding():
    assert not findings(BASE, "date_order")


def test_every_hearing_date_between_filing_and_signature():
    two = edited(P["procedure"], PROC, "于2020年4月8日、2020年4月15日两次公开开庭")
    assert not date_errors(two)
    late = edited(P["procedure"], PROC, "于2020年4月8日、2020年5月15日两次公开开庭")
    found = date_errors(late)
    assert found and "2020年5月15日" in found[0].message
    short = edited(P["procedure"], PROC, "于2020年4月8日、5月15日两次公开开庭")
    assert date_errors(short)


def test_an_event_after_the_judgment_date_is_an_error():
    facts = edited(P["facts"], "2019年8月5日，双方签订", "2020年8月5日，双方签订")
    found = date_errors(facts)
    assert found and "2020年8月5日" in found[0].text
    accident = edited(P["facts"], "原告支付装修款40000元。", "原告支付装修款40000元。2021年1月3日，工地发生火灾。")
    assert date_errors(accident)


def test_terms_deadlines_and_plans_after_the_judgment_are_tolerated():
    for sentence in ("合同约定于2021年12月31日前完成装修。", "工期自2019年8月10日起至2021年8月9日止。",
                     "双方约定租期至2025年3月1日届满。", "被告承诺于2021年6月1日签订补充协议。"):
        lines = edited(P["facts"], "原告支付装修款40000元。", "原告支付装修款40000元。" + sentence)
        assert not findings(lines, "date_order"), sentence


def test_an_event_after_the_judgment_in_a_party_statement_is_an_error_too():
    lines = edited(P["defence"], "装修已部分完成", "双方于2021年3月1日签订了补充协议，装修已部分完成")
    assert date_errors(lines)


def test_a_reversed_period_in_a_party_statement_is_a_warning():
    lines = edited(P["defence"], "装修已部分完成", "工期自2019年8月10日起至2019年6月9日止，装修已部分完成")
    assert findings(lines, "date_order", "warning")
    assert not date_errors(lines)


def test_a_period_that_ends_before_it_starts():
    lines = edited(P["facts"], "原告支付装修款40000元。", "工期自2019年8月10日起至2019年6月9日止。")
    found = date_errors(lines)
    assert found and "截止日早于起始日" in found[0].message
    same_year = edited(P["facts"], "原告支付装修款40000元。", "工期自2019年8月10日起至同年6月9日止。")
    assert date_errors(same_year)
    forward = edited(P["facts"], "原告支付装修款40000元。", "工期自2019年8月10日起至同年10月9日止。")
    assert not findings(forward, "date_order")
    # 自12月1日至次年3月31日 has no year written on the end: not read.
    next_year = edited(P["facts"], "原告支付装修款40000元。", "工期自2019年12月1日起至3月31日止。")
    assert not findings(next_year, "date_order")


def test_a_birth_date_after_the_judgment():
    lines = edited(3, "1980年7月12日出生", "2021年7月12日出生")
    assert date_errors(lines)


def test_a_filing_by_the_plaintiff_after_the_judgment_in_the_procedure_paragraph():
    lines = edited(P["procedure"], "一案，本院", "一案，原告于2020年5月6日向本院提起诉讼，本院")
    assert date_errors(lines)
    # A signature before the filing is check_dates.py's finding; the events after it are not repeated.
    early = edited(P["date"], "二〇二〇年四月二十日", "二〇二〇年二月二十日")
    assert [f.rule for f in findings(early, "date_order", "error")] == ["date_order"]
