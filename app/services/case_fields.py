"""Case fields extracted from the dossier (案号, 案由, 立案日期, parties, claims): the one place
that says how a suggestion is taken over into a case and how the decision on it is recorded.

Both the case form (widgets/case_suggestions.py: 采纳 fills the form, the decision is recorded
when the form is saved) and the dossier tab (采纳 writes the case at once, see
:meth:`CaseFieldService.apply`) use these rules, so a suggestion means the same thing
wherever it is taken over.
"""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

from app.messages import Message
from app.security.roles import Permission
from app.services.base import CaseBoundService
from app.services.cases import CaseInput, Party
from app.services.machine_outputs import MachineOutput
from app.store.errors import NotFoundError

#: The machine-output kind of an extracted case field.
KIND = "case_field"
#: Case fields the extraction suggests and the case form can take over.
CASE_FIELDS = ("case_number", "cause", "filing_date", "plaintiffs", "defendants", "claims")
#: Which party role a party-list suggestion adds.
PARTY_ROLE = {"plaintiffs": "原告", "defendants": "被告"}
#: Name endings that make a party an organisation (法人) rather than a person (自然人).
#: Kept as data, one list for every place that adds a party from a suggestion.
ORGANISATION_ENDINGS = ("公司", "银行", "支行", "分行", "中心", "委员会", "合作社", "事务所", "医院", "学校")


def party_kind(name: str) -> str:
    """'法人' for a name ending like an organisation (see ORGANISATION_ENDINGS), else '自然人'."""
    return "法人" if name.strip().endswith(ORGANISATION_ENDINGS) else "自然人"


def claims_text(value: Any) -> str:
    """Extracted claims as the case's claims text: numbered lines ``1. …``."""
    if isinstance(value, list):
        return "\n".join(f"{i}. {c}" for i, c in enumerate(value, 1))
    return str(value)


def _names(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def take_over(data: CaseInput, target: str, value: Any) -> CaseInput:
    """``data`` with the suggested ``value`` for field ``target`` taken over.

    案号/案由 replace the text, 立案日期 the date (ISO), claims become numbered lines, and a
    party list adds each name not yet among the parties of that role (kind by its ending);
    parties already there are kept as they are."""
    if target in ("case_number", "cause"):
        return replace(data, **{target: str(value)})
    if target == "filing_date":
        return replace(data, filing_date=date.fromisoformat(str(value)))
    if target == "claims":
        return replace(data, claims=claims_text(value))
    if target in PARTY_ROLE:
        role = PARTY_ROLE[target]
        parties = list(data.parties)
        known = {p.name for p in parties if p.role == role}
        for name in _names(value):
            if name not in known:
                parties.append(Party(role, name, kind=party_kind(name)))
                known.add(name)
        return replace(data, parties=parties)
    return data  # a field this version does not know: nothing to take over


def decision(target: str, value: Any, saved: CaseInput) -> tuple[str, Any]:
    """How a taken-over suggestion ends once the case was saved as ``saved``: ('accepted',
    None) when the saved case still holds the suggested value, else ('changed', final value)."""
    if target in PARTY_ROLE:
        final: Any = [p.name for p in saved.parties if p.role == PARTY_ROLE[target]]
        same = all(n in final for n in _names(value))
    elif target in ("case_number", "cause", "filing_date", "claims"):
        final = {"case_number": saved.case_number.strip(), "cause": saved.cause.strip(),
                 "filing_date": saved.filing_date.isoformat(), "claims": saved.claims.strip()}[target]
        same = final == (claims_text(value).strip() if target == "claims" else str(value).strip())
    else:
        return ("accepted", None)
    return ("accepted", None) if same else ("changed", final)


class CaseFieldService(CaseBoundService):
    """Pending extracted case fields of a case, and the decisions on them."""

    def _output(self, output_id: int) -> dict:
        # Access is checked by what the caller does next (the outputs service, the cases service).
        rows = self.ctx.store.query("SELECT * FROM machine_outputs WHERE id = ? AND kind = ?", (output_id, KIND))
        if not rows:
            raise NotFoundError(Message("case.suggestion_missing"))
        return rows[0]

    def pending(self, case_id: int) -> list[MachineOutput]:
        """Extracted case fields of the case still waiting for a decision (the outputs service
        checks the role and the case). A 案号 differing from the case's own comes back with
        ``foreign = True``: the views show it as a warning, never as a value to adopt."""
        from app.services.case_guard import canonical, case_number

        pending = self.ctx.outputs.pending(case_id, KIND)
        own = canonical(case_number(self.ctx, case_id)) if pending else ""
        for s in pending:
            s.foreign = s.target == "case_number" and canonical(str(s.value)) != own
        return pending

    def decide(self, output_id: int, state: str, changed_value=None) -> None:
        """Record the person's decision on an extracted field taken over (or not) in the case
        form; the form itself saves the case through the cases service (audited)."""
        self._output(output_id)
        self.ctx.outputs.decide(output_id, state, changed_value)  # checks CASE_EDIT and the case

    def apply(self, output_id: int) -> None:
        """Accept one extracted field: it fills the case record at once (audited twice: the
        case update and the decision on the suggestion)."""
        from app.services.case_guard import canonical

        self.ctx.session.require(Permission.CASE_EDIT)
        row = self._output(output_id)
        case = self.ctx.cases.get_case(row["case_id"], audit=False)
        if row["target"] == "case_number" and canonical(json.loads(row["value"])) != canonical(case.case_number):
            # Never adopt another case's number: it is a sign of foreign material, not a fix.
            raise ValueError(Message("guard.no_adopt_number"))
        data = CaseInput(case_number=case.case_number, cause=case.cause, procedure=case.procedure,
                         filing_date=date.fromisoformat(case.filing_date), judge_id=case.judge_id, clerk_id=case.clerk_id,
                         status=case.status, claims=case.claims, notes=case.notes, extension_days=case.extension_days,
                         parties=list(case.party_list), bench=case.bench, panel=list(case.panel))
        self.ctx.cases.update_case(row["case_id"], take_over(data, row["target"], json.loads(row["value"])),
                                   case.version)
        self.ctx.outputs.decide(output_id, "accepted")
