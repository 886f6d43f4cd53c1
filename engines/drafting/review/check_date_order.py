"""Narrative date order beyond filing <= hearing <= signature (``date_order``).

Only orders the text itself fixes are checked:

- every hearing date of the procedure paragraph (于2023年5月10日、6月20日两次公开开庭) lies
  between the filing date and the signature date (check_dates.py checks the first one);
- an event the text reports as having happened (签订, 发生, 死亡, 住院, 起诉, 出生…, the verb
  right after the date) cannot be dated after the judgment was signed, whoever's statement
  records it (everything recorded was said before the signature); dates of terms, deadlines
  and plans (约定于…前, 应于…, 至…止) are not events and are left alone;
- a period cannot end before it starts (自2019年5月1日起至2019年3月31日止): an error in the
  court's own parts (procedure, findings, reasoning), a warning in the parties' statements,
  which may quote a contract as it was written. A contract dated after the filing is not
reported: parties do sign agreements while a case is pending.
"""
from __future__ import annotations

import datetime as _dt
import re

from engines.drafting.review.check_dates import _HEARING_WORDS, signature_date
from engines.drafting.review.document import JudgmentDocument, safe_date
from engines.drafting.review.findings import Finding, snippet

_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EVENT = re.compile(r"^\s*[,，]?\s*(?:[^，,。；;：:]{0,15}?)(签订|签署|订立|出具|发生|死亡|去世|受伤|入院|住院|出院|报警|"
                    r"提起诉讼|向本院起诉|诉至本院|立案|开庭|作出|登记结婚|出生|转账|汇款)")
# Words that make a date a term, a deadline or a plan rather than something that happened.
_NOT_EVENT_BEFORE = re.compile(r"(约定|应当|应于|应在|须|将于|将在|预计|计划|届满|期限|截至|截止|至|到|如|若|要求|请求|判令|限|拟|承诺|保证|每)")
_NOT_EVENT_AFTER = re.compile(r"^\s*(?:前|之前|以前|止|到期|届满|起|后|以后)")
_PERIOD = re.compile(r"(?:自|从)\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:起)?\s*(?:至|到|—|-|～|~)\s*"
                     r"(?:(\d{4})\s*年\s*|(同年))(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_STATEMENT = re.compile(r"(诉称|辩称|述称|陈述|意见|诉讼请求|请求|称[,，：:])")


def _date(y: str, m: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def check_date_order(doc: JudgmentDocument) -> list[Finding]:
    """Hearing dates within filing..signature, events not after the signature, periods forward."""
    signed = signature_date(doc)
    out = _hearings(doc, signed)
    filed = doc.date_in(doc.procedure_paragraph, "立案")[0]
    if signed is not None and filed is not None and signed < filed:
        signed = None  # check_dates.py reports the signature itself; every later event would repeat it
    end = doc.decision_paragraph if doc.decision_paragraph is not None else len(doc.paragraphs)
    for i in range(0, end):
        text = doc.paragraphs[i]
        if i == doc.date_paragraph or not re.search(r"\d{4}\s*年", text):
            continue
        own = _court_wording(doc, i)
        if signed is not None:
            out += _future_events(doc, i, text, signed, own)
        out += _reversed_periods(i, text, own)
    return out


def _court_wording(doc: JudgmentDocument, i: int) -> bool:
    """The procedure, findings and reasoning are the court's; claims and statements are not."""
    if i == doc.procedure_paragraph:
        return True
    start = min((x for x in (doc.facts_paragraph, doc.reasoning_paragraph) if x is not None), default=None)
    if start is None or i < start:
        return False
    return not _STATEMENT.search(doc.paragraphs[i][:30])


def _hearings(doc: JudgmentDocument, signed: _dt.date | None) -> list[Finding]:
    if doc.procedure_paragraph is None:
        return []
    text = doc.paragraphs[doc.procedure_paragraph]
    filed, filed_raw = doc.date_in(doc.procedure_paragraph, "立案")
    out: list[Finding] = []
    first = True
    for m in _DATE.finditer(text):
        if "立案" in text[m.end():m.end() + 6] or "受理" in text[m.end():m.end() + 6]:
            continue
        run = [(safe_date(m), m.group(0))]
        end = m.end()
        year = m.group(1)
        while True:
            more = re.match(r"\s*[、和及]\s*(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日", text[end:])
            if not more:
                break
            year = more.group(1) or year
            run.append((_date(year, more.group(2), more.group(3)), more.group(0).lstrip("、和及 ")))
            end += more.end()
        if not any(w in text[end:end + 10] for w in _HEARING_WORDS):
            continue
        # The first hearing date is check_dates.py's; the ones after it are checked here.
        for d, raw in run[1:] if first else run:
            if d is None:
                continue
            if filed and d < filed:
                out.append(Finding("date_order", "error", doc.procedure_paragraph, raw,
                                   f"开庭日期{raw}早于立案日期{filed_raw}。"))
            elif signed and d > signed:
                out.append(Finding("date_order", "error", doc.procedure_paragraph, raw,
                                   f"开庭日期{raw}晚于落款日期。", related_paragraphs=[doc.date_paragraph]))
        first = False
    return out


def _future_events(doc, i: int, text: str, signed: _dt.date, own: bool) -> list[Finding]:
    out = []
    for m in _DATE.finditer(text):
        d = safe_date(m)
        if d is None or d <= signed:
            continue
        event = _EVENT.match(text[m.end():m.end() + 30])
        if not event or _NOT_EVENT_AFTER.match(text[m.end():]):
            continue
        clause_start = max(text.rfind(c, 0, m.start()) for c in "，,。；;：:") + 1
        if _NOT_EVENT_BEFORE.search(text[clause_start:m.start()]):
            continue
        if i in [p.paragraph for p in doc.parties] and event.group(1) != "出生":
            continue
        if i == doc.procedure_paragraph and event.group(1) in ("立案", "开庭"):
            continue  # the filing and hearing dates: check_dates.py and _hearings
        # Everything the judgment records was said or done before it was signed, the parties'
        # statements included: a past event dated later is wrong whoever's words carry it.
        out.append(Finding("date_order", "error", i, snippet(text, m.start(), m.end() + event.end()),
                           f"“{m.group(0)}{event.group(0).strip('，, ')}”的日期晚于判决落款日期，已发生的事实不应在判决之后。",
                           related_paragraphs=[doc.date_paragraph]))
    return out


def _reversed_periods(i: int, text: str, own: bool) -> list[Finding]:
    out = []
    for m in _PERIOD.finditer(text):
        start = _date(m.group(1), m.group(2), m.group(3))
        end = _date(m.group(4) or m.group(1), m.group(6), m.group(7))
        if start is None or end is None or end >= start:
            continue
        out.append(Finding("date_order", "error" if own else "warning", i, snippet(text, m.start(), m.end()),
                           f"期间“{m.group(0)}”的截止日早于起始日" + ("。" if own else "（出现在当事人陈述部分）。")))
    return out
