"""案号 checks that the text itself can prove: the form (new style from 2016, old style
（2015）某民初字第1号 before), the year against the filing and signature dates, the court code
against the court's province and level, and the case's own number repeated in the body."""
from __future__ import annotations

import re
from dataclasses import dataclass

from engines.drafting.review.check_appeal import parse_court
from engines.drafting.review.check_dates import signature_date
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet
from engines.drafting.review.resources import ReviewRules

_OPEN, _CLOSE = "（(〔[", "）)〕]"
_NEW = re.compile(r"^[（(〔\[]\s*(\d{4})\s*[）)〕\]]\s*([\u4e00-\u9fff])(\d{4}|\d{2})?([\u4e00-\u9fff]{1,5}?)(\d+)\s*号$")
_OLD = re.compile(r"^[（(〔\[]\s*(\d{4})\s*[）)〕\]]\s*([\u4e00-\u9fff\d]{1,12}?)([民刑行执赔][\u4e00-\u9fff\d]{0,4}?)字第\s*(\d+)\s*号$")
_IN_TEXT = re.compile(r"[（(〔\[]\s*\d{4}\s*[）)〕\]]\s*[\u4e00-\u9fff\d]{1,14}?\d+\s*号")
_TYPE = re.compile(r"^(民|刑|行|执|赔|司|财|委|请|认|调|破|保|诉前|强|清)")
# Words that show a 案号 in the body belongs to another matter.
_OTHER_MATTER = re.compile(r"(撤诉|撤回起诉|另案|另行|曾于|曾向|仲裁|此前|前案|原审|一审|二审|再审|执行|刑事|行政|"
                           r"案件中|一案中|系列|同类|关联|发回|重审|已生效|生效的|合并|曾|另一|其他案件)")


@dataclass
class ReviewCaseNumber:
    """A 案号 as the review reads it (either style)."""

    raw: str
    year: int
    province: str  # new style: one-character code; old style: ''
    digits: str  # new style: 2 or 4 digits ('' for a high court)
    type_code: str
    sequence: int
    old_style: bool


def read_case_number(raw: str) -> ReviewCaseNumber | None:
    """Read a 案号 of either style; None when it is neither."""
    text = raw.strip().translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    m = _OLD.match(text)
    if m:
        return ReviewCaseNumber(text, int(m.group(1)), "", "", m.group(3), int(m.group(4)), True)
    m = _NEW.match(text)
    if m and "字" not in m.group(4):
        return ReviewCaseNumber(text, int(m.group(1)), m.group(2), m.group(3) or "", m.group(4), int(m.group(5)), False)
    return None


def _known_type_codes() -> set[str]:
    """The 类型代字 of new-style 案号, from resources/case_number (shared with the catalogue)."""
    from engines.casenumber import load_rules as case_number_rules

    return set(case_number_rules().type_codes)


def _bracket_problem(raw: str) -> str | None:
    opens = [c for c in raw if c in _OPEN]
    closes = [c for c in raw if c in _CLOSE]
    if not opens or not closes:
        return None
    if _OPEN.index(opens[0]) != _CLOSE.index(closes[0]):
        return "年度括号的全角和半角混用（应为全角“（）”）"
    return None


def check_case_numbers(doc: JudgmentDocument, expected: str | None = None,
                       rules: ReviewRules | None = None) -> list[Finding]:
    """Check the header 案号; compare it with the record and with this case's number in the body."""
    findings: list[Finding] = []
    index = doc.case_number_paragraph
    if index is None:
        return findings
    raw = doc.text(index)
    problem = _bracket_problem(raw)
    if problem:
        findings.append(Finding("case_number_format", "error", index, raw, f"案号{problem}。"))
    number = read_case_number(raw)
    if number is None:
        findings.append(Finding("case_number_format", "error", index, raw,
                                "案号格式无法识别（应为“（年度）法院代字类型代字序号号”，如（2019）湘0104民初123号）。"))
    else:
        findings.extend(_header_findings(doc, index, raw, number, rules))
    if expected and _canonical(expected) != _canonical(raw):
        findings.append(Finding("case_number_record", "error", index, raw,
                                f"案号与案件记录不一致：文书为“{raw}”，案件记录为“{expected}”。"))
    if number is not None:
        findings.extend(_body_findings(doc, index, number))
    return findings


