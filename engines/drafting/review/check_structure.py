"""Mandatory parts present (per document kind, from resources) and 判决主文 numbered in order."""
from __future__ import annotations

import re

from engines.casenumber import try_parse_case_number
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding
from engines.drafting.review.resources import ReviewRules

_ITEM_NUMERALS = "一二三四五六七八九十"
_ITEM_PREFIX = re.compile(r"^([一二三四五六七八九十]{1,3})[、.．]")


def _located(doc: JudgmentDocument) -> dict[str, int | None]:
    return {
        "parties": doc.parties[-1].paragraph if doc.parties else None,
        "claims": doc.claims_paragraph,
        "reasoning": doc.reasoning_paragraph,
        "decision": doc.decision_paragraph,
        "operative": doc.operative_items[-1] if doc.operative_items else None,
        "fee": doc.fee_paragraph,
        "appeal": doc.appeal_paragraph,
        "signature": doc.signature_paragraphs[-1] if doc.signature_paragraphs else None,
        "date": doc.date_paragraph,
        "clerk": doc.clerk_paragraph,
    }


def _is_first_instance(doc: JudgmentDocument) -> bool:
    number = try_parse_case_number(doc.text(doc.case_number_paragraph))
    if number is not None and not number.type_code.endswith("初"):
        return False
    body = "".join(doc.paragraphs)
    return "小额诉讼" not in body and "一审终审" not in body


def document_kind(doc: JudgmentDocument, rules: ReviewRules) -> str:
    """The document-parts key for this document's title ('' when no rule set applies)."""
    title = doc.title
    if title in rules.document_parts:
        return title
    for kind in rules.document_parts:
        if kind.startswith("_"):
            continue
        if title.endswith(kind[-3:]):
            return kind
    return ""


def _previous_nonempty(doc: JudgmentDocument, index: int) -> int:
    i = index
    while i > 0 and not doc.paragraphs[i].strip():
        i -= 1
    return i


def check_structure(doc: JudgmentDocument, rules: ReviewRules) -> list[Finding]:
    """Report each missing mandatory part at the paragraph before its gap; check item numbers."""
    findings: list[Finding] = []
    kind = document_kind(doc, rules)
    parts = rules.document_parts.get(kind, []) if kind else []
    located = _located(doc)
    last_seen = doc.case_number_paragraph if doc.case_number_paragraph is not None else 0
    first_instance = _is_first_instance(doc)
    for spec in parts:
        part = spec["part"]
        if spec.get("first_instance_only") and not first_instance:
            continue
        where = located.get(part)
        if where is not None:
            last_seen = max(last_seen, where)
            continue
        if part == "operative" and doc.decision_paragraph is None:
            continue  # already reported as a missing decision line
        anchor = last_seen
        if part in ("fee", "appeal") and doc.interest_paragraph is not None:
            anchor = max(anchor, doc.interest_paragraph)
        if part == "clerk" and doc.certified_paragraph is not None:
            anchor = max(anchor, doc.certified_paragraph)
        if part == "clerk":
            # 法官助理 and other lines may follow the certification line.
            anchor = max(anchor, _previous_nonempty(doc, len(doc.paragraphs) - 1))
        severity = spec.get("severity", "error")
        findings.append(Finding("missing_part", severity, anchor, doc.text(anchor)[:40],
                                f"缺少必备部分：{spec['label']}。" if severity == "error"
                                else f"未找到{spec['label']}（按常用措辞查找，可能措辞不同，请核对）。"))
    findings.extend(_check_item_numbers(doc))
    return findings


def _check_item_numbers(doc: JudgmentDocument) -> list[Finding]:
    items = [i for i in doc.operative_items if doc.paragraphs[i].strip()]
    if len(items) < 2:
        return []
    findings = []
    expected = 0
    for i in items:
        text = doc.text(i)
        m = _ITEM_PREFIX.match(text)
        if not m:
            findings.append(Finding("operative_numbering", "warning", i, text[:40],
                                    "判决主文有多项时，每项应以“一、二、……”编号。"))
            continue
        number = _cn_item_number(m.group(1))
        if number != expected + 1:
            findings.append(Finding("operative_numbering", "error", i, text[:40],
                                    f"判项编号不连续：此处应为第{expected + 1}项。"))
        expected = number or expected + 1
    return findings


def _cn_item_number(text: str) -> int:
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _ITEM_NUMERALS.index(text[1]) + 1
    if "十" in text:
        head, _, tail = text.partition("十")
        return (_ITEM_NUMERALS.index(head) + 1) * 10 + (_ITEM_NUMERALS.index(tail) + 1 if tail else 0)
    return _ITEM_NUMERALS.index(text) + 1
