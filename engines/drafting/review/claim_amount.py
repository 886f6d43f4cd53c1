"""The amount in dispute (诉讼标的额) read from 诉讼请求 text, only when it is unambiguous.

``claim_amount(text)`` returns a :class:`ClaimAmount` or None. None means "cannot be told with
confidence", and the fee check then says nothing; so every doubtful wording returns None
rather than a guess:

- explicit sums of money claimed (Arabic or Chinese numerals, 元/万元) are added up;
- interest or penalties given only as a rate (…按年利率6%计算至实际清偿之日) add nothing, and
  the principal they are computed on (以80000元为基数) is not counted twice;
- interest accrued up to a date (截至2023年10月5日为5260.27元) is kept apart as ``accrued``,
  because courts may or may not include it in the amount the fee is computed on;
- a stated total (合计…元) must equal the items before it, a capital form and its figure
  count once, and the 诉讼费 allocation item is ignored;
- vague (约、余), periodic (每月3000元), alternative (或) and non-monetary claims (解除合同,
  返还房屋, 优先受偿) and any 元 that could not be read make the amount undeterminable.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from engines.drafting.numerals import capital_to_decimal, to_decimal

_NUMBER = r"(\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+(?:\.\d{1,2})?)"
_ARABIC = re.compile(r"(?<![\d.,])" + _NUMBER + r"\s*(万元|元)")
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"
_CHINESE = re.compile(r"([" + _CN_CHARS + r"]+)(万元|[元圆])(?:([零壹贰叁肆伍陆柒捌玖一二三四五六七八九])角)?"
                      r"(?:([零壹贰叁肆伍陆柒捌玖一二三四五六七八九])分)?[整正]?")
_CAPITAL_ONLY = set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿")
# Money that is not a plain figure followed by 元: a currency sign, 万 without 元 (5万余元),
# foreign currencies. Any of these means an amount we could not read.
_UNREAD_MONEY = re.compile(r"[¥￥$]|\d\s*万(?!元)|美元|港元|欧元|日元|英镑")
_SAME_AMOUNT_GAP = re.compile(r"^\s*[（(]\s*(?:小写|大写)?[：:]?\s*(?:人民币)?\s*[¥￥]?\s*$")

_CLAUSE_PUNCT = "，,；;：:（(）)。、"
_ITEM_SPLIT = re.compile(r"[；;。]|[，,](?=\s*\d{1,2}[.．、](?!\d))")
# A clause boundary inside an item, used to find claims without any amount (解除合同并…).
_SUB_CLAUSE = re.compile(r"[，,、]|并(?=[\u4e00-\u9fff])|及(?=[\u4e00-\u9fff])")
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]、)")

_COST = re.compile(r"(诉讼费|受理费|保全费|保全申请费|公告费|保全担保费|财产保全)")
_COST_VERB = re.compile(r"(负担|承担|由)")
_INTEREST = re.compile(r"(利息|违约金|罚息|复利|滞纳金|资金占用|逾期付款损失|逾期损失|迟延履行)")
_BASE_AFTER = re.compile(r"^\s*[）)]?\s*(?:为基数|为本金|为计算基数|为计息基数|作为基数|的基数|为基础|为计算标准|的利息)")
_BASE_BEFORE = re.compile(r"以(?!及|上|下|后|前)[^，,；;以]{0,10}$")
_BASE_WORDS = re.compile(r"(基数|为本金|计算)")
_BASE_THEN_INTEREST = re.compile(r"^\s*(?:自|从)[^，,；;]*?(?:利息|违约金|资金占用|逾期)")
_ACCRUED_BEFORE = re.compile(r"(截至|截止|暂计|暂算|计至|计算至|算至)")
_TOTAL_BEFORE = re.compile(r"(合计|共计|总计|总额为?|累计|共)\s*(?:人民币)?\s*$")
_VAGUE_BEFORE = re.compile(r"(约|近|逾|超过|数|几|大概)\s*(?:人民币)?\s*$")
_VAGUE_AFTER = re.compile(r"^\s*(余|多|左右|以上|以下|上下)")
_PERIODIC_BEFORE = re.compile(r"(每[月日天年期周]|按[月日天年]|(?<!\d)(?:月|日|年)(?:租金|工资|费用)|月付)[^，,；;]{0,6}$")
_PERIODIC_AFTER = re.compile(r"^\s*(?:/|／|每)")
# Claims for something other than money, whose value the fee may include but the text does not state.
_NON_MONEY = re.compile(r"(解除|确认|撤销|返还|交付|交还|腾退|腾空|搬离|搬出|过户|办理|继续履行|停止|排除|消除|"
                        r"赔礼道歉|恢复原状|分割|拍卖|变卖|折价|优先受偿|修复|维修|更换|登记|协助)")

FIXED, ACCRUED, TOTAL, IGNORE = "fixed", "accrued", "total", "ignore"


class Undeterminable(Exception):
    """The claims text does not state the amount in dispute unambiguously."""


@dataclass(frozen=True)
class ClaimAmount:
    """``fixed``: the sums claimed; ``accrued``: interest stated up to a date (may or may not count)."""

    fixed: Decimal
    accrued: Decimal = Decimal(0)

    def bases(self) -> list[Decimal]:
        """The amounts a court may have computed the fee on: without and with the accrued interest."""
        return [self.fixed] + ([self.fixed + self.accrued] if self.accrued else [])


@dataclass
class _Mention:
    start: int
    end: int
    value: Decimal


def claim_amount(text: str) -> ClaimAmount | None:
    """The amount in dispute stated in ``text`` (the claims only), or None when not unambiguous."""
    if not text or not text.strip():
        return None
    try:
        amounts: list[list] = []  # [kind, value] in reading order; a total spans items (以上两项合计)
        run: list[list] = []  # amounts since the last stated total
        for item in _ITEM_SPLIT.split(text):
            for kind, value in _item_amounts(item):
                if kind == TOTAL and run:
                    _check_total(value, run)
                    run = []
                    continue
                entry = [FIXED if kind == TOTAL else kind, value]  # 共计50000元 with nothing before it
                amounts.append(entry)
                run.append(entry)
    except Undeterminable:
        return None
    fixed = sum((v for k, v in amounts if k == FIXED), Decimal(0))
    accrued = sum((v for k, v in amounts if k == ACCRUED), Decimal(0))
    if fixed <= 0:
        return None
    return ClaimAmount(fixed, accrued)


def _item_amounts(item: str) -> list[tuple[str, Decimal]]:
    """(kind, value) of each amount in one claim item; raises Undeterminable on any doubt."""
    item = _NUMBERING.sub("", item, count=1)
    mentions = _mentions(item)
    _check_everything_read(item, mentions)
    interest_item = bool(_INTEREST.search(item))
    kinds = [_kind(item, m, interest_item) for m in mentions]
    if "或" in item and FIXED in kinds:
        raise Undeterminable("alternative figures")
    _check_non_money(item, mentions)
    return [(k, m.value) for m, k in zip(mentions, kinds) if k != IGNORE]


def _mentions(item: str) -> list[_Mention]:
    """Every amount of money in the item, a capital form and its figure merged into one."""
    found = [_Mention(m.start(), m.end(), _arabic_value(m)) for m in _ARABIC.finditer(item)]
    arabic = [(x.start, x.end) for x in found]
    for m in _CHINESE.finditer(item):
        if m.group(1)[0] in "万亿" or any(s < m.end() and m.start() < e for s, e in arabic):
            continue  # the 万元 of 5万元, already read as a figure
        value = _chinese_value(m)
        if value is None:
            raise Undeterminable(f"unreadable amount {m.group(0)}")
        found.append(_Mention(m.start(), m.end(), value))
    found.sort(key=lambda x: x.start)
    merged: list[_Mention] = []
    for m in found:
        if merged and _SAME_AMOUNT_GAP.match(item[merged[-1].end:m.start]):
            # 伍万元整（50000元）: one amount written twice.
            if merged[-1].value != m.value:
                raise Undeterminable("capital form and figure differ")
            merged[-1].end = m.end
            continue
        merged.append(m)
    return merged


def _arabic_value(m: re.Match) -> Decimal:
    value = to_decimal(m.group(1))
    if value is None:
        raise Undeterminable(m.group(0))
    return value * 10000 if m.group(2) == "万元" else value


def _chinese_value(m: re.Match) -> Decimal | None:
    digits, unit, jiao, fen = m.groups()
    if unit == "万元":
        digits += "万"
    if set(digits) <= _CAPITAL_ONLY or any(c in digits for c in "壹贰叁肆伍陆柒捌玖拾佰仟"):
        return capital_to_decimal(m.group(0))
    try:
        value = Decimal(int(cn2an.cn2an(digits, "normal")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    small = "零一二三四五六七八九"
    if jiao:
        value += Decimal(small.index(jiao) if jiao in small else 0) / 10
    if fen:
        value += Decimal(small.index(fen) if fen in small else 0) / 100
    return value


def _check_everything_read(item: str, mentions: list[_Mention]) -> None:
    """Every 元 in the item must belong to an amount we read (else an amount was missed)."""
    covered = [(m.start, m.end) for m in mentions]
    for k, ch in enumerate(item):
        if ch in "元圆" and not any(s <= k < e for s, e in covered):
            raise Undeterminable(f"unread 元 at {k}")
    if _UNREAD_MONEY.search(item):
        raise Undeterminable("money we cannot read")


def _clause_bounds(item: str, start: int, end: int) -> tuple[int, int]:
    lo = max(item.rfind(c, 0, start) for c in _CLAUSE_PUNCT) + 1
    his = [item.find(c, end) for c in _CLAUSE_PUNCT]
    hi = min([h for h in his if h >= 0], default=len(item))
    return lo, hi


def _kind(item: str, m: _Mention, interest_item: bool) -> str:
    """What one amount is: a sum claimed, accrued interest, a total, or not a claim (base, cost)."""
    lo, hi = _clause_bounds(item, m.start, m.end)
    before, after, clause = item[lo:m.start], item[m.end:hi], item[lo:hi]
    if _VAGUE_BEFORE.search(before) or _VAGUE_AFTER.match(item[m.end:]):
        raise Undeterminable("vague amount")
    if _PERIODIC_BEFORE.search(before) or _PERIODIC_AFTER.match(item[m.end:]):
        raise Undeterminable("periodic amount")
    if _COST.search(clause) and _COST_VERB.search(clause):
        return IGNORE
    # 以80000元为基数…: the principal an interest claim is computed on, not a further sum.
    if _BASE_AFTER.match(item[m.end:]) or (_BASE_BEFORE.search(before) and _BASE_WORDS.search(item[m.end:m.end + 30])):
        return IGNORE
    if _BASE_THEN_INTEREST.match(after):
        return IGNORE
    if _TOTAL_BEFORE.search(before):
        return TOTAL
    if interest_item and _ACCRUED_BEFORE.search(before):
        return ACCRUED
    return FIXED


def _check_total(total: Decimal, run: list[list]) -> None:
    """A stated total must be the sum of the amounts just before it (the sum rule reports it otherwise).

    Accrued interest that the claimant added into the total is claimed as a sum: it becomes fixed."""
    values = [v for _, v in run]
    for k in range(len(values)):
        if sum(values[k:]) == total:
            for entry in run[k:]:
                entry[0] = FIXED
            return
    raise Undeterminable("total differs from its items")


def _check_non_money(item: str, mentions: list[_Mention]) -> None:
    """A part of a claim without any amount that asks for something other than money."""
    pos = 0
    for piece in _SUB_CLAUSE.split(item):
        start = item.find(piece, pos)
        end = start + len(piece)
        pos = end
        if any(start <= m.start < end for m in mentions):
            continue
        if _COST.search(piece) or _INTEREST.search(piece):
            continue
        if _NON_MONEY.search(piece):
            raise Undeterminable(f"non-monetary claim: {piece}")
