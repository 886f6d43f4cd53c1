"""Service messages come from one catalogue with Chinese and English for every id, rendered in
the UI's language when they are shown (issue 14 item 9)."""
from __future__ import annotations

import re

import pytest

from app import messages
from app.messages import CATALOGUE, Message, Term, joined


def test_every_message_has_both_languages_with_the_same_parameters():
    for key, (zh, en) in CATALOGUE.items():
        assert zh and en, key
        assert set(re.findall(r"{(\w+)}", zh)) == set(re.findall(r"{(\w+)}", en)), key
        assert not re.search(r"[\u4e00-\u9fff]", en.format(**{n: "" for n in re.findall(r"{(\w+)}", en)})), key


def test_a_message_renders_in_the_language_chosen_when_shown():
    message = Message("case.status_invalid", choices=[Term("审理中"), Term("已结案")])
    error = ValueError(message)
    assert str(error) == "状态应为 审理中、已结案 之一"
    messages.set_language("en")
    assert str(error) == "The status must be one of pending, closed"
    assert str(joined(Message("guard.more", count=2), Message("guard.advice"))).startswith("2 more differences. It may")
    messages.set_language("zh_CN")
    assert messages.language() == "zh_CN"


def test_an_unknown_id_is_a_programming_error():
    with pytest.raises(KeyError):
        Message("no.such.message")
