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
from datetime import date, datetime, timezone
from decimal import Decimal
from pathlib import Path

from app.security.roles import Permission
from app.services import drafting_machine
from app.services.drafting_machine import MachineParagraph
from app.services.session import AppContext
from app.store.errors import NotFoundError
from engines.common import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from engines.drafting.case_record import Agent, CaseRecord, JudgeRecord, PartyRecord
from engines.drafting.fill import fill_template, list_templates, machine_paragraphs_of
from engines.drafting.sources import (
    SideStatements,
    Utterance,
    add_comments,
    document_section,
    locate_text,
    main_statements,
)
from engines.drafting.review import CaseFacts, ReviewResult, review_document
from engines.drafting.review.document import read_paragraphs
from engines.drafting.review.findings import RULE_LABELS  # noqa: F401 - re-exported for the review panel

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
FILL_MODEL = "template-fill/1"
DEFAULT_REASON = "由案件记录（立案、开庭、诉状、答辩）生成的段落，需法官确认"


class AssistantOff(RuntimeError):
    """The assistant was switched off in the settings (message in Chinese)."""


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


@dataclass
class DraftSources:
    """Case material besides the case record that a draft drew on, with where it came from.

    ``claims``/``claims_source``: the dossier's extracted claims (machine) and their page;
    ``sides``: each side's main statements from the hearing transcripts; ``hearings``: the
    hearings they come from. Notes become Word comments and the machine outputs' reasons."""

    claims: list[str] = field(default_factory=list)
    claims_source: str = ""
    sides: dict[str, SideStatements] = field(default_factory=dict)
    hearings: list[str] = field(default_factory=list)
    written: dict[str, tuple[str, str]] = field(default_factory=dict)  # 原告/被告 -> (事实与理由/答辩意见, page)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (text in the draft, where it came from)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _claims(text: str) -> list[str]:
    """Split the case's claims text (one per line, or 1.…；2.…) into items."""
    parts = re.split(r"[\n；;]+|(?:^|\s)\d+[.、．]", text or "")
    return [re.sub(r"^\d+[.、．]", "", p).strip(" 。") for p in parts if p and p.strip(" 。")]


