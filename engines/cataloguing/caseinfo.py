"""Case information from the dossier: 案号, 案由, parties, filing date, claims.

Every value is a suggestion with the pages it came from and a confidence. Where documents
disagree, the value from the most authoritative source wins the slot and the others are
reported in ``conflicts`` (never silently dropped).
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass

from engines.casenumber import find_case_numbers, try_parse_case_number
from engines.cataloguing.results import CaseInfo, FieldValue
from engines.cataloguing.rules import RESOURCE_DIR

# Which documents are trusted for which field (higher wins); codes from categories.json.
SOURCE_WEIGHT = {"cover": 3, "complaint": 3, "acceptance_notice": 2, "judgment": 2, "mediation_statement": 2,
                 "ruling": 2, "response_notice": 1, "evidence_notice": 1, "summons": 1, "fee": 1,
                 "service_receipt": 1, "hearing_record": 1, "defence": 1}
PARTY_SOURCES = ("complaint", "judgment", "mediation_statement", "ruling", "cover")

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0, "◯": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(\d{4})-(\d{1,2})-(\d{1,2})|([〇零○◯OoＯ0一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
_FILING = [
    (re.compile(r"立案(?:日期|时间)[\s:：]*(?:" + _DATE + ")"), 3, "立案日期"),
    (re.compile(r"于\s*(?:" + _DATE + r")\s*(?:登记)?(?:立案|受理)"), 2, "立案记载"),
]
# The date under a 受理案件通知书 is the day the case was accepted (立案): used when nothing
# names the filing date outright (no cover, no "于…立案").
_SIGNED_DATE = re.compile(r"^(?:[\u4e00-\u9fff]{2,20}人民法院)?(?:" + _DATE + r")(?:[（(]?(?:院印|公章|印)[）)]?)?$")
CODE_NAMES = {"cover": "卷宗封面", "complaint": "起诉状", "acceptance_notice": "受理案件通知书", "judgment": "判决书",
              "mediation_statement": "调解书", "ruling": "裁定书", "response_notice": "应诉通知书", "evidence_notice": "举证通知书",
              "summons": "传票", "fee": "诉讼费用材料", "service_receipt": "送达回证", "hearing_record": "庭审笔录", "defence": "答辩状"}
_CAUSE_LABEL = re.compile(r"案\s*由[\s:：]*([\u4e00-\u9fff、，]{2,30}?(?:纠纷|争议))")
_CAUSE_FREE = re.compile(r"([\u4e00-\u9fff、]{2,24}?(?:纠纷|争议))(?:一案|诉讼|案件|，|。|$)")
_PARTY_LINE = re.compile(r"(?:^|\n)\s*(原告|被告|第三人)(?:[（(][^）)]{0,12}[）)])?\s*[:：]\s*([^，,。；;\n（(]{2,40})")
_COVER_PARTY = re.compile(r"(?:^|\n)\s*(原告|被告|第三人)(?:[（(][^）)]{0,12}[）)])?\s*[\s:：]\s*([^\n]{2,80})")
_AGENT = re.compile(r"(?:^|\n)\s*(委托诉讼代理人|委托代理人|诉讼代理人|法定代表人|负责人|法定代理人)\s*[:：]\s*([\u4e00-\u9fff·]{2,6})")
_ORG = re.compile(r"(公司|银行|支行|分行|厂|中心|合作社|委员会|医院|学校|事务所|集团|商店|经营部|门市部|研究院|协会|基金会|政府|局|村民委员会|居民委员会)$")
_PERSON = re.compile(r"^[\u4e00-\u9fff·]{2,5}$")
_CLAIMS_START = re.compile(r"(?:诉讼请求|请求事项)\s*[:：]?")
_CLAIMS_END = re.compile(r"事实(?:与|和|及)理由|此致|具状人")
_ITEM = re.compile(r"(?:[（(]\s*[一二三四五六七八九十\d]{1,2}\s*[)）]|(?<![\d,.，])\d{1,2}\s*[.、．](?!\d)|[一二三四五六七八九十]{1,2}、)")
_AMOUNT = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(万)?元")


@functools.lru_cache(maxsize=1)
def known_causes() -> tuple[str, ...]:
    """Cause names from resources/catalogue/causes.txt, longest first."""
    path = RESOURCE_DIR / "causes.txt"
    names = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(sorted(set(names), key=len, reverse=True))


@dataclass
class PageText:
    """Input to extraction: one page's text and the code of its category."""

    page: int
    code: str
    text: str
    document: int = 0


def _cn_number(s: str) -> int:
    if all(ch in _CN_DIGIT for ch in s):
        return int("".join(str(_CN_DIGIT[ch]) for ch in s))
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_DIGIT[s[1]]
    if s.endswith("十"):
        return _CN_DIGIT[s[0]] * 10
    if "十" in s:
        a, b = s.split("十")
        return _CN_DIGIT[a] * 10 + _CN_DIGIT[b]
    return _CN_DIGIT.get(s, 0)


