"""Cases: the 审判组织 (bench) — 独任审判 or 合议庭 — and the panel's further members.

Until now the bench was implied by the procedure (简易 → one judge, 普通 → a panel), which
put 审判长 on the signature line of a 普通程序 case heard by one judge (allowed since the
2021 民事诉讼法 amendment). Existing cases keep what was implied; the judge can change it.
``panel`` holds the members besides the judge in charge as JSON: [{"role": "人民陪审员",
"name": "…"}, …] (role 审判长 | 审判员 | 人民陪审员); empty for 独任.
"""
from __future__ import annotations

SCHEMA = """
ALTER TABLE cases ADD COLUMN bench TEXT NOT NULL DEFAULT '合议庭' CHECK (bench IN ('独任', '合议庭'));
ALTER TABLE cases ADD COLUMN panel TEXT NOT NULL DEFAULT '[]';
UPDATE cases SET bench = '独任' WHERE procedure = '简易';
"""


def migrate(db) -> None:
    """Add the bench and panel columns, filled from the procedure."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
