"""widgets/ talks to app services only: no engine, SQL or store-driver imports (DESIGN: layering)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN = ("engines", "sqlcipher3", "sqlite_utils", "sqlite3", "app.store.sqlite", "app.store.database")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_widgets_import_no_engine_or_storage_driver():
    files = sorted((ROOT / "widgets").glob("*.py"))
    assert len(files) >= 10, "no widget modules found"
    offenders = [f"{p.name}: {m}" for p in files for m in imported_modules(p)
                 if any(m == f or m.startswith(f + ".") for f in FORBIDDEN)]
    assert offenders == []


def test_app_core_imports_qt_only_in_task_runner_and_gui_entry():
    allowed = {"tasks.py", "gui.py", "selftest.py"}
    files = sorted((ROOT / "app").rglob("*.py"))
    assert len(files) >= 30, "no app modules found"
    offenders = [f"{p.relative_to(ROOT)}: {m}" for p in files
                 if p.name not in allowed for m in imported_modules(p) if m.startswith("PySide6")]
    assert offenders == []
