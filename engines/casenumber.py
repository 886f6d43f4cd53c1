"""案号 (case number) parsing, validation and normalisation.

The grammar follows shared/domain/case-number.md:
``（年度）法院代字[专门审判代字]类型代字 序号 号``.  The list of type codes and province
abbreviations is a resource (resources/case_number/type_codes.json) so a court can extend it.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

RESOURCE = Path(__file__).resolve().parents[1] / "resources" / "case_number" / "type_codes.json"

_HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", "〔": "（", "〕": "）", "[": "（", "]": "）"})
_SPACES = re.compile(r"[\s\u3000]+")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


@dataclass(frozen=True)
class CaseNumberRules:
    """Type codes (code -> case type) and court-code prefixes loaded from the resource file."""

    type_codes: dict[str, str]
    provinces: tuple[str, ...]
    special_court_codes: dict[str, str]


@functools.lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> CaseNumberRules:
    """Load (and cache) the 案号 rules; ``path`` overrides the bundled resource."""
    data = json.loads(Path(path or RESOURCE).read_text(encoding="utf-8"))
    return CaseNumberRules(
        type_codes=dict(data["type_codes"]),
        provinces=tuple(data["provinces"]),
        special_court_codes=dict(data.get("special_court_codes", {})),
    )


@dataclass(frozen=True)
class CaseNumber:
    """A parsed 案号. ``str()`` gives the normalised form with full-width brackets."""

    year: int
    court_code: str
    special_code: str
    type_code: str
    sequence: int

    @property
    def case_type(self) -> str:
        """The case type that follows from the type code, e.g. 民初 -> 民事一审."""
        return load_rules().type_codes.get(self.type_code, "")

    @property
    def is_supreme(self) -> bool:
        """True for the Supreme People's Court (最高法)."""
        return self.court_code == "最高法"

    def __str__(self) -> str:
        return f"（{self.year}）{self.court_code}{self.special_code}{self.type_code}{self.sequence}号"


class CaseNumberError(ValueError):
    """A 案号 that does not parse; ``str(exc)`` is a Chinese explanation of what is wrong."""


def _pre_normalise(text: str) -> str:
    return _SPACES.sub("", text.translate(_HALF_TO_FULL).translate(_FULLWIDTH_DIGITS))


def parse_case_number(text: str, rules: CaseNumberRules | None = None) -> CaseNumber:
    """Parse ``text`` into a :class:`CaseNumber` or raise :class:`CaseNumberError`.

    Half-width brackets, 〔〕 and spaces are accepted and normalised. The type code must be
    one in the rules; at most one 专门审判代字 may stand between court code and type code.
    """
    rules = rules or load_rules()
    raw = _pre_normalise(text or "")
    if not raw:
        raise CaseNumberError("案号为空")
    m = re.match(r"^（(\d{4})）(.+)$", raw)
    if not m:
        raise CaseNumberError("案号应以带括号的四位收案年度开头，如（2024）")
    year = int(m.group(1))
    if not 1949 <= year <= 2100:
        raise CaseNumberError(f"收案年度 {year} 不合理")
    rest = m.group(2)
    if not rest.endswith("号"):
        raise CaseNumberError("案号应以“号”结尾")
    rest = rest[:-1]
    if "字第" in rest or rest.endswith("字"):
        raise CaseNumberError("“字第…号”是2016年以前的旧式案号，现行案号不含“字第”")
    sm = re.match(r"^(.*?)(\d+)$", rest)
    if not sm or not sm.group(1):
        raise CaseNumberError("案号缺少案件编号（序号）")
    head, seq = sm.group(1), int(sm.group(2))
    if seq <= 0:
        raise CaseNumberError("案件编号应为正整数")
    # Court code: 最高法, or province + optional 2/4 digits.
    if head.startswith("最高法"):
        court, tail = "最高法", head[3:]
    else:
        cm = re.match(r"^([\u4e00-\u9fff])(\d{4}|\d{2})?(.*)$", head)
        if not cm or cm.group(1) not in rules.provinces:
            raise CaseNumberError("法院代字无法识别（应为“最高法”或省级简称加数字，如京0105）")
        court, tail = cm.group(1) + (cm.group(2) or ""), cm.group(3)
    if not tail:
        raise CaseNumberError("案号缺少类型代字（如民初、民终、执）")
    if tail in rules.type_codes:
        special, type_code = "", tail
    elif len(tail) >= 2 and tail[1:] in rules.type_codes:
        special, type_code = tail[0], tail[1:]
    else:
        raise CaseNumberError(f"类型代字“{tail}”不存在")
    return CaseNumber(year=year, court_code=court, special_code=special, type_code=type_code, sequence=seq)


def normalise_case_number(text: str) -> str:
    """Return the canonical form of a valid 案号 (full-width brackets), or raise CaseNumberError."""
    return str(parse_case_number(text))


def try_parse_case_number(text: str) -> CaseNumber | None:
    """Like :func:`parse_case_number` but returns None instead of raising."""
    try:
        return parse_case_number(text)
    except CaseNumberError:
        return None


# Loose pattern for finding candidate 案号 in running text (then validated with parse).
CASE_NUMBER_IN_TEXT = re.compile(
    r"[（(〔\[]\s*\d{4}\s*[）)〕\]]\s*[\u4e00-\u9fff]{1,3}\d{0,4}[\u4e00-\u9fff]{1,4}\s*\d+\s*号?"
)


def find_case_numbers(text: str) -> list[tuple[int, str]]:
    """Find 案号-like strings in ``text``: (offset, raw string) for every candidate."""
    return [(m.start(), m.group(0)) for m in CASE_NUMBER_IN_TEXT.finditer(text or "")]
