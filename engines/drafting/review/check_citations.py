"""Statute citations: full official titles, article numbers in Chinese, no law repealed before
the facts, and the 民事诉讼法 article on late-payment interest that was in force on the date."""
from __future__ import annotations

import datetime as _dt
import re

from engines.drafting.review.check_dates import signature_date
from engines.drafting.review.document import ARABIC_DATE, JudgmentDocument, safe_date
from engines.drafting.review.findings import Finding, snippet
from engines.drafting.review.resources import ReviewRules

_TITLE = re.compile(r"《([^《》]{1,60})》")
_ARABIC_ARTICLE = re.compile(r"第\s*\d+\s*条")


def _is_law_title(title: str, style: dict) -> bool:
    if any(title.endswith(s) for s in style.get("not_law_suffixes", [])):
        return False
    if not any(title.endswith(s) for s in style.get("law_suffixes", ["法"])):
        return False
    # 合同/协议 mark a contract's title (《供货合同》), not a law whose name contains them (《合同法》).
    markers = [m for m in style.get("not_law_markers", []) if m not in ("合同", "协议")]
    return not any(marker in title for marker in markers)


def _is_statute(title: str, style: dict) -> bool:
    return any(title.endswith(s) for s in style.get("statute_title_suffixes", ["法"])) and not any(
        title.endswith(s) for s in style.get("not_law_suffixes", []))


def court_part(doc: JudgmentDocument, index: int) -> bool:
    """True when paragraph ``index`` is the court's own wording (本院认为 to the end of 主文)."""
    start = doc.reasoning_paragraph
    if start is None:
        return False
    end = doc.operative_items[-1] if doc.operative_items else (doc.decision_paragraph or len(doc.paragraphs))
    return start <= index <= end


def facts_start_date(doc: JudgmentDocument) -> _dt.date | None:
    """The earliest date in the court's findings of fact (birth dates excluded); else the filing date."""
    start = doc.facts_paragraph
    end = doc.reasoning_paragraph
    dates = []
    if start is not None:
        for i in range(start, end if end is not None and end > start else start + 1):
            text = doc.paragraphs[i]
            for m in ARABIC_DATE.finditer(text):
                # Dates of personal or corporate history are not when the disputed facts happened.
                if re.match(r"^.{0,3}(出生|登记结婚|结婚|成立|注册|设立|入职|参加工作)", text[m.end():m.end() + 8]):
                    continue
                d = safe_date(m)
                if d:
                    dates.append(d)
    if dates:
        return min(dates)
    return doc.date_in(doc.procedure_paragraph, "立案")[0]


def check_citations(doc: JudgmentDocument, rules: ReviewRules) -> list[Finding]:
    """Report short titles, Arabic article numbers, repealed laws and a wrong interest article."""
    style = rules.citation
    prefix = style.get("prefix", "中华人民共和国")
    findings: list[Finding] = []
    whole = "".join(doc.paragraphs)
    temporal = any(marker in whole for marker in rules.temporal_markers)
    facts_from = facts_start_date(doc)
    for i, text in enumerate(doc.paragraphs):
        if "《" not in text:
            continue
        titles = list(_TITLE.finditer(text))
        for m in titles:
            title = m.group(1).strip()
            quote = snippet(text, m.start(), m.end())
            if _is_law_title(title, style) and not title.startswith(prefix):
                # In the parties' statements a short title is their wording: only the court's
                # own parts (findings, reasoning, legal basis, 主文) must use the full title.
                own = court_part(doc, i)
                findings.append(Finding("citation_form", "error" if own else "warning", i, quote,
                                        f"法律名称应使用全称《{prefix}{title}》，不应简写为《{title}》"
                                        + ("。" if own else "（出现在当事人陈述部分）。")))
            law = rules.repealed_by_title(title) or rules.repealed_by_title(title.removeprefix(prefix))
            if law is not None and not temporal and facts_from is not None and facts_from >= law.repealed:
                findings.append(Finding(
                    "citation_repealed", "error", i, quote,
                    f"《{law.title}》已于{law.repealed.year}年{law.repealed.month}月{law.repealed.day}日废止，"
                    f"本案事实发生于{facts_from.year}年{facts_from.month}月{facts_from.day}日（废止之后），"
                    f"应适用《{law.replaced_by}》。"))
        for a in _ARABIC_ARTICLE.finditer(text):
            before = [t for t in titles if t.end() <= a.start()]
            if not before:
                continue
            nearest = before[-1]
            gap = text[nearest.end():a.start()]
            if "。" in gap or len(gap) > 60 or not _is_statute(nearest.group(1), style):
                continue
            findings.append(Finding("citation_article_number", "error", i, snippet(text, a.start(), a.end()),
                                    f"法条序号应使用汉字数字（如“第六百七十五条”），不应写作“{a.group(0)}”。"))
    findings.extend(_check_interest_article(doc, rules))
    return findings


def _check_interest_article(doc: JudgmentDocument, rules: ReviewRules) -> list[Finding]:
    if doc.interest_paragraph is None:
        return []
    text = doc.paragraphs[doc.interest_paragraph]
    m = re.search(r"《([^》]*民事诉讼法)》(第[一二三四五六七八九十百零〇]+条)", text)
    signed = signature_date(doc)
    if not m or signed is None:
        return []
    want = rules.interest_article_on(signed)
    if want and m.group(2) != want:
        return [Finding("interest_article", "error", doc.interest_paragraph, snippet(text, m.start(), m.end()),
                        f"迟延履行利息条款在{signed.year}年{signed.month}月{signed.day}日适用的是"
                        f"《{rules.interest_law}》{want}，不是{m.group(2)}。",
                        related_paragraphs=[doc.date_paragraph])]
    return []
