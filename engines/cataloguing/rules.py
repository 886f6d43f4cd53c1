"""The court-overridable catalogue rules: categories, their order, title words, thresholds.

The bundled file is resources/catalogue/categories.json; a court passes its own file (same
shape) to override the list, the order or the title words without touching code.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "catalogue"
DEFAULT_RULES = RESOURCE_DIR / "categories.json"
SEED_EXAMPLES = RESOURCE_DIR / "seed_examples.json"


@dataclass(frozen=True)
class Category:
    """One catalogue category as configured."""

    order: float
    code: str
    label: str
    numbered: bool
    titles: tuple[str, ...]
    terms: tuple[str, ...]


@dataclass(frozen=True)
class ConditionalTitle:
    """A title whose category depends on the page's wording (a 公告 that sets a hearing is a
    开庭公告, one that serves a document belongs with the service papers)."""

    title: str
    terms: tuple[str, ...]
    label: str
    reason: str


@dataclass(frozen=True)
class FormSignature:
    """A form recognised without a title by its printed fields (an ID-card copy)."""

    title: str
    label: str
    terms: tuple[str, ...]
    min_hits: int


@dataclass(frozen=True)
class CatalogueRules:
    """All categories (in filing order) plus the title index used to recognise forms."""

    categories: tuple[Category, ...]
    other_label: str
    min_confidence: float
    secondary_titles: tuple[str, ...]
    secondary_reason: str
    source: str
    title_reasons: dict[str, str] = field(default_factory=dict)
    conditional_titles: tuple["ConditionalTitle", ...] = ()
    form_signatures: tuple["FormSignature", ...] = ()
    continuation_codes: frozenset[str] = frozenset()
    continuation_markers: tuple[re.Pattern, ...] = ()

    @functools.cached_property
    def by_label(self) -> dict[str, Category]:
        """Category by its Chinese label."""
        return {c.label: c for c in self.categories}

    @functools.cached_property
    def labels(self) -> tuple[str, ...]:
        """All labels in filing order."""
        return tuple(c.label for c in self.categories)

    @functools.cached_property
    def title_index(self) -> tuple[tuple[str, str], ...]:
        """(title word, label) pairs, longest word first so the most specific title wins."""
        pairs = [(t, c.label) for c in self.categories for t in c.titles]
        pairs += [(t, self.other_label) for t in self.secondary_titles]
        return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))

    def order_of(self, label: str) -> float:
        """Position of ``label`` in the filing order (unknown labels sort last)."""
        cat = self.by_label.get(label)
        return cat.order if cat else 10_000

    def is_numbered(self, label: str) -> bool:
        """Whether pages of this category get an archive page number."""
        cat = self.by_label.get(label)
        return True if cat is None else cat.numbered


@functools.lru_cache(maxsize=8)
def load_rules(path: str | None = None) -> CatalogueRules:
    """Load (and cache) the rules; ``path`` is a court's override file."""
    src = Path(path) if path else DEFAULT_RULES
    data = json.loads(src.read_text(encoding="utf-8"))
    cats = tuple(
        Category(order=float(c["order"]), code=c["code"], label=c["label"], numbered=bool(c.get("numbered", True)),
                 titles=tuple(c.get("titles", ())), terms=tuple(c.get("terms", ())))
        for c in sorted(data["categories"], key=lambda c: float(c["order"]))
    )
    secondary = data.get("secondary_volume", {})
    continuation = data.get("continuation", {})
    return CatalogueRules(
        categories=cats,
        other_label=data.get("other_label", "其他材料"),
        min_confidence=float(data.get("min_confidence", 0.55)),
        secondary_titles=tuple(secondary.get("titles", ())),
        secondary_reason=secondary.get("reason", "副卷材料"),
        source=str(src),
        title_reasons=dict(data.get("title_reasons", {})),
        conditional_titles=tuple(ConditionalTitle(c["title"], tuple(c.get("terms", ())), c["label"], c.get("reason", ""))
                                 for c in data.get("conditional_titles", ())),
        form_signatures=tuple(FormSignature(f["title"], f["label"], tuple(f["terms"]), int(f.get("min_hits", 2)))
                              for f in data.get("form_signatures", ())),
        continuation_codes=frozenset(continuation.get("codes", ())),
        continuation_markers=tuple(re.compile(m) for m in continuation.get("markers", ())),
    )


@functools.lru_cache(maxsize=2)
def load_seed_examples(path: str | None = None) -> dict[str, list[str]]:
    """The hand-written starting examples of the learned text model."""
    data = json.loads(Path(path or SEED_EXAMPLES).read_text(encoding="utf-8"))
    return {k: list(v) for k, v in data["examples"].items()}
