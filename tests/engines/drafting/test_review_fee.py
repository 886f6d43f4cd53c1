"""案件受理费 against 《诉讼费用交纳办法》第十三条 and 减半 against the procedure (check_fee.py)."""
import re
from decimal import Decimal

import pytest

from engines.drafting.review import CaseFacts, review_document
from engines.drafting.review.claim_amount import claim_amount
from engines.drafting.review.resources import load_rules
from tests.helpers.drafting_judgments import court_fee, make_clean

# A generated 买卖合同纠纷 under 简易程序, amounts without thousands separators.
SEED = 25
FEE_RULES = {"fee_schedule", "fee_halving_procedure", "fee_inconsistent"}


@pytest.mark.parametrize("amount, fee", [
    ("1", "50"), ("10000", "50"), ("10001", "50.03"), ("50000", "1050"), ("100000", "2300"),
    ("100001", "2300.02"), ("200000", "4300"), ("500000", "8800"), ("1000000", "13800"),
    ("2000000", "22800"), ("5000000", "46800"), ("10000000", "81800"), ("20000000", "141800"),
    ("30000000", "191800"),
])
def test_schedule_bands_at_their_edges(amount, fee):
    assert load_rules().fee_schedule.fee_for(Decimal(amount)) == Decimal(fee)


def test_generator_fee_agrees_with_the_schedule_beyond_the_first_bands():
    # The generator used 2% above 200,000元 before; it is written independently of the rule.
    schedule = load_rules().fee_schedule
    for amount in ("8000", "150600", "243400", "299900", "1320000"):
        assert court_fee(Decimal(amount)) == schedule.fee_for(Decimal(amount))


def build(tmp_path, claims=None, fee=None, procedure=None, cause=None, note=""):
    """The SEED judgment as .docx with its claims, fee paragraph, procedure or cause replaced
    (``note`` is added to the procedure paragraph)."""
    j = make_clean(SEED)
    P, parts = j.paragraphs, j.parts
    if claims is not None:
        P[parts["claims"]] = re.sub(r"(诉讼请求：).*?(事实[和与]理由)", lambda m: m.group(1) + claims + m.group(2),
                                    P[parts["claims"]])
    if fee is not None:
        P[parts["fee"]] = fee
    if procedure is not None:
        P[parts["procedure"]] = P[parts["procedure"]].replace("简易程序", procedure)
    if cause is not None:
        P[parts["procedure"]] = P[parts["procedure"]].replace("买卖合同纠纷", cause)
    P[parts["procedure"]] = P[parts["procedure"]].replace("本案现已审理终结。", note + "本案现已审理终结。")
    return j.write(tmp_path / "judgment.docx"), parts["fee"]


def fee_findings(path, record=None):
    return [f for f in review_document(path, record=record).findings if f.rule in FEE_RULES]


def test_right_fee_gives_nothing(tmp_path):
    path, _ = build(tmp_path, claims="1.被告宇航公司支付货款50000元；2.本案诉讼费由被告承担。",
                    fee="案件受理费1050元，减半收取计525元，由被告宇航公司负担。")
    assert fee_findings(path) == []


def test_wrong_fee_is_a_warning_naming_fee_and_amount(tmp_path):
    path, fee_paragraph = build(tmp_path, claims="1.被告宇航公司支付货款50000元；2.本案诉讼费由被告承担。",
                                fee="案件受理费1000元，减半收取计500元，由被告宇航公司负担。")
    found = fee_findings(path)
    assert [(f.rule, f.severity, f.paragraph) for f in found] == [("fee_schedule", "warning", fee_paragraph)]
    assert "案件受理费1000元" in found[0].message and "50000元" in found[0].message
    assert "1050元" in found[0].message and "第十三条" in found[0].message


def test_halved_amount_with_wrong_arithmetic_is_an_error(tmp_path):
    path, fee_paragraph = build(tmp_path, claims="1.被告宇航公司支付货款50000元；2.本案诉讼费由被告承担。",
                                fee="案件受理费1050元，减半收取计552元，由被告宇航公司负担。")
    found = fee_findings(path)
    assert [(f.rule, f.severity, f.paragraph) for f in found] == [("fee_inconsistent", "error", fee_paragraph)]


def test_interest_only_claims_give_nothing(tmp_path):
    claims = ("1.被告宇航公司以50000元为基数，自2023年6月6日起按照一年期贷款市场报价利率支付逾期付款利息至实际付清之日止；"
              "2.本案诉讼费由被告承担。")
    path, _ = build(tmp_path, claims=claims, fee="案件受理费1000元，减半收取计500元，由被告宇航公司负担。")
    assert fee_findings(path) == []


def test_interest_as_a_rate_is_not_added_to_the_principal(tmp_path):
    claims = ("1.被告宇航公司支付货款50000元；2.被告宇航公司以50000元为基数，按年利率6%支付利息至实际清偿之日；"
              "3.本案诉讼费由被告承担。")
    path, _ = build(tmp_path, claims=claims, fee="案件受理费1050元，减半收取计525元，由被告宇航公司负担。")
    assert fee_findings(path) == []


@pytest.mark.parametrize("cause, fee", [("劳动争议", "10"), ("离婚纠纷", "150"), ("名誉权纠纷", "300")])
def test_non_property_cause_gives_nothing(tmp_path, cause, fee):
    path, _ = build(tmp_path, claims="1.被告宇航公司支付50000元；2.本案诉讼费由被告承担。", cause=cause,
                    fee=f"案件受理费{fee}元，由被告宇航公司负担。")
    assert fee_findings(path) == []


