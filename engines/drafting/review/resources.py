"""Review rule resources (repealed laws, interest article by date, court hierarchy, parts, fees).

They live in resources/review/ as JSON so that a court can correct them without a code
change; a caller may pass another folder (``rules_dir``) for site overrides or tests.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from engines.common import InputError
from engines.drafting.review.fee_schedule import FeeSchedule

DEFAULT_RULES_DIR = Path(__file__).resolve().parents[3] / "resources" / "review"


@dataclass(frozen=True)
class RepealedLaw:
    """A law with the day it stopped applying and the law that replaced it."""

    title: str
    short: tuple[str, ...]
    repealed: _dt.date
    replaced_by: str


@dataclass(frozen=True)
class ReviewRules:
    """Everything the review checks read from resources."""

    repealed_laws: tuple[RepealedLaw, ...]
    temporal_markers: tuple[str, ...]
    interest_law: str
    interest_periods: tuple[tuple[_dt.date, _dt.date, str], ...]
    citation: dict
    courts: dict
    document_parts: dict
    fee_schedule: FeeSchedule

    def interest_article_on(self, day: _dt.date) -> str | None:
        """The 迟延履行 interest article in force on ``day`` (None before the first period)."""
        for start, end, article in self.interest_periods:
            if start <= day <= end:
                return article
        return None

    def repealed_by_title(self, title: str) -> RepealedLaw | None:
        """Find a repealed law by its full or short title."""
        for law in self.repealed_laws:
            if title == law.title or title in law.short:
                return law
        return None


def _read(folder: Path, name: str) -> dict:
    path = folder / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError("审查规则文件缺失", str(path)) from exc
    except json.JSONDecodeError as exc:
        raise InputError("审查规则文件格式错误", f"{path}: {exc}") from exc


@functools.lru_cache(maxsize=4)
def load_rules(rules_dir: str | None = None) -> ReviewRules:
    """Load and cache the review resources from ``rules_dir`` (default: resources/review)."""
    folder = Path(rules_dir) if rules_dir else DEFAULT_RULES_DIR
    repealed = _read(folder, "repealed_laws.json")
    interest = _read(folder, "interest_article.json")
    day = _dt.date.fromisoformat
    return ReviewRules(
        repealed_laws=tuple(
            RepealedLaw(x["title"], tuple(x.get("short", [])), day(x["repealed"]), x.get("replaced_by", ""))
            for x in repealed["laws"]
        ),
        temporal_markers=tuple(repealed.get("temporal_effect_markers", [])),
        interest_law=interest["law"],
        interest_periods=tuple((day(p["from"]), day(p["to"]), p["article"]) for p in interest["periods"]),
        citation=_read(folder, "citation_style.json"),
        courts=_read(folder, "courts.json"),
        document_parts=_read(folder, "document_parts.json"),
        fee_schedule=_fee_schedule(folder),
    )


def _fee_schedule(folder: Path) -> FeeSchedule:
    data = _read(folder, "fee_schedule.json")
    try:
        return FeeSchedule.from_json(data)
    except (KeyError, TypeError, ArithmeticError) as exc:  # decimal.InvalidOperation is an ArithmeticError
        raise InputError("审查规则文件格式错误", f"{folder / 'fee_schedule.json'}: {exc}") from exc
