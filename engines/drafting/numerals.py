"""Chinese numerals as used in court documents: signature dates and capital amounts.

Signature dates are written 二〇二四年三月五日 (〇 for zero, 十/二十 for month and day);
amounts in capital form are 人民币伍万元整. cn2an does the amount conversions; the date
forms are small enough to write out here, because cn2an's "direct" mode writes 零, not 〇.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import cn2an

_DIGITS = "〇一二三四五六七八九"
_YEAR_DIGIT_VALUES = {c: i for i, c in enumerate(_DIGITS)} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
_SMALL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

CAPITAL_CHARS = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正"


def small_number_cn(n: int) -> str:
    """1..31 as written in dates: 一, 十, 十一, 二十, 三十一."""
    if not 1 <= n <= 99:
        raise ValueError(f"out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return _DIGITS[ones]
    head = "" if tens == 1 else _DIGITS[tens]
    return head + "十" + (_DIGITS[ones] if ones else "")


def date_to_chinese(date: _dt.date) -> str:
    """``2024-03-05`` -> ``二〇二四年三月五日`` (the form used in the signature block)."""
    year = "".join(_DIGITS[int(d)] for d in f"{date.year:04d}")
    return f"{year}年{small_number_cn(date.month)}月{small_number_cn(date.day)}日"


def parse_small_number_cn(text: str) -> int | None:
    """Inverse of :func:`small_number_cn` (also accepts 〇-less forms like 廿); None if not one."""
    if not text:
        return None
    if text.isdigit():
        return None
    if "十" in text:
        head, _, tail = text.partition("十")
        if len(head) > 1 or len(tail) > 1:
            return None
        tens = 1 if not head else _SMALL.get(head)
        ones = 0 if not tail else _SMALL.get(tail)
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(text) == 1 and text in _SMALL:
        return _SMALL[text]
    return None


def parse_year_cn(text: str) -> int | None:
    """``二〇二四`` -> 2024; None when any character is not a Chinese digit."""
    if len(text) != 4 or any(c not in _YEAR_DIGIT_VALUES for c in text):
        return None
    return int("".join(str(_YEAR_DIGIT_VALUES[c]) for c in text))


def to_decimal(text: str) -> Decimal | None:
    """Parse an Arabic amount such as ``29,200`` or ``38719.31`` (commas, full-width digits)."""
    cleaned = text.translate(str.maketrans("０１２３４５６７８９．，", "0123456789.,")).replace(",", "")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def amount_to_capital(amount: Decimal | int | float | str) -> str:
    """``50000`` -> ``伍万元整``; ``1931.51`` -> ``壹仟玖佰叁拾壹元伍角壹分``."""
    value = Decimal(str(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(value, "f")
    if text.endswith(".00"):
        text = text[:-3]
    return cn2an.an2cn(text, "rmb")


_CAPITAL_DIGITS = {"零": 0, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}


def capital_to_decimal(text: str) -> Decimal | None:
    """``人民币捌万伍仟元整`` -> 85000; ``壹元伍角`` -> 1.5. None if it is not a capital amount."""
    body = text.strip()
    for prefix in ("人民币", "￥", "¥"):
        if body.startswith(prefix):
            body = body[len(prefix):]
    body = body.rstrip("整正")
    if not body:
        return None
    m = re.fullmatch(r"(?:(.+?)[元圆])?(?:([零壹贰叁肆伍陆柒捌玖])角)?(?:([零壹贰叁肆伍陆柒捌玖])分)?", body)
    if not m or not any(m.groups()):
        return None
    yuan_text, jiao, fen = m.groups()
    total = Decimal(0)
    if yuan_text:
        yuan_text = yuan_text.rstrip("零") or "零"
        try:
            total += Decimal(int(cn2an.cn2an(yuan_text, "normal")))
        except (ValueError, KeyError, IndexError):
            return None
    if jiao:
        total += Decimal(_CAPITAL_DIGITS[jiao]) / 10
    if fen:
        total += Decimal(_CAPITAL_DIGITS[fen]) / 100
    return total


def parse_chinese_date(text: str) -> tuple[int, int, int] | None:
    """``二〇二四年一月二日`` -> (2024, 1, 2). Returns None when not entirely Chinese numerals."""
    m = re.fullmatch(r"\s*(\S{4})年(\S{1,3})月(\S{1,3})日\s*", text)
    if not m:
        return None
    year = parse_year_cn(m.group(1))
    month = parse_small_number_cn(m.group(2))
    day = parse_small_number_cn(m.group(3))
    if year is None or month is None or day is None:
        return None
    return year, month, day
