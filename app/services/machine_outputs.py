"""Machine outputs need a person's decision (SPC principle: assistive only, traceable).

Capabilities record each suggestion (category, extracted field, draft paragraph, finding,
correction) with its reason and model; a user accepts, rejects or changes it; every decision
is audited with who and when.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from app.clock import now as _now
from app.security.roles import Permission
from app.services.base import CaseBoundService, checked_by_caller


@dataclass
class MachineOutput:
    """One suggestion and its decision state."""

    id: int
    case_id: int | None
    kind: str
    target: str
    value: Any
    reason: str
    model: str
    state: str
    decided_by: str
    decided_at: str


class MachineOutputService(CaseBoundService):
    """Record suggestions and the person's decisions on them."""

    @checked_by_caller
    def suggest(self, db, case_id: int | None, kind: str, target: str, value: Any, reason: str, model: str) -> int:
        """Record a suggestion inside the caller's write transaction."""
        return db["machine_outputs"].insert({
            "case_id": case_id, "kind": kind, "target": target, "value": json.dumps(value, ensure_ascii=False),
            "reason": reason, "model": model, "state": "suggested", "created_at": _now(),
        }).last_pk

    def pending(self, case_id: int, kind: str | None = None) -> list[MachineOutput]:
        """Suggestions for a case still awaiting a decision."""
        self.require_case(case_id, Permission.CASE_READ)
        sql = "SELECT * FROM machine_outputs WHERE case_id = ? AND state = 'suggested'"
        params: list = [case_id]
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        return [self._to_output(r) for r in self.ctx.store.query(sql + " ORDER BY id", tuple(params))]

    def decide(self, output_id: int, state: str, changed_value: Any = None) -> None:
        """Accept, reject or change a suggestion (audited with who and when)."""
        if state not in ("accepted", "rejected", "changed"):
            raise ValueError(state)
        self.ctx.session.require(Permission.CASE_EDIT)
        owner = self.ctx.store.query("SELECT case_id FROM machine_outputs WHERE id = ?", (output_id,))
        if owner and owner[0]["case_id"] is not None:  # court-wide outputs belong to no case
            self.require_case(owner[0]["case_id"])
        with self.ctx.store.write() as db:
            row = db.execute("SELECT kind, target, value FROM machine_outputs WHERE id = ?", (output_id,)).fetchone()
            if row is None:
                raise KeyError(output_id)
            updates = {"state": state, "decided_by": self.ctx.session.username, "decided_at": _now()}
            if state == "changed":
                updates["value"] = json.dumps(changed_value, ensure_ascii=False)
            db["machine_outputs"].update(output_id, updates)
            action = {"accepted": "output.accept", "rejected": "output.reject", "changed": "output.change"}[state]
            self.ctx.audit(db, action, f"output:{output_id}", kind=row[0], field=row[1], machine_value=json.loads(row[2]),
                           final_value=changed_value if state == "changed" else None)

    @staticmethod
    def _to_output(r: dict) -> MachineOutput:
        return MachineOutput(r["id"], r["case_id"], r["kind"], r["target"], json.loads(r["value"]), r["reason"],
                             r["model"], r["state"], r["decided_by"], r["decided_at"])
