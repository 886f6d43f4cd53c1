"""Applying an incoming platform package to the store (case assignments, dossier files,
platform updates). Collecting a case for export is :mod:`app.services.exchange_outgoing`.

Called by :class:`app.services.exchange.ExchangeService` inside the ledger transaction, so a
case assignment, its dossier files and the package's ledger record commit together. A
platform change to a field that was also changed locally is not applied: both values go to
``exchange_conflicts`` and a user chooses field by field.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from app.messages import Message
from app.clock import now as _now
from app.services.cases import CaseInput, Party, case_text
from app.services.deadlines import deadline_for
from app.services.platform_updates import MAX_UPDATE_FILE, is_update_path
from app.services.platform_updates import install as install_update
from app.store import search
from engines.casenumber import CaseNumberError, parse_case_number
from engines.exchange.package_reader import VerifiedPackage

CASE_FILE = "case.json"  # the case record in a package, both directions
MAX_CASE_JSON = 4 << 20
# Fields the platform may set; "parties" is compared and applied as a whole list.
SYNC_FIELDS = ("case_number", "cause", "procedure", "filing_date", "status", "claims", "parties")


def _parties_value(parties: list[dict]) -> str:
    rows = [{"role": p.get("role", ""), "name": str(p.get("name", "")).strip(), "kind": p.get("kind") or "自然人"}
            for p in parties]
    return json.dumps(rows, ensure_ascii=False, sort_keys=True)


def platform_values(record: dict) -> dict[str, str]:
    """The synced fields of a platform ``case.json`` as comparable strings."""
    parties = record.get("parties")
    if parties is None:
        parties = ([{"role": "原告", "name": n} for n in record.get("plaintiffs", [])]
                   + [{"role": "被告", "name": n} for n in record.get("defendants", [])])
    values = {"parties": _parties_value(parties)}
    for f in SYNC_FIELDS[:-1]:
        if record.get(f) not in (None, ""):
            values[f] = str(record[f])
    return values


def local_values(db, case_id: int) -> dict[str, str]:
    """The synced fields of a local case as comparable strings."""
    row = db.execute("SELECT case_number, cause, procedure, filing_date, status, claims FROM cases WHERE id=?",
                     (case_id,)).fetchone()
    parties = [dict(zip(("role", "name", "kind"), r)) for r in
               db.execute("SELECT role, name, kind FROM parties WHERE case_id=? ORDER BY position, id", (case_id,))]
    return dict(zip(SYNC_FIELDS[:-1], map(str, row))) | {"parties": _parties_value(parties)}


def _case_input(values: dict[str, str]) -> CaseInput:
    parties = [Party(p["role"], p["name"], p["kind"]) for p in json.loads(values.get("parties", "[]"))]
    return CaseInput(case_number=values["case_number"], cause=values.get("cause", ""),
                     procedure=values.get("procedure", "普通"), filing_date=date.fromisoformat(values["filing_date"]),
                     status=values.get("status", "审理中"), claims=values.get("claims", ""), parties=parties)


def set_fields(db, case_id: int, changes: dict[str, str]) -> None:
    """Write synced fields to a case (derived columns, parties and search index follow)."""
    if not changes:
        return
    current = local_values(db, case_id) | changes
    try:
        number = parse_case_number(current["case_number"])
    except CaseNumberError as exc:
        raise ValueError(Message("exchange.bad_case_number", reason=str(exc))) from None
    filing = date.fromisoformat(current["filing_date"])
    ext = db.execute("SELECT extension_days FROM cases WHERE id=?", (case_id,)).fetchone()[0]
    db.execute(
        "UPDATE cases SET case_number=?, year=?, type_code=?, case_type=?, cause=?, procedure=?, filing_date=?,"
        " deadline=?, status=?, claims=?, updated_at=?, version=version+1 WHERE id=?",
        (str(number), number.year, number.type_code, number.case_type, current["cause"], current["procedure"],
         filing.isoformat(), deadline_for(filing, current["procedure"], ext).isoformat(), current["status"],
         current["claims"], _now(), case_id))
    if current["procedure"] == "简易":
        # 简易程序 is heard by one judge (app/services/cases.py check_bench): the platform's
        # change of procedure takes the bench with it.
        db.execute("UPDATE cases SET bench='独任', panel='[]' WHERE id=?", (case_id,))
    if "parties" in changes:
        db.execute("DELETE FROM parties WHERE case_id=?", (case_id,))
        for i, p in enumerate(json.loads(current["parties"])):
            db.execute("INSERT INTO parties (case_id, role, kind, name, position) VALUES (?,?,?,?,?)",
                       (case_id, p["role"], p["kind"], p["name"], i))
    data = _case_input(current)
    search.index_case(db, case_id, case_text(data, str(number)))


def _user_id(db, username: object, role: str) -> int | None:
    if not isinstance(username, str) or not username:
        return None
    row = db.execute("SELECT id FROM users WHERE username=? AND role=? AND active=1", (username, role)).fetchone()
    return row[0] if row else None


def _apply_assignment(db, case_id: int, record: dict) -> None:
    # Who hears a case is decided by the platform's case assignment (分案), so a reassignment is
    # applied as sent; a name this terminal does not know leaves the current person in place.
    for key, role, column, duty in (("judge", "审判员", "judge_id", "承办法官"), ("clerk", "书记员", "clerk_id", "书记员")):
        user_id = _user_id(db, record.get(key), role)
        if user_id is None:
            continue
        current = db.execute(f"SELECT {column} FROM cases WHERE id=?", (case_id,)).fetchone()[0]
        if current == user_id:
            continue
        db.execute(f"UPDATE cases SET {column}=? WHERE id=?", (user_id, case_id))
        db.execute("DELETE FROM case_members WHERE case_id=? AND duty=?", (case_id, duty))
        db.execute("INSERT OR REPLACE INTO case_members (case_id, user_id, duty) VALUES (?,?,?)",
                   (case_id, user_id, duty))


def _insert_case(db, record: dict, values: dict[str, str]) -> int:
    try:
        number = parse_case_number(values["case_number"])
    except (CaseNumberError, KeyError) as exc:
        raise ValueError(Message("exchange.bad_case_number", reason=str(exc))) from None
    filing = date.fromisoformat(values["filing_date"])
    procedure = values.get("procedure", "普通")
    judge_id, clerk_id = _user_id(db, record.get("judge"), "审判员"), _user_id(db, record.get("clerk"), "书记员")
    now = _now()
    cur = db.execute(
        "INSERT INTO cases (case_number, year, type_code, case_type, cause, procedure, filing_date, deadline,"
        " status, judge_id, clerk_id, claims, created_at, updated_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,1)",
        (str(number), number.year, number.type_code, number.case_type, values.get("cause", ""), procedure,
         filing.isoformat(), deadline_for(filing, procedure).isoformat(), values.get("status", "审理中"),
         judge_id, clerk_id, values.get("claims", ""), now, now))
    case_id = cur.lastrowid
    for user_id, duty in ((judge_id, "承办法官"), (clerk_id, "书记员")):
        if user_id:
            db.execute("INSERT OR REPLACE INTO case_members (case_id, user_id, duty) VALUES (?,?,?)",
                       (case_id, user_id, duty))
    db.execute("INSERT INTO case_events (case_id, kind, date, detail) VALUES (?,?,?,?)",
               (case_id, "立案", filing.isoformat(), "平台分案"))
    set_fields(db, case_id, {"parties": values["parties"]})
    db.execute("UPDATE cases SET version=1 WHERE id=?", (case_id,))
    return case_id


def upsert_case(db, record: dict, package_id: str) -> tuple[int, list[str], list[str]]:
    """Create or update the case of a platform ``case.json``; returns (case id, applied fields,
    conflicting fields)."""
    platform_id = record.get("case_id")
    if not isinstance(platform_id, str) or not platform_id:
        raise ValueError(Message("exchange.no_case_id"))
    incoming = platform_values(record)
    sync = db.execute("SELECT case_id, base_json, exported_version FROM exchange_case_sync WHERE platform_case_id=?",
                      (platform_id,)).fetchone()
    if sync is None:
        existing = db.execute("SELECT id, version FROM cases WHERE case_number=?",
                              (incoming.get("case_number", ""),)).fetchone()
        if existing is None:
            case_id = _insert_case(db, record, incoming)
            db.execute("INSERT INTO exchange_case_sync VALUES (?,?,?,?,?,?)",
                       (case_id, platform_id, json.dumps(incoming, ensure_ascii=False), 1, package_id, _now()))
            return case_id, list(incoming), []
        # A case entered by hand before the platform sent it: its values count as local edits.
        case_id, base, exported = existing[0], {}, 0
        db.execute("INSERT INTO exchange_case_sync VALUES (?,?,?,?,?,?)",
                   (case_id, platform_id, "{}", 0, package_id, _now()))
    else:
        case_id, base, exported = sync[0], json.loads(sync[1]), sync[2]
    version_before = db.execute("SELECT version FROM cases WHERE id=?", (case_id,)).fetchone()[0]
    local = local_values(db, case_id)
    changes, conflicts = {}, []
    for f, new in incoming.items():
        if local.get(f) == new:
            continue
        if f in base and local.get(f) == base[f]:
            changes[f] = new
        else:
            conflicts.append(f)
            already = db.execute("SELECT 1 FROM exchange_conflicts WHERE case_id=? AND field=? AND platform_value=?"
                                 " AND state='open'", (case_id, f, new)).fetchone()
            if not already:
                db.execute("INSERT INTO exchange_conflicts (case_id, field, local_value, platform_value, package_id,"
                           " created_at) VALUES (?,?,?,?,?,?)", (case_id, f, local.get(f, ""), new, package_id, _now()))
    set_fields(db, case_id, changes)
    _apply_assignment(db, case_id, record)
    # Platform changes need not travel back; local edits made before still do.
    new_exported = exported
    if changes and exported == version_before:
        new_exported = version_before + 1
    db.execute("UPDATE exchange_case_sync SET base_json=?, exported_version=?, last_package=?, updated_at=?"
               " WHERE case_id=?", (json.dumps(base | incoming, ensure_ascii=False), new_exported, package_id, _now(),
                                    case_id))
    return case_id, list(changes), conflicts


def stage_package(blobs, package: VerifiedPackage, cancel) -> tuple[dict | None, list]:
    """Decrypt a platform data package's files into encrypted blobs (no database work).

    Runs before the ledger transaction so the store is not locked while 200 MB stream through;
    blobs are content-addressed, so a crash leaves at most unreferenced blobs behind.
    """
    stored, record = [], None
    for stream in package.iter_files(cancel):
        fe = stream.entry
        if fe.path == CASE_FILE:
            raw = stream.read_all(MAX_CASE_JSON)
            try:
                record = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise ValueError(Message("exchange.bad_case_json", reason=str(exc))) from None
            sha = blobs.put_bytes(raw)
        else:
            sha = blobs.put_chunks(stream.chunks())
        stored.append((fe, sha))
    return (record if isinstance(record, dict) else None), stored


def apply_package(db, blobs, package: VerifiedPackage, cancel, data_root: str | Path | None = None) -> dict:
    """Record a platform data package in the store (staging its files first if nobody did).

    With ``data_root``, templates, catalogue rules and policy in the package are checked and
    installed into the data folder (see :mod:`app.services.platform_updates`); ``updates`` in
    the result says what was installed and what was refused and why.
    """
    m = package.manifest
    record, stored = package.staged if package.staged is not None else stage_package(blobs, package, cancel)
    result = {"case_id": None, "applied": [], "conflicts": [], "updates": []}
    if record is not None:
        result["case_id"], result["applied"], result["conflicts"] = upsert_case(db, record, m.package_id)
    now = _now()
    position = 0
    base = 0
    updates = []
    if result["case_id"] is not None:
        base = db.execute("SELECT coalesce(max(position), 0) FROM dossier_files WHERE case_id=?",
                          (result["case_id"],)).fetchone()[0]
    for fe, sha in stored:
        db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?,?,?,?)",
                   (sha, fe.size, "application/pdf" if fe.path.lower().endswith(".pdf") else "", now))
        db.execute("INSERT INTO exchange_files (package_id, direction, case_id, path, sha256, size, created_at)"
                   " VALUES (?,?,?,?,?,?,?)", (m.package_id, "in", result["case_id"], fe.path, sha, fe.size, now))
        if fe.path.startswith("dossier/") and result["case_id"] is not None:
            # Source files of the dossier; the clerk catalogues them (pages, 卷内目录) on this side.
            position += 1
            db.execute("INSERT INTO dossier_files (case_id, blob_sha256, name, pages, position, imported_by,"
                       " imported_at) VALUES (?,?,?,0,?,?,?)",
                       (result["case_id"], sha, Path(fe.path).name, base + position, "exchange", now))
        elif data_root is not None and is_update_path(fe.path):
            updates.append((fe, sha))
    # Files in the data folder last, after every database change of the package: a failure
    # before this point leaves nothing installed; installing again writes the same bytes.
    for fe, sha in updates:
        cancel.check()
        if fe.size > MAX_UPDATE_FILE:
            result["updates"].append({"kind": "unknown", "path": fe.path, "installed": False,
                                       "reason": str(Message("updates.too_large"))})
        else:
            result["updates"].append(install_update(data_root, fe.path, blobs.read_bytes(sha), m.package_id,
                                                    (package.manifest_raw, package.signature, package.signer)))
    return result
