"""庭审笔录 tab: hearing recordings of a case and the clerk's transcript editor.

The transcript sits beside the audio: select a line and play from there (speed 0.5x-2x,
optionally looping the line), the current line follows playback; text and speaker are edited
in place (each edit is stored as a revision, a party's 补正 is marked as such); low-confidence
lines are highlighted; find-and-replace changes a name everywhere; turns can be split or
merged; vocabulary corrections can be undone one by one. Transcription runs as a task.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget, QProgressBar,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)
from app.tasks import TaskSlot
from widgets.audio_player import AudioPlayer
from widgets.terms import tr_speaker, tr_term, untr_speaker
from widgets.transcription_live import LiveHearingControls
from widgets.common import make_button

LOW_CONFIDENCE_BACKGROUND = QColor("#fff59d")
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
COL_TIME, COL_SPEAKER, COL_TEXT, COL_CONFIDENCE = range(4)


class Tab(LiveHearingControls, QWidget):
    """Hearing recordings and the transcript editor of one case."""

    # Emitted from the live session's worker thread; Qt queues it onto the GUI thread.
    live_segment = Signal(object)

    def __init__(self, ctx, parent=None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("transcriptionTab")
        self.service = ctx.transcription
        self.case_id: int | None = None
        self.rows = []
        self._loading = False
        self._audio = None  # (samples mono float32, rate) of the selected hearing
        self._slot = TaskSlot(self)
        self.player = AudioPlayer()
        self.live_service = ctx.live_hearings
        self.live = None  # the running live hearing
        # Where live audio comes from; tests replace it with a file played as if live.
        self.live_source_factory = self.selected_device_source
        self._live_slot = TaskSlot(self)
        self.live_segment.connect(lambda _segment: self._live_update())

        self.hearing = QComboBox()
        self.hearing.setObjectName("hearingCombo")
        self.hearing.currentIndexChanged.connect(lambda _i: self.reload_segments())
        self.channels = QLineEdit()
        self.channels.setObjectName("channelsEdit")
        self.channels.setPlaceholderText(self.tr("声道，如 1=审判长,2=原告,3=被告"))
        self.import_button = self._button(self.tr("导入录音…"), "importRecording", self.import_recording)
        self.transcribe_button = self._button(self.tr("转写(&T)"), "transcribe", self.transcribe)
        self.cancel_button = self._button(self.tr("取消"), "cancelTranscription", self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("transcriptionProgress")
        self.progress.setRange(0, 100)
        top = QHBoxLayout()
        for w in (QLabel(self.tr("庭审")), self.hearing, self.channels, self.import_button, self.transcribe_button,
                  self.cancel_button, self.progress):
            top.addWidget(w)
        self.live_button = self._button(self.tr("开始实时记录"), "startLive", self.start_live)
        self.pause_button = self._button(self.tr("休庭"), "pauseLive", self.pause_live)
        self.resume_button = self._button(self.tr("继续"), "resumeLive", self.resume_live)
        self.stop_live_button = self._button(self.tr("结束庭审"), "stopLive", self.stop_live)
        live_bar = QHBoxLayout()
        for w in (self.live_button, self.pause_button, self.resume_button, self.stop_live_button):
            live_bar.addWidget(w)
        self._add_device_controls(live_bar)
        live_bar.addStretch(1)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("segmentTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("时间", "发言人", "内容", "置信度")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._show_corrections)
        self.table.cellDoubleClicked.connect(lambda row, col: self.play() if col == COL_TIME else None)

        self.correction_request = QCheckBox(self.tr("按当事人要求补正"))
        self.correction_request.setObjectName("correctionRequest")
        self.requested_by = QLineEdit()
        self.requested_by.setObjectName("requestedBy")
        self.requested_by.setPlaceholderText(self.tr("提出补正的人"))
        self.play_button = self._button(self.tr("播放(&P)"), "play", self.toggle_play)
        self.speed = QComboBox()
        self.speed.setObjectName("speedCombo")
        for s in SPEEDS:
            self.speed.addItem(f"{s:g}x", s)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setToolTip(self.tr("播放速度（变速不变调）"))
        self.loop = QCheckBox(self.tr("循环本段"))
        self.loop.setObjectName("loopSegment")
        self.refuse_button = self._button(self.tr("记录未采纳的补正…"), "refusedCorrection",
                                          self.record_refused)
        self.split_button = self._button(self.tr("拆分"), "splitSegment", self.split)
        self.merge_button = self._button(self.tr("与下段合并"), "mergeSegment", self.merge)
        self.check_button = self._button(self.tr("核对完成"), "markChecked", self.mark_checked)
        self.export_button = self._button(self.tr("导出笔录…"), "exportRecord", self.export)
        # Two rows: on a 1366-1600 px wide screen one row of all of them would overflow.
        edit_bar = QHBoxLayout()
        for w in (self.play_button, self.speed, self.loop, self.split_button, self.merge_button,
                  self.check_button, self.export_button):
            edit_bar.addWidget(w)
        edit_bar.addStretch(1)
        correction_bar = QHBoxLayout()
        for w in (self.correction_request, self.requested_by, self.refuse_button):
            correction_bar.addWidget(w)
        correction_bar.addStretch(1)

        self.find = QLineEdit()
        self.find.setObjectName("findEdit")
        self.find.setPlaceholderText(self.tr("查找"))
        self.replace = QLineEdit()
        self.replace.setObjectName("replaceEdit")
        self.replace.setPlaceholderText(self.tr("替换为"))
        self.find_button = self._button(self.tr("查找下一个"), "findNext", self.find_next)
        self.replace_button = self._button(self.tr("全部替换"), "replaceAll", self.replace_all)
        find_bar = QHBoxLayout()
        for w in (self.find, self.replace, self.find_button, self.replace_button):
            find_bar.addWidget(w)
        find_bar.addLayout(correction_bar)

        self.corrections = QListWidget()
        self.corrections.setObjectName("correctionList")
        self.undo_button = self._button(self.tr("撤销所选更正"), "undoCorrection", self.undo_correction)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel(self.tr("机器更正（读音相近，按本案用语）")))
        side_layout.addWidget(self.corrections, 1)
        side_layout.addWidget(self.undo_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        self.status = QLabel()
        self.status.setObjectName("transcriptionStatus")
        self.status.setWordWrap(True)
        hint = QLabel(self.tr("笔录正文为语音识别初稿，须经书记员核对；黄色底纹为识别把握较低的段落。"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(live_bar)
        layout.addLayout(edit_bar)
        layout.addLayout(find_bar)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._follow = QTimer(self)
        self._follow.setInterval(200)
        self._follow.timeout.connect(self._follow_playback)
        for keys, slot in (("Ctrl+P", self.toggle_play), ("Ctrl+F", self.find.setFocus),
                           ("Ctrl+H", self.replace.setFocus), ("Ctrl+Down", lambda: self._step(1)),
                           ("Ctrl+Up", lambda: self._step(-1))):
            QShortcut(QKeySequence(keys), self, activated=slot)
        self._update_buttons()

    _button = staticmethod(make_button)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.warm_live()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self.warm_live()  # not visible any more: releases the warmed model child

    # -- case and hearing --------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        """Show the hearings of ``case_id`` (None clears the tab)."""
        self._slot.cancel()
        self.stop_playback()
        self.case_id = case_id
        self.reload_hearings()
        self.warm_live()

    def reload_hearings(self, select_id: int | None = None) -> None:
        """Refill the hearing list."""
        self.hearing.blockSignals(True)
        self.hearing.clear()
        if self.case_id is not None:
            for h in self.service.list_hearings(self.case_id):
                label = (self.tr("%1（%2，%3 秒）").replace("%2", tr_term(h.status)).replace("%3", f"{h.duration:.0f}")
                         .replace("%1", h.title))
                self.hearing.addItem(label, h.id)
        if select_id is not None:
            self.hearing.setCurrentIndex(max(0, self.hearing.findData(select_id)))
        self.hearing.blockSignals(False)
        self.reload_segments()

    def hearing_id(self) -> int | None:
        """The selected hearing."""
        return self.hearing.currentData()

    def reload_segments(self) -> None:
        """Show the transcript of the selected hearing."""
        self._audio = None
        hearing = self.hearing_id()
        self.rows = self.service.segments(hearing) if hearing is not None else []
        self._loading = True
        self.table.setRowCount(len(self.rows))
        for r, seg in enumerate(self.rows):
            cells = [f"{int(seg.start // 60):02d}:{seg.start % 60:04.1f}", tr_speaker(seg.speaker), seg.text,
                     f"{seg.confidence:.0%}"]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if c in (COL_TIME, COL_CONFIDENCE):
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if seg.low_confidence:
                    item.setBackground(QBrush(LOW_CONFIDENCE_BACKGROUND))
                if c == COL_TEXT:
                    item.setToolTip(self.tr("机器原文：") + seg.machine_text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self._loading = False
        self._show_corrections()
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_hearing = self.hearing_id() is not None
        running = self._slot.current is not None and self._slot.current.is_running
        live = self.live is not None
        self.import_button.setEnabled(self.case_id is not None and not live)
        self.live_button.setEnabled(self.case_id is not None and not live and not running)
        self.pause_button.setEnabled(live)
        self.resume_button.setEnabled(live)
        self.stop_live_button.setEnabled(live)
        self.transcribe_button.setEnabled(has_hearing and not running and not live)
        self.cancel_button.setEnabled(running)
        for b in (self.refuse_button, self.split_button, self.merge_button, self.check_button, self.export_button, self.play_button,
                  self.replace_button, self.find_button):
            b.setEnabled(bool(self.rows) and not running)

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("出错：") + str(exc))
        self.progress.setValue(0)
        self.reload_segments()

    # -- recording and transcription ---------------------------------------------------
    def import_recording(self, path: str | None = None) -> int | None:
        """Store a recording file for this case (WAV, FLAC, MP3, M4A)."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("导入庭审录音"), "",
                                                  self.tr("录音 (*.wav *.flac *.mp3 *.m4a)"))
            if not path:
                return None
        try:
            hearing = self.service.add_recording(self.case_id, path, self.channels.text().strip())
        except Exception as exc:  # noqa: BLE001 - any refusal is shown, input kept
            self.status.setText(self.tr("无法导入：") + str(exc))
            return None
        self.status.setText(self.tr("录音已加密保存。"))
        self.reload_hearings(hearing)
        return hearing

    def transcribe(self) -> None:
        """Transcribe the selected hearing in the background (child process)."""
        hearing = self.hearing_id()
        if hearing is None:
            return
        self.status.setText(self.tr("正在转写…"))
        self._slot.start(lambda progress, cancel: self.service.transcribe(hearing, progress, cancel),
                         label="transcribe", on_success=self._transcribed, on_error=self._failed,
                         on_progress=self._progressed, on_cancelled=self._cancelled)
        self._update_buttons()

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(message)

    def _transcribed(self, count: int) -> None:
        self.progress.setValue(100)
        self.reload_hearings(self.hearing_id())
        self.status.setText(self.tr("转写完成，共 %n 段，请核对。").replace("%n", str(count)))

    def _cancelled(self) -> None:
        self.status.setText(self.tr("已取消；已转写的段落已保存。"))
        self.reload_hearings(self.hearing_id())

    def cancel(self) -> None:
        """Stop the running transcription (segments already received stay)."""
        task = self._slot.current
        if task is not None:
            task.cancel()

    # -- editing -----------------------------------------------------------------------
    def selected_row(self) -> int | None:
        """Index of the selected segment."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() not in (COL_SPEAKER, COL_TEXT):
            return
        seg = self.rows[item.row()]
        kind = "补正" if self.correction_request.isChecked() else "编辑"
        value = item.text().strip()
        try:
            if item.column() == COL_TEXT:
                self.service.edit_segment(seg.id, text=value, kind=kind,
                                          requested_by=self.requested_by.text().strip())
            else:
                self.service.edit_segment(seg.id, speaker=untr_speaker(value), kind=kind,
                                          requested_by=self.requested_by.text().strip())
        except Exception as exc:  # noqa: BLE001
            self.status.setText(self.tr("未保存：") + str(exc))
        else:
            self.status.setText(self.tr("已保存修改（%1）。").replace("%1", tr_term(kind)))
        row = item.row()
        QTimer.singleShot(0, lambda: (self.reload_segments(), self.table.selectRow(row)))

    def _show_corrections(self) -> None:
        self.corrections.clear()
        row = self.selected_row()
        if row is None or row >= len(self.rows):
            self.undo_button.setEnabled(False)
            return
        for c in self.rows[row].corrections:
            self.corrections.addItem(self.tr("%1 → %2（%3）").replace("%3", tr_term(c.term_source))
                                     .replace("%1", c.original).replace("%2", c.replacement))
        self.undo_button.setEnabled(bool(self.rows[row].corrections))

    def record_refused(self, requested_text: str | None = None, reason: str | None = None) -> None:
        """Record a party's 补正 request for the selected line that the court did not grant."""
        row = self.selected_row()
        if row is None:
            self.status.setText(self.tr("请先选择要补正的段落。"))
            return
        if requested_text is None:
            requested_text, ok = QInputDialog.getText(self, self.tr("补正申请"), self.tr("当事人要求改为："))
            if not ok:
                return
            reason, ok = QInputDialog.getText(self, self.tr("补正申请"), self.tr("未采纳的理由："))
            if not ok:
                return
        self.service.record_refused_correction(self.rows[row].id, self.requested_by.text().strip(),
                                               requested_text, reason or "")
        self.status.setText(self.tr("已记录未采纳的补正申请。"))

    def undo_correction(self) -> None:
        """Put back the machine's words for the selected correction."""
        row, index = self.selected_row(), self.corrections.currentRow()
        if row is None or index < 0:
            return
        self.service.undo_correction(self.rows[row].id, index)
        self.reload_segments()
        self.table.selectRow(row)

    def split(self, at: int | None = None) -> None:
        """Split the selected turn in the middle (or at ``at`` characters)."""
        row = self.selected_row()
        if row is None:
            return
        text = self.rows[row].text
        self.service.split_segment(self.rows[row].id, at if at is not None else max(1, len(text) // 2))
        self.reload_segments()
        self.table.selectRow(row)

    def merge(self) -> None:
        """Merge the selected turn with the next one."""
        row = self.selected_row()
        if row is None:
            return
        try:
            self.service.merge_with_next(self.rows[row].id)
        except ValueError as exc:
            self.status.setText(str(exc))
            return
        self.reload_segments()
        self.table.selectRow(row)

    def find_next(self) -> None:
        """Select the next line containing the search text."""
        needle = self.find.text()
        if not needle or not self.rows:
            return
        start = (self.selected_row() if self.selected_row() is not None else -1) + 1
        for offset in range(len(self.rows)):
            r = (start + offset) % len(self.rows)
            if needle in self.rows[r].text:
                self.table.selectRow(r)
                return
        self.status.setText(self.tr("没有找到“%1”。").replace("%1", needle))

    def replace_all(self) -> None:
        """Replace the search text everywhere (each change is a revision)."""
        count = self.service.replace_all(self.hearing_id(), self.find.text(), self.replace.text())
        self.reload_segments()
        self.status.setText(self.tr("已替换 %n 段。").replace("%n", str(count)))

    def mark_checked(self) -> None:
        """Record that the clerk checked the transcript against the recording."""
        self.service.mark_checked(self.hearing_id())
        self.reload_hearings(self.hearing_id())
        self.status.setText(self.tr("已标记为核对完成。"))

    def export(self, path: str | None = None) -> None:
        """Export the 庭审笔录 (.docx, .txt or .srt by the file name)."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("导出庭审笔录"), "庭审笔录.docx",
                                                  "Word (*.docx);;Text (*.txt);;SRT (*.srt)")
            if not path:
                return
        fmt = path.rsplit(".", 1)[-1].lower()
        self.service.export(self.hearing_id(), path, fmt if fmt in ("docx", "txt", "srt") else "docx")
        self.status.setText(self.tr("已导出：") + path)

    # -- playback ----------------------------------------------------------------------
    def _samples(self):
        if self._audio is None:
            from app.services.transcription import decode_for_playback

            self._audio = decode_for_playback(self.service.audio_bytes(self.hearing_id()))
        return self._audio

    def play(self) -> None:
        """Play from the selected line (looping it when asked)."""
        row = self.selected_row() or 0
        if not self.rows:
            return
        seg = self.rows[row]
        samples, rate = self._samples()
        loop = self.loop.isChecked()
        try:
            self.player.play(samples, rate, seg.start, self.speed.currentData(), seg.end if loop else None, loop)
        except Exception as exc:  # noqa: BLE001 - no output device is not an error of the record
            self.status.setText(self.tr("无法播放：") + str(exc))
            return
        self.play_button.setText(self.tr("停止(&P)"))
        self._follow.start()

    def stop_playback(self) -> None:
        """Stop playing."""
        self.player.stop()
        self._follow.stop()
        self.play_button.setText(self.tr("播放(&P)"))

    def toggle_play(self) -> None:
        """Play or stop (Ctrl+P)."""
        if self.player.position() is None:
            self.play()
        else:
            self.stop_playback()

    def _follow_playback(self) -> None:
        position = self.player.position()
        if position is None:
            return
        for r, seg in enumerate(self.rows):
            if seg.start <= position < seg.end or (r + 1 < len(self.rows) and seg.end <= position < self.rows[r + 1].start):
                if self.selected_row() != r and not self.loop.isChecked():
                    self.table.selectRow(r)
                break

    def _step(self, delta: int) -> None:
        row = (self.selected_row() or 0) + delta
        if 0 <= row < len(self.rows):
            self.table.selectRow(row)

    def shutdown(self) -> None:
        """Cancel work and stop playback (called when the window closes)."""
        self.stop_playback()
        if self.live is not None:
            live, self.live = self.live, None
            live.stop()
        self._live_slot.shutdown()
        self.live_service.release()  # a warmed model child nobody will use
        self._slot.shutdown()
