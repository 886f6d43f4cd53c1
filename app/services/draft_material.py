"""The case material a draft is made from besides the case record: the dossier's extracted
claims and written statements, the hearing transcripts' main statements, the court's
templates and the court of appeal, each with where it came from.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.services.session import AppContext
from engines.drafting.case_material import SideStatements, Utterance, document_section, locate_text, main_statements
from engines.drafting.case_record import PartyRecord
from engines.drafting.fill import list_templates


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


def gather_sources(ctx: AppContext, case_id: int, party_list) -> DraftSources:
    """What the dossier and the hearing transcripts give a draft of the case (access checked
    by the caller), with a note on where each piece came from."""
    out = DraftSources()
    claims = _dossier_claims(ctx, case_id)
    if claims:
        out.claims, out.claims_source = claims
        out.notes.append((out.claims[0][:12], f"诉讼请求为机器从{out.claims_source}摘录"))
    for role, (text, where) in _dossier_statements(ctx, case_id).items():
        out.written[role] = (text, where)
        label = "事实与理由" if role == "原告" else "答辩意见"
        out.notes.append((text[:12], f"{label}为机器从{where}摘录"))
    names = {}
    for p in party_list:
        names.setdefault(p.role, []).append(p.name)
    utterances, hearings = _transcript(ctx, case_id)
    if utterances:
        out.sides = main_statements(utterances, names)
        out.hearings = hearings
        where = "、".join(f"《{h}》" for h in hearings) or "庭审笔录"
        for side in out.sides.values():
            for text in side.utterances:
                out.notes.append((text[:12], f"{side.role}方陈述为机器从庭审笔录{where}摘录（采用书记员校改后的文字）"))
    return out


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

        by_label = ctx.cataloguing.rules.by_label
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
    by_label = ctx.cataloguing.rules.by_label
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


def attach_statements(parties: list[PartyRecord], sides: dict[str, SideStatements],
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


def first_hearing(ctx: AppContext, case_id: int) -> date | None:
    """The first 开庭 date of the case (case events, else the first recorded hearing), or None."""
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


def derive_appeal(court_name: str) -> str:
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
