"""Group labelled pages into documents.

A document starts at: the first page of each input file; a page with its own title (a form
repeated page after page, such as two 传票, gives two documents); a page whose category
differs from the running document; a page whose own footer says it is page 1. A page
continues the running document when it has no title, or repeats the title with a footer
page number above 1. Cover, 卷内目录 and 备考表 are one document however many pages they have.
A clerk's boundary correction (learnt per heading) overrides all of this.
"""
from __future__ import annotations

from dataclasses import dataclass

from engines.cataloguing.classify import PageDecision
from engines.cataloguing.learning import Knowledge
from engines.cataloguing.results import Document
from engines.cataloguing.textnorm import compact

SINGLE_DOCUMENT_CODES = {"cover", "toc", "remarks"}


@dataclass
class SplitPage:
    """What the splitter needs to know about one page."""

    page: int
    file: str
    decision: PageDecision
    first_line: str = ""
    pinned: bool | None = None  # the clerk's decision for this page in its case: starts a document or not

    @property
    def key(self) -> str:
        """What a boundary lesson recognises the page by: its title, else its first line."""
        return page_key(self.decision.heading.text if self.decision.heading else "", self.first_line)


def page_key(title: str, first_line: str) -> str:
    """The heading a boundary lesson is keyed on ('' for a page without title and text)."""
    return compact(title) or compact(first_line)


def _starts_document(sp: SplitPage, prev: SplitPage | None, current: Document | None, knowledge: Knowledge) -> bool:
    if prev is None or current is None:
        return True
    if sp.pinned is not None:
        return sp.pinned
    if sp.file != prev.file:
        return True
    d = sp.decision
    lesson = knowledge.boundary_lesson(sp.key, current.title)
    if lesson is not None:
        return lesson
    cat = knowledge.rules.by_label.get(d.category)
    same = d.category == current.category
    if same and cat is not None and cat.code in SINGLE_DOCUMENT_CODES:
        return False
    if not same:
        return True
    if d.heading is not None:
        repeated = d.footer is not None and d.footer[0] > 1 and compact(d.heading.text) == compact(current.title)
        return not repeated
    return d.footer is not None and d.footer[0] == 1


def split_documents(pages: list[SplitPage], knowledge: Knowledge) -> list[Document]:
    """Documents in page order, covering every page exactly once."""
    docs: list[Document] = []
    prev: SplitPage | None = None
    for sp in pages:
        current = docs[-1] if docs else None
        d = sp.decision
        if _starts_document(sp, prev, current, knowledge):
            cat = knowledge.rules.by_label.get(d.category)
            if cat is not None and cat.code == "cover":
                title = cat.label
            else:
                title = d.heading.text if d.heading else d.category
            docs.append(Document(d.category, title, sp.page, sp.page, d.confidence, d.needs_review))
        else:
            current.end_page = sp.page
            current.confidence = min(current.confidence, d.confidence)
            current.needs_review = current.needs_review or d.needs_review
        prev = sp
    return docs
