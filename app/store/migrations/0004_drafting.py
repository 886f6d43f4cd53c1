"""Drafting: versioned drafts with their origin and machine paragraphs, and review results.

The foundation's ``drafts`` table holds one row per version (blob = the encrypted .docx);
this adds what drafting needs to say where a version came from, which paragraphs are still
machine drafts, and each review run with its findings.
"""
from __future__ import annotations

SCHEMA = """
ALTER TABLE drafts ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE drafts ADD COLUMN source TEXT NOT NULL DEFAULT 'template';
ALTER TABLE drafts ADD COLUMN parent_id INTEGER REFERENCES drafts(id);
ALTER TABLE drafts ADD COLUMN machine_paragraphs TEXT NOT NULL DEFAULT '[]';
ALTER TABLE drafts ADD COLUMN note TEXT NOT NULL DEFAULT '';
CREATE INDEX drafts_case ON drafts(case_id, template, version);

CREATE TABLE draft_reviews (
    id INTEGER PRIMARY KEY,
    draft_id INTEGER NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    rules_version TEXT NOT NULL DEFAULT '',
    errors INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0,
    findings TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX draft_reviews_draft ON draft_reviews(draft_id);
"""


def migrate(db) -> None:
    """Extend drafts and add draft_reviews."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
