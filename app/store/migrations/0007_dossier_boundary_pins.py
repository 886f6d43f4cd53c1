"""Cataloguing: the clerk's boundary decisions are pinned on the page, lessons keep their context.

``dossier_pages.starts_document`` holds the clerk's decision for that page of that case (1 it
starts a document, 0 it continues the one before, NULL the engine decides). Being on the page
row, it moves with the page when pages are re-ordered and works for a page with no text.
``dossier_corrections.after_title`` is the title of the document the corrected page followed:
a boundary lesson is reused court-wide only where that same pair repeats.

Boundary corrections made before this migration were applied by heading alone, in every case;
their effect in their own case is kept by pinning the pages of that case with the same
heading (later corrections win, as before). Elsewhere the old "continues" lessons stop
applying, which is the point.
"""
from __future__ import annotations

SCHEMA = """
ALTER TABLE dossier_pages ADD COLUMN starts_document INTEGER;
ALTER TABLE dossier_corrections ADD COLUMN after_title TEXT NOT NULL DEFAULT '';
"""


def _key(text: str) -> str:
    # The same normalisation the splitter used for keys (engines.cataloguing.textnorm.compact).
    return "".join(text.split())


def migrate(db) -> None:
    """Add the columns and pin the pages that old boundary corrections decided in their case."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
    lessons = db.execute("SELECT case_id, heading, starts_document FROM dossier_corrections"
                         " WHERE starts_document IS NOT NULL AND case_id IS NOT NULL ORDER BY id").fetchall()
    by_case: dict[int, dict[str, int]] = {}
    for case_id, heading, starts in lessons:
        if _key(heading or ""):
            by_case.setdefault(case_id, {})[_key(heading)] = int(starts)
    for case_id, decided in by_case.items():
        pages = db.execute("SELECT id, title, text FROM dossier_pages WHERE case_id = ?", (case_id,)).fetchall()
        for page_id, title, text in pages:
            key = _key(title or "") or _key((text or "").split("\n", 1)[0])
            if key in decided:
                db.execute("UPDATE dossier_pages SET starts_document = ? WHERE id = ?", (decided[key], page_id))
