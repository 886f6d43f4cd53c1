"""Chinese numerals for signature dates and capital amounts."""
import datetime as dt
from decimal import Decimal

import pytest

from engines.drafting.numerals import (
    amount_to_capital,
    capital_to_decimal,
    date_to_chinese,
    parse_chinese_date,
    to_decimal,
)


@pytest.mark.parametrize("day, text", [
    (dt.date(2024, 3, 5), "二〇二四年三月五日"),
    (dt.date(2023, 11, 21), "二〇二三年十一月二十一日"),
    (dt.date(2020, 10, 30), "二〇二〇年十月三十日"),
    (dt.date(2024, 1, 10), "二〇二四年一月十日"),
])
def test_signature_dates_round_trip(day, text):
    assert date_to_chinese(day) == text
    assert parse_chinese_date(text) == (day.year, day.month, day.day)


@pytest.mark.parametrize("text", ["二〇二四年1月2日", "2024年1月2日", "二〇二四年一月", "二〇二四年十三十月一日"])
def test_partly_arabic_or_malformed_dates_are_not_chinese(text):
    assert parse_chinese_date(text) is None


@pytest.mark.parametrize("amount, capital", [
    ("50000", "伍万元整"),
    ("85000", "捌万伍仟元整"),
    ("1931.51", "壹仟玖佰叁拾壹元伍角壹分"),
    ("100005", "壹拾万零伍元整"),
])
def test_capital_amounts_both_ways(amount, capital):
    assert amount_to_capital(amount) == capital
    assert capital_to_decimal("人民币" + capital) == Decimal(amount)


def test_figures_with_separators_and_cents():
    assert to_decimal("29,200") == Decimal("29200")
    assert to_decimal("38719.31") == Decimal("38719.31")
    assert capital_to_decimal("不是金额") is None
