"""Learning from the clerk's corrections.

A correction records what the clerk said about one page: its right category, and/or whether
it starts a new document. Corrections are plain data (the application keeps them in its
store; the command line in a JSON file). From them :class:`Knowledge` builds
- learned titles: the page's heading now means the corrected category (the same court's
  forms are recognised next time, ahead of the built-in title words);
- learned boundaries: a page with that heading does / does not start a document;
- extra training text for the naive Bayes model (weighted above the seed examples).
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
        self.boundaries: dict[str, bool] = {}
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
            if c.category:
                if c.category not in self.rules.by_label:
                    raise InputError("更正中的类别不在归目类别表中", c.category)
                if key:
                    self.titles[key] = c.category
                if c.page_text:
                    self.model.add(c.category, c.page_text, weight=CORRECTION_WEIGHT)
            if c.starts_document is not None and key:
                self.boundaries[key] = c.starts_document

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
