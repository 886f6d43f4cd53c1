"""Live hearing controls of the 庭审笔录 tab (开始实时记录, 休庭, 继续, 结束庭审).

A mixin so the tab module stays small; it uses the tab's ``live_service``, ``live_source_factory``,
``_live_slot``, ``live_segment`` signal, status label and reload methods.
"""
from __future__ import annotations


class LiveHearingControls:
    """Start, pause, resume and stop a live hearing; show text as it is recognised."""

    def start_live(self) -> None:
        """Start recording from the input and show text as utterances end."""
        case_id, channels = self.case_id, self.channels.text().strip()
        try:
            source = self.live_source_factory()
        except Exception as exc:  # noqa: BLE001 - no device: say so, keep the form
            self.status.setText(self.tr("无法打开录音设备：") + str(exc))
            return
        self.status.setText(self.tr("正在加载语音模型…"))
        self._live_slot.start(
            lambda progress, cancel: self.live_service.start(case_id, source, channels,
                                                             on_segment=self.live_segment.emit),
            label="live-start", on_success=self._live_started, on_error=self._failed)

    def _live_started(self, live) -> None:
        self.live = live
        self.reload_hearings(live.hearing_id)
        self.status.setText(self.tr("实时记录中…"))

    def _live_update(self) -> None:
        if self.live is not None and self.hearing_id() == self.live.hearing_id:
            self.reload_segments()
            if self.rows:
                self.table.scrollToBottom()

    def pause_live(self) -> None:
        """休庭: recording pauses; the time is logged."""
        if self.live is not None:
            self.live.pause()
            self.status.setText(self.tr("休庭（已记录时间）"))

    def resume_live(self) -> None:
        """继续: recording goes on; the time is logged."""
        if self.live is not None:
            self.live.resume()
            self.status.setText(self.tr("继续开庭，实时记录中…"))

    def stop_live(self) -> None:
        """End the hearing: finish transcribing what was recorded, keep the recording."""
        live, self.live = self.live, None
        if live is None:
            return
        self.status.setText(self.tr("正在结束庭审…"))
        self._live_slot.start(lambda progress, cancel: live.stop(), label="live-stop",
                              on_success=lambda count: self._transcribed(count), on_error=self._failed)
        self._update_buttons()
