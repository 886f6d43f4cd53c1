"""Cases and their parties: list, search, view, create, edit — with role checks and audit.

A case is visible to the users assigned to it (judge, clerk, further panel members); IT
sees no case content.  Every view and change is audited.  Edits use optimistic locking
(``version``) so two windows cannot silently overwrite each other.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date
from app.clock import now as _now
from app.messages import Message, Term
from app.security.roles import Permission
from app.services.assignment import check_assignment
from app.services.deadlines import deadline_for, remaining_days, urgency
from app.services.session import AppContext
from app.store import search
from app.store.errors import ConflictError, NotFoundError
from engines.casenumber import CaseNumberError, parse_case_number

STATUSES = ("待立案", "审理中", "中止", "已结案", "已归档")
PARTY_ROLES = ("原告", "被告", "第三人")
PARTY_KINDS = ("自然人", "法人", "非法人组织")
#: 审判组织: one judge, or a collegial panel (合议庭).
BENCHES = ("独任", "合议庭")
#: Titles of a panel member besides the judge in charge.
PANEL_ROLES = ("审判长", "审判员", "人民陪审员")
SORT_COLUMNS = {"deadline": "c.deadline", "filing_date": "c.filing_date", "case_number": "c.case_number",
                "cause": "c.cause", "status": "c.status", "updated_at": "c.updated_at"}


class ValidationError(ValueError):
    """Input a user must correct; ``field`` names the form field; ``str()`` is the message in
    the user interface's language (see app/messages.py)."""

    def __init__(self, field_name: str, message: Message | str) -> None:
        super().__init__(message)
        self.field = field_name

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class PanelMember:
    """A member of a 合议庭 besides the judge in charge (审判长, 审判员 or 人民陪审员)."""

    role: str
    name: str


@dataclass
class Party:
    """A party to a case."""

    role: str
    name: str
    kind: str = "自然人"
    id_number: str = ""
    address: str = ""
    representative: str = ""
    agent: str = ""
    agent_detail: str = ""
    id: int | None = None


@dataclass
class CaseInput:
    """What the create/edit form submits."""

    case_number: str
    cause: str
    procedure: str
    filing_date: date
    judge_id: int | None = None
    clerk_id: int | None = None
    status: str = "审理中"
    claims: str = ""
    notes: str = ""
    extension_days: int = 0
    parties: list[Party] = field(default_factory=list)
    bench: str = ""  # 独任 | 合议庭; "" = what the procedure implies (简易 → 独任, 普通 → 合议庭)
    panel: list[PanelMember] = field(default_factory=list)


def default_bench(procedure: str) -> str:
    """The bench a procedure implies when none is chosen: 简易 → 独任, else 合议庭."""
    return "独任" if procedure == "简易" else "合议庭"


@dataclass
class CaseSummary:
    """One row of the case list."""

    id: int
    case_number: str
    cause: str
    case_type: str
    procedure: str
    status: str
    filing_date: str
    deadline: str
    remaining_days: int
    urgency: str
    judge: str
    clerk: str
    parties: str


@dataclass
class CaseDetail(CaseSummary):
    """A case with its parties, for the detail view and the edit form."""

    judge_id: int | None = None
    clerk_id: int | None = None
    claims: str = ""
    notes: str = ""
    extension_days: int = 0
    version: int = 1
    party_list: list[Party] = field(default_factory=list)
    bench: str = "合议庭"
    panel: list[PanelMember] = field(default_factory=list)


