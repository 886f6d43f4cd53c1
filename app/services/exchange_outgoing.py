"""Collecting a case for export to the platform: its record, dossier files and 卷内目录,
hearing records (and optionally audio), signed drafts, read from the store (blobs are
streamed decrypted, never written plain to disk).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from app.services.exchange_incoming import CASE_FILE
from engines.exchange.package_writer import OutgoingFile, file_from_bytes


class _BlobReader:
    """File-like reader over a blob's decrypted chunks (plaintext never touches disk)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks, self._buf = chunks, b""

    def read(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes (all when negative)."""
        while n < 0 or len(self._buf) < n:
            nxt = next(self._chunks, None)
            if nxt is None:
                break
            self._buf += nxt
        if n < 0:
            n = len(self._buf)
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._chunks = iter(())


def _blob_file(blobs, sha: str, path: str, size: int, case_ref: str) -> OutgoingFile:
    return OutgoingFile(path, lambda: _BlobReader(blobs.iter_chunks(sha)), size, case_ref)


def _suffix(name: str) -> str:
    suffix = Path(name or "").suffix.lower()
    return suffix if suffix[1:].isalnum() and len(suffix) <= 6 else ".bin"


def _hearing_records(db, case_id: int) -> list[tuple[dict, tuple[str, str] | None]]:
    """Each hearing's record (facts and the checked transcript) and its audio blob, if any."""
    columns = [r[1] for r in db.execute("PRAGMA table_info(hearings)")]
    out = []
    for row in db.execute("SELECT * FROM hearings WHERE case_id=? ORDER BY id", (case_id,)).fetchall():
        hearing = dict(zip(columns, row))
        segments = []
        if db.execute("SELECT 1 FROM sqlite_master WHERE name='hearing_segments'").fetchone():
            segments = [dict(zip(("start", "end", "speaker", "text", "confidence", "edited"), r)) for r in db.execute(
                "SELECT start, end, speaker, text, confidence, edited FROM hearing_segments WHERE hearing_id=?"
                " ORDER BY position", (hearing["id"],))]
        record = {k: v for k, v in hearing.items() if k != "audio_sha256"} | {"segments": segments}
        audio = (hearing["audio_sha256"], hearing.get("audio_name", "")) if hearing.get("audio_sha256") else None
        out.append((record, audio))
    return out


def case_export_files(db, blobs, case_id: int, include_audio: bool = False,
                      hearing_docx: dict[int, bytes] | None = None) -> tuple[list[OutgoingFile], int]:
    """Files describing a case for the platform, and the case version they reflect.

    ``hearing_docx`` maps a hearing id to its 庭审笔录 .docx bytes (sent as ``hearings/NNNNN.docx``).
    """
    row = dict(zip([d[0] for d in db.execute("SELECT * FROM cases WHERE id=?", (case_id,)).description],
                   db.execute("SELECT * FROM cases WHERE id=?", (case_id,)).fetchone()))
    sync = db.execute("SELECT platform_case_id FROM exchange_case_sync WHERE case_id=?", (case_id,)).fetchone()
    case_ref = sync[0] if sync else f"local-{case_id}"
    parties = [dict(zip(("role", "name", "kind"), r)) for r in
               db.execute("SELECT role, name, kind FROM parties WHERE case_id=? ORDER BY position, id", (case_id,))]
    events = [dict(zip(("kind", "date", "detail"), r)) for r in
              db.execute("SELECT kind, date, detail FROM case_events WHERE case_id=? ORDER BY date, id", (case_id,))]
    record = {"case_id": case_ref, "local_id": case_id, "parties": parties, "events": events,
              **{k: row[k] for k in ("case_number", "cause", "procedure", "filing_date", "deadline", "status",
                                     "claims", "version", "updated_at")},
              # 审判组织 (added in migration 0008; optional for receivers that predate it).
              "bench": row.get("bench", ""), "panel": json.loads(row.get("panel") or "[]")}
    files = [file_from_bytes(json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"), CASE_FILE, case_ref)]
    sizes = {r[0]: r[1] for r in db.execute("SELECT sha256, size FROM blobs")}
    seen = set()

    def add(sha: str | None, path: str) -> None:
        if sha and sha not in seen:
            seen.add(sha)
            files.append(_blob_file(blobs, sha, path, sizes.get(sha, 0), case_ref))

    catalogue: dict[str, list] = {"files": [], "documents": []}
    for file_id, sha, name, pages in db.execute(
            "SELECT id, blob_sha256, name, pages FROM dossier_files WHERE case_id=? ORDER BY position, id", (case_id,)):
        path = f"dossier/{file_id:05d}{_suffix(name)}"
        add(sha, path)
        catalogue["files"].append({"file": path, "name": name, "pages": pages})
    for category, title, start, end in db.execute(
            "SELECT category, title, start_page, end_page FROM dossier_documents WHERE case_id=?"
            " ORDER BY position, id", (case_id,)):
        catalogue["documents"].append({"category": category, "title": title, "start_page": start, "end_page": end})
    if catalogue["files"] or catalogue["documents"]:  # the dossier's files and its 卷内目录
        files.insert(1, file_from_bytes(json.dumps(catalogue, ensure_ascii=False, indent=2).encode("utf-8"),
                                        "catalogue.json", case_ref))
    for record, audio in _hearing_records(db, case_id):
        files.append(file_from_bytes(json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"),
                                     f"hearings/{record['id']:05d}.json", case_ref))
        if hearing_docx and record["id"] in hearing_docx:
            files.append(file_from_bytes(hearing_docx[record["id"]], f"hearings/{record['id']:05d}.docx", case_ref))
        if include_audio and audio:
            add(audio[0], f"hearings/{record['id']:05d}{_suffix(audio[1])}")
    for draft_id, version, sha in db.execute(
            "SELECT id, version, blob_sha256 FROM drafts WHERE case_id=? AND signed_by != '' ORDER BY id", (case_id,)):
        add(sha, f"drafts/{draft_id:05d}_v{version}.docx")
    return files, row["version"]
