"""Foundation schema: courts, users, cases, parties, audit log, full-text index, placeholders."""
from __future__ import annotations

SCHEMA = """
CREATE TABLE courts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    appeal_court TEXT NOT NULL DEFAULT ''
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('审判员', '书记员', '管理员')),
    active INTEGER NOT NULL DEFAULT 1,
    court_id INTEGER REFERENCES courts(id),
    created_at TEXT NOT NULL
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    case_number TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    type_code TEXT NOT NULL,
    case_type TEXT NOT NULL,
    cause TEXT NOT NULL DEFAULT '',
    procedure TEXT NOT NULL DEFAULT '普通' CHECK (procedure IN ('普通', '简易')),
    filing_date TEXT NOT NULL,
    deadline TEXT NOT NULL,
    extension_days INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT '审理中',
    judge_id INTEGER REFERENCES users(id),
    clerk_id INTEGER REFERENCES users(id),
    court_id INTEGER REFERENCES courts(id),
    claims TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_status ON cases(status);
CREATE INDEX cases_deadline ON cases(deadline);
CREATE INDEX cases_filing ON cases(filing_date);
CREATE INDEX cases_judge ON cases(judge_id);
CREATE INDEX cases_clerk ON cases(clerk_id);

-- Who may see a case: the assigned judge and clerk (kept in sync by the service), plus any
-- further panel members.
CREATE TABLE case_members (
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users(id),
    duty TEXT NOT NULL,
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_members_user ON case_members(user_id);

CREATE TABLE parties (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('原告', '被告', '第三人')),
    kind TEXT NOT NULL DEFAULT '自然人' CHECK (kind IN ('自然人', '法人', '非法人组织')),
    name TEXT NOT NULL,
    id_number TEXT NOT NULL DEFAULT '',
    address TEXT NOT NULL DEFAULT '',
    representative TEXT NOT NULL DEFAULT '',
    agent TEXT NOT NULL DEFAULT '',
    agent_detail TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX parties_case ON parties(case_id);

-- Case events feed the 审理经过 paragraph of drafts (立案, 开庭, 延长审限...).
CREATE TABLE case_events (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);

-- Append-only, hash-chained audit trail.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    ts TEXT NOT NULL,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '{}',
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Machine outputs awaiting or having received a person's decision (assistive-only rule).
CREATE TABLE machine_outputs (
    id INTEGER PRIMARY KEY,
    case_id INTEGER REFERENCES cases(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '',
    value TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    model TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'suggested' CHECK (state IN ('suggested', 'accepted', 'rejected', 'changed')),
    decided_by TEXT NOT NULL DEFAULT '',
    decided_at TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX machine_outputs_case ON machine_outputs(case_id, kind);

-- Encrypted files (content lives in the blob folder; this table owns references).
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    media_type TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Placeholders that later capabilities extend with their own migrations.
CREATE TABLE hearings (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    title TEXT NOT NULL DEFAULT '',
    place TEXT NOT NULL DEFAULT '',
    started_at TEXT NOT NULL DEFAULT '',
    ended_at TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '计划',
    audio_sha256 TEXT REFERENCES blobs(sha256)
);
CREATE TABLE dossier_documents (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    source_sha256 TEXT REFERENCES blobs(sha256),
    category TEXT NOT NULL DEFAULT '其他材料',
    title TEXT NOT NULL DEFAULT '',
    start_page INTEGER NOT NULL DEFAULT 0,
    end_page INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    template TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    blob_sha256 TEXT REFERENCES blobs(sha256),
    status TEXT NOT NULL DEFAULT '草稿',
    signed_by TEXT NOT NULL DEFAULT '',
    signed_at TEXT NOT NULL DEFAULT '',
    created_by TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE TABLE exchange_ledger (
    id INTEGER PRIMARY KEY,
    package_id TEXT NOT NULL UNIQUE,
    direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    kind TEXT NOT NULL,
    channel TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    state TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Full-text index over case text: jieba-segmented content in an FTS5 table (the default
-- tokenizer treats a run of Chinese as one token, so the application segments first).
CREATE VIRTUAL TABLE case_fts USING fts5(content, tokenize = 'unicode61');
-- Plain text kept beside the index for substring fallback on very short queries.
CREATE TABLE case_text (
    case_id INTEGER PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
    text TEXT NOT NULL
);
"""


def migrate(db) -> None:
    """Create the foundation tables."""
    from app.store.migrations import run_script

    run_script(db, SCHEMA)
