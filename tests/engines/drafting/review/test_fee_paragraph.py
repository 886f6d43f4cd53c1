"""The fee paragraph agrees with itself (fee_paragraph.py) and the 劳动争议 fixed fee (check_fee.py)."""
import pytest

from tests.helpers.review_texts import BASE, P, edited, errors, findings

FEE = "案件受理费1000元，减半收取计500元，由被告远舟公司负担。"


def with_fee(text, lines=None):
    return edited(P["fee"], FEE, text, lines)


@pytest.mark.parametrize("text", [
    "案件受理费1000元，减半收取计500元，由原告林晓东负担100元，被告远舟公司负担400元。",
    "案件受理费1000元，减半收取，计人民币500元，由原告林晓东承担100元，被告远舟公司承担400元。",
    "案件受理费1000元，减半收取计500元，保全费300元，鉴定费2000元，合计2800元，由被告远舟公司负担。",
    "案件受理费1000元，减半收取计500元，鉴定费2000元，由原告林晓东负担500元，被告远舟公司负担2000元。",
    "本案诉讼费2800元（其中案件受理费500元、保全费300元、鉴定费2000元），由被告远舟公司负担。",
    "案件受理费1000元，减半收取计500元，由被告远舟公司负担400元；原告林晓东负担100元。",
    "案件受理费1000元，减半收取计500元，由被告远舟公司负担；鉴定费2000元，由原告林晓东负担1000元，被告远舟公司负担1000元。",
])
def test_consistent_fee_paragraphs_give_no_error(text):
    assert "fee_inconsistent" not in errors(with_fee(text))


@pytest.mark.parametrize("text, words", [
    ("案件受理费1000元，减半收取，计人民币600元，由被告远舟公司负担。", "减半应为500"),
    ("案件受理费1000元，减半计600元，由被告远舟公司负担。", "减半应为500"),
    ("案件受理费1000元，减半收取计500元，由原告林晓东承担200元，被告远舟公司承担400元。", "600"),
    ("案件受理费1100元，减半收取计550元，保全费300元，鉴定费2000元，合计2800元，由被告远舟公司负担。", "2850"),
    ("案件受理费1000元，减半收取计500元，鉴定费2000元，由原告林晓东负担600元，被告远舟公司负担2000元。", "2600"),
    ("本案诉讼费2800元（其中案件受理费600元、保全费300元、鉴定费2000元），由被告远舟公司负担。", "2900"),
    ("案件受理费1000元，减半收取计500元，由被告远舟公司负担450元；原告林晓东负担100元。", "550"),
])
def test_fee_paragraph_contradicting_itself_is_an_error(text, words):
    found = findings(with_fee(text), "fee_inconsistent", "error")
    assert found and words in found[0].message


def test_share_running_on_into_the_next_paragraph():
    lines = with_fee("案件受理费1000元，减半收取计500元，由被告远舟公司负担400元；")
    lines.insert(P["fee"] + 1, "原告林晓东负担100元。")
    assert "fee_inconsistent" not in errors(lines)
    lines[P["fee"] + 1] = "原告林晓东负担200元。"
    assert "fee_inconsistent" in errors(lines)


def labour(fee_text):
    lines = edited(P["procedure"], "装饰装修合同纠纷", "劳动争议")
    return with_fee(fee_text, lines)


@pytest.mark.parametrize("text", ["案件受理费10元，减半收取计5元，由被告远舟公司负担。",
                                  "本案受理费5元（原告已预交），由被告远舟公司负担。",
                                  "案件受理费10元，由被告远舟公司负担。"])
def test_labour_dispute_fee_of_ten_yuan(text):
    assert not findings(labour(text), "fee_schedule", "error")


def test_labour_dispute_charged_by_the_property_schedule_is_an_error():
    found = findings(labour("案件受理费1000元，减半收取计500元，由被告远舟公司负担。"), "fee_schedule", "error")
    assert found and "10元" in found[0].message
    # 劳务合同纠纷 is a contract for services, not a labour dispute: the property schedule applies.
    services = with_fee("案件受理费1000元，减半收取计500元，由被告远舟公司负担。",
                        edited(P["procedure"], "装饰装修合同纠纷", "劳务合同纠纷"))
    assert not findings(services, "fee_schedule", "error")


def test_base_is_clean():
    assert errors(BASE) == set()
