"""案件受理费 against the fee schedule (《诉讼费用交纳办法》第十三条) and 减半 against the procedure.

Two warnings, because a judge decides (a court may, for example, compute the fee on interest
accrued up to filing, or on a value the text does not state):

- ``fee_schedule``: the 案件受理费 of a first-instance civil judgment in a property case differs
  from the schedule applied to the amount claimed in 诉讼请求 (or, failing that, in the case
  record). The check says nothing unless the amount is unambiguous (see claim_amount.py), the
  cause is a property case, and the fee paragraph states one 案件受理费 figure.
- ``fee_halving_procedure``: the fee is 减半收取 although the document says the case was tried
  under 普通程序 (第十六条 halves it only under 简易程序).

That a stated halved amount is half the fee is checked in check_amounts.py (fee_inconsistent).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from engines.drafting.numerals import to_decimal
from engines.drafting.review.claim_amount import ClaimAmount, claim_amount
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.fee_schedule import CENT, FeeSchedule
from engines.drafting.review.findings import Finding, snippet

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
_FEE = re.compile(r"受理费(?:为|计)?(?:人民币)?\s*" + _NUMBER + r"\s*元")
_HALF_AMOUNT = re.compile(r"减半收取(?:计|为)?(?:人民币)?\s*" + _NUMBER + r"\s*元")
# Fee paragraphs that are not one first-instance 案件受理费 (counterclaim, appeal, several fees).
_OTHER_FEES = re.compile(r"(反诉|本诉|二审|一审|上诉)")
_CLAIMS_START = re.compile(r"(?:如下)?诉讼请求(?:为|如下)?[：:]")
_CLAIMS_END = re.compile(r"(事实与理由|事实和理由|事实及理由|理由如下|事实、理由)")
_ITEM_LINE = re.compile(r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]、)")
# Claims that changed during the case, or a counterclaim: which figure the fee used is unclear.
_CHANGED_CLAIMS = re.compile(r"((?:变更|增加|减少|撤回|放弃|追加)(?:了)?(?:部分|其|全部)?(?:的)?诉讼请求|诉讼请求变更|反诉)")
_APPEAL_ROLES = {"上诉人", "被上诉人", "原审原告", "原审被告", "申请人", "被申请人"}


@dataclass
class _FeeStatement:
    fee: Decimal
    halved_amount: Decimal | None
    says_halved: bool
    start: int
    end: int


def check_fee(doc: JudgmentDocument, schedule: FeeSchedule, record=None) -> list[Finding]:
    """Both fee checks; ``record`` is the review's CaseFacts (or None)."""
    if doc.fee_paragraph is None:
        return []
    text = doc.paragraphs[doc.fee_paragraph]
    statement = _fee_statement(text)
    if statement is None:
        return []
    findings = []
    halving = _halving_finding(doc, schedule, statement)
    if halving:
        findings.append(halving)
    fixed = _fixed_fee_finding(doc, schedule, statement, record)
    if fixed:
        return findings + [fixed]
    schedule_finding = _schedule_finding(doc, schedule, statement, record)
    if schedule_finding:
        findings.append(schedule_finding)
    return findings


def _fixed_fee_finding(doc, schedule: FeeSchedule, st: _FeeStatement, record) -> Finding | None:
    """A cause with one fee per case (劳动争议: 10元, 5元 when halved) charged another figure.

    The 办法 leaves nothing to interpret here, so a different figure is an error; the cause is
    the document's own 案由 (else the record's)."""
    if not _is_first_instance_judgment(doc):
        return None
    cause = _cause(doc) or _record_text(record, "cause")
    fixed = schedule.fixed_fee_for(cause) if cause else None
    if fixed is None:
        return None
    allowed = {fixed.fee, _half(fixed.fee)}
    if any(schedule.matches(st.fee, a) for a in allowed) and (st.halved_amount is None or st.halved_amount in allowed):
        return None
    text = doc.paragraphs[doc.fee_paragraph]
    return Finding("fee_schedule", "error", doc.fee_paragraph, snippet(text, st.start, st.end),
                   f"本案案由为{cause}，{fixed.name}案件受理费每件{_fmt(fixed.fee)}元（简易程序减半为{_fmt(_half(fixed.fee))}元），"
                   f"此处写作{_fmt(st.fee)}元，请核对{fixed.source}。")


