"""Rule-based review of a draft judgment (法律文书辅助审查).

``review_document(path)`` reads a .docx and returns a :class:`ReviewResult` whose findings
each name a rule, a severity, the paragraph (index into python-docx ``Document.paragraphs``),
the offending text and a Chinese message. The checks only point at problems; they never
change the document.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from engines.common import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress, say
from engines.drafting.review.check_amounts import check_amounts
from engines.drafting.review.check_appeal import check_appeal_court
from engines.drafting.review.check_case_number import check_case_numbers
from engines.drafting.review.check_citations import check_citations
from engines.drafting.review.check_consistency import check_consistency
from engines.drafting.review.check_date_order import check_date_order
from engines.drafting.review.check_dates import check_dates
from engines.drafting.review.check_fee import check_fee
from engines.drafting.review.check_figures import check_figures
from engines.drafting.review.check_parties import check_party_names
from engines.drafting.review.check_record import check_record
from engines.drafting.review.check_structure import check_structure, document_kind
from engines.drafting.review.document import JudgmentDocument, parse_document, read_paragraphs
from engines.drafting.review.findings import Finding, ReviewResult
from engines.drafting.review.resources import load_rules
from engines.drafting.review.segment import split_paragraphs
from engines.drafting.review.statutes import check_statutes

__all__ = ["CaseFacts", "Finding", "ReviewResult", "review_document", "review_paragraphs"]


@dataclass
class CaseFacts:
    """What the case record says, to compare the draft with (every field optional).

    ``cause``, ``procedure``, ``claims`` (one item per entry) and ``claim_amount`` serve the
    fee check: a non-property cause silences it, and the claims are the amount in dispute
    when the document's own 诉讼请求 states none. ``parties``, ``party_roles`` (name -> 原告/被告…)
    and ``claims`` are also compared with the draft: a draft made from another case's material
    disagrees with them; ``bench`` (独任 / 合议庭) with its signature block."""

    case_number: str = ""
    parties: list[str] = field(default_factory=list)
    filing_date: _dt.date | None = None
    cause: str = ""
    procedure: str = ""
    claims: list[str] = field(default_factory=list)
    claim_amount: Decimal | None = None
    party_roles: dict[str, str] = field(default_factory=dict)
    bench: str = ""  # 审判组织: 独任 | 合议庭 ("" = not known, not checked)


def review_paragraphs(
    paragraphs: list[str],
    record: CaseFacts | None = None,
    rules_dir: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ReviewResult:
    """Review a document given as its paragraph texts (as python-docx reads them)."""
    rules = load_rules(rules_dir)
    # Published texts often fuse a whole judgment into one line: cut it back into paragraphs
    # for reading, and map every finding back to the paragraph the user has.
    split, origin = split_paragraphs(paragraphs)
    doc: JudgmentDocument = parse_document(split)
    record = record or CaseFacts()
    checks = [
        ("案号", lambda: check_case_numbers(doc, record.case_number or None, rules)),
        ("当事人", lambda: check_party_names(doc)),
        ("金额", lambda: check_amounts(doc)),
        ("受理费", lambda: check_fee(doc, rules.fee_schedule, record)),
        ("日期", lambda: check_dates(doc, {"filing_date": record.filing_date} if record.filing_date else None)
         + check_date_order(doc)),
        ("必备部分", lambda: check_structure(doc, rules)),
        ("上诉法院", lambda: check_appeal_court(doc, rules)),
        ("法律引用", lambda: check_citations(doc, rules)),
        ("法条", lambda: check_statutes(doc)),
        ("前后一致", lambda: check_consistency(doc, rules)),
        ("前后数额", lambda: check_figures(doc)),
        ("案件记录", lambda: check_record(doc, record)),
    ]
    findings: list[Finding] = []
    for n, (label, run) in enumerate(checks):
        cancel.check()
        progress(n / len(checks), say("review.check", f"检查{label}", what=label))
        findings.extend(run())
    progress(1.0, say("review.done", "审查完成"))
    if len(split) != len(paragraphs):
        for f in findings:
            f.paragraph = origin[f.paragraph] if 0 <= f.paragraph < len(origin) else f.paragraph
            f.related_paragraphs = [origin[r] if r is not None and 0 <= r < len(origin) else r
                                    for r in f.related_paragraphs]
    findings.sort(key=lambda f: (f.paragraph, f.severity != "error", f.rule))
    return ReviewResult(findings=findings, paragraph_count=len(paragraphs), document_kind=document_kind(doc, rules))


def review_document(
    path: str | Path | bytes,
    record: CaseFacts | None = None,
    rules_dir: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ReviewResult:
    """Read a .docx draft (path or bytes) and review it; InputError when it is not a readable .docx."""
    cancel.check()
    paragraphs = read_paragraphs(path)
    return review_paragraphs(paragraphs, record, rules_dir, progress, cancel)
