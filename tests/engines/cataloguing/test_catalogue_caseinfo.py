"""Case information: normalised 案号, cause, parties and agents, dates, claims, conflicts."""
from __future__ import annotations

from engines.cataloguing.caseinfo import PageText, extract_case_info

COVER = """郑州市金水区人民法院
民事一审案件卷宗
案号 (2024)豫0105民初 8812号
案由 买卖合同纠纷
原告 顺达物流有限公司
被告 孙丽、恒通汽车租赁有限公司
立案日期 2024年3月5日"""

COMPLAINT = """民事起诉状
原告：顺达物流有限公司，住所地郑州市金水区某路1号。
法定代表人：钱立，该公司经理。
委托诉讼代理人：方圆，某某律师事务所律师。
被告：孙丽，女，1985年1月2日出生，汉族。
被告：恒通汽车租赁有限公司，住所地郑州市。
诉讼请求：
1.判令被告支付货款125,600元；
2.判令被告支付违约金1.5万元；
3.本案诉讼费由被告承担。
事实与理由：双方签订买卖合同……"""

NOTICE = """郑州市金水区人民法院
受理案件通知书
（2024）豫0105民初8812号
顺达物流有限公司：
你方诉孙丽、恒通汽车租赁有限公司买卖合同纠纷一案，本院已于二〇二四年三月六日立案。"""


def test_fields_from_cover_complaint_and_notice():
    info = extract_case_info([PageText(1, "cover", COVER, 0), PageText(2, "complaint", COMPLAINT, 1),
                              PageText(3, "acceptance_notice", NOTICE, 2)])
    assert info.case_number == "（2024）豫0105民初8812号"  # half-width brackets and space normalised
    assert info.cause == "买卖合同纠纷"
    assert info.plaintiffs == ["顺达物流有限公司"]
    assert sorted(info.defendants) == sorted(["孙丽", "恒通汽车租赁有限公司"])
    assert info.claims[0].startswith("判令被告支付货款") and len(info.claims) == 3
    assert info.claim_amounts == [125600.0, 15000.0]
    agents = {(a["name"], a["role"], a["for"]) for a in info.agents}
    assert ("方圆", "委托诉讼代理人", "顺达物流有限公司") in agents
    assert ("钱立", "法定代表人", "顺达物流有限公司") in agents
    assert info.fields["case_number"].pages == [1, 3]


def test_disagreeing_dates_are_reported_not_hidden():
    info = extract_case_info([PageText(1, "cover", COVER, 0), PageText(3, "acceptance_notice", NOTICE, 2)])
    # The cover says 3月5日, the notice 三月六日: the cover wins, the notice is reported.
    assert info.filing_date == "2024-03-05"
    conflict = next(c for c in info.conflicts if c["field"] == "filing_date")
    assert conflict["others"][0]["value"] == "2024-03-06" and conflict["others"][0]["pages"] == [3]
    assert info.fields["filing_date"].confidence < 0.99


def test_invalid_case_numbers_are_ignored():
    info = extract_case_info([PageText(1, "cover", "案号 （2024）京0105民初第12号之字第3号\n案由 离婚纠纷", 0)])
    assert info.case_number is None
    assert info.cause == "离婚纠纷"


def test_party_disagreement_between_documents():
    judgment = "民事判决书\n原告：顺达物流有限公司。\n被告：孙丽。\n"
    info = extract_case_info([PageText(2, "complaint", COMPLAINT, 1), PageText(9, "judgment", judgment, 5)])
    assert sorted(info.defendants) == sorted(["孙丽", "恒通汽车租赁有限公司"])
    assert any(c["field"] == "被告" for c in info.conflicts)
