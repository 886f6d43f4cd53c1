"""Judge's sign-off of a draft: only a judge assigned to the case may sign; recorded in the audit."""
from __future__ import annotations

import json

from app.clock import now
from app.security.roles import Permission
from app.services.base import CaseBoundService
from app.store.errors import NotFoundError


class SignOffService(CaseBoundService):
    """Sign drafts (the drafting capability creates them; this enforces who may sign)."""

    def sign(self, draft_id: int) -> None:
        """Mark a draft as signed by the session user (judges only, on their own cases).

        Refused while the version still holds machine-drafted paragraphs nobody accepted or
        rejected.
        """
        self.ctx.session.require(Permission.DRAFT_SIGN)
        rows = self.ctx.store.query("SELECT id, case_id, status, machine_paragraphs FROM drafts WHERE id = ?",
                                    (draft_id,))
        if not rows:
            raise NotFoundError("文书不存在，或您不是该案的承办人员")
        self.require_case(rows[0]["case_id"])
        if rows[0]["status"] == "已签发":
            raise ValueError("该文书已签发")
        # Machine-drafted text must have been accepted or rejected by a person (DESIGN.md):
        # a signed judgment never carries paragraphs nobody looked at.
        pending = json.loads(rows[0]["machine_paragraphs"] or "[]")
        if pending:
            numbers = "、".join(f"第{n}段" for n in pending[:10]) + ("等" if len(pending) > 10 else "")
            raise ValueError(f"还有 {len(pending)} 段机器起草内容未确认（{numbers}），"
                             "请逐段接受或退回后再签发")
        with self.ctx.store.write() as db:
            db.execute("UPDATE drafts SET status = '已签发', signed_by = ?, signed_at = ? WHERE id = ?",
                       (self.ctx.session.username, now(), draft_id))
            self.ctx.audit(db, "draft.sign", f"case:{rows[0]['case_id']}", draft=draft_id)
