"""Plant one defect into a real judgment, in memory, for the review benchmark.

``plant(lines, kind, rng)`` returns a :class:`Planted` (the changed lines, the variant, the
planted text and where it sits) or None when the judgment offers no place for that kind. The
place and the variant are drawn from ``rng``, so each seed puts the defect somewhere else.
Nothing is written anywhere: the bench reads ../shared/data/real-judgments and keeps the
planted copies in memory only.

Kinds (the rules that count as finding each are in ``RULES``):
案号, party name, date, appeal court, nonexistent article, deleted appeal notice, deleted
迟延履行 notice, deleted 驳回其他诉讼请求, party role, anonymisation, written formula, fee,
an amount that no longer matches its bracketed calculation (two figures), and a narrative date
out of order (an event dated after the judgment, a period ending before it starts).
"""
from __future__ import annotations

import datetime as _dt
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from engines.drafting.numerals import date_to_chinese  # noqa: E402
from engines.drafting.review.check_consistency import _FORMULA, _evaluate  # noqa: E402
from engines.drafting.review.check_date_order import _EVENT, _NOT_EVENT_AFTER, _NOT_EVENT_BEFORE, _PERIOD  # noqa: E402
from engines.drafting.review.check_figures import _BRACKETED  # noqa: E402
from engines.drafting.review.check_figures import _evaluate as _evaluate_bracket  # noqa: E402
from engines.drafting.review.check_dates import hearing_date, signature_date  # noqa: E402
from engines.drafting.review.document import ARABIC_DATE, parse_document  # noqa: E402
from engines.drafting.review.segment import split_paragraphs  # noqa: E402
from engines.drafting.review.statutes import _ARTICLE, cn_int, load_statutes  # noqa: E402

RULES = {
    "case_number": {"case_number_format", "case_number_year", "case_number_consistency"},
    "party_name": {"party_name_variant", "party_not_in_case", "party_role", "anonymisation"},
    "date": {"date_invalid", "date_order", "case_number_year"},
    "appeal_court": {"appeal_court"},
    "citation": {"citation_article_missing"},
    "appeal_notice": {"missing_part"},
    "interest_notice": {"interest_notice_missing"},
    "dismissal": {"dismissal_missing"},
    "party_role": {"party_role"},
    "anonymisation": {"anonymisation"},
    "formula": {"formula"},
    "fee": {"fee_inconsistent", "fee_schedule", "fee_halving_procedure"},
    "two_figures": {"item_figures"},
    "narrative_date": {"date_order"},
}
KINDS = tuple(RULES)
_MASK = re.compile(r"[某×＊*Ｘ]")
_POOL = "明华建国伟芳军平红丽强磊洋艳勇杰娟涛超秀英敏静鹏飞宇晨辉"
_PROVINCE_CODES = "京津冀晋内辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔云藏陕甘青宁新"
_CITIES = ("南京市", "杭州市", "成都市", "武汉市", "长沙市", "济南市", "郑州市", "西安市", "福州市", "合肥市")


@dataclass
class Planted:
    """A judgment with one planted defect."""

    lines: list[str]
    kind: str
    variant: str
    token: str | None  # the planted text, which a finding must quote (None: a deleted part)
    position: int  # character offset of the change in "\n".join(lines)


