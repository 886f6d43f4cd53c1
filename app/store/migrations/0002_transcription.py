"""Transcription: hearings get their recording facts; segments, revisions and events.

Every change a clerk makes to a segment is a row in ``segment_revisions`` (machine text
stays in ``hearing_segments.machine_text``), so a 补正 can be traced: what the machine
wrote, what it became, who changed it, when, and at whose request.
"""
from __future__ import annotations

SCHEMA = """
ALTER TABLE hearings ADD COLUMN channels TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN audio_name TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN duration REAL NOT NULL DEFAULT 0;
ALTER TABLE hearings ADD COLUMN model TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN transcribed_at TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN checked_by TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN checked_at TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE hearings ADD COLUMN created_at TEXT NOT NULL DEFAULT '';
CREATE INDEX hearings_case ON hearings(case_id);

CREATE TABLE hearing_segments (
    id INTEGER PRIMARY KEY,
    hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start REAL NOT NULL,
    end REAL NOT NULL,
    speaker TEXT NOT NULL,
    channel INTEGER,
    machine_text TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    confidence REAL NOT NULL DEFAULT 0,
    words TEXT NOT NULL DEFAULT '[]',
    corrections TEXT NOT NULL DEFAULT '[]',
    edited INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX hearing_segments_hearing ON hearing_segments(hearing_id, position);

CREATE TABLE segment_revisions (
    id INTEGER PRIMARY KEY,
    segment_id INTEGER NOT NULL REFERENCES hearing_segments(id) ON DELETE CASCADE,
    field TEXT NOT NULL CHECK (field IN ('text', 'speaker', 'split', 'merge')),
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT '编辑' CHECK (kind IN ('编辑', '补正', '撤销更正', '替换')),
    requested_by TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    edited_by TEXT NOT NULL,
    edited_at TEXT NOT NULL
);
CREATE INDEX segment_revisions_segment ON segment_revisions(segment_id);

CREATE TABLE hearing_events (
    id INTEGER PRIMARY KEY,
    hearing_id INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    wall_time TEXT NOT NULL,
    audio_time REAL NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT ''
);
"""


def migrate(db) -> None:
    """Extend hearings; add segments, revisions and events."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
