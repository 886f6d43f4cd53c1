"""The record side of the transcript editor: 核对完成 with its confirmation, and export.

核对完成 lists the unsure lines nobody edited and then needs a reason (audited); the export's
default file name carries the 案号. Both go through the task runner like every service call.
"""
from __future__ import annotations

from widgets import confirm, file_dialogs


class TranscriptRecordActions:
    """Mixin for the 庭审笔录 tab: needs ``service``, ``hearing_id()``, ``_reads``, ``_write``, ``status``."""

    def mark_checked(self) -> None:
        """Ask, listing unsure lines nobody edited (a reason is then required), and record 核对完成."""
        hearing, service = self.hearing_id(), self.service
        if hearing is None:
            return
        self._reads.start(lambda p, c: service.open_items(hearing), label="open items",
                          on_success=lambda items: self._confirm_checked(hearing, items), on_error=self._failed)

    def _confirm_checked(self, hearing: int, items: list[str]) -> None:
        question = (self.tr("确认已对照录音核对全部笔录？") if not items else
                    self.tr("以下段落识别把握较低且未经核改。确认核对完成须填写理由，理由记入操作记录。"))
        reason = confirm.ask_to_confirm(self, self.tr("核对完成"), question, items, need_reason=bool(items))
        if reason is None:
            self.status.setText(self.tr("未标记核对完成。"))
            return
        service = self.service

        def done(_r) -> None:
            self.reload_hearings(hearing)
            self.status.setText(self.tr("已标记为核对完成。"))

        self._write("check", lambda: service.mark_checked(hearing, reason), done)

    def export(self, path: str | None = None) -> None:
        """Export the 庭审笔录 (.docx, .txt or .srt by the file name); the default name carries the 案号."""
        hearing, service = self.hearing_id(), self.service
        if hearing is None:
            return
        if path is None:
            self._reads.start(lambda p, c: service.record_file_name(hearing), label="file name",
                              on_success=lambda name: self._export_to(hearing, name), on_error=self._failed)
            return
        self._export(hearing, path)

    def _export_to(self, hearing: int, name: str) -> None:
        path = file_dialogs.save_file(self, self.tr("导出庭审笔录"), name,
                                      self.tr("Word (*.docx);;文本 (*.txt);;字幕 SRT (*.srt)"))
        if path:
            self._export(hearing, path)

    def _export(self, hearing: int, path: str) -> None:
        fmt = path.rsplit(".", 1)[-1].lower()
        fmt = fmt if fmt in ("docx", "txt", "srt") else "docx"
        service = self.service
        self._reads.start(lambda p, c: service.export(hearing, path, fmt), label="export",
                          on_success=lambda _r: self.status.setText(self.tr("已导出：") + path), on_error=self._failed)
