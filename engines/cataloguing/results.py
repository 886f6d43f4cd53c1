"""Dataclasses the cataloguing engine returns (they serialise with ``to_jsonable``)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageLabel:
    """The machine label of one page. ``page`` counts 1..N across all input files."""

    page: int
    file: str
    category: str
    confidence: float
    reason: str
    file_page: int = 1
    scanned: bool = False
    title: str = ""
    needs_review: bool = False
    source: str = ""  # "title", "model", "continuation", "learned"
    machine_made: bool = True


@dataclass
class Document:
    """A run of consecutive pages that forms one document, in page order."""

    category: str
    title: str
    start_page: int
    end_page: int
    confidence: float = 1.0
    needs_review: bool = False


@dataclass
class TocRow:
    """One row of the 卷内目录 in standard order; page numbers are archive numbers."""

    seq: int | None
    title: str
    category: str
    pages: str
    start_number: int | None
    end_number: int | None
    remark: str
    start_page: int
    end_page: int


@dataclass
class FieldValue:
    """One extracted case field: value, where it came from, and how sure the engine is.

    ``pages`` lists every page that gave the chosen value; ``page`` is the one it was taken
    from (the most authoritative of them) and ``origin`` says what was read there
    (e.g. "受理案件通知书 落款日期")."""

    value: Any
    pages: list[int]
    confidence: float
    source: str
    alternatives: list[dict] = field(default_factory=list)
    page: int | None = None
    origin: str = ""


@dataclass
class CaseInfo:
    """Case information found in the dossier (suggestions: a person must accept them)."""

    case_number: str | None = None
    cause: str | None = None
    plaintiffs: list[str] = field(default_factory=list)
    defendants: list[str] = field(default_factory=list)
    filing_date: str | None = None
    claims: list[str] = field(default_factory=list)
    claim_amounts: list[float] = field(default_factory=list)
    agents: list[dict] = field(default_factory=list)
    fields: dict[str, FieldValue] = field(default_factory=dict)
    conflicts: list[dict] = field(default_factory=list)


@dataclass
class FileProblem:
    """An input file that could not be read; the other files are still catalogued."""

    file: str
    message: str


@dataclass
class CatalogueResult:
    """Everything one cataloguing run produces."""

    pages: list[PageLabel]
    documents: list[Document]
    case: CaseInfo
    toc: list[TocRow] = field(default_factory=list)
    errors: list[FileProblem] = field(default_factory=list)
    engine: dict = field(default_factory=dict)