def test_halving_under_ordinary_procedure_is_a_warning(tmp_path):
    path, fee_paragraph = build(tmp_path, claims="1.被告宇航公司支付货款50000元；2.本案诉讼费由被告承担。",
                                fee="案件受理费1050元，减半收取计525元，由被告宇航公司负担。", procedure="普通程序")
    found = fee_findings(path)
    assert [(f.rule, f.severity, f.paragraph) for f in found] == [("fee_halving_procedure", "warning", fee_paragraph)]
    assert "第十六条" in found[0].message


@pytest.mark.parametrize("fee", [
    "案件受理费【待补充】元，由被告宇航公司负担。",
    "案件受理费     元，由被告宇航公司负担。",
])
def test_fee_not_filled_in_gives_nothing(tmp_path, fee):
    path, _ = build(tmp_path, claims="1.被告宇航公司支付货款50000元；2.本案诉讼费由被告承担。", fee=fee)
    assert fee_findings(path) == []


@pytest.mark.parametrize("claims", [
    "1.被告宇航公司支付货款50000元或者返还货物；2.本案诉讼费由被告承担。",  # alternative
    "1.被告宇航公司支付租金每月3000元至实际腾退之日；2.本案诉讼费由被告承担。",  # periodic
    "1.被告宇航公司支付货款5万余元；2.本案诉讼费由被告承担。",  # vague
    "1.解除双方的买卖合同；2.被告宇航公司支付货款50000元。",  # a claim that is not money
    "1.被告宇航公司支付货款30000元、违约金5000元，合计40000元；2.本案诉讼费由被告承担。",  # total differs
])
def test_ambiguous_claims_give_nothing(tmp_path, claims):
    path, _ = build(tmp_path, claims=claims, fee="案件受理费1000元，减半收取计500元，由被告宇航公司负担。")
    assert fee_findings(path) == []


def test_changed_claims_give_nothing(tmp_path):
    # The fee may follow the claims as changed; which figure it used is not for the machine to guess.
    path, _ = build(tmp_path, claims="1.被告宇航公司支付货款50000元；2.本案诉讼费由被告承担。",
                    fee="案件受理费2300元，减半收取计1150元，由被告宇航公司负担。",
                    note="审理中，原告变更诉讼请求为支付货款100000元。")
    assert fee_findings(path) == []


def test_accrued_interest_may_or_may_not_be_in_the_amount(tmp_path):
    claims = ("1.被告宇航公司支付货款80000元；2.被告宇航公司支付自2022年12月10日起按年利率8%计算的利息"
              "（截至2023年10月5日为5260.27元）；3.本案诉讼费由被告承担。")
    for fee in ("1800", "1931.51"):
        path, _ = build(tmp_path, claims=claims, fee=f"案件受理费{fee}元，由被告宇航公司负担。")
        assert fee_findings(path) == [], fee
    path, _ = build(tmp_path, claims=claims, fee="案件受理费2000元，由被告宇航公司负担。")
    found = fee_findings(path)
    assert [f.rule for f in found] == ["fee_schedule"]
    assert "1800元" in found[0].message and "1931.51元" in found[0].message


def test_chinese_numerals_and_capital_with_figure(tmp_path):
    for claims in ("1.被告宇航公司支付货款五万元；2.本案诉讼费由被告承担。",
                   "1.被告宇航公司支付货款人民币伍万元整（50000元）；2.本案诉讼费由被告承担。"):
        path, _ = build(tmp_path, claims=claims, fee="案件受理费1050元，减半收取计525元，由被告宇航公司负担。")
        assert fee_findings(path) == [], claims
        path, _ = build(tmp_path, claims=claims, fee="案件受理费1100元，减半收取计550元，由被告宇航公司负担。")
        assert [f.rule for f in fee_findings(path)] == ["fee_schedule"], claims


def test_rounding_to_yuan_and_a_fee_written_already_halved(tmp_path):
    claims = "1.被告宇航公司支付货款38719.31元；2.本案诉讼费由被告承担。"  # 767.98元 to the cent
    for fee in ("案件受理费767.98元，减半收取计383.99元，由被告宇航公司负担。",
                "案件受理费768元，减半收取计384元，由被告宇航公司负担。",
                "案件受理费383.99元（已减半收取），由被告宇航公司负担。"):
        path, _ = build(tmp_path, claims=claims, fee=fee)
        assert fee_findings(path) == [], fee


def test_case_record_amount_and_cause(tmp_path):
    # No amount in the document's claims: the record's amount is used, its cause can silence the check.
    path, _ = build(tmp_path, claims="1.被告宇航公司支付拖欠的货款；2.本案诉讼费由被告承担。",
                    fee="案件受理费1000元，减半收取计500元，由被告宇航公司负担。")
    assert fee_findings(path) == []
    found = fee_findings(path, CaseFacts(claim_amount=Decimal(50000)))
    assert [f.rule for f in found] == ["fee_schedule"] and "案件记录" in found[0].message
    assert fee_findings(path, CaseFacts(claims=["被告支付货款48000元", "诉讼费由被告负担"])) == []
    assert fee_findings(path, CaseFacts(claim_amount=Decimal(50000), cause="劳动争议")) == []


def test_claim_amount_parser():
    assert claim_amount("1.偿还借款本金80000元；2.支付利息5000元；以上合计85000元；3.诉讼费由被告负担。").fixed == 85000
    assert claim_amount("判令被告支付借款共计50000元。").fixed == 50000
    assert claim_amount("判令被告支付货款3万元；") .fixed == 30000
    assert claim_amount("判令被告支付租金3000元/月；") is None
    assert claim_amount("判令被告承担本案诉讼费用。") is None
