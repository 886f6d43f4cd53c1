"""Importing a recording into the 庭审笔录 tab: pick the file, a seat for each channel, store it.

The channel count is read from the file's header in a child process (any format: WAV, FLAC,
MP3, M4A/AAC, Ogg/Opus): the window never runs a native decoder in its own process. With more
than one channel the clerk picks a seat per channel before the recording is stored; a file
naming another case is asked about (case guard) before it is used.
"""
from __future__ import annotations

from PySide6.QtWidgets import QDialog

from app.services.case_guard import ForeignCaseData
from widgets import confirm, file_dialogs
from widgets.terms import tr_speaker
from widgets.transcript_parts import SeatMapDialog, parse_seat_spec

DEFAULT_SEATS = ["审判长", "审判员", "人民陪审员", "书记员", "原告", "被告", "第三人", "原告代理人", "被告代理人", "证人"]


class TranscriptImport:
    """Mixin for the 庭审笔录 tab: needs ``service``, ``channels``, ``seats``, ``status``, the slots."""

    def choose_seat_map(self, channels: int | None = None) -> bool:
        """Pick a seat for each channel (of the chosen device, or ``channels``); True if accepted."""
        if channels is None:
            device = self.selected_device()
            channels = device["channels"] if device else 2
        seats = self.seats or DEFAULT_SEATS
        dialog = SeatMapDialog(max(1, channels), seats, parse_seat_spec(self.channels.text()), tr_speaker, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.channels.setText(dialog.spec())
        return True

    def import_recording(self, path: str | None = None) -> None:
        """Store a recording file for this case (WAV, FLAC, MP3, M4A, Ogg…); the hearing is selected
        when stored. Without ``path`` the clerk picks a file and, when it has more than one
        channel, a seat for each channel first."""
        if path is None:
            path = file_dialogs.open_file(self, self.tr("导入庭审录音"),
                                          self.tr("录音 (*.wav *.flac *.mp3 *.m4a *.aac *.ogg *.opus)"))
            if path:
                self.ask_seats_then_import(path)
            return
        self._store_recording(path)

    def ask_seats_then_import(self, path: str) -> None:
        """Read the file's channel count (in a child process, never in the window's own), ask a
        seat per channel when there is more than one, then store the recording."""
        from app.services.transcription import recording_channels  # runs the probe in a child

        self.status.setText(self.tr("正在读取录音的声道…"))

        def probed(channels: int) -> None:
            self.status.setText("")
            if channels > 1 and not self.choose_seat_map(channels):
                self.status.setText(self.tr("未导入录音。"))
                return
            self._store_recording(path)

        self._probe_slot.start(lambda p, c: recording_channels(path), label="channels", on_success=probed,
                               on_error=lambda exc: self.status.setText(self.tr("无法导入：") + str(exc)))

    def _store_recording(self, path: str) -> None:
        case_id, service, seat_map = self.case_id, self.service, self.channels.text().strip()
        self.status.setText(self.tr("正在导入录音…"))

        def stored(hearing: int) -> None:
            self.status.setText(self.tr("录音已加密保存。"))
            self.reload_hearings(hearing)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ForeignCaseData) and confirm.ask_foreign(self, str(exc)):
                self._writes.start(lambda p, c: service.add_recording(case_id, path, seat_map, allow_foreign=True),
                                   label="import", on_success=stored,
                                   on_error=lambda e: self.status.setText(self.tr("无法导入：") + str(e)))
                return
            self.status.setText(self.tr("无法导入：") + str(exc))

        self._writes.start(lambda p, c: service.add_recording(case_id, path, seat_map), label="import",
                           on_success=stored, on_error=failed)