def _fee_statement(text: str) -> _FeeStatement | None:
    """The one 案件受理费 figure of the fee paragraph; None when absent (【待补充】) or not one."""
    fees = list(_FEE.finditer(text))
    if len(fees) != 1 or _OTHER_FEES.search(text):
        return None
    m = fees[0]
    fee = to_decimal(m.group(1))
    if fee is None:
        return None
    sentence_end = min([k for k in (text.find("。", m.end()), text.find("；", m.end())) if k >= 0], default=len(text))
    sentence = text[m.start():sentence_end]
    half = _HALF_AMOUNT.search(sentence)
    return _FeeStatement(fee, to_decimal(half.group(1)) if half else None, "减半" in sentence,
                         m.start(), m.end())


# -- 减半 and the procedure ------------------------------------------------------------------

def _stated_procedure(doc: JudgmentDocument) -> str:
    """The procedure paragraph's text ('' when the document has none)."""
    return doc.compact(doc.procedure_paragraph) if doc.procedure_paragraph is not None else ""


def _halving_finding(doc: JudgmentDocument, schedule: FeeSchedule, st: _FeeStatement) -> Finding | None:
    """减半收取 although the document says 普通程序 (including a case moved from 简易 to 普通)."""
    if not st.says_halved:
        return None
    procedure = _stated_procedure(doc)
    if "普通程序" not in procedure:
        return None  # not stated, or 简易程序/小额诉讼 only: nothing to compare
    text = doc.paragraphs[doc.fee_paragraph]
    start = text.find("减半")
    article = schedule.halving_article or "《诉讼费用交纳办法》第十六条"
    return Finding("fee_halving_procedure", "warning", doc.fee_paragraph, snippet(text, start, start + 8),
                   f"文书载明本案适用普通程序，但案件受理费减半收取；{article}规定适用简易程序审理的案件减半交纳，请核对。",
                   related_paragraphs=[doc.procedure_paragraph])


# -- the schedule ----------------------------------------------------------------------------

def _schedule_finding(doc, schedule: FeeSchedule, st: _FeeStatement, record) -> Finding | None:
    if not _is_first_instance_judgment(doc):
        return None
    cause = _cause(doc) or _record_text(record, "cause")
    if not cause or not cause.endswith(("纠纷", "争议")) or schedule.is_non_property(cause):
        return None
    if record is not None and schedule.is_non_property(_record_text(record, "cause")):
        return None
    found = _claims_amount(doc)
    if found is _AMBIGUOUS:
        return None
    claims_paragraph, amount = found if found else (None, None)
    recorded = _record_amount(record)
    from_record = amount is None and recorded is not None
    if amount is None:
        amount = recorded
    if amount is None:
        return None
    # The record may hold the claims as filed and the document the claims as tried (or the
    # other way round): a fee that fits either is not reported.
    bases = amount.bases() + (recorded.bases() if recorded is not None and not from_record else [])
    halving_allowed = st.says_halved or schedule.is_halving_procedure(_stated_procedure(doc)) \
        or schedule.is_halving_procedure(_record_text(record, "procedure"))
    # Interest or a penalty claimed as a rate (按年利率6%计算至付清之日) adds to the amount in
    # dispute by a sum the text does not state: a fee above the schedule for the stated sums
    # is then expected, not wrong.
    claims_text = doc.paragraphs[claims_paragraph] if claims_paragraph is not None else ""
    rate_interest = any(not re.match(r"[^。；;，,]{0,12}\d", claims_text[m.end():])
                        for m in re.finditer(r"(利息|违约金|罚息|滞纳金|资金占用|逾期付款损失)", claims_text))
    for base in bases:
        full = schedule.fee_for(base)
        if schedule.matches(st.fee, full):
            return None
        if rate_interest and st.fee > full:
            return None
        # 案件受理费525元（已减半收取）: the stated figure is already the halved one. Not when a
        # separate halved amount follows: then the first figure must be the full fee.
        if halving_allowed and st.halved_amount is None and schedule.matches(st.fee, _half(full)):
            return None
    return _schedule_message(doc, schedule, st, amount, claims_paragraph, from_record)


