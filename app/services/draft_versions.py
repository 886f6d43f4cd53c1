"""Stored versions of drafts: each version is a row in ``drafts`` and encrypted .docx bytes
in the blob store; a template-made version records its machine paragraphs as pending
machine outputs. The drafting service and the decisions on machine text both build on this
module (it imports neither, so there is no import circle).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from app.clock import now as _now
from app.messages import Message
from app.services.base import CaseBoundService, checked_by_caller
from app.store.errors import NotFoundError
from engines.drafting.review.document import read_paragraphs

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILL_MODEL = "template-fill/1"
DEFAULT_REASON = "由案件记录（立案、开庭、诉状、答辩）生成的段落，需法官确认"


@dataclass
class DraftInfo:
    """One stored version of a draft."""

    id: int
    case_id: int
    template: str
    title: str
    version: int
    status: str
    source: str
    created_by: str
    created_at: str
    signed_by: str
    signed_at: str
    machine_paragraphs: list[int]
    sha256: str


class DraftVersions(CaseBoundService):
    """Read and add versions of the drafts of the user's cases (no role check here: the
    drafting service checks the role of each action, this checks the case)."""

    def row(self, draft_id: int) -> dict:
        """The ``drafts`` row of a version of one of the user's cases (NotFoundError otherwise)."""
        rows = self.ctx.store.query("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        if not rows:
            raise NotFoundError(Message("draft.not_found"))
        self.require_case(rows[0]["case_id"])
        return rows[0]

    @staticmethod
    def info(r: dict) -> DraftInfo:
        """A version row as :class:`DraftInfo`."""
        return DraftInfo(r["id"], r["case_id"], r["template"], r["title"], r["version"], r["status"], r["source"],
                         r["created_by"], r["created_at"], r["signed_by"], r["signed_at"],
                         json.loads(r["machine_paragraphs"] or "[]"), r["blob_sha256"] or "")

    @checked_by_caller  # the drafting service checks the case and the role of each action
    def store(self, case_id: int, template: str, title: str, data: bytes, source: str,
              parent_id: int | None, machine: list[int], action: str,
              notes: list[tuple[str, str]] | None = None, **audit_detail) -> int:
        """Add a version (blob, row, audit entry; for a template-made one, its machine
        paragraphs as pending outputs, with where their text came from); returns its id."""
        sha = self.ctx.store.blobs.put_bytes(data)
        with self.ctx.store.write() as db:
            db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)",
                       (sha, len(data), DOCX_MEDIA_TYPE, _now()))
            version = db.execute("SELECT coalesce(max(version), 0) + 1 FROM drafts WHERE case_id = ? AND template = ?",
                                 (case_id, template)).fetchone()[0]
            draft_id = db["drafts"].insert({
                "case_id": case_id, "template": template, "title": title, "version": version, "blob_sha256": sha,
                "status": "草稿", "created_by": self.ctx.session.username, "created_at": _now(), "source": source,
                "parent_id": parent_id, "machine_paragraphs": json.dumps(machine)}).last_pk
            self.ctx.audit(db, action, f"case:{case_id}", draft=draft_id, template=template, version=version,
                           sha256=sha, **audit_detail)
            if source == "template" and machine:
                outputs = self.ctx.outputs
                texts = read_paragraphs(data)
                for index in machine:
                    where = "；".join(note for needle, note in notes or [] if needle and needle in texts[index])
                    reason = f"{where}；需法官确认" if where else DEFAULT_REASON
                    outputs.suggest(db, case_id, "draft_paragraph", f"draft:{draft_id}:p{index}", texts[index],
                                    reason, FILL_MODEL)
        return draft_id

    def ancestors(self, draft_id: int) -> list[int]:
        """The ids of the versions this one was made from, nearest first."""
        chain, current = [], self.row(draft_id)["parent_id"]
        while current:
            chain.append(current)
            current = self.row(current)["parent_id"]
        return chain

    def read_bytes(self, row: dict) -> bytes:
        """The .docx bytes of a version row already checked by :meth:`row` (decrypted in memory)."""
        return self.ctx.store.blobs.read_bytes(row["blob_sha256"])