class DraftingService:
    """Drafting and review for the logged-in user's cases."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- helpers ---------------------------------------------------------------------------

    def _check_case(self, case_id: int) -> None:
        rows = self.ctx.store.query("SELECT 1 FROM case_members WHERE case_id = ? AND user_id = ?",
                                    (case_id, self.ctx.session.user_id))
        if not rows:
            raise NotFoundError("案件不存在，或您不是该案的承办人员")

    def _row(self, draft_id: int) -> dict:
        rows = self.ctx.store.query("SELECT * FROM drafts WHERE id = ?", (draft_id,))
        if not rows:
            raise NotFoundError("文书不存在")
        self._check_case(rows[0]["case_id"])
        return rows[0]

    @staticmethod
    def _info(r: dict) -> DraftInfo:
        return DraftInfo(r["id"], r["case_id"], r["template"], r["title"], r["version"], r["status"], r["source"],
                         r["created_by"], r["created_at"], r["signed_by"], r["signed_at"],
                         json.loads(r["machine_paragraphs"] or "[]"), r["blob_sha256"] or "")

    def _store_version(self, case_id: int, template: str, title: str, data: bytes, source: str,
                       parent_id: int | None, machine: list[int], action: str,
                       notes: list[tuple[str, str]] | None = None, **audit_detail) -> int:
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
                outputs = self.ctx.service("outputs")
                texts = read_paragraphs(data)
                for index in machine:
                    where = "；".join(note for needle, note in notes or [] if needle and needle in texts[index])
                    reason = f"{where}；需法官确认" if where else DEFAULT_REASON
                    outputs.suggest(db, case_id, "draft_paragraph", f"draft:{draft_id}:p{index}", texts[index],
                                    reason, FILL_MODEL)
        return draft_id

    # -- case record -----------------------------------------------------------------------

    def case_record(self, case_id: int, options: DraftOptions | None = None) -> CaseRecord:
        """The plain case record a template is filled from (store data plus ``options``, plus the
        dossier's extracted claims and the hearing transcript's main statements when present)."""
        return self._record_and_sources(case_id, options)[0]

    def draft_sources(self, case_id: int) -> DraftSources:
        """What the dossier and the hearing transcripts give a draft (machine material)."""
        self.ctx.session.require(Permission.CASE_READ)
        self._check_case(case_id)
        case = self.ctx.service("cases").get_case(case_id, audit=False)
        return self._sources(case_id, case.party_list)

    def _sources(self, case_id: int, party_list) -> DraftSources:
        out = DraftSources()
        claims = _dossier_claims(self.ctx, case_id)
        if claims:
            out.claims, out.claims_source = claims
            out.notes.append((out.claims[0][:12], f"诉讼请求为机器从{out.claims_source}摘录"))
        for role, (text, where) in _dossier_statements(self.ctx, case_id).items():
            out.written[role] = (text, where)
            label = "事实与理由" if role == "原告" else "答辩意见"
            out.notes.append((text[:12], f"{label}为机器从{where}摘录"))
        names = {}
        for p in party_list:
            names.setdefault(p.role, []).append(p.name)
        utterances, hearings = _transcript(self.ctx, case_id)
        if utterances:
            out.sides = main_statements(utterances, names)
            out.hearings = hearings
            where = "、".join(f"《{h}》" for h in hearings) or "庭审笔录"
            for side in out.sides.values():
                for text in side.utterances:
                    out.notes.append((text[:12], f"{side.role}方陈述为机器从庭审笔录{where}摘录（采用书记员校改后的文字）"))
        return out

    def _record_and_sources(self, case_id: int, options: DraftOptions | None) -> tuple[CaseRecord, DraftSources]:
        self.ctx.session.require(Permission.CASE_READ)
        self._check_case(case_id)
        options = options or DraftOptions()
        case = self.ctx.service("cases").get_case(case_id, audit=False)
        machine_on = bool(self.ctx.settings["assist_drafting"])
        sources = self._sources(case_id, case.party_list) if machine_on else DraftSources()
        court = self.ctx.store.query(
            "SELECT name, appeal_court FROM courts WHERE id = coalesce((SELECT court_id FROM cases WHERE id = ?),"
            " (SELECT min(id) FROM courts))", (case_id,))
        court_name = (court[0]["name"] if court else "") or self.ctx.settings["court_name"]
        appeal = options.appeal_court or (court[0]["appeal_court"] if court else "") or _derive_appeal(court_name)
        hearing = options.hearing_date or _first_hearing(self.ctx, case_id)
        simple = case.procedure == "简易"
        judges = [JudgeRecord("审判员" if simple else "审判长", case.judge)] if case.judge else []
        parties = []
        for p in case.party_list:
            agents = [Agent(p.agent, p.agent_detail)] if p.agent else []
            organisation = p.kind != "自然人"
            parties.append(PartyRecord(
                role=p.role, name=p.name, kind="organisation" if organisation else "person", address=p.address,
                representative=p.representative, representative_label="法定代表人" if p.kind == "法人" else "负责人",
                agents=agents, statement=options.statements.get(p.name, "")))
        _attach_statements(parties, sources.sides, sources.written)
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

    def create_draft(self, case_id: int, template: str, options: DraftOptions | None = None,
                     progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> DraftInfo:
        """Fill ``template`` for the case and store it as a new version (encrypted)."""
        self.ctx.session.require(Permission.DRAFT_EDIT)
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
        draft_id = self._store_version(case_id, result.template, title, data, "template", None,
                                       result.machine_paragraphs, "draft.create", notes=sources.notes,
                                       machine_drafting=machine_on, claims_source=record.claims_source,
                                       transcript_sides=sorted(sources.sides), hearings=sources.hearings)
        return self.get_draft(draft_id)

    def get_draft(self, draft_id: int) -> DraftInfo:
        """One version's metadata."""
        self.ctx.session.require(Permission.CASE_READ)
        return self._info(self._row(draft_id))

    def list_drafts(self, case_id: int) -> list[DraftInfo]:
        """Every version of every draft of the case, newest first."""
        self.ctx.session.require(Permission.CASE_READ)
        self._check_case(case_id)
        rows = self.ctx.store.query("SELECT * FROM drafts WHERE case_id = ? ORDER BY id DESC", (case_id,))
        return [self._info(r) for r in rows]

    def draft_bytes(self, draft_id: int) -> bytes:
        """The .docx bytes of a version (decrypted in memory)."""
        self.ctx.session.require(Permission.CASE_READ)
        row = self._row(draft_id)
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
        row = self._row(draft_id)
        self.ctx.audit_now("draft.export", f"case:{row['case_id']}", draft=draft_id, file=target.name)
        return target

    def import_version(self, draft_id: int, path: Path | str) -> DraftInfo:
        """Store a file edited in the word processor as the next version of the draft."""
        self.ctx.session.require(Permission.DRAFT_EDIT)
        row = self._row(draft_id)
        data = Path(path).read_bytes()
        read_paragraphs(data)  # refuse anything that is not a readable .docx
        new_id = self._store_version(row["case_id"], row["template"], row["title"], data, "import", draft_id,
                                     machine_paragraphs_of(data), "draft.import", file=Path(path).name)
        return self.get_draft(new_id)

    def accept_machine_text(self, draft_id: int, paragraphs: list[int] | None = None) -> DraftInfo:
        """The judge accepts machine-drafted paragraphs (all of them, or the given paragraph
        numbers): a new version without their marks and source notes; their outputs accepted."""
        return drafting_machine.decide(self, draft_id, paragraphs, "accepted")

    def reject_machine_text(self, draft_id: int, paragraphs: list[int]) -> DraftInfo:
        """The judge rejects machine-drafted paragraphs: a new version where their machine text
        is the template's 【待补充】 marker for the judge to write; their outputs rejected."""
        return drafting_machine.decide(self, draft_id, paragraphs, "rejected")

    def machine_paragraphs(self, draft_id: int) -> list[MachineParagraph]:
        """The version's machine paragraphs awaiting the judge: number, text, source notes."""
        return drafting_machine.machine_paragraphs(self, draft_id)

    def _ancestors(self, draft_id: int) -> list[int]:
        chain, current = [], self._row(draft_id)["parent_id"]
        while current:
            chain.append(current)
            current = self._row(current)["parent_id"]
        return chain

    def sign(self, draft_id: int) -> DraftInfo:
        """Sign a version (judges assigned to the case only; see SignOffService)."""
        self.ctx.service("signoff").sign(draft_id)
        return self.get_draft(draft_id)

    # -- review ----------------------------------------------------------------------------

    def review(self, draft_id: int, progress: ProgressCallback = no_progress,
               cancel: CancelToken = NEVER_CANCELLED) -> ReviewResult:
        """Review a version against the rules and the case record; the result is stored."""
        self.ctx.session.require(Permission.CASE_READ)
        if not self.ctx.settings["assist_review"]:
            raise AssistantOff("文书辅助审查已在设置中关闭")
        row = self._row(draft_id)
        case = self.ctx.service("cases").get_case(row["case_id"], audit=False)
        facts = _review_facts(case)
        result = review_document(self.draft_bytes(draft_id), record=facts, progress=progress, cancel=cancel)
        return self._save_review(row, result)

    def review_file(self, case_id: int, path: Path | str) -> ReviewResult:
        """Review a .docx the user picked (e.g. written outside the application) for the case."""
        self.ctx.session.require(Permission.CASE_READ)
        self._check_case(case_id)
        if not self.ctx.settings["assist_review"]:
            raise AssistantOff("文书辅助审查已在设置中关闭")
        case = self.ctx.service("cases").get_case(case_id, audit=False)
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
        self._row(draft_id)
        rows = self.ctx.store.query("SELECT * FROM draft_reviews WHERE draft_id = ? ORDER BY id DESC LIMIT 1",
                                    (draft_id,))
        if not rows:
            return None
        return rows[0] | {"findings": json.loads(rows[0]["findings"])}