def _schedule_message(doc, schedule, st, amount: ClaimAmount, claims_paragraph, from_record) -> Finding:
    text = doc.paragraphs[doc.fee_paragraph]
    where = "案件记录中的诉讼请求金额" if from_record else "诉讼请求金额"
    full = schedule.fee_for(amount.fixed)
    message = f"案件受理费{_fmt(st.fee)}元与按{where}{_fmt(amount.fixed)}元计算的标准（{_fmt(full)}元）不一致"
    if amount.accrued:
        with_accrued = amount.fixed + amount.accrued
        message += (f"；如计入诉讼请求中计算至起诉时的利息等{_fmt(amount.accrued)}元，按{_fmt(with_accrued)}元"
                    f"计算应为{_fmt(schedule.fee_for(with_accrued))}元")
    message += f"，请核对{schedule.article}。"
    related = [claims_paragraph] if claims_paragraph is not None else []
    return Finding("fee_schedule", "warning", doc.fee_paragraph, snippet(text, st.start, st.end), message,
                   related_paragraphs=related)


def _half(fee: Decimal) -> Decimal:
    return (fee / 2).quantize(CENT, rounding=ROUND_HALF_UP)


def _fmt(v: Decimal) -> str:
    return format(v.normalize(), "f") if v == v.to_integral() else format(v.quantize(CENT), "f")


def _is_first_instance_judgment(doc: JudgmentDocument) -> bool:
    """A first-instance 民事判决书: appeal and retrial fees follow other rules."""
    if re.sub(r"\s", "", doc.title) != "民事判决书":
        return False
    if any(p.role in _APPEAL_ROLES for p in doc.parties):
        return False
    number = doc.text(doc.case_number_paragraph)
    return not number or "民初" in number


def _cause(doc: JudgmentDocument) -> str:
    """The 案由 before 一案 in the procedure paragraph (party names cut off), '' when not found."""
    if doc.procedure_paragraph is None:
        return ""
    text = doc.compact(doc.procedure_paragraph)
    end = text.find("一案")
    if end < 0:
        return ""
    head = text[:end]
    for name in sorted(doc.party_names(), key=len, reverse=True):
        head = head.replace(name, "|")
    m = re.search(r"([\u4e00-\u9fff]+)$", head)
    return m.group(1) if m else ""


_AMBIGUOUS = object()


def _claims_amount(doc: JudgmentDocument):
    """(paragraph, ClaimAmount) from the document's 诉讼请求; None when it states no sum;
    _AMBIGUOUS when the claims are there but no amount can be told with confidence."""
    if any(_CHANGED_CLAIMS.search(p) for p in doc.paragraphs):
        return _AMBIGUOUS
    end = min([x for x in (doc.facts_paragraph, doc.reasoning_paragraph, doc.decision_paragraph) if x is not None],
              default=len(doc.paragraphs))
    body = doc.paragraphs[:end]
    starts = [i for i, p in enumerate(body) if _CLAIMS_START.search(p)]
    if not starts:
        return None
    if len(starts) > 1:
        return _AMBIGUOUS  # several plaintiffs' claims, or claims restated: which one counts is unclear
    first = starts[0]
    text = _claims_text(body, first)
    amount = claim_amount(text)
    if amount is not None:
        return first, amount
    # Claims that name no sum at all (支付拖欠的货款) leave the record to tell the amount;
    # claims with sums we could not add up leave nothing to compare.
    return None if "元" not in text else _AMBIGUOUS


def _claims_text(body: list[str], first: int) -> str:
    """From 诉讼请求： to 事实与理由, continuing into following numbered paragraphs."""
    paragraph = body[first]
    text = paragraph[_CLAIMS_START.search(paragraph).end():]
    stop = _CLAIMS_END.search(text)
    if stop:
        return text[:stop.start()]
    parts = [text]
    for following in body[first + 1:]:
        if not following.strip():
            continue
        if not _ITEM_LINE.match(following):
            break
        stop = _CLAIMS_END.search(following)
        parts.append(following[:stop.start()] if stop else following)
        if stop:
            break
    return "；".join(parts)


def _record_text(record, name: str) -> str:
    return (getattr(record, name, "") or "") if record is not None else ""


def _record_amount(record) -> ClaimAmount | None:
    """The amount from the case record: its explicit claim amount, else its claims text."""
    if record is None:
        return None
    explicit = getattr(record, "claim_amount", None)
    if explicit is not None and explicit > 0:
        return ClaimAmount(Decimal(explicit))
    claims = getattr(record, "claims", None) or []
    return claim_amount("；".join(claims)) if claims else None
