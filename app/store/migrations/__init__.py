"""Numbered schema migrations: ``NNNN_name.py`` modules, each with ``migrate(db)``.

Applied in number order inside one transaction each; ``schema_migrations`` records which
have run.  A landed migration is never edited; changes come as a new number.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from datetime import datetime, timezone

from app.store.sqlite import dbapi2, sqlite_utils

_NAME = re.compile(r"^(\d{4})_(\w+)$")


def run_script(db: sqlite_utils.Database, script: str) -> None:
    """Execute a multi-statement SQL script inside the current transaction.

    ``executescript`` would COMMIT first and break the migration's atomicity, so statements
    are split with SQLite's own completeness test (which understands trigger bodies).
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if dbapi2.complete_statement(buffer):
            if buffer.strip():
                db.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError(f"incomplete SQL statement in migration: {buffer[:80]!r}")


def available() -> list[tuple[int, str]]:
    """(number, module name) of every migration module shipped, in order."""
    found = []
    for info in pkgutil.iter_modules(__path__):
        m = _NAME.match(info.name)
        if m:
            found.append((int(m.group(1)), info.name))
    numbers = [n for n, _ in found]
    if len(numbers) != len(set(numbers)):
        raise RuntimeError(f"duplicate migration numbers: {sorted(numbers)}")
    return sorted(found)


def applied(db: sqlite_utils.Database) -> set[int]:
    """Numbers of migrations already applied to ``db``."""
    if "schema_migrations" not in db.table_names():
        return set()
    return {row["version"] for row in db.query("SELECT version FROM schema_migrations")}


def migrate(database) -> list[int]:
    """Apply every pending migration to an open :class:`app.store.database.Database`."""
    done: list[int] = []
    with database.write() as db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
    have = applied(database.db)
    for number, name in available():
        if number in have:
            continue
        module = importlib.import_module(f"{__name__}.{name}")
        with database.write() as db:
            module.migrate(db)
            db.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                (number, name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        done.append(number)
    return done
