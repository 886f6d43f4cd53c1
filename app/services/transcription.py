"""Hearings of a case: recordings in the encrypted store, machine transcripts, the clerk's edits.

Recordings are blobs (never plain on disk). Transcription runs in a child process
(engines.transcription.child) that streams segments back; each is saved as it arrives, so a
crash keeps what was done. The transcript is machine text until a clerk marks it checked;
every edit, 补正, undone correction or replacement is a revision row with who and when, and
every action is audited.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from app.clock import now as _now
from app.messages import Message
from app.security.roles import Permission
from app.services.word_spans import joined_corrections, joined_words, split_words
from app.services.base import AssistantOff, CaseBoundService, case_court
from app.store.errors import NotFoundError
from engines.common import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress
from engines.transcription.results import Correction, Segment, Transcript, Word
from engines.transcription.text_cleanup import to_simplified
from engines.transcription.vocabulary import CaseVocabulary, undo_correction

AUDIO_MEDIA_TYPE = "audio/*"
EXPORT_FORMATS = ("docx", "txt", "srt")
LOW_CONFIDENCE = 0.6
REFUSED_CORRECTION = "补正申请未采纳"

class TranscriptLocked(RuntimeError):
    """The transcript has human edits; a machine run would overwrite them."""


@dataclass
class HearingInfo:
    """One hearing recording of a case."""

    id: int
    case_id: int
    title: str
    place: str
    status: str
    audio_name: str
    channels: str
    duration: float
    model: str
    transcribed_at: str
    checked_by: str
    checked_at: str
    segments: int


@dataclass
class SegmentRow:
    """A stored utterance with its machine text, corrections and edit state."""

    id: int
    position: int
    start: float
    end: float
    speaker: str
    channel: int | None
    machine_text: str
    text: str
    confidence: float
    corrections: list[Correction]
    edited: bool
    # Recognised words with times (seconds in the recording), Whisper's ``probability``,
    # calibrated ``confidence`` and ``shaded`` (issue 12): the editor shades words and seeks.
    words: list[Word] = field(default_factory=list)
    calibrated: bool = False  # the words carry calibrated ``shaded`` flags

    @property
    def low_confidence(self) -> bool:
        """True when the recogniser was unsure (shown highlighted in the editor).

        With calibrated words (issue 12) a line is marked when one of its words is shaded;
        older transcripts fall back to the segment confidence.
        """
        if self.calibrated:
            return any(getattr(w, "shaded", False) for w in self.words)
        return self.confidence < LOW_CONFIDENCE

    @property
    def shaded_words(self) -> list[Word]:
        """The words the editor should shade."""
        return [w for w in self.words if getattr(w, "shaded", False)]


#: Most dossier characters used to prime one transcription (enough for a thick dossier's
#: names and figures; bounds the work of building the case model).
CASE_TEXT_LIMIT = 200_000


def decode_for_playback(data: bytes):
    """(mono float32 samples, rate) of a stored recording, for the editor's player."""
    from engines.transcription.child import decode_mono_in_child

    # Decoded in a child process: a decoder crash must not take the window down.
    return decode_mono_in_child(data)


def recording_channels(path: str | Path) -> int:
    """Channel count of a recording the clerk is about to import (any format), read from its
    header in a child process, so the editor can ask which seat each channel is."""
    from engines.transcription.child import channel_count_in_child

    return channel_count_in_child(path)


#: Longest stretch of recording prepared for one slowed/sped-up playback (seconds of
#: recording): stretching is done before playing, so this bounds the wait (about 0.6 s at 0.5x).
PLAYBACK_WINDOW_SECONDS = 300.0


def playback_clip(samples, rate: int, start: float, end: float | None, speed: float):
    """The samples to play from ``start`` (to ``end``) at ``speed``, pitch kept (time-stretched).

    At 1x this is a plain slice. Otherwise at most :data:`PLAYBACK_WINDOW_SECONDS` of the
    recording are stretched; playing on past that needs another press of play.
    """
    from engines.transcription.time_stretch import stretch

    lo = max(0, int(start * rate))
    hi = len(samples) if end is None else min(len(samples), int(end * rate))
    if abs(speed - 1.0) < 1e-6:
        return samples[lo:hi]
    hi = min(hi, lo + int(PLAYBACK_WINDOW_SECONDS * rate))
    return stretch(samples[lo:hi], rate, speed)


