"""Migration 0008: existing cases get the bench their procedure implied (简易 → 独任, 普通 → 合议庭)
and an empty panel; the column accepts only the two benches."""
from __future__ import annotations

import importlib
import sqlite3

import pytest


def test_existing_cases_keep_the_bench_their_procedure_implied():
    mod = importlib.import_module("app.store.migrations.0008_bench")
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE cases (id INTEGER PRIMARY KEY, procedure TEXT NOT NULL)")
    db.executemany("INSERT INTO cases (procedure) VALUES (?)", [("普通",), ("简易",)])
    mod.migrate(db)
    assert db.execute("SELECT procedure, bench, panel FROM cases ORDER BY id").fetchall() == [
        ("普通", "合议庭", "[]"), ("简易", "独任", "[]")]
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE cases SET bench = '陪审' WHERE id = 1")
