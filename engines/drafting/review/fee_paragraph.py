"""The fee paragraph agrees with itself (``fee_inconsistent``, an error: the text proves it).

- a stated halved fee is half of the stated fee (案件受理费1050元，减半收取计525元);
- the shares the parties bear add up to what is charged: the (halved) 受理费 plus the 反诉 fee,
  plus the other costs listed with it (保全费, 鉴定费, 公告费…), or the stated total (合计…);
- listed costs add up to their stated total, whether the total follows them (受理费…、保全费…，
  合计…) or comes first (诉讼费1414元（其中案件受理费730元、保全费684元）).

Shares may run on after a semicolon or into the next paragraph (由被告负担8423元；原告负担9409元).
Amounts the text does not give as figures (由原告负担，未写数额) leave the check silent.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from engines.drafting.numerals import to_decimal
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet

NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
CENT = Decimal("0.01")
_OTHER_COSTS = r"(?:诉讼保全费|财产保全费|保全申请费|保全费|公告费|鉴定费|评估费|邮寄费|勘验费|审计费|翻译费|其他诉讼费|申请费)"
_COST = re.compile(r"(?:案件受理费|受理费|" + _OTHER_COSTS[3:-1] + r")(?:用)?(?:减半收取|减半)?(?:为|计|共计)?(?:人民币)?\s*" + NUMBER + r"\s*元")
_TOTAL = re.compile(r"(?:合计|共计|总计|合共|总额|共)(?:为|计)?(?:人民币)?\s*" + NUMBER + r"\s*元")
_SHARE_VERB = r"(?:负担|承担)"
_SHARES = (re.compile(_SHARE_VERB + r"(?:人民币)?\s*" + NUMBER + r"\s*元"),
           re.compile(NUMBER + r"\s*元由[^，,。；]{1,40}?" + _SHARE_VERB))
# A segment that only adds a share (原告某某负担9409元): it continues the fee sentence before it.
_SHARE_ONLY = re.compile(r"^\s*(?:由)?[^，,。；;费]{1,40}?" + _SHARE_VERB + r"(?:人民币)?\s*\d")
_HALF = re.compile(r"减半(?:收取)?\s*[,，]?\s*(?:计|为|即|后为|后)?\s*(?:人民币)?\s*" + NUMBER + r"\s*元")
_TOTAL_FIRST = re.compile(r"(?:诉讼费用?|费用)(?:共计|合计|收取|为|计|共)?(?:人民币)?\s*" + NUMBER + r"\s*元\s*[（(【\[]\s*(?:其中|含|包括)")


def fee_text(doc: JudgmentDocument) -> str:
    """The fee paragraph with the share lines that run on into the next paragraphs."""
    i = doc.fee_paragraph
    text = doc.paragraphs[i]
    for k in range(i + 1, min(i + 4, len(doc.paragraphs))):
        nxt = doc.paragraphs[k].strip()
        if k == doc.appeal_paragraph or not _SHARE_ONLY.match(nxt) or len(nxt) > 120:
            break
        text = text.rstrip() + ("" if text.rstrip().endswith(("；", ";", "。")) else "；") + nxt
    return text


def fee_paragraph_findings(doc: JudgmentDocument) -> list[Finding]:
    """Every self-contradiction of the fee paragraph, as fee_inconsistent errors."""
    if doc.fee_paragraph is None:
        return []
    i, text = doc.fee_paragraph, fee_text(doc)
    out = _total_first(i, text)
    for sentence in _sentences(text):
        out += _sentence_findings(i, sentence)
    return out


def _sentences(text: str) -> list[str]:
    """Sentences split at 。 and ；, a share-only segment joined to the sentence before it."""
    out: list[str] = []
    for seg in re.split(r"[。；;]", text):
        if out and _SHARE_ONLY.match(seg) and not _COST.search(seg):
            out[-1] += "，" + seg
        elif seg.strip():
            out.append(seg)
    return out


def _fmt(v: Decimal) -> str:
    return format(v.normalize(), "f") if v == v.to_integral() else format(v.quantize(CENT), "f")


def _sentence_findings(i: int, sentence: str) -> list[Finding]:
    m = re.search(r"受理费(减半收取|减半)?(?:计|为)?(?:人民币)?\s*" + NUMBER + r"\s*元", sentence)
    if not m:
        return []
    out = []
    fee = to_decimal(m.group(2))
    payable = fee
    half = None if m.group(1) else _HALF.search(sentence, m.end())
    if half and re.search(r"(预交|已交|退还|退回)", sentence[m.end():half.start()]):
        half = None  # 案件受理费50元（原告已预交），减半…: keep it simple, the halving is not next to the fee
    if half:
        halved = to_decimal(half.group(1))
        want = (fee / 2).quantize(CENT, rounding=ROUND_HALF_UP)
        if halved is not None and abs(halved - want) > CENT:
            out.append(Finding("fee_inconsistent", "error", i, snippet(sentence, m.start(), half.end()),
                               f"受理费{_fmt(fee)}元减半应为{_fmt(want)}元，此处写作{_fmt(halved)}元。"))
        payable = halved
    counter = re.search(r"反诉(?:案件)?(?:受理)?费(?:用)?(减半收取)?(?:人民币)?\s*" + NUMBER + r"\s*元"
                        r"(?:[，,]\s*减半收取(?:人民币)?\s*" + NUMBER + r"\s*元)?", sentence)
    if counter and payable is not None and counter.start() > m.start():
        payable += to_decimal(counter.group(3) or counter.group(2)) or 0
    tail = sentence[m.end():]
    if re.search(_OTHER_COSTS, sentence):
        total = _TOTAL.search(sentence)
        others = _other_costs(sentence, m)
        if total:
            stated = to_decimal(total.group(1))
            if others is not None and payable is not None and stated is not None and total.start() > m.start():
                listed = [payable + others, fee + others]
                if not any(abs(x - stated) <= CENT for x in listed):
                    out.append(Finding("fee_inconsistent", "error", i, snippet(sentence, m.start(), total.end()),
                                       f"所列各项费用相加为{_fmt(listed[0])}元，与所写合计{_fmt(stated)}元不一致。"))
            payable = stated
            tail = sentence[total.end():]
        elif others is None:
            return out
        else:
            payable = (payable or Decimal(0)) + others
            tail = sentence[max(c.end() for c in _COST.finditer(sentence)):]
    if re.search(r"(预交|已交|退还|退回|交纳)[^，,]{0,6}\d", tail):
        tail = re.sub(r"[（(][^）)]*[）)]", "", tail)  # （原告已预交3000元） is not a share
    shares = [to_decimal(x) for pattern in _SHARES for x in pattern.findall(tail)]
    if len(shares) >= 2 and payable is not None and None not in shares and abs(sum(shares) - payable) > CENT:
        out.append(Finding("fee_inconsistent", "error", i, snippet(sentence, m.start(), len(sentence)),
                           f"各方负担的费用合计{_fmt(sum(shares))}元，与应收取的{_fmt(payable)}元不一致。"))
    return out


def _other_costs(sentence: str, fee_match: re.Match) -> Decimal | None:
    """The sum of the other costs listed with the fee; None when one is named without a figure."""
    total = Decimal(0)
    named = list(re.finditer(_OTHER_COSTS, sentence))
    figures = [c for c in _COST.finditer(sentence) if c.start() != fee_match.start() and "受理费" not in c.group(0)]
    if len(figures) != len(named):
        return None
    for c in figures:
        value = to_decimal(c.group(1))
        if value is None:
            return None
        total += value
    return total


def _total_first(i: int, text: str) -> list[Finding]:
    """诉讼费1414元（其中案件受理费730元、诉讼保全费684元）: the parts add up to the total."""
    out = []
    for m in _TOTAL_FIRST.finditer(text):
        close = re.search(r"[）)】\]]", text[m.end():])
        if not close:
            continue
        inner = text[m.end():m.end() + close.start()]
        inner = re.sub(r"[（(][^）)]*$", "", inner)
        parts = [to_decimal(c.group(1)) for c in _COST.finditer(inner)]
        if len(parts) < 2 or None in parts or len(parts) != len(re.findall(r"费", inner)):
            continue
        stated = to_decimal(m.group(1))
        if stated is not None and abs(sum(parts) - stated) > CENT:
            out.append(Finding("fee_inconsistent", "error", i, snippet(text, m.start(), m.end() + close.end()),
                               f"其中所列各项费用相加为{_fmt(sum(parts))}元，与所写{_fmt(stated)}元不一致。"))
    return out