def _date_from(groups: tuple) -> str | None:
    g = [x for x in groups]
    try:
        if g[0]:
            y, m, d = int(g[0]), int(g[1]), int(g[2])
        elif g[3]:
            y, m, d = int(g[3]), int(g[4]), int(g[5])
        else:
            y, m, d = _cn_number(g[6]), _cn_number(g[7]), _cn_number(g[8])
    except (KeyError, ValueError, TypeError):
        return None
    if not (1949 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


class _Votes:
    """Weighted votes for one field, remembering the pages behind each value."""

    def __init__(self) -> None:
        self.weight: dict = defaultdict(float)
        self.pages: dict = defaultdict(set)
        self.sources: dict = defaultdict(set)
        self.best_vote: dict = {}

    def add(self, value, weight: float, page: int, source: str, what: str = "") -> None:
        self.weight[value] += weight
        self.pages[value].add(page)
        self.sources[value].add(source)
        # The single strongest reading of the value is where it "came from" (earliest on a tie).
        current = self.best_vote.get(value)
        if current is None or weight > current[0]:
            code = source.split(":", 1)[0]
            self.best_vote[value] = (weight, page, " ".join(x for x in (CODE_NAMES.get(code, code), what) if x))

    def result(self, name: str, conflicts: list[dict]) -> FieldValue | None:
        if not self.weight:
            return None
        ranked = sorted(self.weight.items(), key=lambda kv: (-kv[1], min(self.pages[kv[0]])))
        total = sum(self.weight.values())
        best, w = ranked[0]
        alts = [{"value": _plain(v), "pages": sorted(self.pages[v]), "weight": round(x, 2)} for v, x in ranked[1:]]
        if alts:
            conflicts.append({"field": name, "chosen": _plain(best), "pages": sorted(self.pages[best]), "others": alts})
        conf = round(min(0.99, 0.6 + 0.4 * w / total) if len(ranked) > 1 else min(0.99, 0.75 + 0.08 * w), 2)
        _, page, origin = self.best_vote[best]
        return FieldValue(_plain(best), sorted(self.pages[best]), conf, "、".join(sorted(self.sources[best])), alts, page, origin)


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def _cause_from(text: str, labelled: bool) -> str | None:
    text = text.replace("，", "").strip()
    for name in known_causes():
        if text.endswith(name):
            return name
    if labelled:
        return text
    # Free text: keep what follows the last connective (与…之间的 / 因 / 发生).
    cut = re.split(r"之间的|之间|发生|因|与|的|、|及|和", text)[-1]
    return cut if len(cut) >= 4 else None


def _split_names(raw: str) -> list[str]:
    parts = re.split(r"[、，,；;\s]+|及|和", raw)
    return [p for p in (x.strip() for x in parts) if _valid_name(p)]


def _valid_name(name: str) -> bool:
    return bool(name) and (bool(_ORG.search(name)) or bool(_PERSON.match(name))) and name not in {"无异议", "同意", "没有", "不同意"}


def extract_case_info(pages: list[PageText]) -> CaseInfo:
    """Extract the case fields from labelled page texts (codes from the category list)."""
    info = CaseInfo()
    conflicts: list[dict] = []
    numbers, causes, dates = _Votes(), _Votes(), _Votes()
    party_sets: dict[str, dict[int, dict]] = {"原告": {}, "被告": {}}
    agents: list[dict] = []
    for pt in pages:
        weight = SOURCE_WEIGHT.get(pt.code, 0.5)
        for _, raw in find_case_numbers(pt.text):
            parsed = try_parse_case_number(raw)
            if parsed is not None:
                numbers.add(str(parsed), weight, pt.page, pt.code, "案号")
        for m in _CAUSE_LABEL.finditer(pt.text):
            c = _cause_from(m.group(1), labelled=True)
            if c:
                causes.add(c, weight * 2, pt.page, pt.code, "案由栏")
        if pt.code in SOURCE_WEIGHT and pt.code != "service_receipt":
            for m in _CAUSE_FREE.finditer(pt.text.replace("\n", "")):
                c = _cause_from(m.group(1), labelled=False)
                if c:
                    causes.add(c, weight * 0.5, pt.page, pt.code, "正文")
        for pattern, w, label in _FILING:
            for m in pattern.finditer(pt.text):
                d = _date_from(m.groups())
                if d:
                    dates.add(d, w * weight, pt.page, f"{pt.code}:{label}", label)
        if pt.code == "acceptance_notice":
            for line in pt.text.splitlines():
                m = _SIGNED_DATE.match(re.sub(r"\s+", "", line))
                d = _date_from(m.groups()) if m else None
                if d:
                    dates.add(d, weight, pt.page, f"{pt.code}:落款日期", "落款日期")
        if pt.code in PARTY_SOURCES:
            _parties(pt, party_sets, agents)
    info.fields = {}
    for name, votes in (("case_number", numbers), ("cause", causes), ("filing_date", dates)):
        fv = votes.result(name, conflicts)
        if fv is not None:
            info.fields[name] = fv
            setattr(info, name, fv.value)
    for role, key in (("原告", "plaintiffs"), ("被告", "defendants")):
        fv = _party_field(role, party_sets[role], conflicts)
        if fv is not None:
            info.fields[key] = fv
            setattr(info, key, list(fv.value))
    info.agents = agents
    claims = _claims([p for p in pages if p.code == "complaint"])
    if claims:
        items, amounts, src_pages = claims
        info.claims, info.claim_amounts = items, amounts
        info.fields["claims"] = FieldValue(items, src_pages, 0.8, "complaint", page=src_pages[0], origin="起诉状 诉讼请求")
    info.conflicts = conflicts
    return info


def _parties(pt: PageText, party_sets: dict, agents: list[dict]) -> None:
    pattern = _COVER_PARTY if pt.code == "cover" else _PARTY_LINE
    last = None
    found: dict[str, list[str]] = {"原告": [], "被告": []}
    for m in re.finditer(pattern.pattern + r"|" + _AGENT.pattern, pt.text):
        groups = m.groups()
        if groups[0]:
            role, raw = groups[0], groups[1]
            if role not in found:
                continue
            names = _split_names(raw) if pt.code == "cover" else [n for n in [raw.strip()] if _valid_name(n)]
            found[role].extend(n for n in names if n not in found[role])
            last = (role, names[-1]) if names else None
        elif last and groups[2]:
            entry = {"name": groups[3], "role": groups[2], "for": last[1], "page": pt.page}
            if entry["name"] != last[1] and not any(a["name"] == entry["name"] and a["for"] == entry["for"] for a in agents):
                agents.append(entry)
    for role, names in found.items():
        if names:
            slot = party_sets[role].setdefault(pt.document, {"names": [], "pages": set(), "code": pt.code})
            slot["names"].extend(n for n in names if n not in slot["names"])
            slot["pages"].add(pt.page)


def _party_field(role: str, by_doc: dict[int, dict], conflicts: list[dict]) -> FieldValue | None:
    if not by_doc:
        return None
    rank = {code: i for i, code in enumerate(PARTY_SOURCES)}
    ordered = sorted(by_doc.values(), key=lambda s: (rank.get(s["code"], 99), min(s["pages"])))
    best = ordered[0]
    chosen = sorted(best["names"])
    agree = [s for s in ordered if sorted(s["names"]) == chosen]
    differ = [s for s in ordered if sorted(s["names"]) != chosen]
    alts = [{"value": s["names"], "pages": sorted(s["pages"]), "source": s["code"]} for s in differ]
    if alts:
        conflicts.append({"field": role, "chosen": best["names"], "pages": sorted(best["pages"]), "others": alts})
    pages = sorted(set().union(*(s["pages"] for s in agree)))
    conf = round(min(0.97, 0.7 + 0.1 * len(agree)) - (0.15 if alts else 0.0), 2)
    return FieldValue(list(best["names"]), pages, conf, "、".join(sorted({s["code"] for s in agree})), alts,
                      min(best["pages"]), f"{CODE_NAMES.get(best['code'], best['code'])} 当事人栏")


def _claims(complaint_pages: list[PageText]) -> tuple[list[str], list[float], list[int]] | None:
    if not complaint_pages:
        return None
    first_doc = complaint_pages[0].document
    pages = [p for p in complaint_pages if p.document == first_doc]
    text = "".join(p.text.replace("\n", "") for p in pages)
    start = _CLAIMS_START.search(text)
    if not start:
        return None
    end = _CLAIMS_END.search(text, start.end())
    body = text[start.end(): end.start() if end else len(text)]
    cuts = [m.start() for m in _ITEM.finditer(body)]
    if not cuts:
        items = [body.strip("；; ")] if body.strip() else []
    else:
        bounds = cuts + [len(body)]
        items = [re.sub(r"^" + _ITEM.pattern, "", body[a:b]).strip("；;。 ") for a, b in zip(bounds, bounds[1:])]
    items = [i for i in items if len(i) >= 4]
    amounts = []
    for item in items:
        m = _AMOUNT.search(item)
        if m:
            value = float(m.group(1).replace(",", "").replace("，", ""))
            amounts.append(value * 10000 if m.group(2) else value)
    return items, amounts, [p.page for p in pages]
