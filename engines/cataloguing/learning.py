"""Learning from the clerk's corrections.

A correction records what the clerk said about one page: its right category, and/or whether
it starts a new document. Corrections are plain data (the application keeps them in its
store; the command line in a JSON file). From them :class:`Knowledge` builds
- learned titles: the page's heading now means the corrected category (the same court's
  forms are recognised next time, ahead of the built-in title words);
- learned boundaries (see below);
- extra training text for the naive Bayes model (weighted above the seed examples).

What one correction may teach beyond its own case
-------------------------------------------------
Corrections are kept court-wide, so a single drag in one dossier changes the next result in
every other one. A court can only trust that if a lesson is reused where the *same evidence*
repeats, and never where it merely resembles. So:

- Inside its own case a boundary decision is not a lesson at all: the application pins it on
  the page itself (:attr:`engines.cataloguing.split.SplitPage.pinned`), which works for any
  page, with or without text, and beats everything learnt.
- A boundary lesson is a pair: the page's heading (its title, or its first line when it has
  none) *and* the title of the document it followed (``after_title``). It is reused only when
  a page with the same heading follows a document with the same title, e.g. a "律师事务所函"
  dragged into the "授权委托书" before it is joined to it in the next dossier too, while a
  "律师事务所函" after any other document, and any other form after a "授权委托书", is left
  to the rules. Learning "this heading never starts a document" on its own is what used to
  merge an unrelated 授权委托书 or 送货单 into whatever came before it, court-wide.
- Old corrections without ``after_title`` (and command-line corrections files) still teach
  "a page with this heading starts a document" everywhere, because a wrong split never hides a
  document from the 卷内目录, but their "continues the document before" is not reused (only
  the pins of their own case keep it).
- A page dragged into another document gets that document's category, but that says where
  the page belongs, not what its form is called: such a category correction (it carries
  ``after_title``) teaches no title. Its page text trains the model only when the page had no
  title of its own; otherwise the pair lesson above places the same form next time, and the
  pipeline gives the joined page its document's category.
- A page with no heading and no text teaches nothing court-wide (there is no evidence to
  recognise it by), but the correction is still stored and audited, and pinned in its case.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from engines.cataloguing.rules import CatalogueRules, load_seed_examples
from engines.cataloguing.textmodel import TextModel
from engines.cataloguing.textnorm import compact
from engines.common import InputError

CORRECTION_WEIGHT = 3


@dataclass
class Correction:
    """One correction by a person. ``heading`` is the page's heading as the engine saw it."""

    category: str | None
    page_text: str = ""
    heading: str = ""
    starts_document: bool | None = None
    after_title: str = ""  # title of the document the page followed when corrected (the lesson's context)
    file: str = ""
    page: int = 0
    by: str = ""
    at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))


class Knowledge:
    """Rules learnt from corrections plus the text model trained with them."""

    def __init__(self, rules: CatalogueRules, corrections: list[Correction] | None = None) -> None:
        self.rules = rules
        self.corrections = list(corrections or [])
        self.titles: dict[str, str] = {}
        # Boundary lessons: (page heading, title of the document before) -> starts a document.
        self.boundaries: dict[tuple[str, str], bool] = {}
        # Headings learnt (by old-style corrections) to start a document wherever they appear.
        self.start_headings: set[str] = set()
        self.model = TextModel()
        self._train()

    def _train(self) -> None:
        for label, texts in load_seed_examples().items():
            if label in self.rules.by_label:
                for text in texts:
                    self.model.add(label, text)
        for cat in self.rules.categories:
            # Title and term words are strong, short evidence: add them as their own text.
            if cat.titles or cat.terms:
                self.model.add(cat.label, " ".join(cat.titles + cat.terms), weight=2)
        for c in self.corrections:
            key = compact(c.heading)
            after = compact(c.after_title)
            if c.category:
                if c.category not in self.rules.by_label:
                    raise InputError("更正中的类别不在归目类别表中", c.category)
                # A category taken from the document a page was dragged into (``after_title``
                # set) says where the page belongs, not what its form is called.
                if key and not after:
                    self.titles[key] = c.category
                if c.page_text and not (after and key):
                    self.model.add(c.category, c.page_text, weight=CORRECTION_WEIGHT)
            if c.starts_document is None or not key:
                continue
            if after:
                self.boundaries[(key, after)] = c.starts_document
            elif c.starts_document:
                self.start_headings.add(key)
            # An old-style "continues the document before" without its context is not reused.

    def boundary_lesson(self, heading: str, after_title: str) -> bool | None:
        """What the corrections say about a page with ``heading`` (its title, else its first
        line) that follows a document titled ``after_title``: True starts a document, False
        continues it, None when no correction saw this evidence."""
        key = compact(heading)
        if not key:
            return None
        lesson = self.boundaries.get((key, compact(after_title)))
        if lesson is not None:
            return lesson
        return True if key in self.start_headings else None

    @property
    def model_description(self) -> str:
        """Name, version and training size, for the 'why' of every model-made label."""
        return f"{self.model.name} v{self.model.version}（{self.model.examples} 段训练文本，其中更正 {len(self.corrections)} 条）"


def load_corrections(path: str | Path) -> list[Correction]:
    """Read corrections from a JSON file (a missing file means none yet)."""
    p = Path(path)
    if not p.exists():
        return []
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return [Correction(**item) for item in data.get("corrections", [])]
    except (ValueError, TypeError) as exc:
        raise InputError("更正记录文件格式错误", str(p)) from exc


def save_corrections(path: str | Path, corrections: list[Correction]) -> None:
    """Write corrections atomically (temporary file, then rename)."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps({"version": 1, "corrections": [asdict(c) for c in corrections]}, ensure_ascii=False, indent=1)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=p.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(payload)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, p)