def _review_facts(case) -> CaseFacts:
    """What the review compares the draft with: 案号, parties and their roles, 立案 date, claims,
    and for the fee check the cause and procedure of the case record."""
    return CaseFacts(case_number=case.case_number, parties=[p.name for p in case.party_list],
                     filing_date=date.fromisoformat(case.filing_date), cause=case.cause or "",
                     procedure=case.procedure or "", claims=_claims(case.claims or ""),
                     party_roles={p.name: p.role for p in case.party_list})


def _dossier_claims(ctx: AppContext, case_id: int) -> tuple[list[str], str] | None:
    """The claims the cataloguing service extracted from the case's dossier, with their page
    (e.g. "卷宗第2页（起诉状）"), while they await a decision. Once a person decided (accepted:
    the case record holds them; rejected or changed) the case record is what counts. A dossier
    without a recorded extraction (e.g. arrived by exchange) is read with the same extractor."""
    rows = ctx.store.query("SELECT value, reason, state FROM machine_outputs WHERE case_id = ? AND kind = 'case_field'"
                           " AND target = 'claims' ORDER BY id DESC LIMIT 1", (case_id,))
    pages = [(r["page"], r["category"], r["text"]) for r in ctx.store.query(
        "SELECT page, category, text FROM dossier_pages WHERE case_id = ? ORDER BY page", (case_id,))]
    if rows:
        if rows[0]["state"] != "suggested":
            return None
        try:
            items = [str(c).strip() for c in json.loads(rows[0]["value"]) if str(c).strip()]
        except (ValueError, TypeError):
            return None
        fallback = re.search(r"卷宗第\s*(\d+)", rows[0]["reason"] or "")
    else:
        if not any(text for _, _, text in pages):
            return None
        from engines.cataloguing.caseinfo import PageText, extract_case_info

        by_label = ctx.service("cataloguing").rules.by_label
        texts = [PageText(page, by_label[cat].code if cat in by_label else "", text) for page, cat, text in pages]
        items = extract_case_info(texts).claims
        fallback = None
    if not items:
        return None
    found = locate_text(items[0], pages)
    if found:
        return items, f"卷宗第{found[0]}页（{found[1]}）"
    return items, f"卷宗第{fallback.group(1)}页" if fallback else "卷宗"