def _validate(data: CaseInput) -> tuple[str, object]:
    try:
        number = parse_case_number(data.case_number)
    except CaseNumberError as exc:
        raise ValidationError("case_number", Message("case.number_invalid", reason=str(exc))) from None
    if not data.cause.strip():
        raise ValidationError("cause", Message("case.cause_missing"))
    if data.procedure not in ("普通", "简易"):
        raise ValidationError("procedure", Message("case.procedure_invalid"))
    if data.status not in STATUSES:
        raise ValidationError("status", Message("case.status_invalid", choices=[Term(s) for s in STATUSES]))
    if data.filing_date > date.today():
        raise ValidationError("filing_date", Message("case.filing_future"))
    if data.filing_date.year != number.year:
        raise ValidationError("filing_date", Message("case.filing_year", year=data.filing_date.year,
                                                     number_year=number.year))
    if not 0 <= data.extension_days <= 366:
        raise ValidationError("extension_days", Message("case.extension_range"))
    for p in data.parties:
        if not p.name.strip():
            raise ValidationError("parties", Message("case.party_name_missing"))
        if p.role not in PARTY_ROLES:
            raise ValidationError("parties", Message("case.party_role_invalid", choices=[Term(r) for r in PARTY_ROLES]))
        if p.kind not in PARTY_KINDS:
            raise ValidationError("parties", Message("case.party_kind_invalid", choices=[Term(k) for k in PARTY_KINDS]))
    check_bench(data.procedure, data.bench or default_bench(data.procedure), data.panel)
    return str(number), number


def check_bench(procedure: str, bench: str, panel: list[PanelMember]) -> None:
    """The 审判组织 rules (ValidationError on field ``bench``).

    - 简易程序 is heard by one judge (民事诉讼法 第一百六十条): 独任 only.
    - 普通程序 may be either: since the 2021 amendment a basic court may hear a first-instance
      普通程序 case whose facts are disputed but whose law is clear with one judge (第四十条).
    - A 合议庭 has an odd number of members, three or more counting the judge in charge, and at
      most one 审判长; members may be entered later (an empty panel is not yet complete, and the
      signature block then leaves their lines to complete).
    """
    if bench not in BENCHES:
        raise ValidationError("bench", Message("bench.invalid"))
    if procedure == "简易" and bench != "独任":
        raise ValidationError("bench", Message("bench.simple_single"))
    if bench == "独任":
        if panel:
            raise ValidationError("bench", Message("bench.single_no_panel"))
        return
    for m in panel:
        if m.role not in PANEL_ROLES:
            raise ValidationError("bench", Message("bench.member_role", choices=[Term(r) for r in PANEL_ROLES]))
        if not m.name.strip():
            raise ValidationError("bench", Message("bench.member_name"))
    if sum(1 for m in panel if m.role == "审判长") > 1:
        raise ValidationError("bench", Message("bench.one_presiding"))
    if panel and (len(panel) + 1 < 3 or (len(panel) + 1) % 2 == 0):
        raise ValidationError("bench", Message("bench.odd", count=len(panel) + 1))


def bench_lines(bench: str, judge: str, panel: list[PanelMember]) -> list[tuple[str, str]]:
    """The signature block's (title, name) lines for a case's bench.

    独任: 审判员 and the judge in charge alone. 合议庭: the 审判长 first (the judge in charge
    presides unless a member is entered as 审判长), then the 审判员, then the 人民陪审员; a
    panel not entered yet leaves two lines with an empty name (to complete)."""
    if bench == "独任":
        return [("审判员", judge)]
    presiding = next((m for m in panel if m.role == "审判长"), None)
    lines = [("审判长", presiding.name)] if presiding else [("审判长", judge)]
    judges = [m.name for m in panel if m.role == "审判员"] + ([judge] if presiding else [])
    lines += [("审判员", n) for n in judges]
    lines += [("人民陪审员", m.name) for m in panel if m.role == "人民陪审员"]
    while len(lines) < 3:
        lines.append(("审判员", ""))
    return lines


def check_case_number(text: str) -> tuple[bool, str]:
    """For live form feedback: (valid, normalised number with its case type, or the reason)."""
    try:
        parsed = parse_case_number(text)
    except CaseNumberError as exc:
        return False, str(exc)
    return True, f"{parsed}（{parsed.case_type}）"


