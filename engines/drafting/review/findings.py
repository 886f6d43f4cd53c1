"""What a review returns: findings that say what is wrong and where."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Finding:
    """One problem in a draft.

    ``paragraph`` is the index into python-docx ``Document.paragraphs``; for a missing part
    it is the paragraph just before the gap. ``text`` quotes the offending words (or the
    start of the paragraph), ``message`` explains in Chinese what is wrong and what is
    expected. ``related_paragraphs`` names the other place of an inconsistency.
    """

    rule: str
    severity: str  # "error" | "warning"
    paragraph: int
    text: str
    message: str
    related_paragraphs: list[int] = field(default_factory=list)
    source: str = "machine"


@dataclass
class ReviewResult:
    """All findings for one document, sorted by paragraph; plus the rules that ran."""

    findings: list[Finding]
    paragraph_count: int = 0
    document_kind: str = ""
    rules_version: str = "review-rules/1"


def snippet(text: str, start: int = 0, end: int | None = None, width: int = 40) -> str:
    """A short quote around ``text[start:end]`` for the finding's ``text`` field."""
    end = len(text) if end is None else end
    if end - start >= width:
        return text[start:end]
    pad = (width - (end - start)) // 2
    lo = max(0, start - pad)
    return text[lo:min(len(text), end + pad)].strip()


RULE_LABELS = {
    "case_number_format": "案号格式", "case_number_year": "案号年度", "case_number_consistency": "案号前后不一致",
    "case_number_record": "案号与案件记录不符", "party_name_variant": "当事人名称不一致",
    "party_not_in_case": "主文中的非当事人", "party_record": "当事人与案件记录不符",
    "amount_capital_mismatch": "金额大小写不符", "amount_sum_mismatch": "合计金额不符", "fee_inconsistent": "受理费计算",
    "fee_schedule": "受理费与收费标准不符", "fee_halving_procedure": "受理费减半与审理程序不符",
    "date_invalid": "日期不存在", "date_order": "日期先后", "signature_date_format": "落款日期格式",
    "date_record": "日期与案件记录不符", "missing_part": "缺少必备部分", "operative_numbering": "判项编号",
    "appeal_court": "上诉法院", "citation_form": "法律名称不规范", "citation_article_number": "法条序号格式",
    "citation_repealed": "引用已废止法律", "interest_article": "迟延履行利息条款",
    "citation_article_missing": "引用的法条不存在", "citation_not_in_force": "引用尚未施行的法律",
    "citation_interpretation": "司法解释名称与文号不符", "formula": "算式计算有误", "party_role": "当事人诉讼地位不一致",
    "anonymisation": "匿名处理前后不一致", "interest_notice_missing": "缺少迟延履行告知",
    "dismissal_missing": "部分支持未驳回其他诉讼请求", "claims_record": "诉讼请求与案件记录不符",
    "statement_speaker": "陈述人与诉讼地位不符", "item_figures": "同一款项数额前后不一致",
    "bench_record": "署名与审判组织不符",
}
