"""Case guards: material brought into a case that names another case is flagged before use.

A dossier, an edited judgment (.docx) or a suggestion that carries a different 案号 than the
case it is being put into is the classic way one case's facts end up in another's judgment.
The services call :func:`foreign_case_numbers` on the text they are about to store and raise
:class:`ForeignCaseData` unless the person has already confirmed (``allow_foreign=True``); the
widgets ask and retry. Confirmed imports are audited with the foreign numbers.
"""
from __future__ import annotations

from engines.casenumber import find_case_numbers, try_parse_case_number


class ForeignCaseData(ValueError):
    """The material names another case; ``numbers`` are the foreign 案号 found."""

    def __init__(self, message: str, numbers: list[str]) -> None:
        super().__init__(message)
        self.numbers = numbers


def canonical(number: str) -> str:
    """The canonical form of a 案号 (full-width brackets), or the stripped text when it does not parse."""
    parsed = try_parse_case_number(number or "")
    return str(parsed) if parsed is not None else (number or "").strip()


def foreign_case_numbers(text: str, case_number: str) -> list[str]:
    """Valid 案号 in ``text`` that are not ``case_number`` (canonical, in order, once each).

    Only numbers that parse as a 案号 count, and numbers of the same year and court that only
    cite an earlier instance still count: the person is asked, not overruled.
    """
    own = canonical(case_number)
    found = []
    for _offset, raw in find_case_numbers(text or ""):
        parsed = try_parse_case_number(raw)
        if parsed is not None and str(parsed) != own and str(parsed) not in found:
            found.append(str(parsed))
    return found


def check_material(text: str, case_number: str, what: str, allow_foreign: bool) -> list[str]:
    """Raise :class:`ForeignCaseData` when ``text`` names another case (unless allowed); the numbers."""
    numbers = foreign_case_numbers(text, case_number)
    if numbers and not allow_foreign:
        shown = "、".join(numbers[:3]) + ("等" if len(numbers) > 3 else "")
        raise ForeignCaseData(f"{what}中出现其他案件的案号：{shown}（本案为 {canonical(case_number)}）。"
                              "可能混入了他案材料，请核实后再决定是否使用。", numbers)
    return numbers


def case_number(ctx, case_id: int) -> str:
    """The stored 案号 of a case (the caller has checked access)."""
    return ctx.store.query("SELECT case_number FROM cases WHERE id = ?", (case_id,))[0]["case_number"]