def _canonical(raw: str) -> str:
    return re.sub(r"\s", "", raw).translate(str.maketrans("()〔〕[]", "（）（）（）"))


def _header_findings(doc, index, raw, number: ReviewCaseNumber, rules) -> list[Finding]:
    out: list[Finding] = []

    def error(message: str, related: list[int] | None = None, rule: str = "case_number_format") -> None:
        out.append(Finding(rule, "error", index, raw, message, related_paragraphs=related or []))

    if number.old_style and number.year >= 2016:
        error(f"收案年度为{number.year}年的案号应使用2016年起的新式案号（不含“字第”）。")
    if not number.old_style and number.year < 2016:
        out.append(Finding("case_number_format", "warning", index, raw,
                           f"新式案号自2016年1月1日起使用，{number.year}年收案的案件通常为旧式“字第…号”。"))
    if rules is not None and not number.old_style:
        provinces = rules.courts.get("case_number_provinces", {})
        if provinces and number.province not in provinces:
            error(f"案号中的省级代字“{number.province}”不存在。")
        court = parse_court(doc.court, rules) if doc.court else None
        if court is not None and provinces.get(number.province) and court.province:
            if provinces[number.province] != court.province and court.level != "special":
                error(f"案号中的省级代字“{number.province}”（{provinces[number.province]}）与法院所在的{court.province}不符。",
                      [doc.court_paragraph])
        if court is not None and court.level in ("basic", "intermediate") and number.digits:
            want = 4 if court.level == "basic" else 2
            if len(number.digits) != want:
                level = "基层人民法院" if court.level == "basic" else "中级人民法院"
                error(f"{level}的案号法院代字应为省级代字加{want}位数字，此处为“{number.province}{number.digits}”。",
                      [doc.court_paragraph])
        if court is not None and court.level == "basic" and number.type_code.endswith("终"):
            error(f"基层人民法院不审理二审案件，案号类型代字不应为“{number.type_code}”。", [doc.court_paragraph])
    if not number.old_style and number.type_code not in _known_type_codes():
        error(f"案号类型代字“{number.type_code}”不存在。")
    elif doc.title.startswith("民事") and not _TYPE.match(number.type_code):
        error(f"民事文书的案号类型代字应为“民…”，此处为“{number.type_code}”。")
    filed, filed_raw = doc.date_in(doc.procedure_paragraph, "立案")
    if filed is not None and filed.year != number.year:
        error(f"案号收案年度{number.year}与立案日期{filed_raw}的年度不一致。", [doc.procedure_paragraph],
              "case_number_year")
    signed = signature_date(doc)
    if signed is not None and number.year > signed.year:
        error(f"案号收案年度{number.year}晚于落款日期的年度{signed.year}。", [doc.date_paragraph], "case_number_year")
    return out


def _body_findings(doc: JudgmentDocument, index: int, header: ReviewCaseNumber) -> list[Finding]:
    """This case's own number written differently in the body (本案…号)."""
    out = []
    for i, text in enumerate(doc.paragraphs):
        if i == index or "号" not in text:
            continue
        for m in _IN_TEXT.finditer(text):
            body = read_case_number(m.group(0))
            if body is None or body.old_style != header.old_style:
                continue
            start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
            sentence = text[start:m.start()]
            # Same court, same type, same year, another sequence number, and nothing in the
            # sentence that makes it another matter: it is this case's number written wrong.
            if _OTHER_MATTER.search(sentence + text[m.end():m.end() + 6]):
                continue
            if (body.year, body.province, body.digits, body.type_code) != (
                    header.year, header.province, header.digits, header.type_code):
                continue
            if _canonical(m.group(0)) != _canonical(header.raw):
                out.append(Finding("case_number_consistency", "error", i, snippet(text, m.start(), m.end()),
                                   f"正文中的本案案号“{m.group(0)}”与文首案号“{header.raw}”不一致。",
                                   related_paragraphs=[index]))
    return out
