"""Live hearings: record from an input, keep the audio encrypted in chunks, transcribe as it goes.

Each 2 s chunk of audio becomes its own encrypted blob the moment it is recorded, listed in
``hearing_events`` (kind ``音频块``, audio time, blob hash), so a crash of the application
loses at most the chunk being recorded; :meth:`LiveHearingService.recover` joins the chunks
of an interrupted hearing into its recording. Segments are saved as they are recognised;
休庭/继续 are logged with time. Decoding runs in a child process that keeps the model loaded
for the whole hearing (the engine's ``ChildDecoder``): a crash of the recogniser is logged,
the child is restarted, and recording and chunk saving go on untouched.

Loading the model takes seconds, so the panel calls :meth:`LiveHearingService.warm` as soon
as a case is open: the child loads in the background and the hearing that starts next uses
it, so the first utterance is not held up. :meth:`LiveHearingService.release` ends a warmed
child nobody used (case closed, window closed).
"""
from __future__ import annotations

import io
import json

import numpy as np

from app import paths
from app.clock import now as _now
from app.messages import Message
from app.security.roles import Permission
from app.services.base import AssistantOff, CaseBoundService
from app.services.session import AppContext
from app.services.transcription import TranscriptionService

CHUNK_EVENT = "音频块"
WAV_MEDIA_TYPE = "audio/wav"


class LiveHearing:
    """A running live hearing; call :meth:`pause`, :meth:`resume`, and finally :meth:`stop`."""

    def __init__(self, owner: "LiveHearingService", hearing_id: int, session) -> None:
        self.owner = owner
        self.hearing_id = hearing_id
        self.session = session

    def pause(self, note: str = "") -> None:
        """休庭 (recording pauses; logged with time)."""
        self.session.pause(note)

    def resume(self, note: str = "") -> None:
        """继续 (logged with time)."""
        self.session.resume(note)

    def stop(self) -> int:
        """End the hearing: transcribe what was recorded, join the audio; returns segments."""
        result = self.session.stop()
        self.owner.recover(self.hearing_id, status="待核对", model=result.transcript.model)
        return len(result.transcript.segments)


class NoInputDevice(Exception):
    """The machine offers no recording device (or the chosen one is gone)."""


def channel_map_problem(spec: str, channels: int | None = None) -> str:
    """Why a channel->seat map such as ``1=审判长,2=原告`` is unusable ("" when it is fine).

    ``channels`` is the input's channel count (None: not checked against a count).
    """
    from engines.common import InputError
    from engines.transcription.seats import parse_channel_map

    try:
        parse_channel_map(spec, channels)
    except InputError as exc:
        return str(exc)
    return ""


def _system_input_devices() -> list[dict]:
    from engines.transcription.live_inputs import list_input_devices

    return list_input_devices()


