"""Date checks: every date exists, filing <= hearing <= signature, signature in Chinese numerals."""
from __future__ import annotations

import datetime as _dt
import re

from engines.drafting.numerals import date_to_chinese, parse_chinese_date
from engines.drafting.review.document import ARABIC_DATE, JudgmentDocument, SPACES, safe_date
from engines.drafting.review.findings import Finding, snippet

_HEARING_WORDS = ("开庭", "审理", "听证", "询问")
_NEXT_DATE = re.compile(r"\s*[、和及]\s*(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日")


def hearing_date(doc: JudgmentDocument) -> tuple[_dt.date | None, str]:
    """The first date in the procedure paragraph followed closely by 开庭/审理."""
    if doc.procedure_paragraph is None:
        return None, ""
    text = doc.paragraphs[doc.procedure_paragraph]
    for m in ARABIC_DATE.finditer(text):
        if "立案" in text[m.end():m.end() + 6] or "受理" in text[m.end():m.end() + 6]:
            continue
        # 于2023年5月10日、2023年6月20日两次公开开庭: the run of dates ends before the hearing word.
        end = m.end()
        while True:
            more = _NEXT_DATE.match(text, end)
            if not more:
                break
            end = more.end()
        if any(w in text[end:end + 10] for w in _HEARING_WORDS):
            return safe_date(m), m.group(0)
    return None, ""


def signature_date(doc: JudgmentDocument) -> _dt.date | None:
    """The signature date (Chinese or Arabic numerals), None when absent or not a real date."""
    if doc.date_paragraph is None:
        return None
    t = SPACES.sub("", doc.paragraphs[doc.date_paragraph])
    parts = parse_chinese_date(t)
    if parts is None:
        m = re.fullmatch(r"(\S{4})年(\S{1,3})月(\S{1,3})日", t)
        if not m:
            return None
        parts = tuple(_mixed_number(x) for x in m.groups())
        if None in parts:
            return None
    try:
        return _dt.date(*parts)
    except ValueError:
        return None


def _mixed_number(text: str) -> int | None:
    from engines.drafting.numerals import parse_small_number_cn, parse_year_cn

    if text.isdigit():
        return int(text)
    return parse_year_cn(text) if len(text) == 4 else parse_small_number_cn(text)


def check_dates(doc: JudgmentDocument, record_dates: dict | None = None) -> list[Finding]:
    """Report impossible dates, dates out of order and a signature date not in Chinese numerals."""
    findings: list[Finding] = []
    for i, text in enumerate(doc.paragraphs):
        for m in ARABIC_DATE.finditer(text):
            if safe_date(m) is None:
                # 至2027年2月31日止 in a contract's term: the judgment may quote the contract as
                # written, so the reader is warned rather than told the judgment is wrong.
                quoted = (re.match(r"\s*止", text[m.end():m.end() + 2]) is not None
                          and re.search(r"(合同|协议|约定|租期|期限)", "".join(doc.paragraphs[max(0, i - 3):i + 1])) is not None)
                findings.append(Finding("date_invalid", "warning" if quoted else "error", i,
                                        snippet(text, m.start(), m.end()),
                                        f"日期“{m.group(0)}”不存在" + ("（如系照录合同约定，宜注明）。" if quoted else "。")))
    filed, filed_raw = doc.date_in(doc.procedure_paragraph, "立案")
    heard, heard_raw = hearing_date(doc)
    if filed and heard and heard < filed:
        text = doc.paragraphs[doc.procedure_paragraph]
        findings.append(Finding("date_order", "error", doc.procedure_paragraph, snippet(text, 0, None, 60)[:60],
                                f"开庭日期{heard_raw}早于立案日期{filed_raw}。"))
    if doc.date_paragraph is not None:
        raw = doc.text(doc.date_paragraph)
        compact = SPACES.sub("", raw)
        signed = signature_date(doc)
        if parse_chinese_date(compact) is None:
            hint = f"（应写作{date_to_chinese(signed)}）" if signed else ""
            if signed is None and re.search(r"\d", compact) is None:
                findings.append(Finding("date_invalid", "error", doc.date_paragraph, raw, f"落款日期“{raw}”不是有效日期。"))
            else:
                findings.append(Finding("signature_date_format", "error", doc.date_paragraph, raw,
                                        f"落款日期应全部使用汉字数字{hint}。"))
        elif signed is None:
            findings.append(Finding("date_invalid", "error", doc.date_paragraph, raw, f"落款日期“{raw}”不存在。"))
        if signed is not None:
            if filed and signed < filed:
                findings.append(Finding("date_order", "error", doc.date_paragraph, raw,
                                        f"落款日期早于立案日期{filed_raw}。",
                                        related_paragraphs=[doc.procedure_paragraph]))
            elif heard and signed < heard:
                findings.append(Finding("date_order", "error", doc.date_paragraph, raw,
                                        f"落款日期早于开庭日期{heard_raw}。",
                                        related_paragraphs=[doc.procedure_paragraph]))
    if record_dates and doc.procedure_paragraph is not None:
        want = record_dates.get("filing_date")
        if want and filed and filed != want:
            findings.append(Finding("date_record", "warning", doc.procedure_paragraph, filed_raw,
                                    f"立案日期与案件记录不一致：案件记录为{want.year}年{want.month}月{want.day}日。"))
    return findings