def case_text(data: CaseInput, normalised_number: str) -> str:
    """The text indexed for full-text search."""
    parts = [normalised_number, data.cause, data.claims, data.notes]
    for p in data.parties:
        parts += [p.role, p.name, p.representative, p.agent, p.agent_detail, p.address]
    return "\n".join(x for x in parts if x)


class CaseService:
    """Case records for the logged-in user."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------------

    def _visibility(self) -> tuple[str, list]:
        # EXISTS lets SQLite walk the sort index and stop after one page (IN would collect
        # every member case and sort them all first).
        return ("EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = ?)",
                [self.ctx.session.user_id])

    def _filters(self, query: str, status: str | None, deadline_within: int | None,
                 today: date) -> tuple[list[str], list]:
        """WHERE conditions and parameters for the list's filters and search text."""
        where, params = [self._visibility()[0]], list(self._visibility()[1])
        if status:
            where.append("c.status = ?")
            params.append(status)
        if deadline_within is not None:
            where.append("c.deadline <= ? AND c.status NOT IN ('已结案', '已归档')")
            params.append(date.fromordinal(today.toordinal() + deadline_within).isoformat())
        if query.strip():
            # Word search first, substring search when words find nothing. The choice is made
            # on the whole result, not per page, so later pages continue the same list.
            conditions = [c for c in (search.fts_condition(query), search.substring_condition(query)) if c]
            chosen = conditions[-1] if conditions else ("0", [])
            for cond in conditions:
                probe = f"SELECT 1 FROM cases c WHERE {' AND '.join(where + [cond[0]])} LIMIT 1"
                if self.ctx.store.query(probe, tuple(params + cond[1])):
                    chosen = cond
                    break
            where.append(chosen[0])
            params += chosen[1]
        return where, params

    def count_cases(self, query: str = "", status: str | None = None, deadline_within: int | None = None,
                    today: date | None = None) -> int:
        """How many visible cases match the same filters as :meth:`list_cases`."""
        self.ctx.session.require(Permission.CASE_READ)
        where, params = self._filters(query, status, deadline_within, today or date.today())
        return self.ctx.store.query(f"SELECT count(*) AS n FROM cases c WHERE {' AND '.join(where)}",
                                    tuple(params))[0]["n"]

    def list_cases(self, query: str = "", status: str | None = None, deadline_within: int | None = None,
                   sort: str = "deadline", descending: bool = False, limit: int = 200, offset: int = 0,
                   today: date | None = None) -> list[CaseSummary]:
        """Visible cases, filtered by text, status and days to deadline, sorted, one page."""
        self.ctx.session.require(Permission.CASE_READ)
        today = today or date.today()
        where, params = self._filters(query, status, deadline_within, today)
        order = SORT_COLUMNS.get(sort, "c.deadline") + (" DESC" if descending else " ASC") + ", c.id"
        rows = self._select(where, params, order, limit, offset)
        warn = self.ctx.settings["deadline_warning_days"]
        out = []
        for r in rows:
            left = remaining_days(date.fromisoformat(r["deadline"]), today)
            out.append(CaseSummary(
                id=r["id"], case_number=r["case_number"], cause=r["cause"], case_type=r["case_type"],
                procedure=r["procedure"], status=r["status"], filing_date=r["filing_date"], deadline=r["deadline"],
                remaining_days=left, urgency=urgency(left, warn) if r["status"] not in ("已结案", "已归档") else "ok",
                judge=r["judge"] or "", clerk=r["clerk"] or "", parties=r["parties"] or ""))
        return out

    def _select(self, where: list[str], params: list, order: str, limit: int, offset: int) -> list[dict]:
        # Pick the page of ids first: the per-row party summary and joins then run for the
        # page only, not for every matching case before the sort.
        sql = (
            f"WITH page AS (SELECT c.id FROM cases c WHERE {' AND '.join(where)} ORDER BY {order} LIMIT ? OFFSET ?)"
            " SELECT c.*, j.display_name AS judge, k.display_name AS clerk,"
            # The ORDER BY belongs inside group_concat: after the FROM it would order the one
            # result row, leaving the parties in whatever order the index returned them.
            " (SELECT group_concat(p.role || '：' || p.name, '；' ORDER BY p.position)"
            "  FROM parties p WHERE p.case_id = c.id) AS parties"
            " FROM page JOIN cases c ON c.id = page.id"
            " LEFT JOIN users j ON j.id = c.judge_id LEFT JOIN users k ON k.id = c.clerk_id"
            f" ORDER BY {order}"
        )
        return self.ctx.store.query(sql, tuple(params + [limit, offset]))

    def _check_visible(self, case_id: int) -> None:
        from app.services.base import require_case  # the one access check (base imports nothing of this)

        require_case(self.ctx, case_id)

    def get_case(self, case_id: int, audit: bool = True) -> CaseDetail:
        """One case with parties; recorded in the audit trail as a view."""
        self.ctx.session.require(Permission.CASE_READ)
        self._check_visible(case_id)
        rows = self._select(["c.id = ?"], [case_id], "c.id", 1, 0)
        r = rows[0]
        parties = [Party(role=p["role"], name=p["name"], kind=p["kind"], id_number=p["id_number"], address=p["address"],
                         representative=p["representative"], agent=p["agent"], agent_detail=p["agent_detail"], id=p["id"])
                   for p in self.ctx.store.query("SELECT * FROM parties WHERE case_id = ? ORDER BY position, id", (case_id,))]
        left = remaining_days(date.fromisoformat(r["deadline"]))
        if audit:
            self.ctx.audit_now("case.view", f"case:{case_id}")
        return CaseDetail(
            id=r["id"], case_number=r["case_number"], cause=r["cause"], case_type=r["case_type"], procedure=r["procedure"],
            status=r["status"], filing_date=r["filing_date"], deadline=r["deadline"], remaining_days=left,
            urgency=urgency(left, self.ctx.settings["deadline_warning_days"]) if r["status"] not in ("已结案", "已归档") else "ok",
            judge=r["judge"] or "", clerk=r["clerk"] or "", parties=r["parties"] or "", judge_id=r["judge_id"],
            clerk_id=r["clerk_id"], claims=r["claims"], notes=r["notes"], extension_days=r["extension_days"],
            version=r["version"], party_list=parties, bench=r["bench"],
            panel=[PanelMember(m["role"], m["name"]) for m in json.loads(r["panel"] or "[]")])

    def staff(self) -> list[dict]:
        """Active judges and clerks who can be assigned to a case."""
        self.ctx.session.require(Permission.CASE_CREATE)
        return self.ctx.store.query(
            "SELECT id, username, display_name, role FROM users WHERE active = 1 AND role IN ('审判员', '书记员')"
            " ORDER BY role, display_name")

    # -- writing -------------------------------------------------------------------------

    def create_case(self, data: CaseInput) -> int:
        """Validate and insert a case; the creator is always a member."""
        self.ctx.session.require(Permission.CASE_CREATE)
        number_text, number = _validate(data)
        if self.ctx.store.query("SELECT 1 FROM cases WHERE case_number = ?", (number_text,)):
            raise ValidationError("case_number", Message("case.number_exists", number=number_text))
        now = _now()
        row = self._row(data, number_text, number) | {"created_at": now, "updated_at": now, "version": 1}
        with self.ctx.store.write() as db:
            check_assignment(db, self.ctx.session.role, None, {"judge_id": data.judge_id, "clerk_id": data.clerk_id})
            case_id = db["cases"].insert(row).last_pk
            self._write_parties(db, case_id, data.parties)
            self._write_members(db, case_id, data, creator=True)
            db["case_events"].insert({"case_id": case_id, "kind": "立案", "date": data.filing_date.isoformat(), "detail": ""})
            search.index_case(db, case_id, case_text(data, number_text))
            self.ctx.audit(db, "case.create", f"case:{case_id}", case_number=number_text)
        return case_id

    def update_case(self, case_id: int, data: CaseInput, expected_version: int) -> None:
        """Save an edit; raises ConflictError when the case changed since it was read."""
        self.ctx.session.require(Permission.CASE_EDIT)
        self._check_visible(case_id)
        number_text, number = _validate(data)
        clash = self.ctx.store.query("SELECT id FROM cases WHERE case_number = ? AND id != ?", (number_text, case_id))
        if clash:
            raise ValidationError("case_number", Message("case.number_taken", number=number_text))
        with self.ctx.store.write() as db:
            before = db.execute("SELECT version, case_number, cause, status, procedure, filing_date, judge_id, clerk_id,"
                                " bench, panel FROM cases WHERE id = ?", (case_id,)).fetchone()
            if before is None:
                raise NotFoundError(Message("case.not_found"))
            if before[0] != expected_version:
                raise ConflictError(Message("case.conflict"))
            assigned = check_assignment(db, self.ctx.session.role, {"judge_id": before[6], "clerk_id": before[7]},
                                        {"judge_id": data.judge_id, "clerk_id": data.clerk_id})
            row = self._row(data, number_text, number) | {"updated_at": _now(), "version": expected_version + 1}
            db["cases"].update(case_id, row)
            db.execute("DELETE FROM parties WHERE case_id = ?", (case_id,))
            self._write_parties(db, case_id, data.parties)
            self._write_members(db, case_id, data)
            search.index_case(db, case_id, case_text(data, number_text))
            fields = ("case_number", "cause", "status", "procedure", "filing_date")
            changed = {k: v for k, v in zip(fields, before[1:6]) if str(row[k]) != str(v)}
            changed |= {k: v for k, v in zip(("bench", "panel"), before[8:10]) if str(row[k]) != str(v)}
            self.ctx.audit(db, "case.update", f"case:{case_id}", changed_from=changed,
                           changed_to={k: row[k] for k in changed}, assignment=assigned)

    def _row(self, data: CaseInput, number_text: str, number) -> dict:
        return {
            "case_number": number_text, "year": number.year, "type_code": number.type_code,
            "case_type": number.case_type, "cause": data.cause.strip(), "procedure": data.procedure,
            "filing_date": data.filing_date.isoformat(),
            "deadline": deadline_for(data.filing_date, data.procedure, data.extension_days).isoformat(),
            "extension_days": data.extension_days, "status": data.status, "judge_id": data.judge_id,
            "clerk_id": data.clerk_id, "claims": data.claims, "notes": data.notes,
            "bench": data.bench or default_bench(data.procedure),
            "panel": json.dumps([{"role": m.role, "name": m.name.strip()} for m in data.panel], ensure_ascii=False),
        }

    @staticmethod
    def _write_parties(db, case_id: int, parties: list[Party]) -> None:
        for i, p in enumerate(parties):
            row = {k: v for k, v in asdict(p).items() if k != "id"}
            db["parties"].insert(row | {"case_id": case_id, "position": i, "name": p.name.strip()})

    def _write_members(self, db, case_id: int, data: CaseInput, creator: bool = False) -> None:
        db.execute("DELETE FROM case_members WHERE case_id = ? AND duty IN ('承办法官', '书记员')", (case_id,))
        members = {self.ctx.session.user_id: "创建人"} if creator else {}
        if data.judge_id:
            members[data.judge_id] = "承办法官"
        if data.clerk_id:
            members[data.clerk_id] = "书记员"
        for user_id, duty in members.items():
            db.execute("INSERT OR REPLACE INTO case_members (case_id, user_id, duty) VALUES (?, ?, ?)",
                       (case_id, user_id, duty))
