"""案号 grammar: accepted shapes, normalisation, and clear refusals."""
from __future__ import annotations

import pytest

from engines.casenumber import CaseNumberError, find_case_numbers, normalise_case_number, parse_case_number


@pytest.mark.parametrize("text,normal,case_type", [
    ("（2024）京0105民初12345号", "（2024）京0105民初12345号", "民事一审"),
    ("(2017)京04民终367号", "（2017）京04民终367号", "民事二审"),
    ("（2023）最高法民申1024号", "（2023）最高法民申1024号", "民事申请再审审查"),
    ("( 2024 ) 沪0115执3301号", "（2024）沪0115执3301号", "执行实施"),
    ("（2024）京73知民初1号", "（2024）京73知民初1号", "民事一审"),
    ("〔2022〕粤0304民辖终5号", "（2022）粤0304民辖终5号", "管辖上诉"),
])
def test_valid_numbers_normalise(text, normal, case_type):
    parsed = parse_case_number(text)
    assert str(parsed) == normal == normalise_case_number(text)
    assert parsed.case_type == case_type


@pytest.mark.parametrize("text,words", [
    ("", "为空"),
    ("2024京0105民初1号", "年度"),
    ("（2024）京0105民初12345", "号"),
    ("（2024）京0105民初字第12号", "字第"),
    ("（2024）京0105民审1号", "民审"),
    ("（2024）京0105民初终1号", "不存在"),
    ("（2024）Q0105民初1号", "法院代字"),
    ("（2024）京0105民初号", "编号"),
])
def test_invalid_numbers_explain_why(text, words):
    with pytest.raises(CaseNumberError) as info:
        parse_case_number(text)
    assert words in str(info.value)


def test_find_case_numbers_in_running_text():
    text = "原告诉至本院，案号为（2024）京0105民初12345号，前案(2023)京0105民初9号已撤诉。"
    found = [raw for _, raw in find_case_numbers(text)]
    assert [normalise_case_number(x) for x in found] == ["（2024）京0105民初12345号", "（2023）京0105民初9号"]
