"""Migration 0007: old heading-wide boundary corrections become pins in their own case only."""
from __future__ import annotations

import importlib
import sqlite3


def test_old_boundary_corrections_are_pinned_in_their_case():
    mod = importlib.import_module("app.store.migrations.0007_dossier_boundary_pins")
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE dossier_pages (id INTEGER PRIMARY KEY, case_id INTEGER, page INTEGER, title TEXT,"
               " text TEXT)")
    db.execute("CREATE TABLE dossier_corrections (id INTEGER PRIMARY KEY, case_id INTEGER, heading TEXT,"
               " starts_document INTEGER)")
    db.executemany("INSERT INTO dossier_pages (case_id, page, title, text) VALUES (?, ?, ?, ?)", [
        (1, 1, "授权委托书", "授权委托书\n委托人"), (1, 2, "律师事务所函", "律师事务所函\n兹指派"),
        (1, 3, "", "续 页\n审判员"), (1, 4, "", ""), (2, 1, "律师事务所函", "律师事务所函")])
    db.executemany("INSERT INTO dossier_corrections (case_id, heading, starts_document) VALUES (?, ?, ?)", [
        (1, "律师事务所函", 1), (1, "律师事务所函", 0), (1, "续页", 1), (1, "", 1), (None, "律师事务所函", 1)])
    mod.migrate(db)
    pins = db.execute("SELECT case_id, page, starts_document FROM dossier_pages ORDER BY id").fetchall()
    # The later correction wins; another case and the empty heading are left to the engine.
    assert pins == [(1, 1, None), (1, 2, 0), (1, 3, 1), (1, 4, None), (2, 1, None)]
    assert db.execute("SELECT after_title FROM dossier_corrections").fetchall()[0] == ("",)
