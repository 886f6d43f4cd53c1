"""One item written with two figures (check_figures.py): true and tolerated forms."""
import pytest

from tests.helpers.review_texts import BASE, P, edited, findings

REASON = "应当返还装修款40000元。"


def with_reasoning(extra, lines=None):
    return edited(P["reasoning"], REASON, REASON + extra, lines)


@pytest.mark.parametrize("calc", [
    "误工费9000元（90天×100元/天）", "护理费3600元（60天*60元/天）", "损失28000元（40000元×70%）",
    "损失5600.5元（5600.5元）", "残疾赔偿金68786元（34393元/年×20年×10%）", "合计6899元（3899+3000）",
    "折价款1333元（4000÷3）", "误工费3000元（3个月×1000元/月）", "补贴600元（20元/天×30天）",
])
def test_calculations_that_compute_are_tolerated(calc):
    assert not findings(with_reasoning(f"原告的{calc}，本院予以确认。"), "item_figures")


@pytest.mark.parametrize("calc", [
    "误工费9000元（90天×110元/天）", "损失28000元（40000元×60%）", "合计6899元（3899+3300）",
])
def test_a_calculation_that_does_not_give_its_amount_is_an_error(calc):
    found = findings(with_reasoning(f"原告的{calc}，本院予以确认。"), "item_figures", "error")
    assert found and calc.split("（")[0][-8:] in found[0].text


def test_in_the_parties_statements_it_is_a_warning():
    lines = edited(P["claims"], "事实和理由：略。", "事实和理由：误工费9000元（90天×110元/天）。")
    assert findings(lines, "item_figures", "warning")
    assert not findings(lines, "item_figures", "error")


def test_units_that_convert_by_an_unwritten_factor_are_left_alone():
    assert not findings(with_reasoning("原告的护理费2000元（20元/天×3个月），本院予以确认。"), "item_figures")


def test_court_conclusion_and_order_with_two_figures():
    lines = edited(P["item1"], "装修款40000元", "装修款4000元")
    found = findings(lines, "item_figures", "warning")
    assert found and "40000" in found[0].message and "4000元" in found[0].message
    assert found[0].paragraph == P["item1"]


@pytest.mark.parametrize("reason", [
    "应当返还装修款40000元，扣除已退还的10000元，尚应返还30000元。",
    "应当按70%的比例返还装修款40000元。",
    "原告主张远舟公司应当返还装修款40000元。",
])
def test_deductions_shares_and_claims_are_not_two_figures(reason):
    lines = edited(P["reasoning"], REASON, reason, edited(P["item1"], "装修款40000元", "装修款30000元"))
    assert not findings(lines, "item_figures")


def test_same_figure_is_fine():
    assert not findings(BASE, "item_figures")
