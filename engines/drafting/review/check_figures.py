"""One item written with two figures (``item_figures``).

Claimed, found and awarded sums differ legitimately (a claim is cut down, a share is borne by
the plaintiff, a payment already made is deducted), so two figures for "the same" item are
reported only where the text itself ties them to one value:

- an amount with its own calculation in brackets, 护理费7408.8元（60天×123.48元/天）: the
  calculation is that amount, so its result must be the figure (within one yuan, courts round);
  in the parties' statements this is their arithmetic, a warning, in the court's parts an error;
- the court's own conclusion and its order: a 本院认为 sentence that says what a party shall pay
  (宏达公司应当支付原告货款30000元) and a 主文 item that orders the same party to pay the same
  named item once (支付原告陈立华货款20000元). Only when the sentence is the court's (no 主张,
  辩称, 诉请), deducts nothing and applies no share (扣除, 已付, 尚欠, %, 比例…), the item name
  appears once in the 主文 and once with a figure in the sentence. The two figures may still
  be a subtotal and a total the text does not say, so this is a warning that says why.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from engines.drafting.review.check_citations import court_part
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"(?:元/平方米|元/天|元/日|元/月|元/年|元/人|元/次|元/元|万元|元|天|日|个月|月|年|人|次|平方米|㎡|%)?"
_OP = r"\s*[×*xX÷/＋+]\s*"
_EXPR = _NUM + _UNIT + r"(?:" + _OP + _NUM + _UNIT + r")+"
# 7408.8元（60天×123.48元/天）: an amount followed by a bracket that holds nothing but a calculation.
_BRACKETED = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)\s*[（(]\s*(" + _EXPR + r")\s*[)）]")
_TERM = re.compile(r"(" + _NUM + r")\s*(%|万元)?")
_PAY_VERBS = r"(?:支付|赔偿|偿还|给付|返还|退还|补偿|赔付|偿付|清偿)"
_HEDGES = re.compile(r"(扣除|已付|已支付|已偿还|已给付|尚欠|尚应|尚需|剩余|余款|减去|抵扣|折抵|冲抵|其中|%|比例|责任|[一二三四五六七八九]成|"
                     r"酌情|主张|诉请|辩称|抗辩|若|如果|以内|以下|以上|范围|合计|共计|分别|各|(原告|被告)[^，,。；]{0,10}(认为|称|请求|要求))")


def check_figures(doc: JudgmentDocument) -> list[Finding]:
    """Both checks: bracketed calculations, and the court's conclusion against its order."""
    return _bracketed_findings(doc) + _conclusion_findings(doc)


def _evaluate(expression: str) -> Decimal | None:
    """A pure product/quotient or a pure sum of the terms (units dropped, % as hundredths)."""
    if len(set(re.findall(r"(天|日|个月|月|年)", expression.replace("个月", "月")))) > 1:
        return None  # 20元/天×3个月: the units convert by a factor the text does not write
    bare = re.sub(r"元/(?:平方米|[天日月年人次元])", "", expression)
    ops = re.findall(r"[×*xX÷/＋+]", bare)
    terms = [(Decimal(m.group(1)), m.group(2)) for m in _TERM.finditer(expression)]
    if not ops or len(terms) != len(ops) + 1:
        return None
    adding = {o in "＋+" for o in ops}
    if len(adding) > 1:
        return None  # sums mixed with products: the precedence is not written
    try:
        values = [t / 100 if u == "%" else t * 10000 if u == "万元" else t for t, u in terms]
        if adding == {True}:
            return sum(values, Decimal(0))
        value = values[0]
        for op, term in zip(ops, values[1:]):
            value = value / term if op in "÷/" else value * term
    except (InvalidOperation, ZeroDivisionError):
        return None
    return value