def _cn_number(n: int) -> str:
    """Article number in Chinese numerals (1 to 9999)."""
    digits = "零一二三四五六七八九"
    parts, zero = [], False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = (n // value) % 10
        if d:
            if zero and parts:
                parts.append("零")
            parts.append(("" if (unit == "十" and d == 1 and not parts) else digits[d]) + unit)
            zero = False
        elif parts:
            zero = True
    return "".join(parts) or "零"


def _context(lines: list[str]):
    split, _ = split_paragraphs(lines)
    return split, parse_document(split)


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def _result(text: str, kind: str, variant: str, token: str | None, pos: int) -> Planted:
    return Planted(text.split("\n"), kind, variant, token, pos)


def plant(lines: list[str], kind: str, rng: random.Random) -> Planted | None:
    """Plant one defect of ``kind``; None when this judgment has no place for it."""
    split, doc = _context(lines)
    text = "\n".join(lines)
    return globals()["_plant_" + kind](text, split, doc, rng)


def _plant_case_number(text, split, doc, rng):
    if doc.case_number_paragraph is None:
        return None
    header = split[doc.case_number_paragraph].strip()
    pos = text.find(header)
    m = re.match(r"^([（(〔\[]\s*)(\d{4})(\s*[）)〕\]]\s*)([\u4e00-\u9fff])(\d{4}|\d{2})?(.*)$", header)
    if pos < 0 or not m:
        return None
    options = []
    signed = signature_date(doc)
    filed = doc.date_in(doc.procedure_paragraph, "立案")[0]
    if signed:
        options.append(("year_after_signature", m.group(1) + str(signed.year + 1) + header[m.end(2):]))
    if filed:
        year = filed.year - 1 if rng.random() < 0.5 else filed.year + 1
        options.append(("year_vs_filing", m.group(1) + str(year) + header[m.end(2):]))
    if m.group(5) and "字第" not in header:
        other = rng.choice([c for c in _PROVINCE_CODES if c != m.group(4)])
        if re.match(r"^[\u4e00-\u9fff]{2,3}省|^[\u4e00-\u9fff]+自治区|^(北京|上海|天津|重庆)市", doc.court):
            options.append(("province", header[:m.start(4)] + other + header[m.end(4):]))
        if len(m.group(5)) == 4 and "民初" in header:
            options.append(("instance", header.replace("民初", "民终", 1)))
            options.append(("digits", header[:m.start(5)] + m.group(5)[:2] + header[m.end(5):]))
    if not options:
        return None
    variant, new = rng.choice(options)
    return _result(_replace(text, pos, pos + len(header), new), "case_number", variant, new, pos)


def _body_occurrences(text: str, name: str, after: int) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(name), text) if m.start() > after]


def _party_block_end(text, split, doc) -> int:
    last = max([p.paragraph for p in doc.parties] + [i for _, _, i in doc.representatives] or [0])
    anchor = split[last].strip()[:30]
    pos = text.find(anchor)
    return pos + len(anchor) if pos >= 0 else 0


def _clerk_end(text, split, doc) -> int:
    """Where the judgment ends (its clerk line or date); appended law texts follow it."""
    last = doc.clerk_paragraph if doc.clerk_paragraph is not None else doc.date_paragraph
    if last is None:
        return len(text)
    anchor = re.sub(r"[\s\u3000]", "", split[last])[:3]
    if not anchor:
        return len(text)
    hits = list(re.finditer(r"[\s\u3000]*".join(map(re.escape, anchor)), text))
    return hits[-1].start() if hits else len(text)


def _plant_party_name(text, split, doc, rng):
    names = [p.name for p in doc.parties if not _MASK.search(p.name) and len(p.name) >= 2]
    rng.shuffle(names)
    start, end = _party_block_end(text, split, doc), _clerk_end(text, split, doc)
    for name in names:
        spots = [s for s in _body_occurrences(text, name, start) if s < end]
        if len(name) == 2:
            spots = [s for s in spots if text[max(0, s - 2):s] in ("原告", "被告")]
        if not spots:
            continue
        spot = rng.choice(spots)
        k = rng.randrange(1, len(name))
        if not re.match(r"[\u4e00-\u9fff]", name[k]):
            continue
        new = name[:k] + rng.choice([c for c in _POOL if c != name[k]]) + name[k + 1:]
        if new in text:
            continue
        return _result(_replace(text, spot, spot + len(name), new), "party_name", f"char{k}", new, spot)
    return None


