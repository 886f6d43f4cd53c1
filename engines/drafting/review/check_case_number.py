"""案号 checks: the header's form, its year against the 立案 date, body numbers against it."""
from __future__ import annotations

import re

from engines.casenumber import CaseNumberError, find_case_numbers, parse_case_number, try_parse_case_number
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet

# Words that show a 案号 in the body belongs to another matter (earlier suit, arbitration).
_OTHER_MATTER = re.compile(r"(撤诉|撤回起诉|另案|另行|曾于|曾向|仲裁|此前|前案|原审|一审|二审|再审|执行|刑事|行政)")


def _bracket_problem(raw: str) -> str | None:
    opens = [c for c in raw if c in "（(〔["]
    closes = [c for c in raw if c in "）)〕]"]
    if not opens or not closes:
        return None
    pair = {"（": "）", "(": ")", "〔": "〕", "[": "]"}
    if pair.get(opens[0]) != closes[0]:
        return "年度括号的全角和半角混用（应为全角“（）”）"
    return None


def check_case_numbers(doc: JudgmentDocument, expected: str | None = None) -> list[Finding]:
    """Check the header 案号 and every 案号 of this case in the body; compare with the record."""
    findings: list[Finding] = []
    header_index = doc.case_number_paragraph
    header = None
    if header_index is not None:
        raw = doc.text(header_index)
        problem = _bracket_problem(raw)
        if problem:
            findings.append(Finding("case_number_format", "error", header_index, raw, f"案号{problem}。"))
        try:
            header = parse_case_number(raw)
        except CaseNumberError as exc:
            findings.append(Finding("case_number_format", "error", header_index, raw, f"案号格式错误：{exc}。"))
        else:
            if not problem and ("(" in raw or ")" in raw):
                findings.append(Finding("case_number_format", "warning", header_index, raw,
                                        "文书中的案号应使用全角括号“（）”。"))
        if header is not None:
            filed, filed_raw = doc.date_in(doc.procedure_paragraph, "立案")
            if filed is not None and filed.year != header.year:
                findings.append(Finding(
                    "case_number_year", "error", header_index, raw,
                    f"案号收案年度{header.year}与立案日期{filed_raw}的年度不一致。",
                    related_paragraphs=[doc.procedure_paragraph]))
            if doc.title.startswith("民事") and not header.type_code.startswith("民"):
                findings.append(Finding("case_number_format", "error", header_index, raw,
                                        f"民事文书的案号类型代字应为“民…”，此处为“{header.type_code}”。"))
    if expected and header_index is not None:
        want = try_parse_case_number(expected)
        if want is not None and (header is None or str(header) != str(want)):
            findings.append(Finding("case_number_record", "error", header_index, doc.text(header_index),
                                    f"案号与案件记录不一致：案件记录为{want}。"))
    if header is None:
        return findings
    for i, text in enumerate(doc.paragraphs):
        if i == header_index:
            continue
        for offset, found in find_case_numbers(text):
            sentence_start = max(text.rfind("。", 0, offset), text.rfind("；", 0, offset)) + 1
            sentence_end = min([x for x in (text.find("。", offset), text.find("；", offset)) if x >= 0] or [len(text)])
            sentence = text[sentence_start:sentence_end]
            if _OTHER_MATTER.search(sentence):
                continue
            body = try_parse_case_number(found)
            if body is None:
                continue
            same_family = body.court_code == header.court_code and body.type_code == header.type_code
            if same_family and str(body) != str(header):
                findings.append(Finding(
                    "case_number_consistency", "error", i, snippet(text, offset, offset + len(found)),
                    f"正文中的本案案号“{found}”与文首案号“{header}”不一致。",
                    related_paragraphs=[header_index]))
    return findings
