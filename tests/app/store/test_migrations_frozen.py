"""Migrations are frozen: once landed, what a migration does never changes, so it may not
import code that can change later (app/engines modules outside the migrations package)."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parents[3] / "app" / "store" / "migrations"
OWN_PACKAGE = "app.store.migrations"
PROJECT_PACKAGES = ("app", "engines", "widgets", "resources")


def live_imports(source: str) -> list[str]:
    """Modules of the project a migration's source imports, other than its own package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else []
        else:
            continue
        found += [n for n in names if n.split(".")[0] in PROJECT_PACKAGES
                  and n != OWN_PACKAGE and not n.startswith(OWN_PACKAGE + ".")]
    return found


def test_no_migration_imports_live_code():
    files = sorted(MIGRATIONS.glob("[0-9][0-9][0-9][0-9]_*.py"))
    assert len(files) >= 7, "no migrations found"
    offenders = {f.name: live_imports(f.read_text(encoding="utf-8")) for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_a_live_import():
    assert live_imports("def migrate(db):\n    from engines.exchange.keys import generate_node_keys\n") == [
        "engines.exchange.keys"]
    assert live_imports("import app.services.cases\nfrom app.store.migrations import run_script\n") == [
        "app.services.cases"]


def test_frozen_exchange_keys_load_with_todays_engine():
    """What 0005 stores is what the exchange engine reads (same key id, same layout)."""
    from engines.exchange.keys import NodeKeys

    migration = importlib.import_module("app.store.migrations.0005_exchange")
    key_id, stored = migration.node_keys("terminal-test")
    keys = NodeKeys.from_json(stored)
    assert keys.key_id == key_id and keys.node == "terminal-test"
    assert keys.to_json() == stored
