"""Dossiers in the wording and shapes of real court paperwork (texts written for this project).

The shapes follow what courts really file - e-service notice templates, law-firm pleading
templates, finance-company loan contracts, court-portal forms, judgments and rulings with the
statutes appended, ID-card copies, rows of 送达回证, 公告 of several kinds, 法定代表人证明书 -
but every sentence, name and number here is invented. Two halves: ``dev`` and ``heldout`` use
different seeds AND different template variants (wording and layout families), so a rule
tuned on one half is checked on the other. Each document kind has at least two wordings; the
dev half draws the even ones, the held-out half the odd ones.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.helpers.paperwork_pdf import BREAK, Ln, Page, Style, paginate, write_pages
from tests.helpers.paperwork_texts import KINDS, Case, make_case

HALVES = {"dev": (0, [31, 32]), "heldout": (1, [77, 78])}


@dataclass
class Doc:
    """One document: category, printed title, its lines and how it is printed."""

    category: str
    title: str
    head: list[Ln]
    paras: list
    style: Style
    scan: float = 0.2  # probability that its pages are scanned
    pages: list[Page] = field(default_factory=list)


def title_lines(title: str, rnd: random.Random, court: str | None, family: int, number: str | None = None,
                number_pos: str = "right") -> list[Ln]:
    """A court header (optional), the title in one of many styles, and the 案号 line."""
    out = []
    if court:
        out.append(Ln(court, rnd.choice([14, 15, 16, 18]), "center", rnd.choice([4, 6, 10])))
    kind = rnd.choice(["plain", "space", "ideo", "glyph", "glyph", "small"] if family == 0 else
                      ["plain", "double", "glyph", "glyph", "left", "ideo"])
    size = rnd.choice([18, 20, 22, 24, 26])
    if kind == "space":
        out.append(Ln(" ".join(title), size, "center", 12))
    elif kind == "double":
        out.append(Ln("  ".join(title), size, "center", 12))
    elif kind == "ideo":
        out.append(Ln("　".join(title), size, "center", 12))
    elif kind == "glyph":
        out.append(Ln(title, size, "center", 12, spacing=rnd.choice([4, 8, 12, 16])))
    elif kind == "small":
        out.append(Ln(title, 16, "center", 10))
    elif kind == "left":
        out.append(Ln(title, size, "left", 12, indent=rnd.choice([0, 60, 120])))
    else:
        out.append(Ln(title, size, "center", 12))
    if number:
        out.append(Ln(number, 12, number_pos, 10))
    return out


def style_for(rnd: random.Random, family: int, pages_hint: str = "") -> Style:
    """Layout of one document: body size, line length, margins, footer and header style."""
    body = rnd.choice([11, 12, 12, 13, 14] if family == 0 else [10.5, 12, 13, 14, 15])
    chars = int((PAGE_W_PT - 2 * 72) / body) - rnd.choice([0, 1, 2])
    foot = rnd.choice(["", "", "第{n}页 共{t}页", "- {n} -", "{n}/{t}", "第{n}页"] if family == 0 else
                      ["", "第 {n} 页，共 {t} 页", "—{n}—", "", "{n}", "共{t}页 第{n}页"])
    return Style(body=body, leading=rnd.choice([6, 8, 10, 12]), chars=chars, margin=72, top=rnd.choice([50, 60, 72, 90]),
                 footer=foot)


PAGE_W_PT = 595.0


def render_docs(docs: list[Doc], rnd: random.Random, scanned_share: float) -> tuple[list[Page], list[dict], list[dict]]:
    """Lay out every document; returns the pages and the reference pages and documents."""
    pages: list[Page] = []
    ref_pages, ref_docs = [], []
    archive = 0
    stamp_on = rnd.random() < 0.7
    for doc in docs:
        laid = paginate(doc.head, doc.paras, doc.style)
        start = len(pages) + 1
        scan_doc = rnd.random() < doc.scan * scanned_share / 0.33
        for i, lines in enumerate(laid):
            p = Page(lines, scanned=scan_doc, top=doc.style.top, seed=rnd.randint(0, 10**6), margin=doc.style.margin)
            if doc.style.footer:
                p.footer = doc.style.footer.format(n=i + 1, t=len(laid))
            if doc.style.header and i > 0:
                p.header = doc.style.header
            if doc.style.seal and i == len(laid) - 1:
                p.seal = doc.style.seal
            if doc.category not in ("卷宗封面", "卷内目录", "备考表"):
                archive += 1
                p.stamp = str(archive) if stamp_on else ""
            pages.append(p)
            ref_pages.append({"page": len(pages), "category": doc.category, "scanned": p.scanned})
        ref_docs.append({"category": doc.category, "title": doc.title, "start_page": start, "end_page": len(pages)})
    return pages, ref_pages, ref_docs


def build(seed: int, family: int, out: Path, scanned_share: float = 0.25, cover: bool | None = None) -> dict:
    """One dossier of the real-wording set; returns its reference (shared-set JSON shape)."""
    rnd = random.Random(seed)
    case: Case = make_case(rnd, family)
    has_cover = rnd.random() < 0.5 if cover is None else cover
    docs: list[Doc] = []
    for kind in KINDS:
        if kind.name == "cover" and not has_cover:
            continue
        if rnd.random() > kind.chance:
            continue
        for _ in range(kind.count(case, rnd)):
            made = kind.make(case, rnd, family)
            for category, title, head, paras, style_patch, scan in made:
                style = style_for(rnd, family)
                for key, value in style_patch.items():
                    setattr(style, key, value)
                head_lines = head if isinstance(head, list) else title_lines(
                    head["title"], rnd, head.get("court"), family, head.get("number"), head.get("number_pos", "right"))
                docs.append(Doc(category, title, head_lines, paras, style, scan))
    pages, ref_pages, ref_docs = render_docs(docs, rnd, scanned_share)
    write_pages(pages, out)
    y, m, d = case.filed
    return {"file": out.name, "pages": ref_pages, "documents": ref_docs,
            "case": {"case_number": case.number, "cause": case.cause, "plaintiffs": [case.plaintiff],
                     "defendants": case.defendants, "filing_date": f"{y:04d}-{m:02d}-{d:02d}"}}


def build_half(half: str, out_dir: Path) -> list[tuple[Path, dict]]:
    """The ``dev`` or ``heldout`` half: two dossiers each (about 70 pages a half)."""
    family, seeds = HALVES[half]
    out = []
    for i, seed in enumerate(seeds):
        path = Path(out_dir) / f"real_{half}_{i + 1}.pdf"
        out.append((path, build(seed, family, path, cover=(i == 0))))
    return out


__all__ = ["BREAK", "build", "build_half"]