def _words(stored: str | None) -> tuple[list[Word], bool]:
    """Words saved as JSON, and whether they carry calibrated shading (older rows do not)."""
    items = json.loads(stored) if stored else []
    known = set(Word.__dataclass_fields__)
    words = [Word(**{k: v for k, v in item.items() if k in known}) for item in items]
    # Whisper's own word text may be Traditional (the segment text was converted by the
    # clean-up); the editor shows words beside Simplified lines, so convert them the same way.
    for word in words:
        word.text = to_simplified(word.text)
    return words, bool(items) and all("shaded" in item for item in items)


class TranscriptionService(CaseBoundService):
    """Hearing recordings and transcripts of the logged-in user's cases."""

    # -- access ------------------------------------------------------------------------
    def _hearing(self, hearing_id: int) -> dict:
        rows = self.ctx.store.query("SELECT * FROM hearings WHERE id = ?", (hearing_id,))
        if not rows:
            raise NotFoundError(Message("hearing.not_found"))
        self.require_case(rows[0]["case_id"])
        return rows[0]

    def _segment(self, segment_id: int) -> dict:
        rows = self.ctx.store.query("SELECT * FROM hearing_segments WHERE id = ?", (segment_id,))
        if not rows:
            raise NotFoundError(Message("hearing.segment_missing"))
        self._hearing(rows[0]["hearing_id"])
        return rows[0]

    # -- hearings ----------------------------------------------------------------------
    def list_hearings(self, case_id: int) -> list[HearingInfo]:
        """Hearings of a case, newest first."""
        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query(
            "SELECT h.*, (SELECT count(*) FROM hearing_segments s WHERE s.hearing_id = h.id) AS n"
            " FROM hearings h WHERE h.case_id = ? ORDER BY h.id DESC", (case_id,))
        return [HearingInfo(r["id"], r["case_id"], r["title"], r["place"], r["status"], r["audio_name"],
                            r["channels"], r["duration"], r["model"], r["transcribed_at"], r["checked_by"],
                            r["checked_at"], r["n"]) for r in rows]

    def add_recording(self, case_id: int, path: str | Path, channels: str = "", title: str = "",
                      place: str = "", allow_foreign: bool = False) -> int:
        """Check the file is audio, store it encrypted, and create a hearing for it.

        A file whose name, title or tags (title, comment, album… in the file) carry another
        case's 案号 or parties who are not this case's raises ForeignCaseData unless
        ``allow_foreign`` (the clerk confirmed it belongs here; then audited).
        """
        self.require_case(case_id, Permission.HEARING_RUN)
        return self.add_recording_bytes(case_id, Path(path).read_bytes(), Path(path).name, channels,
                                        title, place, allow_foreign)

    def add_recording_bytes(self, case_id: int, data: bytes, name: str, channels: str = "",
                            title: str = "", place: str = "", allow_foreign: bool = False) -> int:
        """As :meth:`add_recording`, for audio already in memory."""
        from app.services.case_guard import guard
        from engines.transcription.child import probe_audio_tags_in_child
        from engines.transcription.seats import parse_channel_map

        self.require_case(case_id, Permission.HEARING_RUN)
        # Decoded in a child process (InputError for empty / not audio / a decoder crash):
        # the window's own process never runs the native decoders on an imported file.
        channel_count, duration, tags = probe_audio_tags_in_child(data, name)
        parse_channel_map(channels, channel_count)
        # A file name and a tag are short texts: a known party's name standing alone counts.
        foreign = guard(self.ctx, case_id, [(Message("what.recording_name"), f"{Path(name).stem} {title}", True),
                                            (Message("what.recording_tags"), "\n".join(tags.values()), True)],
                        allow_foreign)
        sha = self.ctx.store.blobs.put_bytes(data)
        with self.ctx.store.write() as db:
            db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)",
                       (sha, len(data), AUDIO_MEDIA_TYPE, _now()))
            hearing_id = db["hearings"].insert({
                "case_id": case_id, "title": title or Path(name).stem, "place": place, "status": "已录音",
                "audio_sha256": sha, "audio_name": name, "channels": channels,
                "duration": duration, "created_by": self.ctx.session.username,
                "created_at": _now()}).last_pk
            self.ctx.audit(db, "hearing.add", f"case:{case_id}", hearing=hearing_id, sha256=sha,
                           channels=channels, duration=duration, **foreign)
        return hearing_id

    def audio_bytes(self, hearing_id: int) -> bytes:
        """The decrypted recording, in memory (for playback)."""
        self.ctx.session.require(Permission.CASE_READ)
        return self._audio(self._hearing(hearing_id))

    def _audio(self, hearing: dict) -> bytes:
        return self.ctx.store.blobs.read_bytes(hearing["audio_sha256"])

    def vocabulary(self, case_id: int) -> CaseVocabulary:
        """The case's words for near-homophone correction: parties, agents, 案由, court."""
        self.require_case(case_id, Permission.CASE_READ)
        return self._vocabulary(case_id)

    def _vocabulary(self, case_id: int) -> CaseVocabulary:
        # Access already checked by the caller (vocabulary, transcribe, a live hearing).
        case = self.ctx.store.query("SELECT c.cause FROM cases c WHERE c.id = ?", (case_id,))[0]
        case["court"] = case_court(self.ctx, case_id)["name"]
        parties = self.ctx.store.query(
            "SELECT name, representative, agent FROM parties WHERE case_id = ? ORDER BY position", (case_id,))
        vocabulary = CaseVocabulary(parties=[p["name"] for p in parties] + [p["representative"] for p in parties if p["representative"]],
                                    agents=[p["agent"] for p in parties if p["agent"]],
                                    cause=case["cause"], court=case["court"])
        text = self._case_text(case_id)
        return vocabulary.with_case_text(text) if text else vocabulary

    def case_text(self, case_id: int) -> str:
        """Text of the case's catalogued dossier (page titles and extracted text), capped.

        It primes transcription: names, addresses, amounts and evidence titles found there
        join the case vocabulary and the case language model.
        """
        self.require_case(case_id, Permission.CASE_READ)
        return self._case_text(case_id)

    def _case_text(self, case_id: int) -> str:
        # Access already checked by the caller.
        rows = self.ctx.store.query(
            "SELECT title, text FROM dossier_pages WHERE case_id = ? ORDER BY page", (case_id,))
        parts, size = [], 0
        for row in rows:
            piece = "\n".join(x for x in (row["title"], row["text"]) if x)
            if size + len(piece) > CASE_TEXT_LIMIT:
                break
            parts.append(piece)
            size += len(piece)
        return "\n".join(parts)

    # -- machine transcription ---------------------------------------------------------
    def transcribe(self, hearing_id: int, progress: ProgressCallback = no_progress,
                   cancel: CancelToken = NEVER_CANCELLED) -> int:
        """Transcribe a hearing in a child process; segments are saved as they arrive.

        Returns the number of segments. A crash of the child keeps the saved segments and
        raises the engine's ChildCrashed; a cancel keeps them too.
        """
        from app import paths
        from engines.transcription.child import ChildTranscription
        from engines.transcription.pipeline import TranscriptionRequest

        self.ctx.session.require(Permission.HEARING_RUN)
        if not self.ctx.settings["assist_transcription"]:
            raise AssistantOff(Message("hearing.assist_off"))
        row = self._hearing(hearing_id)
        if self.ctx.store.query("SELECT 1 FROM hearing_segments WHERE hearing_id = ? AND edited = 1", (hearing_id,)):
            raise TranscriptLocked(Message("hearing.locked"))
        with self.ctx.store.write() as db:
            db.execute("DELETE FROM hearing_segments WHERE hearing_id = ?", (hearing_id,))
            db["hearings"].update(hearing_id, {"status": "转写中"})
        request = TranscriptionRequest(channels=row["channels"] or None,
                                       vocabulary=self._vocabulary(row["case_id"]),
                                       case_text=self._case_text(row["case_id"]))
        model = self.ctx.settings["model_dir"] or None
        job = ChildTranscription(self._audio(row), request, model, paths.cache_dir())
        position = [0]

        def save(segment: Segment) -> None:
            with self.ctx.store.write() as db:
                db["hearing_segments"].insert(self._segment_row(hearing_id, position[0], segment))
            position[0] += 1

        status = "转写中断"
        try:
            transcript: Transcript = job.run(progress, cancel, save)
            status = "待核对"
        finally:
            with self.ctx.store.write() as db:
                updates = {"status": status, "transcribed_at": _now()}
                if status == "待核对":
                    updates["model"] = transcript.model
                db["hearings"].update(hearing_id, updates)
                self.ctx.audit(db, "hearing.transcribe", f"case:{row['case_id']}", hearing=hearing_id,
                               segments=position[0], outcome=status, model=updates.get("model", ""))
        return position[0]

    @staticmethod
    def _segment_row(hearing_id: int, position: int, segment: Segment) -> dict:
        return {
            "hearing_id": hearing_id, "position": position, "start": segment.start, "end": segment.end,
            "speaker": segment.speaker, "channel": segment.channel, "machine_text": segment.machine_text,
            "text": segment.text, "confidence": segment.confidence,
            "words": json.dumps([asdict(w) for w in segment.words], ensure_ascii=False),
            "corrections": json.dumps([asdict(c) for c in segment.corrections], ensure_ascii=False),
            "edited": 0,
        }

    # -- transcript --------------------------------------------------------------------
    def segments(self, hearing_id: int) -> list[SegmentRow]:
        """The transcript in order."""
        self.ctx.session.require(Permission.CASE_READ)
        self._hearing(hearing_id)
        return self._segments(hearing_id)

    def _segments(self, hearing_id: int) -> list[SegmentRow]:
        rows = self.ctx.store.query(
            "SELECT * FROM hearing_segments WHERE hearing_id = ? ORDER BY position, id", (hearing_id,))
        return [SegmentRow(r["id"], r["position"], r["start"], r["end"], r["speaker"], r["channel"],
                           r["machine_text"], r["text"], r["confidence"],
                           [Correction(**c) for c in json.loads(r["corrections"])], bool(r["edited"]),
                           *_words(r["words"]))
                for r in rows]

    def segment(self, segment_id: int) -> SegmentRow:
        """One stored segment (the editor refreshes an edited row with it, not the whole list)."""
        self.ctx.session.require(Permission.CASE_READ)
        r = self._segment(segment_id)
        return SegmentRow(r["id"], r["position"], r["start"], r["end"], r["speaker"], r["channel"],
                          r["machine_text"], r["text"], r["confidence"],
                          [Correction(**c) for c in json.loads(r["corrections"])], bool(r["edited"]),
                           *_words(r["words"]))

    def seats(self, hearing_id: int) -> list[str]:
        """The speakers a line of this hearing can be given: court seats, the case's parties, any used.

        The editor offers these in a picker instead of free text, so a typo never becomes a
        speaker of the record.
        """
        from engines.transcription.seats import known_roles, parse_channel_map

        self.ctx.session.require(Permission.CASE_READ)
        hearing = self._hearing(hearing_id)
        parties = self.ctx.store.query("SELECT DISTINCT role, agent FROM parties WHERE case_id = ?",
                                       (hearing["case_id"],))
        used = [r["speaker"] for r in self.ctx.store.query(
            "SELECT DISTINCT speaker FROM hearing_segments WHERE hearing_id = ?", (hearing_id,))]
        try:
            mapped = list(parse_channel_map(hearing["channels"]).values())
        except ValueError:
            mapped = []
        court = ["审判长", "审判员", "人民陪审员", "书记员"]
        sides = [p["role"] for p in parties] + [p["role"] + "代理人" for p in parties if p["agent"]]
        return [s for s in dict.fromkeys(court + mapped + sides + used) if s and (s in known_roles() or s in used
                                                                                  or s in sides)]

    def open_items(self, hearing_id: int) -> list[str]:
        """What still needs the clerk before 核对完成: unsure lines nobody has looked at."""
        # The lines the editor marks (shaded words, or a low score in older transcripts).
        rows = [s for s in self.segments(hearing_id) if s.low_confidence and not s.edited]
        return [f"{int(r.start // 60):02d}:{r.start % 60:04.1f} {r.text[:30]}" for r in rows]

    def record_file_name(self, hearing_id: int, fmt: str = "docx") -> str:
        """A default export name carrying the 案号, so the file is found by case."""
        row = self._hearing(hearing_id)
        number = self.ctx.store.query("SELECT case_number FROM cases WHERE id = ?", (row["case_id"],))[0]["case_number"]
        safe = re.sub(r'[\\/:*?"<>|]', "_", f"{number}_庭审笔录_{row['title']}")
        return f"{safe}.{fmt}"

    def revisions(self, segment_id: int) -> list[dict]:
        """Every change to a segment, oldest first."""
        self.ctx.session.require(Permission.CASE_READ)
        self._segment(segment_id)
        return self.ctx.store.query("SELECT * FROM segment_revisions WHERE segment_id = ? ORDER BY id",
                                    (segment_id,))

    def _revise(self, db, segment: dict, field: str, new: str, kind: str, requested_by: str = "",
                note: str = "", extra: dict | None = None) -> None:
        old = segment[field] if field in ("text", "speaker") else segment["text"]
        db["segment_revisions"].insert({
            "segment_id": segment["id"], "field": field, "old_value": old, "new_value": new, "kind": kind,
            "requested_by": requested_by, "note": note, "edited_by": self.ctx.session.username,
            "edited_at": _now()})
        updates = {"edited": 1, **(extra or {})}
        if field in ("text", "speaker"):
            updates[field] = new
        db["hearing_segments"].update(segment["id"], updates)
        self.ctx.audit(db, "transcript.edit", f"hearing:{segment['hearing_id']}", segment=segment["id"],
                       field=field, kind=kind, old=old, new=new, requested_by=requested_by)

    def edit_segment(self, segment_id: int, text: str | None = None, speaker: str | None = None,
                     kind: str = "编辑", requested_by: str = "", note: str = "") -> None:
        """Change text and/or speaker; ``kind='补正'`` records a party's correction request."""
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        segment = self._segment(segment_id)
        with self.ctx.store.write() as db:
            if text is not None and text != segment["text"]:
                self._revise(db, segment, "text", text, kind, requested_by, note)
                segment = dict(segment, text=text)
            if speaker is not None and speaker != segment["speaker"]:
                self._revise(db, segment, "speaker", speaker, kind, requested_by, note)

    def undo_correction(self, segment_id: int, index: int) -> str:
        """Put back the machine's words for one vocabulary correction; returns the new text."""
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        segment = self._segment(segment_id)
        corrections = json.loads(segment["corrections"])
        correction = Correction(**corrections[index])
        try:
            text = undo_correction(segment["text"], correction)
        except ValueError as exc:
            raise TranscriptLocked(str(exc)) from None
        shift = len(correction.original) - len(correction.replacement)
        remaining = [c if c["position"] < correction.position else dict(c, position=c["position"] + shift)
                     for i, c in enumerate(corrections) if i != index]
        with self.ctx.store.write() as db:
            self._revise(db, segment, "text", text, "撤销更正",
                         note=f"{correction.replacement} → {correction.original}",
                         extra={"corrections": json.dumps(remaining, ensure_ascii=False)})
        return text

    def replace_all(self, hearing_id: int, old: str, new: str) -> int:
        """Replace ``old`` by ``new`` in every segment (e.g. a name); returns segments changed."""
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        self._hearing(hearing_id)
        if not old:
            return 0
        rows = self.ctx.store.query("SELECT * FROM hearing_segments WHERE hearing_id = ? AND instr(text, ?) > 0"
                                    " ORDER BY position", (hearing_id, old))
        with self.ctx.store.write() as db:
            for row in rows:
                self._revise(db, row, "text", row["text"].replace(old, new), "替换", note=f"{old} → {new}")
        return len(rows)

    def split_segment(self, segment_id: int, at: int) -> int:
        """Split a turn at character ``at`` (the clerk heard two speakers); returns the new id."""
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        seg = self._segment(segment_id)
        if not 0 < at < len(seg["text"]):
            raise ValueError(Message("hearing.split_inside"))
        head, tail = seg["text"][:at], seg["text"][at:]
        # Words (times, shading) and the machine's corrections follow their characters.
        stored = json.loads(seg["words"]) if seg["words"] else []
        middle = round(seg["start"] + (seg["end"] - seg["start"]) * at / len(seg["text"]), 3)
        first, second, tail_start = split_words(seg["text"], _words(seg["words"])[0], at, middle)
        if seg["start"] < tail_start < seg["end"]:
            middle = round(tail_start, 3)
        corrections = json.loads(seg["corrections"] or "[]")
        head_fixes = [c for c in corrections if c["position"] + len(c["replacement"]) <= at]
        tail_fixes = [dict(c, position=c["position"] - at) for c in corrections if c["position"] >= at]
        with self.ctx.store.write() as db:
            db.execute("UPDATE hearing_segments SET position = position + 1 WHERE hearing_id = ? AND position > ?",
                       (seg["hearing_id"], seg["position"]))
            new_id = db["hearing_segments"].insert({
                "hearing_id": seg["hearing_id"], "position": seg["position"] + 1, "start": middle, "end": seg["end"],
                "speaker": seg["speaker"], "channel": seg["channel"], "machine_text": "", "text": tail,
                "confidence": seg["confidence"], "edited": 1,
                "words": json.dumps([stored[i] for i in second], ensure_ascii=False),
                "corrections": json.dumps(tail_fixes, ensure_ascii=False)}).last_pk
            self._revise(db, seg, "split", f"{head}|{tail}", "编辑", extra={
                "end": middle, "text": head, "words": json.dumps([stored[i] for i in first], ensure_ascii=False),
                "corrections": json.dumps(head_fixes, ensure_ascii=False)})
        return new_id

    def merge_with_next(self, segment_id: int) -> None:
        """Join a segment and the one after it into one turn of the first one's speaker."""
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        seg = self._segment(segment_id)
        following = self.ctx.store.query(
            "SELECT * FROM hearing_segments WHERE hearing_id = ? AND position > ? ORDER BY position LIMIT 1",
            (seg["hearing_id"], seg["position"]))
        if not following:
            raise ValueError(Message("hearing.last_line"))
        nxt = following[0]
        with self.ctx.store.write() as db:
            self._revise(db, seg, "merge", seg["text"] + nxt["text"], "编辑",
                         note=f"合并段落 {nxt['id']}",
                         extra={"text": seg["text"] + nxt["text"], "end": nxt["end"],
                                "words": joined_words(seg["words"], nxt["words"]),
                                "corrections": joined_corrections(seg, nxt)})
            db.execute("DELETE FROM hearing_segments WHERE id = ?", (nxt["id"],))

    def record_refused_correction(self, segment_id: int, requested_by: str, requested_text: str,
                                  reason: str) -> None:
        """A party asked for a 补正 that the court did not grant: the refusal is recorded too."""
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        segment = self._segment(segment_id)
        hearing = self.ctx.store.query("SELECT id, case_id FROM hearings WHERE id = ?", (segment["hearing_id"],))[0]
        note = json.dumps({"segment": segment_id, "requested_by": requested_by, "requested_text": requested_text,
                           "current_text": segment["text"], "reason": reason}, ensure_ascii=False)
        with self.ctx.store.write() as db:
            db["hearing_events"].insert({"hearing_id": hearing["id"], "kind": REFUSED_CORRECTION, "wall_time": _now(),
                                         "audio_time": segment["start"], "note": note})
            self.ctx.audit(db, "transcript.correction_refused", f"case:{hearing['case_id']}", segment=segment_id,
                           requested_by=requested_by, requested_text=requested_text, reason=reason)

    def refused_corrections(self, hearing_id: int) -> list[dict]:
        """补正 requests that were refused, oldest first."""
        self.ctx.session.require(Permission.CASE_READ)
        self._hearing(hearing_id)
        rows = self.ctx.store.query("SELECT wall_time, note FROM hearing_events WHERE hearing_id = ? AND kind = ?"
                                    " ORDER BY id", (hearing_id, REFUSED_CORRECTION))
        return [dict(json.loads(r["note"]), wall_time=r["wall_time"]) for r in rows]

    def mark_checked(self, hearing_id: int, reason: str = "") -> None:
        """The clerk confirms the transcript was checked against the recording.

        With unsure lines still unedited (:meth:`open_items`) a reason is required; it goes into
        the audit entry with how many lines were open.
        """
        self.ctx.session.require(Permission.TRANSCRIPT_EDIT)
        row = self._hearing(hearing_id)
        open_items = self.open_items(hearing_id)
        if open_items and not reason.strip():
            raise ValueError(Message("hearing.check_reason", count=len(open_items)))
        with self.ctx.store.write() as db:
            db["hearings"].update(hearing_id, {"status": "已核对", "checked_by": self.ctx.session.username,
                                               "checked_at": _now()})
            self.ctx.audit(db, "transcript.check", f"case:{row['case_id']}", hearing=hearing_id,
                           open_items=len(open_items), reason=reason.strip())

    def add_event(self, hearing_id: int, kind: str, audio_time: float = 0.0, note: str = "") -> None:
        """Log 休庭/继续 and other hearing events with time."""
        self.ctx.session.require(Permission.HEARING_RUN)
        row = self._hearing(hearing_id)
        with self.ctx.store.write() as db:
            db["hearing_events"].insert({"hearing_id": hearing_id, "kind": kind, "wall_time": _now(),
                                         "audio_time": audio_time, "note": note})
            self.ctx.audit(db, "hearing.event", f"case:{row['case_id']}", hearing=hearing_id, kind=kind)

    # -- export ------------------------------------------------------------------------
    def export(self, hearing_id: int, path: str | Path, fmt: str = "docx") -> Path:
        """Write the 庭审笔录 as .docx (case header, signatures, page X of Y), TXT or SRT."""
        from engines.transcription.record_docx import write_hearing_record
        from engines.transcription.writers import write_srt, write_txt

        self.ctx.session.require(Permission.CASE_READ)
        if fmt not in EXPORT_FORMATS:
            raise ValueError(fmt)
        row = self._hearing(hearing_id)
        segments = [Segment(s.start, s.end, s.speaker, s.text, s.confidence, s.channel)
                    for s in self._segments(hearing_id)]
        transcript = Transcript(duration=row["duration"], model=row["model"] or "-", segments=segments)
        path = Path(path)
        if fmt == "docx":
            write_hearing_record(transcript, path, self._header(row))
        elif fmt == "txt":
            write_txt(transcript, path)
        else:
            write_srt(transcript, path)
        self.ctx.audit_now("transcript.export", f"case:{row['case_id']}", hearing=hearing_id, format=fmt)
        return path

    def _header(self, hearing: dict):
        from engines.transcription.record_docx import RecordHeader

        case = self.ctx.store.query(
            "SELECT c.case_number, c.cause, coalesce(j.display_name, '') AS judge,"
            " coalesce(u.display_name, '') AS clerk FROM cases c"
            " LEFT JOIN users j ON j.id = c.judge_id LEFT JOIN users u ON u.id = c.clerk_id WHERE c.id = ?",
            (hearing["case_id"],))[0]
        parties = self.ctx.store.query("SELECT role, name, agent FROM parties WHERE case_id = ? ORDER BY position",
                                       (hearing["case_id"],))
        present = []
        for p in parties:
            present.append(f"{p['role']}{p['name']}")
            if p["agent"]:
                present.append(f"{p['role']}委托诉讼代理人{p['agent']}")
        events = self.ctx.store.query("SELECT kind, wall_time, note FROM hearing_events WHERE hearing_id = ?"
                                      " AND kind IN ('休庭', '继续') ORDER BY id", (hearing["id"],))
        return RecordHeader(court=case_court(self.ctx, hearing["case_id"])["name"], case_number=case["case_number"], cause=case["cause"],
                            start_time=hearing["started_at"], end_time=hearing["ended_at"], place=hearing["place"],
                            judges=[case["judge"]] if case["judge"] else [], clerk=case["clerk"], parties=present,
                            interruptions=[f"{e['wall_time']} {e['kind']} {e['note']}".strip() for e in events])

__all__ = ["AssistantOff", "HearingInfo", "SegmentRow", "TranscriptLocked", "TranscriptionService", "Word",
           "decode_for_playback"]
