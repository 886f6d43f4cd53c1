"""Review findings as read in the UI's language: the English label and the quote (issue 14 item 9)."""
from __future__ import annotations

import json

from app import messages, review_text
from app.paths import resource
from engines.drafting.review.findings import RULE_LABELS

FINDING = {"rule": "fee_schedule", "severity": "error", "paragraph": 7, "text": "案件受理费100元",
           "message": "受理费应为 50 元"}


def test_chinese_keeps_the_rules_own_message():
    assert review_text.finding_text(FINDING) == "受理费应为 50 元"
    assert review_text.rule_label("fee_schedule") == "受理费与收费标准不符"
    assert str(messages.Message("sign.finding", number=7, message=review_text.finding_text(FINDING))) == \
        "第7段：受理费应为 50 元"


def test_english_shows_the_label_and_the_quote():
    messages.set_language("en")
    assert review_text.finding_text(FINDING) == "Court fee differs from the fee schedule: \u201c案件受理费100元\u201d"
    assert review_text.finding_detail(FINDING) == "受理费应为 50 元"
    assert review_text.finding_text({"rule": "unknown_rule", "text": ""}) == "unknown_rule"


def test_every_rule_has_an_english_label():
    glossary = json.loads(resource("i18n", "glossary_en.json").read_text(encoding="utf-8"))
    assert all(label in glossary for label in RULE_LABELS.values())