def _plant_date(text, split, doc, rng):
    options = []
    signed = signature_date(doc)
    filed = doc.date_in(doc.procedure_paragraph, "立案")[0]
    if signed and filed and doc.date_paragraph is not None:
        options.append("signature_early")
    heard, heard_raw = hearing_date(doc)
    if filed and heard and heard_raw:
        options.append("hearing_early")
    body_dates = [m for m in ARABIC_DATE.finditer(text) if m.start() > _party_block_end(text, split, doc)]
    if body_dates:
        options.append("invalid")
    if not options:
        return None
    variant = rng.choice(options)
    if variant == "signature_early":
        raw = split[doc.date_paragraph].strip()
        pos = text.rfind(raw)
        try:
            new = date_to_chinese(_dt.date(filed.year - 1, filed.month, min(filed.day, 28)))
        except ValueError:
            return None
        if pos < 0:
            return None
        return _result(_replace(text, pos, pos + len(raw), new), "date", variant, new, pos)
    if variant == "hearing_early":
        pos = text.find(heard_raw)
        early = filed - _dt.timedelta(days=rng.randint(3, 40))
        new = f"{early.year}年{early.month}月{early.day}日"
        return _result(_replace(text, pos, pos + len(heard_raw), new), "date", variant, new, pos)
    m = rng.choice(body_dates)
    month = int(m.group(2))
    new = f"{m.group(1)}年{month}月31日" if month in (4, 6, 9, 11) else f"{m.group(1)}年2月30日"
    return _result(_replace(text, m.start(), m.end(), new), "date", variant, new, m.start())


def _plant_appeal_court(text, split, doc, rng):
    m = re.search(r"上诉于([\u4e00-\u9fff]+?人民法院)", text)
    if not m or not doc.court:
        return None
    target = m.group(1)
    options = [("own_court", doc.court.strip())]
    prov = re.match(r"^([\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,8}?自治区)", target)
    if prov and "中级" in target:
        options.append(("high_court", prov.group(1) + "高级人民法院"))
    city = re.match(r"^([\u4e00-\u9fff]{2,3}省|[\u4e00-\u9fff]{2,8}?自治区)?([\u4e00-\u9fff]{2,4}?市)中级人民法院", target)
    if city and city.group(1):
        other = rng.choice([c for c in _CITIES if c != city.group(2)])
        options.append(("other_city", (city.group(1) or "") + other + "中级人民法院"))
    variant, new = rng.choice(options)
    if new == target:
        return None
    return _result(_replace(text, m.start(1), m.end(1), new), "appeal_court", variant, new, m.start(1))


def _plant_citation(text, split, doc, rng):
    table = load_statutes()
    spots = []
    for t in re.finditer(r"《([^《》]{2,60})》", text[:_clerk_end(text, split, doc)]):
        law = table.find(t.group(1))
        if law is None or not law.versions[-1].articles:
            continue
        version = law.version_on(signature_date(doc))
        if version is None or not version.articles:
            continue
        tail = text[t.end():t.end() + 80]
        stop = re.search(r"[。；《]", tail)
        for a in _ARTICLE.finditer(tail[:stop.start() if stop else len(tail)]):
            if cn_int(a.group(1)) is not None:
                spots.append((t.end() + a.start(), t.end() + a.end(), version.articles))
    if not spots:
        return None
    start, end, count = rng.choice(spots)
    new = "第" + _cn_number(count + rng.randint(1, 150)) + "条"
    return _result(_replace(text, start, end, new), "citation", "beyond_last_article", new, start)


def _delete_sentence(text: str, pattern: str, kind: str, variant: str):
    m = re.search(pattern, text)
    if not m:
        return None
    return _result(text[:m.start()] + text[m.end():], kind, variant, None, m.start())


def _plant_appeal_notice(text, split, doc, rng):
    if "判决书" not in doc.title.replace(" ", "").replace("\u3000", "") or doc.case_number_paragraph is None:
        return None
    if "初" not in split[doc.case_number_paragraph]:
        return None
    return _delete_sentence(text, r"如不服本判决[^。]*?上诉于[^。]*?人民法院[^。]*?。", "appeal_notice", "deleted")


def _orders_money(split, doc) -> bool:
    """The document's own 主文 orders a sum of money paid (what makes the notice necessary)."""
    return any(re.search(r"(支付|赔偿|偿还|给付|返还|退还|补偿|赔付|贴补|清偿)[^；。]*?\d\s*(万元|元)", split[i])
               and not re.search(r"(无需|无须|不予)", split[i]) for i in doc.operative_items)


