"""An invented first-instance money judgment, as paragraphs, for the review rule tests.

Written for the tests (names, court and sums are made up); each test edits one paragraph to
plant a defect or to write a tolerated form. ``P`` names the paragraphs the tests edit.
"""
from __future__ import annotations

from engines.drafting.review import review_paragraphs

P = {"procedure": 7, "claims": 8, "defence": 9, "facts": 10, "reasoning": 11, "basis": 12,
     "item1": 13, "item2": 14, "notice": 15, "fee": 16, "appeal": 17, "date": 19}

BASE = [
    "浙江省杭州市西湖区人民法院",
    "民 事 判 决 书",
    "（2020）浙0106民初2345号",
    "原告：林晓东，男，1980年7月12日出生，汉族，住杭州市西湖区。",
    "委托诉讼代理人：许文，浙江衡平律师事务所律师。",
    "被告：杭州远舟装饰工程有限公司，住所地杭州市拱墅区。",
    "法定代表人：郑海波，该公司执行董事。",
    "原告林晓东与被告杭州远舟装饰工程有限公司（以下简称远舟公司）装饰装修合同纠纷一案，本院于2020年3月2日立案后，"
    "依法适用简易程序，于2020年4月8日公开开庭进行了审理。原告林晓东、被告远舟公司的委托诉讼代理人到庭参加诉讼。"
    "本案现已审理终结。",
    "林晓东向本院提出诉讼请求：1.远舟公司返还装修款40000元；2.远舟公司赔偿损失8000元；3.本案诉讼费用由远舟公司负担。"
    "事实和理由：略。",
    "远舟公司辩称，装修已部分完成，不同意全部返还。",
    "经审理查明：2019年8月5日，双方签订《装修合同》，原告支付装修款40000元。",
    "本院认为，双方的装饰装修合同合法有效，远舟公司未按约完成装修，应当返还装修款40000元。",
    "依照《中华人民共和国合同法》第六十条、第九十七条，《中华人民共和国民事诉讼法》第一百四十二条之规定，判决如下：",
    "一、被告杭州远舟装饰工程有限公司于本判决生效之日起十日内返还原告林晓东装修款40000元；",
    "二、被告杭州远舟装饰工程有限公司于本判决生效之日起十日内赔偿原告林晓东损失8000元。",
    "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百五十三条之规定，"
    "加倍支付迟延履行期间的债务利息。",
    "案件受理费1000元，减半收取计500元，由被告远舟公司负担。",
    "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，"
    "上诉于浙江省杭州市中级人民法院。",
    "审判员\u3000\u3000陈\u3000静",
    "二〇二〇年四月二十日",
    "书记员\u3000\u3000马\u3000丽",
]


def edited(index: int, old: str, new: str, lines: list[str] | None = None) -> list[str]:
    """A copy of ``lines`` (default BASE) with ``old`` replaced by ``new`` in paragraph ``index``."""
    out = list(BASE if lines is None else lines)
    assert old in out[index], (old, out[index])
    out[index] = out[index].replace(old, new)
    return out


def findings(lines: list[str], rule: str, severity: str | None = None):
    """The findings of one rule (and severity, when given)."""
    return [f for f in review_paragraphs(lines).findings
            if f.rule == rule and (severity is None or f.severity == severity)]


def errors(lines: list[str]) -> set[str]:
    """The rules with an error-level finding."""
    return {f.rule for f in review_paragraphs(lines).findings if f.severity == "error"}
