"""Drafts of a case: fill a template from the case record, keep every version encrypted,
review a version, let the judge accept machine-drafted text and sign (clerks cannot sign).

Drafts are .docx bytes in the encrypted blob store; plain files exist only when the user
exports one. Machine-drafted paragraphs are recorded as machine outputs awaiting a decision,
and every action is audited.
"""
from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from app.clock import now as _now
from app.messages import Message
from app.security.roles import Permission
from app.services.base import AssistantOff, CaseBoundService, case_court
from app.services.draft_machine_text import MachineParagraph, MachineTextDecisions
from app.services.draft_material import (
    DraftSources,
    attach_statements,
    court_templates,
    derive_appeal,
    first_hearing,
    gather_sources,
    template_path,
)
from app.services.cases import bench_lines
from app.services.draft_versions import DraftInfo, DraftVersions
from app.services.session import AppContext
from engines.common import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from engines.drafting.case_material import add_comments
from engines.drafting.case_record import Agent, CaseRecord, JudgeRecord, PartyRecord
from engines.drafting.fill import fill_template, machine_paragraphs_of
from engines.drafting.review import CaseFacts, ReviewResult, review_document
from engines.drafting.review.document import read_paragraphs
from engines.drafting.review.findings import RULE_LABELS

# Re-exported: callers (the drafting tab, the CLI, tests) import these from here.
__all__ = ["AssistantOff", "DraftInfo", "DraftOptions", "DraftSources", "DraftingService", "MachineParagraph",
           "RULE_LABELS", "court_templates", "template_path"]

@dataclass
class DraftOptions:
    """What the case record does not hold yet: fee, judgment date, statements, extra fields."""

    fee: Decimal | None = None
    fee_borne_by: str = ""
    judgment_date: date | None = None
    hearing_date: date | None = None
    appeal_court: str = ""
    statements: dict[str, str] = field(default_factory=dict)  # party name -> 诉称/辩称
    extra: dict[str, str] = field(default_factory=dict)


def _claims(text: str) -> list[str]:
    """Split the case's claims text (one per line, or 1.…；2.…) into items."""
    parts = re.split(r"[\n；;]+|(?:^|\s)\d+[.、．]", text or "")
    return [re.sub(r"^\d+[.、．]", "", p).strip(" 。") for p in parts if p and p.strip(" 。")]