def _bracketed_findings(doc: JudgmentDocument) -> list[Finding]:
    out = []
    start = (doc.parties[-1].paragraph + 1) if doc.parties else 0
    for i in range(start, len(doc.paragraphs)):
        if i in (doc.fee_paragraph, doc.appeal_paragraph):
            continue
        text = doc.paragraphs[i]
        for m in _BRACKETED.finditer(text):
            value = _evaluate(m.group(3))
            if value is None:
                continue
            stated = Decimal(m.group(1).replace(",", "")) * (10000 if m.group(2) == "万元" else 1)
            if abs(value - stated) <= max(Decimal(1), stated * Decimal("0.001")):
                continue
            own = court_part(doc, i)
            shown = value.quantize(Decimal("0.01")).normalize()
            out.append(Finding("item_figures", "error" if own else "warning", i, snippet(text, m.start(), m.end()),
                               f"“{m.group(0)}”中括号内算式的结果为{shown:f}元，与所写金额{m.group(1)}{m.group(2)}不符"
                               + ("。" if own else "（出现在当事人陈述部分）。")))
    return out


def _names(doc: JudgmentDocument) -> dict[str, str]:
    """Every name and short name of a party -> its full name."""
    out = {}
    for p in doc.parties:
        for n in (p.name, *p.abbreviations):
            if len(n) >= 2 and not re.search(r"[某×＊*Ｘ]", n):
                out[n] = p.name
    return out


def _payments(text: str, names: dict[str, str], must: bool) -> list[tuple[str, str, Decimal, int, int]]:
    """(payer full name, item name, figure, start, end) of each 'payer (应)pays item N元' in text."""
    if not names:
        return []
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    # The court's conclusion: the payer, at most a short clause, then 应(当)…; an order: the payer,
    # then its deadline (于本判决生效之日起十日内).
    modal = r"(?:[^；;。]{0,20}?(?:应当|应|应予|需|须))" if must else r"(?:[^，,；;。]{0,30}?)"
    pattern = re.compile(r"(?:原告|被告|第三人)?(" + alternatives + r")" + modal + r"(?:向(?:原告|被告)?[^，,；;。]{0,20}?)?"
                         + _PAY_VERBS + r"(?:原告|被告)?(?:" + alternatives + r")?([\u4e00-\u9fff]{2,8}?)"
                         + r"(?:人民币)?(\d[\d,]*(?:\.\d+)?)(万元|元)(?![/每])")
    out = []
    for m in pattern.finditer(text):
        item = re.sub(r"^(的|其)", "", m.group(2))
        if len(item) < 2 or re.search(r"(及|和|与|等|各项|上述|剩余|其余|款项$)", item):
            continue
        value = Decimal(m.group(3).replace(",", "")) * (10000 if m.group(4) == "万元" else 1)
        out.append((names[m.group(1)], item, value, m.start(), m.end()))
    return out


def _conclusion_findings(doc: JudgmentDocument) -> list[Finding]:
    if doc.reasoning_paragraph is None or not doc.operative_items or doc.decision_paragraph is None:
        return []
    names = _names(doc)
    ordered: dict[tuple[str, str], list] = {}
    for i in doc.operative_items:
        for payer, item, value, s, e in _payments(doc.paragraphs[i], names, must=False):
            ordered.setdefault((payer, item), []).append((value, i, s, e))
    out, seen = [], set()
    for i in range(doc.reasoning_paragraph, doc.decision_paragraph):
        text = doc.paragraphs[i]
        for sentence_start, sentence in _sentences(text):
            if _HEDGES.search(sentence):
                continue
            found = _payments(sentence, names, must=True)
            if len(found) != 1:
                continue
            payer, item, value, s, e = found[0]
            orders = ordered.get((payer, item), [])
            if len(orders) != 1 or orders[0][0] == value or (payer, item) in seen:
                continue
            if sentence.count(item) > 1:
                continue
            seen.add((payer, item))
            order_value, k, os_, oe = orders[0]
            out.append(Finding("item_figures", "warning", k, snippet(doc.paragraphs[k], os_, oe),
                               f"本院认为部分写明{item}为{value.normalize():f}元，判决主文判令支付{item}"
                               f"{order_value.normalize():f}元，同一款项前后数额不一致，请核对（如系扣减或分项，宜在说理中写明）。",
                               related_paragraphs=[i]))
    return out


def _sentences(text: str):
    pos = 0
    for sentence in re.split(r"(?<=[。；;])", text):
        yield pos, sentence
        pos += len(sentence)
