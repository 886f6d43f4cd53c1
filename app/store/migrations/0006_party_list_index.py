"""Case list: a covering index for the per-case party summary.

The list shows "原告：张三；被告：李四" for each case on the page. With the index holding
(case_id, position, role, name) the summary is read from the index alone, in position order,
instead of from the table rows: fewer pages to decrypt on the first page after unlock.
It replaces the plain ``parties_case`` index, whose key it starts with.
"""
from __future__ import annotations

SCHEMA = """
CREATE INDEX parties_case_list ON parties(case_id, position, role, name);
DROP INDEX parties_case;
"""


def migrate(db) -> None:
    """Create the covering index and drop the one it replaces."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
