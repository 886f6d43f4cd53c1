"""A review finding as a person reads it, in the UI's language (issue 14 item 9).

A finding's ``message`` is Chinese (engines/drafting/review writes it, one sentence per rule).
Until every rule's sentence has its own English, the English UI shows the rule's English
label followed by the quoted words the finding relies on, and keeps the Chinese explanation
as secondary text (a tooltip). The English labels are the translators' glossary
(resources/i18n/glossary_en.json), the same that translates RULE_LABELS in the widgets, so a
label is translated once. Services (signing) and widgets (the drafting tab) both use this.
"""
from __future__ import annotations

import functools
import json

from app import messages, paths
from engines.drafting.review.findings import RULE_LABELS


@functools.lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    try:
        return json.loads(paths.resource("i18n", "glossary_en.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):  # a damaged install still shows the Chinese label
        return {}


def rule_label(rule: str, language: str | None = None) -> str:
    """The rule's label in ``language`` (default: the UI's); the rule id if it has none."""
    label = RULE_LABELS.get(rule, rule)
    if (language or messages.language()) == "en":
        return _glossary().get(label, label)
    return label


def finding_text(finding: dict, language: str | None = None) -> str:
    """What a finding says: its Chinese message, or in English its rule's label and the quote."""
    if (language or messages.language()) != "en":
        return str(finding.get("message", ""))
    label = rule_label(str(finding.get("rule", "")), "en")
    quote = str(finding.get("text", "")).strip()
    return f"{label}: \u201c{quote}\u201d" if quote else label


def finding_detail(finding: dict, language: str | None = None) -> str:
    """The secondary text of a finding: the quote in Chinese, the Chinese explanation in English."""
    if (language or messages.language()) != "en":
        return f"“{finding.get('text', '')}”"
    return str(finding.get("message", ""))