def _plant_interest_notice(text, split, doc, rng):
    if not _orders_money(split, doc):
        return None
    # The document's own notice: the last one before the clerk line (a second instance quotes
    # the first judgment's notice earlier on).
    end = _clerk_end(text, split, doc)
    spots = list(re.finditer(r"如(?:果)?[^。]{0,20}未按[^。]*?(?:迟延履行|延期履行|延迟履行)[^。]*?。", text[:end]))
    if not spots:
        return None
    m = spots[-1]
    return _result(text[:m.start()] + text[m.end():], "interest_notice", "deleted", None, m.start())


_CN_ITEM = "一二三四五六七八九十"


def _plant_dismissal(text, split, doc, rng):
    """Delete the 驳回原告其他诉讼请求 item and number the items after it on, as a drafter who
    left it out would have (a gap in the numbering would give the deletion away by itself)."""
    if not _orders_money(split, doc):
        return None
    m = re.search(r"([一二三四五六七八九十]{1,2})、驳回原告[^。；]{0,30}其他诉讼请求[。；]?", text)
    if not m or len(m.group(1)) > 1:
        return None
    number = _CN_ITEM.index(m.group(1)) + 1
    tail = text[m.end():]
    # The items after it (五、驳回被告…反诉请求) move up by one: only a run of consecutive numbers.
    for k in range(number + 1, len(_CN_ITEM) + 1):
        hit = re.search(_CN_ITEM[k - 1] + "、", tail)
        if not hit or re.search(r"如(?:果)?[^。]{0,20}未按|案件受理费|如不服", tail[:hit.start()]):
            break
        tail = tail[:hit.start()] + _CN_ITEM[k - 2] + tail[hit.start() + 1:]
    return _result(text[:m.start()] + tail, "dismissal", "deleted", None, m.start())


def _plant_party_role(text, split, doc, rng):
    start, end = _party_block_end(text, split, doc), _clerk_end(text, split, doc)
    swaps = {"原告": "被告", "被告": "原告"}
    options = []
    for p in doc.parties:
        if p.role not in swaps or _MASK.search(p.name) or len(p.name) < 2:
            continue
        if "反诉" in doc.paragraphs[p.paragraph][:20]:
            continue  # 原告（反诉被告）: both role words are right for this party
        others = [q for q in doc.parties if q.name != p.name and (q.name.startswith(p.name) or p.name.startswith(q.name))]
        if others:
            continue
        for s in _body_occurrences(text, p.role + p.name, start):
            if s < end and text[max(0, s - 2):s] not in ("原审", "反诉", "本诉", "一审"):
                options.append((s, p.role, swaps[p.role] + p.name))
    if not options:
        return None
    s, role, new = rng.choice(options)
    return _result(_replace(text, s, s + len(role), new[:len(swaps[role])]), "party_role", role, new, s)


def _plant_anonymisation(text, split, doc, rng):
    start, end = _party_block_end(text, split, doc), _clerk_end(text, split, doc)
    options = []
    for p in doc.parties:
        for s in _body_occurrences(text, p.role + p.name, start):
            if s >= end:
                continue
            at = s + len(p.role)
            if _MASK.search(p.name) and len(p.name) <= 4 and p.name[0] != "某":
                new = p.name[0] + rng.choice(_POOL) + rng.choice(_POOL)
                options.append(("unmasked", at, len(p.name), new))
            elif 2 <= len(p.name) <= 3 and not _MASK.search(p.name):
                options.append(("masked", at, len(p.name), p.name[0] + "某"))
    if not options:
        return None
    variant, at, length, new = rng.choice(options)
    if text[at + length:at + length + 1] == "某":
        return None
    return _result(_replace(text, at, at + length, new), "anonymisation", variant, new, at)


def _bump_digit(old: str, rng) -> str:
    """``old`` with one of its first two digits changed (as a slip of the pen would)."""
    digits = [k for k, c in enumerate(old) if c.isdigit()]
    k = digits[0] if len(digits) < 2 else rng.choice(digits[:2])
    return old[:k] + str((int(old[k]) + rng.randint(1, 8)) % 10) + old[k + 1:]


def _plant_formula(text, split, doc, rng):
    spots = [m for m in _FORMULA.finditer(text) if _evaluate(m.group(1)) is not None]
    if not spots:
        return None
    m = rng.choice(spots)
    old = m.group(2)
    new = _bump_digit(old, rng)
    if new.lstrip("0") == "" or new == old:
        return None
    return _result(_replace(text, m.start(2), m.end(2), new), "formula", "result", new, m.start(2))