class LiveHearingService(CaseBoundService):
    """Start and recover live hearings of the logged-in clerk's cases.

    ``list_devices`` returns the machine's recording inputs (tests pass a fake list).
    """

    def __init__(self, ctx: AppContext, list_devices=None) -> None:
        super().__init__(ctx)
        self.transcripts = ctx.transcription
        self.list_devices = list_devices or _system_input_devices
        self._warm = None  # a decoder child loading or loaded for the next hearing

    def _new_decoder(self):
        from engines.transcription.live_decoder import ChildDecoder

        return ChildDecoder(self.ctx.settings["model_dir"] or None, paths.cache_dir())

    def warm(self) -> bool:
        """Start loading the speech model for the next live hearing; returns at once.

        Does nothing (returns False) for a user who may not run hearings or when the
        transcription assistant is off. The child is the same for every case, so it stays
        warm until a hearing takes it or :meth:`release` ends it.
        """
        try:
            self.ctx.session.require(Permission.HEARING_RUN)
        except PermissionError:
            return False
        if not self.ctx.settings["assist_transcription"]:
            self.release()
            return False
        model = self.ctx.settings["model_dir"] or None
        if self._warm is not None and self._warm.model != (None if model is None else str(model)):
            self.release()  # the model setting changed since it was warmed
        if self._warm is None:
            self._warm = self._new_decoder()
        self._warm.spawn()  # nothing if it is already loading or loaded
        return True

    def release(self) -> None:
        """End the warmed decoder child, if any (it is reaped: no zombie is left)."""
        warm, self._warm = self._warm, None
        if warm is not None:
            warm.close()

    @property
    def warm_pid(self) -> int | None:
        """Process id of the warmed decoder child (None when there is none)."""
        return self._warm.pid if self._warm is not None else None

    def start(self, case_id: int, source, channels: str = "", title: str = "庭审", place: str = "",
              on_segment=None, device: str = "") -> LiveHearing:
        """Create a hearing and start recording and transcribing from ``source``.

        ``source`` is an engine audio input (a device, or a file played as if live);
        ``device`` names the recording device for the audit trail.
        """
        from engines.transcription.live import LiveSession
        from engines.transcription.pipeline import TranscriptionRequest
        from engines.transcription.seats import parse_channel_map

        self.ctx.session.require(Permission.HEARING_RUN)
        if not self.ctx.settings["assist_transcription"]:
            raise AssistantOff(Message("live.assist_off"))
        self.require_case(case_id)
        parse_channel_map(channels, source.channels)
        with self.ctx.store.write() as db:
            hearing_id = db["hearings"].insert({
                "case_id": case_id, "title": title, "place": place, "status": "录音中", "channels": channels,
                "started_at": _now(), "created_by": self.ctx.session.username, "created_at": _now()}).last_pk
            self.ctx.audit(db, "hearing.live.start", f"case:{case_id}", hearing=hearing_id, channels=channels,
                          device=device, device_channels=int(source.channels))
        position = [0]

        def save_segment(segment) -> None:
            with self.ctx.store.write() as db:
                db["hearing_segments"].insert(
                    TranscriptionService._segment_row(hearing_id, position[0], segment))
            position[0] += 1
            if on_segment:
                on_segment(segment)

        def save_chunk(index: int, start: float, pcm: np.ndarray) -> None:
            sha = self.ctx.store.blobs.put_bytes(pcm.tobytes())
            with self.ctx.store.write() as db:
                db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)",
                           (sha, pcm.nbytes, "audio/L16", _now()))
                db["hearing_events"].insert({
                    "hearing_id": hearing_id, "kind": CHUNK_EVENT, "wall_time": _now(), "audio_time": start,
                    "note": json.dumps({"index": index, "sha256": sha, "channels": int(pcm.shape[1]),
                                        "frames": int(pcm.shape[0])})})

        def save_event(event) -> None:
            with self.ctx.store.write() as db:
                db["hearing_events"].insert({"hearing_id": hearing_id, "kind": event.kind,
                                             "wall_time": event.wall_time, "audio_time": event.audio_time,
                                             "note": event.note})
                if event.kind in ("休庭", "继续"):
                    self.ctx.audit(db, "hearing.event", f"case:{case_id}", hearing=hearing_id, kind=event.kind)

        request = TranscriptionRequest(channels=channels or None, vocabulary=self.transcripts._vocabulary(case_id))
        # The model lives only in the decoder child: a recogniser crash cannot end the recording.
        # A child warmed by warm() is taken over (the session closes it at the end).
        self.warm()
        decoder, self._warm = self._warm or self._new_decoder(), None
        session = LiveSession(None, source, request, on_segment=save_segment,
                              on_audio_chunk=save_chunk, on_event=save_event, decoder=decoder)
        session.start()
        return LiveHearing(self, hearing_id, session)

    def device_source(self, device: int | str | None = None, channels: int | None = None, name: str = ""):
        """An input for the courtroom's recording device (all its channels by default).

        With ``name``, the device is looked up again by name (device numbers change when
        devices are plugged in or out). Raises :class:`NoInputDevice` (Chinese message) when the
        machine has no recording device or the named one is gone.
        """
        from engines.common import InputError
        from engines.transcription.live_inputs import SoundDeviceInput

        present = self.devices()
        if not present:
            raise NoInputDevice(Message("live.no_device"))
        if name:
            matches = [d for d in present if d["name"] == name]
            if not matches:
                raise NoInputDevice(Message("live.device_gone", name=name))
            device = matches[0]["index"]
        try:
            return SoundDeviceInput(device, channels)
        except InputError as exc:
            raise NoInputDevice(Message("live.device_failed", reason=str(exc))) from exc

    def devices(self) -> list[dict]:
        """Recording devices the machine offers: index, name, channels, default (bool)."""
        try:
            found = self.list_devices()
        except Exception:  # noqa: BLE001 - no audio system at all means no devices
            return []
        return [{"index": d["index"], "name": str(d["name"]), "channels": int(d["channels"]),
                 "default": bool(d.get("default", False))} for d in found if int(d["channels"]) > 0]

    def interrupted(self, case_id: int) -> list[int]:
        """Hearings of a case left '录音中' (the application stopped during a live hearing)."""
        self.require_case(case_id)
        return [r["id"] for r in self.ctx.store.query(
            "SELECT id FROM hearings WHERE case_id = ? AND status = '录音中'", (case_id,))]

    def recover(self, hearing_id: int, status: str = "录音中断", model: str = "") -> float:
        """Join a hearing's recorded chunks into one encrypted WAV; returns its seconds."""
        import soundfile as sf

        self.ctx.session.require(Permission.HEARING_RUN)
        hearing = self.transcripts._hearing(hearing_id)
        chunks = self.ctx.store.query("SELECT note FROM hearing_events WHERE hearing_id = ? AND kind = ?"
                                      " ORDER BY audio_time, id", (hearing_id, CHUNK_EVENT))
        pieces = []
        for row in chunks:
            meta = json.loads(row["note"])
            raw = self.ctx.store.blobs.read_bytes(meta["sha256"])
            pieces.append(np.frombuffer(raw, dtype=np.int16).reshape(meta["frames"], meta["channels"]))
        if not pieces:
            pieces = [np.zeros((0, 1), dtype=np.int16)]
        audio = np.concatenate(pieces)
        buffer = io.BytesIO()
        sf.write(buffer, audio, 16000, format="WAV", subtype="PCM_16")
        data = buffer.getvalue()
        sha = self.ctx.store.blobs.put_bytes(data)
        seconds = round(len(audio) / 16000, 3)
        with self.ctx.store.write() as db:
            db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)",
                       (sha, len(data), WAV_MEDIA_TYPE, _now()))
            updates = {"audio_sha256": sha, "audio_name": f"{hearing['title']}.wav", "duration": seconds,
                       "status": status, "ended_at": _now(), "transcribed_at": _now()}
            if model:
                updates["model"] = model
            db["hearings"].update(hearing_id, updates)
            self.ctx.audit(db, "hearing.live.stop", f"case:{hearing['case_id']}", hearing=hearing_id,
                           status=status, chunks=len(chunks), seconds=seconds, sha256=sha)
        return seconds


__all__ = ["LiveHearing", "LiveHearingService", "NoInputDevice", "channel_map_problem"]
