"""庭审笔录 tab: hearing recordings of a case and the clerk's transcript editor.

The transcript sits beside the audio: select a line and play from there (speed 0.5x-2x,
optionally looping the line), the current line follows playback; text and speaker are edited
in place (each edit is stored as a revision, a party's 补正 is marked as such); low-confidence
lines are highlighted; find-and-replace changes a name everywhere; turns can be split or
merged (only those rows change); vocabulary corrections can be undone one by one. Above the
table a waveform shows the recording with each line's start and the playhead (click to seek).
Unsure words are shaded inside each line, on its current text (words the clerk edited lose the
shade); beside the table the selected line's words play from a click.

Every service call goes through the task runner: reads in one slot, writes in another (write
buttons are disabled while a write runs), transcription and live hearings in their own. An
edited line refreshes itself only, and the decoded recording is kept per hearing.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget,
    QProgressBar, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.tasks import TaskSlot
from widgets.audio_player import AudioPlayer
from widgets.terms import tr_speaker, tr_term, untr_speaker
from widgets.transcription_live import LiveHearingControls
from widgets.common import make_button
from widgets.flow_layout import flow_row
from widgets.transcript_parts import SeatDelegate, WaveformView
from widgets.transcript_shading import PARTS_ROLE, SHADE, ShadedTextDelegate, WordStrip, confidence_colour, shaded_parts
from widgets.transcript_playback import TranscriptPlayback
from widgets.transcript_import import TranscriptImport
from widgets.transcript_record import TranscriptRecordActions

LOW_CONFIDENCE_BACKGROUND = QColor("#fff59d")
SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
COL_TIME, COL_SPEAKER, COL_TEXT, COL_CONFIDENCE = range(4)
# Keys of this tab (active while focus is inside it), listed under 帮助 > 快捷键.
SHORTCUTS = (("Ctrl+P", "播放/暂停"), ("Ctrl+]", "加快播放"), ("Ctrl+[", "减慢播放"),
             ("Ctrl+Down", "下一段"), ("Ctrl+Up", "上一段"), ("Ctrl+F", "在笔录中查找"), ("Ctrl+H", "替换"),
             ("F2", "编辑所选段落"))


class TranscriptionTab(TranscriptImport, TranscriptRecordActions, TranscriptPlayback, LiveHearingControls, QWidget):
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
        self._audio: dict[int, tuple] = {}  # hearing id -> (samples, rate, peaks), newest last
        self.seats: list[str] = []
        self._reads = TaskSlot(self)
        self._writes = TaskSlot(self, writes=True, on_change=self._update_buttons)
        self._audio_slot = TaskSlot(self)
        self._probe_slot = TaskSlot(self)  # channel count of a file about to be imported
        self._slot = TaskSlot(self, writes=True, on_change=self._update_buttons)  # transcription
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
        self.channels.setReadOnly(True)
        self.channels.setPlaceholderText(self.tr("声道未分配席位"))
        self.channels.setToolTip(self.tr("各声道对应的席位；点“声道…”按声道选择"))
        self.seat_map_button = self._button(self.tr("声道…"), "seatMap", self.choose_seat_map)
        # Narrow enough for 1280 px at 100% and 150% (the window never scrolls sideways).
        self.hearing.setMinimumContentsLength(12)
        self.hearing.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.channels.setMaximumWidth(200)
        self.import_button = self._button(self.tr("导入录音…"), "importRecording", self.import_recording)
        self.transcribe_button = self._button(self.tr("转写(&T)"), "transcribe", self.transcribe)
        self.cancel_button = self._button(self.tr("取消"), "cancelTranscription", self.cancel)
        self.progress = QProgressBar()
        self.progress.setObjectName("transcriptionProgress")
        self.progress.setRange(0, 100)
        # Rows of controls wrap when the tab is narrow (English, 150%): the tab never scrolls sideways.
        self.progress.setMinimumWidth(90)
        top = flow_row(QLabel(self.tr("庭审")), self.hearing, self.channels, self.seat_map_button,
                       self.import_button, self.transcribe_button, self.cancel_button, self.progress,
                       stretch=self.progress)
        self.live_button = self._button(self.tr("开始实时记录"), "startLive", self.start_live)
        self.pause_button = self._button(self.tr("休庭"), "pauseLive", self.pause_live)
        self.resume_button = self._button(self.tr("继续"), "resumeLive", self.resume_live)
        self.stop_live_button = self._button(self.tr("结束庭审"), "stopLive", self.stop_live)
        live_bar = flow_row(self.live_button, self.pause_button, self.resume_button, self.stop_live_button)
        self.device_row = QHBoxLayout()  # device messages get their own row: they can be long
        self._add_device_controls(live_bar)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("segmentTable")
        self.table.setHorizontalHeaderLabels([tr_term(h) for h in ("时间", "发言人", "内容", "置信度")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setItemDelegateForColumn(COL_SPEAKER, SeatDelegate(lambda: self.seats, tr_speaker, untr_speaker,
                                                                      self.table))
        # Unsure words shaded inside the line itself; the editor still opens with the plain text.
        self.table.setItemDelegateForColumn(COL_TEXT, ShadedTextDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
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
        self.speed.setToolTip(self.tr("播放速度（变速不变调）；Ctrl+[ 减慢，Ctrl+] 加快"))
        self.loop = QCheckBox(self.tr("循环本段"))
        self.loop.setObjectName("loopSegment")
        self.refuse_button = self._button(self.tr("记录未采纳的补正…"), "refusedCorrection",
                                          self.record_refused)
        self.split_button = self._button(self.tr("拆分"), "splitSegment", self.split)
        self.merge_button = self._button(self.tr("与下段合并"), "mergeSegment", self.merge)
        self.check_button = self._button(self.tr("核对完成"), "markChecked", self.mark_checked)
        self.export_button = self._button(self.tr("导出笔录…"), "exportRecord", self.export)
        edit_bar = flow_row(self.play_button, self.speed, self.loop, self.split_button, self.merge_button,
                            self.check_button, self.export_button)
        correction_bar = flow_row(self.correction_request, self.requested_by, self.refuse_button)

        self.find = QLineEdit()
        self.find.setObjectName("findEdit")
        self.find.setPlaceholderText(self.tr("查找"))
        self.replace = QLineEdit()
        self.replace.setObjectName("replaceEdit")
        self.replace.setPlaceholderText(self.tr("替换为"))
        self.find_button = self._button(self.tr("查找下一个"), "findNext", self.find_next)
        self.replace_button = self._button(self.tr("全部替换"), "replaceAll", self.replace_all)
        # Find and replace continue the editing row (wrapping where the width ends).
        for w in (self.find, self.replace, self.find_button, self.replace_button):
            edit_bar.addWidget(w)

        self.corrections = QListWidget()
        self.corrections.setObjectName("correctionList")
        self.undo_button = self._button(self.tr("撤销所选更正"), "undoCorrection", self.undo_correction)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        # The selected line word by word beside the table (not under it: at 720 px high the
        # rows below the table would be scrolled out of sight); a click plays from the word.
        self.words = WordStrip()
        self.words.word_clicked.connect(self.play_from)
        words_title = QLabel(self.tr("所选段落（点一个词，从该词播放）"))
        words_title.setWordWrap(True)
        side_layout.addWidget(words_title)
        words_area = QScrollArea()  # a long turn scrolls here instead of stretching the tab
        words_area.setWidgetResizable(True)
        words_area.setFrameShape(QScrollArea.Shape.NoFrame)
        words_area.setWidget(self.words)
        self.words.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        side_layout.addWidget(words_area, 1)
        side_title = QLabel(self.tr("机器更正（读音相近，按本案用语）"))
        side_title.setWordWrap(True)
        side_layout.addWidget(side_title)
        side_layout.addWidget(self.corrections, 2)
        side_layout.addWidget(self.undo_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("transcriptSplitter")  # its sizes are remembered
        splitter.addWidget(self.table)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)

        self.status = QLabel()
        self.status.setObjectName("transcriptionStatus")
        self.status.setWordWrap(True)
        # The legend shows the real colours of the table.
        hint = QLabel(self.tr("识别初稿，须经书记员核对：")
                      + f' <span style="background:{SHADE.name()}">&nbsp;' + self.tr("把握较低的词") + "&nbsp;</span> "
                      + f'<span style="background:{LOW_CONFIDENCE_BACKGROUND.name()}">&nbsp;'
                      + self.tr("含此类词的段落") + "&nbsp;</span> " + self.tr("改过的词不再标色。"))
        hint.setToolTip(self.tr("笔录正文为语音识别初稿。指向词语可见其时间与识别把握；点右侧“所选段落”中的词，从该词开始播放。"))
        hint.setObjectName("transcriptLegend")
        hint.setWordWrap(True)  # one line in Chinese is two in English
        self.waveform = WaveformView()
        self.waveform.seek.connect(self.play_from)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(live_bar)
        layout.addLayout(self.device_row)
        layout.addLayout(edit_bar)
        layout.addLayout(correction_bar)
        layout.addWidget(hint)
        layout.addWidget(self.waveform)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)

        self._follow = QTimer(self)
        self._follow.setInterval(200)
        self._follow.timeout.connect(self._follow_playback)
        # Scoped to this tab: the same keys elsewhere (Ctrl+F in the case list) mean their own thing.
        for keys, slot in self._shortcut_slots():
            QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    _button = staticmethod(make_button)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        self.warm_live()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().hideEvent(event)
        self.warm_live()  # not visible any more: releases the warmed model child

    def _shortcut_slots(self):
        slots = {"Ctrl+P": self.toggle_play, "Ctrl+]": lambda: self._speed_step(1),
                 "Ctrl+[": lambda: self._speed_step(-1), "Ctrl+Down": lambda: self._step(1),
                 "Ctrl+Up": lambda: self._step(-1), "Ctrl+F": self.find.setFocus, "Ctrl+H": self.replace.setFocus}
        return list(slots.items())

    @property
    def busy(self) -> bool:
        """True while a write or a transcription of this tab runs."""
        return self._writes.busy or self._slot.busy

    # -- case and hearing --------------------------------------------------------------
    def set_case(self, case_id: int | None) -> None:
        """Show the hearings of ``case_id`` (None clears the tab)."""
        self._reads.cancel()
        self.stop_playback()
        if case_id != self.case_id:
            self._audio.clear()
            self.status.setText("")
            self.progress.setValue(0)
        self.case_id = case_id
        self.reload_hearings()
        self._update_buttons()
        self.warm_live()

    def reload_hearings(self, select_id: int | None = None) -> None:
        """Refill the hearing list (read in the background)."""
        case_id, service = self.case_id, self.service
        if case_id is None:
            self._show_hearings([], None)
            return
        self._reads.start(lambda p, c: service.list_hearings(case_id), label="hearings",
                          on_success=lambda hearings: self._show_hearings(hearings, select_id), on_error=self._failed)

    def _show_hearings(self, hearings, select_id: int | None) -> None:
        self.hearing.blockSignals(True)
        self.hearing.clear()
        for h in hearings:
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

    def reload_segments(self, select_row: int | None = None) -> None:
        """Show the transcript (and seats) of the selected hearing, read in the background."""
        hearing, service = self.hearing_id(), self.service
        if hearing is None:
            self._show_segments([], [], None)
            return
        self._reads.start(lambda p, c: (service.segments(hearing), service.seats(hearing)), label="segments",
                          on_success=lambda r: self._show_segments(*r, select_row), on_error=self._failed)
        self._load_audio(hearing)

    def _show_segments(self, rows, seats, select_row: int | None) -> None:
        self.rows, self.seats = rows, seats
        self._loading = True
        self.table.setRowCount(len(self.rows))
        for r, seg in enumerate(self.rows):
            self._fill_row(r, seg)
        self.table.resizeRowsToContents()
        self._loading = False
        if select_row is not None and 0 <= select_row < len(self.rows):
            self.table.selectRow(select_row)
        self._selection_changed()
        self._update_buttons()

    def _fill_row(self, r: int, seg) -> None:
        self._loading, was_loading = True, self._loading
        cells = [f"{int(seg.start // 60):02d}:{seg.start % 60:04.1f}", tr_speaker(seg.speaker), seg.text,
                 f"{seg.confidence:.0%}"]
        parts = shaded_parts(seg)
        # With calibrated words the line is marked while one of its unsure words is unedited.
        low = any(p.colour is not None for p in parts) if parts and seg.calibrated else seg.low_confidence
        # Calibrated lines (issue 12) are marked by their shading alone; Whisper's own line
        # score colours only older transcripts (it tinted nearly every line).
        calibrated = getattr(seg, "calibrated", False)
        colour = confidence_colour(seg.confidence) if not seg.edited and not parts and not calibrated else None
        for c, value in enumerate(cells):
            item = QTableWidgetItem(value)
            if c in (COL_TIME, COL_CONFIDENCE):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if low:
                item.setBackground(QBrush(LOW_CONFIDENCE_BACKGROUND))
            elif colour is not None:
                item.setBackground(QBrush(colour))
            if c == COL_TEXT:
                item.setData(PARTS_ROLE, parts)
                item.setToolTip(self.tr("机器原文：") + seg.machine_text)
            self.table.setItem(r, c, item)
        self._loading = was_loading

    def _update_buttons(self) -> None:
        has_hearing = self.hearing_id() is not None
        running = self._slot.busy
        writing = self._writes.busy
        live = self.live is not None
        self.import_button.setEnabled(self.case_id is not None and not live and not writing)
        self.live_button.setEnabled(self.case_id is not None and not live and not running)
        self.pause_button.setEnabled(live)
        self.resume_button.setEnabled(live)
        self.stop_live_button.setEnabled(live)
        self.transcribe_button.setEnabled(has_hearing and not running and not live and not writing)
        self.cancel_button.setEnabled(running)
        for b in (self.refuse_button, self.split_button, self.merge_button, self.check_button,
                  self.replace_button, self.undo_button):
            b.setEnabled(bool(self.rows) and not running and not writing)
        for b in (self.export_button, self.play_button, self.find_button):
            b.setEnabled(bool(self.rows) and not running)
        if self.undo_button.isEnabled():
            row = self.selected_row()
            self.undo_button.setEnabled(row is not None and row < len(self.rows) and bool(self.rows[row].corrections))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("出错：") + str(exc))
        self.progress.setValue(0)
        self._update_buttons()

    def _write(self, label: str, fn, on_success) -> None:
        """Run a change in the write slot (its buttons are disabled until it ends)."""
        if self._writes.busy:
            self.status.setText(self.tr("上一项修改仍在保存，请稍候。"))
            return
        self._writes.start(lambda p, c: fn(), label=label, on_success=on_success, on_error=self._write_failed)

    def _write_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("未保存：") + str(exc))
        self.reload_segments(self.selected_row())

    # -- recording and transcription ---------------------------------------------------
    def transcribe(self) -> None:
        """Transcribe the selected hearing in the background (child process)."""
        hearing = self.hearing_id()
        if hearing is None or self._slot.busy:
            return
        self.status.setText(self.tr("正在转写…"))
        self._slot.start(lambda progress, cancel: self.service.transcribe(hearing, progress, cancel),
                         label="transcribe", on_success=self._transcribed, on_error=self._failed,
                         on_progress=self._progressed, on_cancelled=self._cancelled)

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
        self._slot.stop()

    # -- editing -----------------------------------------------------------------------
    def selected_row(self) -> int | None:
        """Index of the selected segment."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].row() if rows else None

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() not in (COL_SPEAKER, COL_TEXT):
            return
        row = item.row()
        seg = self.rows[row]
        if item.column() == COL_TEXT:
            self._loading = True  # the word shades belong to the old text until the save returns
            item.setData(PARTS_ROLE, None)
            self._loading = False
        kind = "补正" if self.correction_request.isChecked() else "编辑"
        value = item.text().strip()
        who = self.requested_by.text().strip()
        service, seg_id = self.service, seg.id
        if item.column() == COL_TEXT:
            def change():
                service.edit_segment(seg_id, text=value, kind=kind, requested_by=who)
                return service.segment(seg_id)
        else:
            speaker = untr_speaker(value)

            def change():
                service.edit_segment(seg_id, speaker=speaker, kind=kind, requested_by=who)
                return service.segment(seg_id)

        def saved(updated) -> None:
            # Only this row changes: the rest of the transcript and the decoded audio stay.
            if row < len(self.rows) and self.rows[row].id == updated.id:
                self.rows[row] = updated
                self._fill_row(row, updated)
                if self.selected_row() == row:
                    self._selection_changed()
            self.status.setText(self.tr("已保存修改（%1）。").replace("%1", tr_term(kind)))

        self._write("edit", change, saved)

    def _selection_changed(self) -> None:
        self._show_corrections()
        row = self.selected_row()
        seg = self.rows[row] if row is not None and row < len(self.rows) else None
        self.words.show_segment(seg)
        self.waveform.set_segments([s.start for s in self.rows], (seg.start, seg.end) if seg else None)

    def _show_corrections(self) -> None:
        self.corrections.clear()
        row = self.selected_row()
        if row is None or row >= len(self.rows):
            self.undo_button.setEnabled(False)
            return
        for c in self.rows[row].corrections:
            self.corrections.addItem(self.tr("%1 → %2（%3）").replace("%3", tr_term(c.term_source))
                                     .replace("%1", c.original).replace("%2", c.replacement))
        self.undo_button.setEnabled(bool(self.rows[row].corrections) and not self._writes.busy)

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
        service, seg_id, who = self.service, self.rows[row].id, self.requested_by.text().strip()
        self._write("refused", lambda: service.record_refused_correction(seg_id, who, requested_text, reason or ""),
                    lambda _r: self.status.setText(self.tr("已记录未采纳的补正申请。")))

    def undo_correction(self) -> None:
        """Put back the machine's words for the selected correction."""
        row, index = self.selected_row(), self.corrections.currentRow()
        if row is None or index < 0:
            return
        service, seg_id = self.service, self.rows[row].id
        self._write("undo", lambda: service.undo_correction(seg_id, index), lambda _r: self.reload_segments(row))

    def split(self, at: int | None = None) -> None:
        """Split the selected turn in the middle (or at ``at`` characters); only its rows change."""
        row = self.selected_row()
        if row is None:
            return
        text, service, seg_id = self.rows[row].text, self.service, self.rows[row].id
        where = at if at is not None else max(1, len(text) // 2)

        def change():
            new_id = service.split_segment(seg_id, where)
            return service.segment(seg_id), service.segment(new_id)

        self._write("split", change, lambda pair: self._replace_rows(row, seg_id, 1, list(pair)))

    def merge(self) -> None:
        """Merge the selected turn with the next one; only those rows change."""
        row = self.selected_row()
        if row is None:
            return
        service, seg_id = self.service, self.rows[row].id

        def change():
            service.merge_with_next(seg_id)
            return service.segment(seg_id)

        self._write("merge", change, lambda merged: self._replace_rows(row, seg_id, 2, [merged]))

    def _replace_rows(self, row: int, seg_id: int, old: int, new: list) -> None:
        """Put ``new`` segments in place of ``old`` rows from ``row``; the rest of the table, the
        selection and the scroll position stay (a full reload would jump and cost a read)."""
        if row >= len(self.rows) or self.rows[row].id != seg_id:
            self.reload_segments(row)  # the table changed meanwhile: read it afresh
            return
        scroll = self.table.verticalScrollBar().value()
        self._loading = True
        self.rows[row:row + old] = new
        for _ in range(old - len(new)):
            self.table.removeRow(row + 1)
        for i in range(len(new) - old):
            self.table.insertRow(row + 1 + i)
        for i, seg in enumerate(new):
            self._fill_row(row + i, seg)
            self.table.resizeRowToContents(row + i)
        self._loading = False
        self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(scroll)
        self._selection_changed()
        self._update_buttons()

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
        hearing, old, new, service = self.hearing_id(), self.find.text(), self.replace.text(), self.service

        def replaced(count: int) -> None:
            self.reload_segments(self.selected_row())
            self.status.setText(self.tr("已替换 %n 段。").replace("%n", str(count)))

        self._write("replace", lambda: service.replace_all(hearing, old, new), replaced)

    def shutdown(self) -> None:
        """Cancel work and stop playback (called when the window closes)."""
        self.stop_playback()
        if self.live is not None:
            live, self.live = self.live, None
            live.stop()
        self._live_slot.shutdown()
        self.live_service.release()  # a warmed model child nobody will use
        for slot in (self._slot, self._writes, self._reads, self._audio_slot, self._probe_slot):
            slot.shutdown()
