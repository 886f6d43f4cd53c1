"""Playback side of the transcript editor: decoded audio cached per hearing, waveform, keys.

The recording is decrypted and decoded once per hearing on a worker (the read goes through the
task runner like every service call) and kept for the last two hearings, so editing a line
never costs a second decode. Playback errors are told in the user's language.
"""
from __future__ import annotations

from widgets.audio_player import playback_problem
from widgets.transcript_parts import envelope

AUDIO_CACHE_SIZE = 2  # decoded recordings kept (the current hearing and the one before)


class TranscriptPlayback:
    """Mixin for the 庭审笔录 tab: needs ``service``, ``player``, ``rows``, ``table``, ``waveform``."""

    def _load_audio(self, hearing: int) -> None:
        """Decode the recording once per hearing, off the GUI thread; draw its waveform."""
        if hearing in self._audio:
            samples, rate, peaks = self._audio[hearing]
            self.waveform.set_audio(peaks, len(samples) / rate if rate else 0.0)
            return
        from app.services.transcription import decode_for_playback  # numpy work, no Qt

        service = self.service

        def work(progress, cancel):
            samples, rate = decode_for_playback(service.audio_bytes(hearing))
            return samples, rate, envelope(samples)

        def loaded(result) -> None:
            self._audio[hearing] = result
            while len(self._audio) > AUDIO_CACHE_SIZE:
                self._audio.pop(next(iter(self._audio)))
            if self.hearing_id() == hearing:
                self.waveform.set_audio(result[2], len(result[0]) / result[1] if result[1] else 0.0)

        self.waveform.set_audio([], 0.0)
        self._audio_slot.start(work, label="audio", on_success=loaded,
                               on_error=lambda exc: self.status.setText(self.tr("录音无法读取：") + str(exc)))

    def play(self) -> None:
        """Play from the selected line (looping it when asked)."""
        if not self.rows:
            return
        seg = self.rows[self.selected_row() or 0]
        self.play_from(seg.start, seg.end if self.loop.isChecked() else None)

    def play_from(self, start: float, end: float | None = None) -> None:
        """Play from ``start`` seconds (a clicked word or waveform position)."""
        cached = self._audio.get(self.hearing_id())
        if cached is None:
            self.status.setText(self.tr("录音仍在载入，请稍候再播放。"))
            return
        samples, rate, _peaks = cached
        try:
            self.player.play(samples, rate, start, self.speed.currentData(), end, end is not None)
        except Exception as exc:  # noqa: BLE001 - no output device is not an error of the record
            self.status.setText(playback_problem(exc))
            return
        self.play_button.setText(self.tr("停止(&P)"))
        self._follow.start()

    def stop_playback(self) -> None:
        """Stop playing."""
        self.player.stop()
        self._follow.stop()
        self.waveform.set_playhead(None)
        self.play_button.setText(self.tr("播放(&P)"))

    def toggle_play(self) -> None:
        """Play or stop (Ctrl+P)."""
        if self.player.position() is None:
            self.play()
        else:
            self.stop_playback()

    def _speed_step(self, delta: int) -> None:
        index = max(0, min(self.speed.count() - 1, self.speed.currentIndex() + delta))
        self.speed.setCurrentIndex(index)
        self.status.setText(self.tr("播放速度 %1").replace("%1", self.speed.currentText()))

    def _follow_playback(self) -> None:
        position = self.player.position()
        if position is None:
            return
        self.waveform.set_playhead(position)
        for r, seg in enumerate(self.rows):
            if seg.start <= position < seg.end or (r + 1 < len(self.rows) and seg.end <= position < self.rows[r + 1].start):
                if self.selected_row() != r and not self.loop.isChecked():
                    self.table.selectRow(r)
                break

    def _step(self, delta: int) -> None:
        row = (self.selected_row() or 0) + delta
        if 0 <= row < len(self.rows):
            self.table.selectRow(row)