class DraftingService(CaseBoundService):
    """Drafting and review for the logged-in user's cases."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.versions = DraftVersions(ctx)
        self.machine_text = MachineTextDecisions(ctx, self.versions)

    # -- case record -----------------------------------------------------------------------

    def case_record(self, case_id: int, options: DraftOptions | None = None) -> CaseRecord:
        """The plain case record a template is filled from (store data plus ``options``, plus the
        dossier's extracted claims and the hearing transcript's main statements when present)."""
        return self._record_and_sources(case_id, options)[0]

    def draft_sources(self, case_id: int) -> DraftSources:
        """What the dossier and the hearing transcripts give a draft (machine material)."""
        self.require_case(case_id, Permission.CASE_READ)
        case = self.ctx.cases.get_case(case_id, audit=False)
        return gather_sources(self.ctx, case_id, case.party_list)

    def _record_and_sources(self, case_id: int, options: DraftOptions | None) -> tuple[CaseRecord, DraftSources]:
        self.require_case(case_id, Permission.CASE_READ)
        options = options or DraftOptions()
        case = self.ctx.cases.get_case(case_id, audit=False)
        machine_on = bool(self.ctx.settings["assist_drafting"])
        sources = gather_sources(self.ctx, case_id, case.party_list) if machine_on else DraftSources()
        court = case_court(self.ctx, case_id)
        court_name = court["name"] or self.ctx.settings["court_name"]
        appeal = options.appeal_court or court["appeal_court"] or derive_appeal(court_name)
        hearing = options.hearing_date or first_hearing(self.ctx, case_id)
        simple = case.procedure == "简易"
        # The signature block follows the 审判组织, not the procedure: a 普通程序 case heard by
        # one judge is signed by 审判员 alone (see app/services/cases.py bench_lines).
        judges = [JudgeRecord(role, name) for role, name in bench_lines(case.bench, case.judge, case.panel)
                  if name or case.bench == "合议庭"]
        parties = []
        for p in case.party_list:
            agents = [Agent(p.agent, p.agent_detail)] if p.agent else []
            organisation = p.kind != "自然人"
            parties.append(PartyRecord(
                role=p.role, name=p.name, kind="organisation" if organisation else "person", address=p.address,
                representative=p.representative, representative_label="法定代表人" if p.kind == "法人" else "负责人",
                agents=agents, statement=options.statements.get(p.name, "")))
        attach_statements(parties, sources.sides, sources.written)
        claims = sources.claims or _claims(case.claims)
        return CaseRecord(
            court=court_name, case_number=case.case_number, cause=case.cause,
            procedure="简易程序" if simple else "普通程序", filing_date=date.fromisoformat(case.filing_date),
            hearing_date=hearing, judgment_date=options.judgment_date or date.today(), judges=judges,
            clerk=case.clerk, parties=parties, claims=claims, claims_source=sources.claims_source if sources.claims else "",
            fee=options.fee, fee_halved=simple, fee_borne_by=options.fee_borne_by, appeal_court=appeal,
            extra=dict(options.extra)), sources

    # -- drafts ----------------------------------------------------------------------------

    def templates(self) -> list[dict]:
        """Templates available on this workstation."""
        return court_templates(self.ctx)

    def templates_for_case(self, case_id: int) -> list[dict]:
        """Templates that fit the case's procedure: a 简易程序 judgment never offered on a 普通 case
        (its signature block would name the wrong 审判组织), nor the reverse."""
        self.require_case(case_id, Permission.CASE_READ)
        procedure = self.ctx.store.query("SELECT procedure FROM cases WHERE id = ?", (case_id,))[0]["procedure"]
        other = {"普通": "简易程序", "简易": "普通程序"}.get(procedure)
        return [t for t in self.templates() if not (other and t["name"].endswith(other))]

    def create_draft(self, case_id: int, template: str, options: DraftOptions | None = None,
                     progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> DraftInfo:
        """Fill ``template`` for the case and store it as a new version (encrypted)."""
        self.ctx.session.require(Permission.DRAFT_EDIT)
        if template not in {t["name"] for t in self.templates_for_case(case_id)}:
            raise ValueError(Message("draft.template_procedure"))
        record, sources = self._record_and_sources(case_id, options)
        buffer = io.BytesIO()
        machine_on = bool(self.ctx.settings["assist_drafting"])
        result = fill_template(template_path(self.ctx, template), record, buffer, progress=progress, cancel=cancel,
                               machine_drafting=machine_on)
        cancel.check()
        data = buffer.getvalue()
        if sources.notes:  # where machine text came from, as Word comments on its paragraphs
            data, _ = add_comments(data, sources.notes)
        title = next((t["title"] for t in court_templates(self.ctx) if t["name"] == result.template), result.template)
        draft_id = self.versions.store(case_id, result.template, title, data, "template", None,
                                       result.machine_paragraphs, "draft.create", notes=sources.notes,
                                       machine_drafting=machine_on, claims_source=record.claims_source,
                                       transcript_sides=sorted(sources.sides), hearings=sources.hearings)
        return self.get_draft(draft_id)

    def get_draft(self, draft_id: int) -> DraftInfo:
        """One version's metadata."""
        self.ctx.session.require(Permission.CASE_READ)
        return self.versions.info(self.versions.row(draft_id))

    def list_drafts(self, case_id: int) -> list[DraftInfo]:
        """Every version of every draft of the case, newest first."""
        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query("SELECT * FROM drafts WHERE case_id = ? ORDER BY id DESC", (case_id,))
        return [self.versions.info(r) for r in rows]

    def draft_bytes(self, draft_id: int) -> bytes:
        """The .docx bytes of a version (decrypted in memory)."""
        self.ctx.session.require(Permission.CASE_READ)
        row = self.versions.row(draft_id)
        return self.ctx.store.blobs.read_bytes(row["blob_sha256"])

    def paragraphs(self, draft_id: int) -> list[str]:
        """Paragraph texts of a version (what the review panel shows)."""
        return read_paragraphs(self.draft_bytes(draft_id))

    def export_draft(self, draft_id: int, path: Path | str) -> Path:
        """Write a version to a file the user chose (to open in Word/WPS); audited."""
        self.ctx.session.require(Permission.DRAFT_EDIT)
        data = self.draft_bytes(draft_id)
        target = Path(path)
        target.write_bytes(data)
        row = self.versions.row(draft_id)
        self.ctx.audit_now("draft.export", f"case:{row['case_id']}", draft=draft_id, file=target.name)
        return target

    def import_version(self, draft_id: int, path: Path | str, allow_foreign: bool = False) -> DraftInfo:
        """Store a file edited in the word processor as the next version of the draft.

        A file naming another case's 案号, or parties who are not this case's, raises
        ForeignCaseData unless ``allow_foreign`` (the judge confirmed); what was found is then
        audited with the import.
        """
        from app.services.case_guard import guard

        self.ctx.session.require(Permission.DRAFT_EDIT)
        row = self.versions.row(draft_id)
        data = Path(path).read_bytes()
        texts = read_paragraphs(data)  # refuse anything that is not a readable .docx
        extra = guard(self.ctx, row["case_id"], [(Message("what.docx"), "\n".join(texts))], allow_foreign)
        new_id = self.versions.store(row["case_id"], row["template"], row["title"], data, "import", draft_id,
                                     machine_paragraphs_of(data), "draft.import", file=Path(path).name, **extra)
        return self.get_draft(new_id)

    def accept_machine_text(self, draft_id: int, paragraphs: list[int] | None = None) -> DraftInfo:
        """The judge accepts machine-drafted paragraphs (all of them, or the given paragraph
        numbers): a new version without their marks and source notes; their outputs accepted."""
        return self.machine_text.decide(draft_id, paragraphs, "accepted")

    def reject_machine_text(self, draft_id: int, paragraphs: list[int]) -> DraftInfo:
        """The judge rejects machine-drafted paragraphs: a new version where their machine text
        is the template's 【待补充】 marker for the judge to write; their outputs rejected."""
        return self.machine_text.decide(draft_id, paragraphs, "rejected")

    def machine_paragraphs(self, draft_id: int) -> list[MachineParagraph]:
        """The version's machine paragraphs awaiting the judge: number, text, source notes."""
        return self.machine_text.machine_paragraphs(draft_id)

    def sign(self, draft_id: int, reason: str = "") -> DraftInfo:
        """Sign a version (judges assigned to the case only; see SignOffService)."""
        self.ctx.signoff.sign(draft_id, reason)
        return self.get_draft(draft_id)

    def open_findings(self, draft_id: int) -> dict:
        """The review findings still open on a version (see SignOffService.open_findings)."""
        return self.ctx.signoff.open_findings(draft_id)

    # -- review ----------------------------------------------------------------------------

    def review(self, draft_id: int, progress: ProgressCallback = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> ReviewResult:
        """Review a version against the rules and the case record; the result is stored."""
        self.ctx.session.require(Permission.CASE_READ)
        if not self.ctx.settings["assist_review"]:
            raise AssistantOff(Message("draft.review_off"))
        row = self.versions.row(draft_id)
        case = self.ctx.cases.get_case(row["case_id"], audit=False)
        facts = _review_facts(case)
        result = review_document(self.draft_bytes(draft_id), record=facts, progress=progress, cancel=cancel)
        return self._save_review(row, result)

    def review_file(self, case_id: int, path: Path | str) -> ReviewResult:
        """Review a .docx the user picked (e.g. written outside the application) for the case."""
        self.require_case(case_id, Permission.CASE_READ)
        if not self.ctx.settings["assist_review"]:
            raise AssistantOff(Message("draft.review_off"))
        case = self.ctx.cases.get_case(case_id, audit=False)
        facts = _review_facts(case)
        result = review_document(Path(path), record=facts)
        self.ctx.audit_now("draft.review_file", f"case:{case_id}", file=Path(path).name,
                           errors=sum(f.severity == "error" for f in result.findings))
        return result

    def _save_review(self, row: dict, result: ReviewResult) -> ReviewResult:
        from engines.common import to_jsonable

        errors = sum(f.severity == "error" for f in result.findings)
        with self.ctx.store.write() as db:
            db["draft_reviews"].insert({
                "draft_id": row["id"], "created_at": _now(), "created_by": self.ctx.session.username,
                "rules_version": result.rules_version, "errors": errors,
                "warnings": len(result.findings) - errors,
                "findings": json.dumps(to_jsonable(result.findings), ensure_ascii=False)})
            self.ctx.audit(db, "draft.review", f"case:{row['case_id']}", draft=row["id"], errors=errors,
                           warnings=len(result.findings) - errors)
        return result

    def last_review(self, draft_id: int) -> dict | None:
        """The latest stored review of a version (findings as dicts), None if never reviewed."""
        self.versions.row(draft_id)
        rows = self.ctx.store.query("SELECT * FROM draft_reviews WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                                    (draft_id,))
        if not rows:
            return None
        return rows[0] | {"findings": json.loads(rows[0]["findings"])}


def _review_facts(case) -> CaseFacts:
    """What the review compares the draft with: 案号, parties and their roles, 立案 date, claims,
    the 审判组织 (signature block), and for the fee check the cause and procedure of the case record."""
    return CaseFacts(case_number=case.case_number, parties=[p.name for p in case.party_list],
                     filing_date=date.fromisoformat(case.filing_date), cause=case.cause or "",
                     procedure=case.procedure or "", claims=_claims(case.claims or ""),
                     party_roles={p.name: p.role for p in case.party_list}, bench=case.bench)


