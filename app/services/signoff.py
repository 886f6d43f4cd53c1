"""Judge's sign-off of a draft: only a judge assigned to the case may sign; recorded in the audit."""
from __future__ import annotations

import json

from app.clock import now
from app.messages import Message
from app.review_text import finding_text
from app.security.roles import Permission
from app.services.base import CaseBoundService
from app.store.errors import NotFoundError


class SignOffService(CaseBoundService):
    """Sign drafts (the drafting capability creates them; this enforces who may sign)."""

    def open_findings(self, draft_id: int) -> dict:
        """What the judge should see before signing: the latest review's findings of this version.

        ``{"reviewed": bool, "errors": [text], "warnings": [text], "reason_required": bool,
        "forbidden": str}`` - ``forbidden`` is the court policy's refusal ("" when signing is allowed).
        """
        drafts = self.ctx.store.query("SELECT case_id FROM drafts WHERE id = ?", (draft_id,))
        if not drafts:
            raise NotFoundError(Message("sign.not_on_case"))
        self.require_case(drafts[0]["case_id"], Permission.CASE_READ)
        rows = self.ctx.store.query("SELECT findings FROM draft_reviews WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                                    (draft_id,))
        findings = json.loads(rows[0]["findings"]) if rows else []
        describe = lambda f: str(Message("sign.finding", number=f.get("paragraph", "?"), message=finding_text(f)))  # noqa: E731
        errors = [describe(f) for f in findings if f.get("severity") == "error"]
        warnings = [describe(f) for f in findings if f.get("severity") != "error"]
        forbidden = ""
        if errors and not self.ctx.settings["sign_with_open_errors"]:
            forbidden = str(Message("sign.forbidden"))
        return {"reviewed": bool(rows), "errors": errors, "warnings": warnings, "reason_required": bool(errors),
                "forbidden": forbidden}

    def sign(self, draft_id: int, reason: str = "") -> None:
        """Mark a draft as signed by the session user (judges only, on their own cases).

        Refused while the version still holds machine-drafted paragraphs nobody accepted or
        rejected. With open error-level review findings a reason is required (it goes into the
        audit entry), unless the court's policy forbids signing over them altogether.
        """
        self.ctx.session.require(Permission.DRAFT_SIGN)
        rows = self.ctx.store.query("SELECT id, case_id, status, machine_paragraphs FROM drafts WHERE id = ?",
                                    (draft_id,))
        if not rows:
            raise NotFoundError(Message("sign.not_on_case"))
        self.require_case(rows[0]["case_id"])
        if rows[0]["status"] == "已签发":
            raise ValueError(Message("sign.already"))
        # Machine-drafted text must have been accepted or rejected by a person (DESIGN.md):
        # a signed judgment never carries paragraphs nobody looked at.
        pending = json.loads(rows[0]["machine_paragraphs"] or "[]")
        if pending:
            raise ValueError(Message("sign.machine_open", count=len(pending),
                                     numbers=[Message("sign.paragraph", number=n) for n in pending[:10]],
                                     more=Message("sign.etc") if len(pending) > 10 else ""))
        state = self.open_findings(draft_id)
        if state["forbidden"]:
            raise ValueError(state["forbidden"])
        if state["reason_required"] and not reason.strip():
            raise ValueError(Message("sign.errors_open", count=len(state["errors"])))
        with self.ctx.store.write() as db:
            db.execute("UPDATE drafts SET status = '已签发', signed_by = ?, signed_at = ? WHERE id = ?",
                       (self.ctx.session.username, now(), draft_id))
            self.ctx.audit(db, "draft.sign", f"case:{rows[0]['case_id']}", draft=draft_id,
                           open_errors=len(state["errors"]), open_warnings=len(state["warnings"]),
                           reviewed=state["reviewed"], reason=reason.strip())
