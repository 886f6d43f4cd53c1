"""Amounts: capital forms equal their figures, listed items add up to stated totals, and the
受理费 paragraph is consistent with itself (fee_paragraph.py)."""
from __future__ import annotations

import re
from decimal import Decimal

from engines.drafting.numerals import capital_to_decimal, to_decimal
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.fee_paragraph import fee_paragraph_findings
from engines.drafting.review.findings import Finding, snippet

NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
AMOUNT = re.compile(r"(?<![\d.,])" + NUMBER + r"\s*(万元|元)")
CAPITAL = re.compile(r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆](?:[零壹贰叁肆伍陆柒捌玖]角)?(?:[零壹贰叁肆伍陆柒捌玖]分)?[整正]?")
_FIGURE_AFTER = re.compile(r"^\s*[（(]\s*(?:小写[：:]?)?(?:人民币)?\s*[¥￥]?\s*" + NUMBER + r"\s*(万元|元)?")
_FIGURE_BEFORE = re.compile(r"(?:[¥￥])?" + NUMBER + r"\s*(万元|元)?\s*[（(]\s*(?:大写[：:]?)?\s*$")
_TOTAL = re.compile(r"(合计|共计|总计|总额为?|总共|共(?=\s*\d)|累计)")
_COUNT = re.compile(r"(两|二|三|四|五|六|七|八|九|十)(项|笔|个月|次|期|部分|张)")
_CN_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
CENT = Decimal("0.01")


def _value(number: str, unit: str | None) -> Decimal | None:
    v = to_decimal(number)
    if v is not None and unit == "万元":
        v *= 10000
    return v


def _fmt(v: Decimal) -> str:
    return format(v.normalize(), "f") if v == v.to_integral() else format(v.quantize(CENT), "f")


def check_amounts(doc: JudgmentDocument) -> list[Finding]:
    """Run the three amount checks over every paragraph."""
    findings: list[Finding] = []
    for i, text in enumerate(doc.paragraphs):
        if not text.strip():
            continue
        findings.extend(_capital_findings(i, text))
        findings.extend(_sum_findings(i, text))
    fee = fee_paragraph_findings(doc)
    if fee:
        # The fee check says the same about the fee paragraph's totals, naming the fee.
        findings = [f for f in findings if not (f.rule == "amount_sum_mismatch" and f.paragraph == doc.fee_paragraph)]
    return findings + fee


def _capital_findings(i: int, text: str) -> list[Finding]:
    out = []
    for m in CAPITAL.finditer(text):
        capital = capital_to_decimal(m.group(0))
        if capital is None:
            continue
        figure = None
        after = _FIGURE_AFTER.match(text[m.end():m.end() + 30])
        if after:
            figure = _value(after.group(1), after.group(2))
        else:
            before = _FIGURE_BEFORE.search(text[max(0, m.start() - 30):m.start()])
            if before:
                figure = _value(before.group(1), before.group(2))
        if figure is not None and figure != capital:
            out.append(Finding("amount_capital_mismatch", "error", i, snippet(text, m.start(), m.end() + 12),
                               f"金额大写“{m.group(0)}”（{_fmt(capital)}元）与数字{_fmt(figure)}元不一致。"))
    return out


def _bracket_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside （…）, (…) and 【…】 (a calculation or a note, not a listed item)."""
    spans, stack = [], []
    for k, c in enumerate(text):
        if c in "（(【[":
            stack.append(k)
        elif c in "）)】]" and stack:
            spans.append((stack.pop(), k))
    return spans


def _is_item(text: str, start: int, end: int, spans: list[tuple[int, int]], outer: int) -> bool:
    """An amount that can be a listed item: not a rate (40元/天), not inside a calculation."""
    if re.match(r"\s*[/／每×*xX]", text[end:end + 2]) or re.search(r"[×*xX/／]\s*$", text[max(0, start - 2):start]):
        return False
    return not any(a < start and end <= b and a >= outer for a, b in spans)


def _sum_findings(i: int, text: str) -> list[Finding]:
    out = []
    spans = _bracket_spans(text)
    amounts = [(m.start(), m.end(), _value(m.group(1), m.group(2))) for m in AMOUNT.finditer(text)]
    for t in _TOTAL.finditer(text):
        after = AMOUNT.match(text, t.end()) or AMOUNT.match(text, t.end() + 1)
        if not after or after.start() - t.end() > 2:
            continue
        total = _value(after.group(1), after.group(2))
        # The list starts after the sentence's first colon (我的损失有：…), not after a colon
        # inside it (护理费：…).
        sentence_start = text.rfind("。", 0, t.start()) + 1
        colon = text.find("：", sentence_start, t.start())
        if colon >= 0 and not AMOUNT.search(text, sentence_start, colon):
            sentence_start = colon + 1
        # A total inside brackets sums the items inside the same brackets.
        inner = max((a for a, b in spans if a < t.start() < b), default=-1)
        sentence_start = max(sentence_start, inner + 1)
        items = [a for a in amounts if sentence_start <= a[0] and a[1] <= t.start()
                 and _is_item(text, a[0], a[1], spans, inner)]
        # Numbers without 元 in the list (a count, a rate, an unlabelled sum) make the list unreadable.
        if not items:
            continue
        listing = text[sentence_start:items[-1][1]]
        if re.search(r"(减半|扣除|减去|已支付|已付|已赔|垫付|折合|约|之和|分别|以上|上述)", listing):
            continue
        if not items or total is None:
            continue
        lead = text[items[-1][1]:t.start()]
        count_match = _COUNT.search(lead)
        if count_match:
            n = _CN_COUNT[count_match.group(1)]
            if len(items) < n:
                continue
            chosen = [v for _, _, v in items[-n:]]
            if sum(chosen) != total:
                out.append(_sum_finding(i, text, t, after, total, sum(chosen)))
            continue
        if len(lead) > 10:
            continue
        run = [items[-1]]
        for prev in reversed(items[:-1]):
            gap = text[prev[1]:run[0][0]]
            if len(gap) > 20 or not re.search(r"[、；;，,加和及]", gap):
                break
            run.insert(0, prev)
        if len(run) < 2 or run[0] != items[0]:
            continue  # the run must be the whole list, else it is not known what the total covers
        values = [v for _, _, v in run]
        if any(sum(values[a:b]) == total for a in range(len(values)) for b in range(a + 1, len(values) + 1)):
            continue
        out.append(_sum_finding(i, text, t, after, total, sum(values)))
    return out


def _sum_finding(i, text, t, after, total, computed) -> Finding:
    return Finding("amount_sum_mismatch", "error", i, snippet(text, t.start(), after.end()),
                   f"所列各项相加为{_fmt(computed)}元，与所写{t.group(1)}{_fmt(total)}元不一致。")