def _plant_fee(text, split, doc, rng):
    if doc.fee_paragraph is None:
        return None
    para = split[doc.fee_paragraph]
    base = text.find(para[:40])
    if base < 0:
        return None
    options = []
    m = re.search(r"(?:案件受理费|本案受理费|受理费)(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元", para)
    if m:
        options.append(("amount", m.start(1), m.end(1), m.group(1)))
    h = re.search(r"减半收取(?:计|为)?(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元", para)
    if h:
        options.append(("halved", h.start(1), h.end(1), h.group(1)))
    shares = list(re.finditer(r"负担(?:人民币)?\s*(\d+(?:\.\d{1,2})?)\s*元", para))
    if len(shares) >= 2:
        s = rng.choice(shares)
        options.append(("share", s.start(1), s.end(1), s.group(1)))
    if not options:
        return None
    variant, start, end, old = rng.choice(options)
    value = float(old) + rng.choice((50, 100, 300, 1000))
    new = str(int(value)) if value == int(value) else f"{value:.2f}"
    return _result(_replace(text, base + start, base + end, new), "fee", variant, new + "元", base + start)


def _plant_two_figures(text, split, doc, rng):
    """Change the amount in front of a bracketed calculation that computes (护理费7408.8元（60天×…）)."""
    end = _clerk_end(text, split, doc)
    spots = []
    for m in _BRACKETED.finditer(text[:end]):
        value = _evaluate_bracket(m.group(3))
        stated = float(m.group(1).replace(",", "")) * (10000 if m.group(2) == "万元" else 1)
        if value is not None and abs(float(value) - stated) <= max(1.0, stated * 0.001) and "," not in m.group(1):
            spots.append(m)
    if not spots:
        return None
    m = rng.choice(spots)
    old = m.group(1)
    new = _bump_digit(old, rng)
    if new.lstrip("0") == "" or new.startswith("0"):
        return None
    return _result(_replace(text, m.start(1), m.end(1), new), "two_figures", "amount", new, m.start(1))


def _plant_narrative_date(text, split, doc, rng):
    """Date an event of the findings after the judgment, or make a period end before it starts."""
    signed = signature_date(doc)
    start = _party_block_end(text, split, doc)
    decision = split[doc.decision_paragraph].strip()[:30] if doc.decision_paragraph is not None else None
    end = text.find(decision) if decision else -1
    if not signed or end <= start:
        return None
    options = []
    for m in ARABIC_DATE.finditer(text, start, end):
        after = text[m.end():m.end() + 30]
        clause = text[max(text.rfind(c, 0, m.start()) for c in "，,。；;：:") + 1:m.start()]
        if _EVENT.match(after) and not _NOT_EVENT_AFTER.match(after) and not _NOT_EVENT_BEFORE.search(clause):
            options.append(("event_after_judgment", m.start(1), m.end(1), str(signed.year + rng.randint(1, 3))))
    for m in _PERIOD.finditer(text, start, end):
        if m.group(4) and m.group(4) >= m.group(1):
            options.append(("period_reversed", m.start(4), m.end(4), str(int(m.group(1)) - 1)))
    if not options:
        return None
    variant, a, b, new = rng.choice(options)
    planted = _replace(text, a, b, new)
    token = re.match(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日", planted[a:])
    return _result(planted, "narrative_date", variant, token.group(0) if token else new, a)


def found(planted: Planted, findings, new_text: str | None = None) -> bool:
    """True when a finding of one of the kind's rules quotes or sits at the planted text."""
    rules = RULES[planted.kind]
    text = new_text if new_text is not None else "\n".join(planted.lines)
    for f in findings:
        if f.rule not in rules:
            continue
        if planted.kind == "appeal_notice":
            if "上诉" in f.message:
                return True
            continue
        if planted.token is None:
            return True
        token = planted.token.replace("元", "")
        if token in f.text or token in f.message:
            return True
        quote = f.text.strip()[:20]
        if quote:
            window = text[max(0, planted.position - 120):planted.position + 160]
            if quote in window:
                return True
    return False
