"""The appeal notice must name the court one level up from the court that gave the judgment."""
from __future__ import annotations

import re
from dataclasses import dataclass

from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet
from engines.drafting.review.resources import ReviewRules

_NAME = re.compile(
    r"^(?P<prov>[\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,8}?自治区|北京市|上海市|天津市|重庆市)?"
    r"(?P<city>[\u4e00-\u9fff]{1,12}?(?:市|自治州|地区|盟))?"
    r"(?P<rest>.*)人民法院$"
)


@dataclass
class CourtName:
    """A court name split into province, prefecture and the rest, with its level."""

    name: str
    province: str
    city: str
    county: str
    level: str  # supreme | high | intermediate | basic | special | unknown


def parse_court(name: str, rules: ReviewRules) -> CourtName:
    """Split a court name such as 江西省南昌市东湖区人民法院 and tell its level."""
    name = re.sub(r"\s+", "", name)
    if name == rules.courts.get("supreme", "最高人民法院"):
        return CourtName(name, "", "", "", "supreme")
    if any(marker in name for marker in rules.courts.get("special_courts", [])):
        return CourtName(name, "", "", "", "special")
    m = _NAME.match(name)
    if not m:
        return CourtName(name, "", "", "", "unknown")
    prov, city, rest = m.group("prov") or "", m.group("city") or "", m.group("rest")
    municipalities = rules.courts.get("municipalities", [])
    if prov in municipalities and city:
        # 北京市朝阳区: the "city" group swallowed nothing useful; treat it as the county part.
        rest, city = city + rest, ""
    if rest == "高级":
        level = "high"
    elif rest.endswith("中级"):
        level = "intermediate"
        if prov in municipalities:
            city = ""
    elif rest or city:
        level = "basic"
    else:
        level = "unknown"
    if level == "basic" and not rest and city:
        # 江苏省昆山市人民法院: a county-level city; its prefecture is not in the name.
        rest, city = city, ""
    return CourtName(name, prov, city, rest, level)


def expected_appeal(court: CourtName, rules: ReviewRules) -> str:
    """Describe the court an appeal goes to (for messages)."""
    if court.level == "basic":
        if court.province in rules.courts.get("municipalities", []):
            return f"{court.province}的中级人民法院"
        if court.city:
            return f"{court.province}{court.city}中级人民法院"
        return f"{court.province}的中级人民法院"
    if court.level == "intermediate":
        return f"{court.province}高级人民法院"
    if court.level == "high":
        return rules.courts.get("supreme", "最高人民法院")
    return ""


def check_appeal_court(doc: JudgmentDocument, rules: ReviewRules) -> list[Finding]:
    """Compare the court in 上诉于…人民法院 with the next level above the issuing court."""
    if doc.appeal_paragraph is None or not doc.court:
        return []
    text = doc.paragraphs[doc.appeal_paragraph]
    m = re.search(r"上诉于([\u4e00-\u9fff]+?人民法院)", text)
    if not m:
        return [Finding("appeal_court", "warning", doc.appeal_paragraph, snippet(text, len(text) - 30),
                        "上诉告知中未写明上诉法院（应为“上诉于……人民法院”）。")]
    own = parse_court(doc.court, rules)
    target = parse_court(m.group(1), rules)
    quote = snippet(text, m.start(), m.end())
    if own.level in ("special", "unknown", "supreme") or target.level == "special":
        return []
    expected = expected_appeal(own, rules)

    def finding(reason: str) -> list[Finding]:
        return [Finding("appeal_court", "error", doc.appeal_paragraph, quote,
                        f"上诉法院有误：{reason}。本院为{own.name}，上诉应向{expected}提出。",
                        related_paragraphs=[doc.court_paragraph])]

    if target.name == own.name:
        return finding("上诉法院不能是本院")
    wanted_level = {"basic": "intermediate", "intermediate": "high", "high": "supreme"}[own.level]
    if target.level != wanted_level:
        names = {"basic": "基层人民法院", "intermediate": "中级人民法院", "high": "高级人民法院", "supreme": "最高人民法院"}
        return finding(f"所写{target.name}是{names.get(target.level, '级别不明的法院')}，不是上一级法院")
    if wanted_level == "supreme":
        return []
    if own.province and target.province and own.province != target.province:
        return finding(f"所写{target.name}不在本院所在的{own.province}")
    # Where the names leave the province out or name a city of another province
    # (河南省长沙市中级人民法院), the prefecture table tells the province.
    prefectures = rules.courts.get("prefectures", {})
    target_home = prefectures.get(target.city)
    own_home = own.province or prefectures.get(own.city)
    if target_home and target.province and target_home != target.province:
        return finding(f"{target.city}在{target_home}，不在{target.province}")
    if target_home and own_home and target_home != own_home:
        return finding(f"所写{target.name}在{target_home}，不在本院所在的{own_home}")
    if wanted_level == "intermediate" and own.city and target.city and own.city != target.city:
        return finding(f"所写{target.name}不是本院所在的{own.city}的中级人民法院")
    return []
