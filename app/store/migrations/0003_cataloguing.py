"""Cataloguing: imported dossier files, one labelled row per page, and the clerk's corrections.

The foundation's ``dossier_documents`` holds the documents (runs of pages); this adds the
files they come from (encrypted blobs), every page's machine label with its reason and the
person's decision, and the corrections that teach the local model (kept court-wide, not per
case, so that the same court's forms are learnt).
"""
from __future__ import annotations

SCHEMA = """
CREATE TABLE dossier_files (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    blob_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
    name TEXT NOT NULL,
    pages INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    imported_by TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL
);
CREATE INDEX dossier_files_case ON dossier_files(case_id, position);

CREATE TABLE dossier_pages (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    page INTEGER NOT NULL,
    file_id INTEGER NOT NULL REFERENCES dossier_files(id) ON DELETE CASCADE,
    file_page INTEGER NOT NULL,
    category TEXT NOT NULL,
    machine_category TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 0,
    reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    scanned INTEGER NOT NULL DEFAULT 0,
    needs_review INTEGER NOT NULL DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested', 'accepted', 'changed', 'manual')),
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    UNIQUE (case_id, page)
);

CREATE TABLE dossier_corrections (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases(id) ON DELETE SET NULL,
    page INTEGER NOT NULL DEFAULT 0,
    heading TEXT NOT NULL DEFAULT '',
    page_text TEXT NOT NULL DEFAULT '',
    category TEXT,
    starts_document INTEGER,
    made_by TEXT NOT NULL,
    made_at TEXT NOT NULL
);

ALTER TABLE dossier_documents ADD COLUMN confidence REAL NOT NULL DEFAULT 1;
ALTER TABLE dossier_documents ADD COLUMN needs_review INTEGER NOT NULL DEFAULT 0;
CREATE INDEX dossier_documents_case ON dossier_documents(case_id, position);
"""


def migrate(db) -> None:
    """Add dossier files, pages and corrections."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