def _transcript(ctx: AppContext, case_id: int) -> tuple[list[Utterance], list[str]]:
    """Every hearing's segments in order (the text as the clerk left it after edits) and the
    titles of the hearings that have any."""
    rows = ctx.store.query(
        "SELECT h.id AS hearing, h.title, s.speaker, s.text FROM hearing_segments s JOIN hearings h ON h.id = s.hearing_id"
        " WHERE h.case_id = ? ORDER BY h.id, s.position, s.id", (case_id,))
    titles: list[str] = []
    for r in rows:
        if (r["title"] or "") not in titles:
            titles.append(r["title"] or "")
    return [Utterance(r["speaker"], r["text"]) for r in rows], [t for t in titles if t]


def _dossier_statements(ctx: AppContext, case_id: int) -> dict[str, tuple[str, str]]:
    """The 事实与理由 of the dossier's first 起诉状 and the 答辩意见 of its first 答辩状, each with
    its page ("卷宗第2页（起诉状）"); roles without such a document are absent."""
    documents = ctx.store.query("SELECT category, start_page, end_page FROM dossier_documents WHERE case_id = ?"
                                " ORDER BY position", (case_id,))
    if not documents:
        return {}
    by_label = ctx.service("cataloguing").rules.by_label
    out: dict[str, tuple[str, str]] = {}
    for role, code in (("原告", "complaint"), ("被告", "defence")):
        doc = next((d for d in documents if d["category"] in by_label and by_label[d["category"]].code == code), None)
        if doc is None:
            continue
        pages = [(r["page"], r["text"]) for r in ctx.store.query(
            "SELECT page, text FROM dossier_pages WHERE case_id = ? AND page BETWEEN ? AND ? ORDER BY page",
            (case_id, doc["start_page"], doc["end_page"]))]
        found = document_section(code, pages)
        if found:
            out[role] = (found[0], f"卷宗第{found[1]}页（{doc['category']}）")
    return out


def _attach_statements(parties: list[PartyRecord], sides: dict[str, SideStatements],
                       written: dict[str, tuple[str, str]] | None = None) -> None:
    """Give the first party of a role the dossier's written 事实与理由/答辩意见 when the caller gave
    none, and each side's transcript statements to its party (the one the speaker labels named,
    else the first party of the role). Where neither written text exists, the side's first main
    utterance (normally the 诉讼请求/答辩 read out) stands in for it and the rest are the
    当庭陈述; otherwise all of them are."""
    for role, (text, _) in (written or {}).items():
        party = next((p for p in parties if p.role == role), None)
        if party is not None and not party.statement:
            party.statement = text
    for role, side in sides.items():
        party = next((p for p in parties if p.role == role and p.name == side.party), None) or next(
            (p for p in parties if p.role == role), None)
        if party is None or not side.utterances:
            continue
        utterances = list(side.utterances)
        if not party.statement:
            party.statement = utterances.pop(0)
        party.hearing_statement = "".join(utterances)


def template_path(ctx: AppContext, template: str | Path) -> str | Path:
    """The court's own template of that name (``<data>/templates/``, installed from the platform)
    when there is one, else the name itself (the engine finds the bundled template)."""
    if isinstance(template, str) and not template.lower().endswith(".docx"):
        court = ctx.store.layout.templates / f"{template}.docx"
        if court.is_file():
            return court
    return template


def court_templates(ctx: AppContext) -> list[dict]:
    """The court's templates, then the bundled ones it does not replace (by name)."""
    folder = ctx.store.layout.templates
    court = list_templates(folder) if folder.is_dir() else []
    names = {t["name"] for t in court}
    return sorted(court + [t for t in list_templates() if t["name"] not in names], key=lambda t: t["name"])


def _first_hearing(ctx: AppContext, case_id: int) -> date | None:
    rows = ctx.store.query("SELECT min(date) AS d FROM case_events WHERE case_id = ? AND kind LIKE '%开庭%'", (case_id,))
    value = rows[0]["d"] if rows else None
    if not value:
        rows = ctx.store.query("SELECT min(started_at) AS d FROM hearings WHERE case_id = ? AND started_at != ''",
                               (case_id,))
        value = rows[0]["d"] if rows else None
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _derive_appeal(court_name: str) -> str:
    """The next-level court when the name says it (province + prefecture), else ''."""
    from engines.drafting.review.check_appeal import parse_court
    from engines.drafting.review.resources import load_rules

    rules = load_rules()
    court = parse_court(court_name, rules)
    if court.level == "basic" and court.province and court.city:
        return f"{court.province}{court.city}中级人民法院"
    if court.level == "intermediate" and court.province:
        return f"{court.province}高级人民法院"
    if court.level == "high":
        return rules.courts.get("supreme", "最高人民法院")
    return ""
