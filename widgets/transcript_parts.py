"""Pieces of the transcript editor: waveform with segment marks, seat pickers.

* :class:`WaveformView` draws the recording's loudness with a mark at each line's start, the
  selected line shaded and the playhead; a click (or Left/Right when focused) seeks.
* (the word shading and the word strip are in widgets/transcript_shading.py)
* :class:`SeatDelegate` makes the speaker cell a picker of the hearing's seats.
* :class:`SeatMapDialog` assigns each channel of a recording to a seat with one picker per
  channel instead of typing ``1=审判长,2=原告``.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QStyledItemDelegate, QVBoxLayout, QWidget,
)

NO_SEAT = ""  # "not assigned" in the channel picker


def envelope(samples, bins: int = 1600) -> list[float]:
    """Peak loudness of ``bins`` equal slices of ``samples`` (0..1); computed off the GUI thread."""
    import numpy as np

    data = np.abs(np.asarray(samples, dtype=np.float32))
    if data.size == 0:
        return []
    bins = max(1, min(bins, data.size))
    usable = data[: data.size - data.size % bins] if data.size >= bins else data
    peaks = usable.reshape(bins, -1).max(axis=1)
    top = float(peaks.max()) or 1.0
    return [float(v) / top for v in peaks]


class WaveformView(QWidget):
    """The recording's loudness; segment starts marked, selected line shaded, a playhead; click seeks."""

    seek = Signal(float)  # seconds

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("waveform")
        self.setMinimumHeight(56)
        self.setMaximumHeight(90)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("点击跳到该处；获得焦点时用左右方向键前后移动 5 秒"))
        self.peaks: list[float] = []
        self.duration = 0.0
        self.marks: list[float] = []
        self.selected: tuple[float, float] | None = None
        self.playhead: float | None = None

    def set_audio(self, peaks: list[float], duration: float) -> None:
        """Show a new recording (peaks from :func:`envelope`)."""
        self.peaks, self.duration = peaks, duration
        self.update()

    def set_segments(self, starts: list[float], selected: tuple[float, float] | None) -> None:
        """Marks at each line's start; the selected line's span shaded."""
        self.marks, self.selected = starts, selected
        self.update()

    def set_playhead(self, seconds: float | None) -> None:
        """Where playback is (None hides the line)."""
        self.playhead = seconds
        self.update()

    def _x(self, seconds: float) -> float:
        return seconds / self.duration * self.width() if self.duration > 0 else 0.0

    def time_at(self, x: float) -> float:
        """Seconds at horizontal position ``x``."""
        if self.width() <= 0 or self.duration <= 0:
            return 0.0
        return max(0.0, min(self.duration, x / self.width() * self.duration))

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#fafafa"))
        h, w = self.height(), self.width()
        if self.selected is not None and self.duration > 0:
            a, b = self._x(self.selected[0]), self._x(self.selected[1])
            painter.fillRect(QRectF(a, 0, max(2.0, b - a), h), QColor("#bbdefb"))
        if self.peaks:
            painter.setPen(QPen(QColor("#546e7a")))
            step = len(self.peaks) / max(1, w)
            for x in range(w):
                v = self.peaks[min(len(self.peaks) - 1, int(x * step))]
                half = v * (h / 2 - 2)
                painter.drawLine(x, int(h / 2 - half), x, int(h / 2 + half))
        else:
            painter.setPen(QPen(QColor("#9e9e9e")))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("（选择庭审后显示波形）"))
        painter.setPen(QPen(QColor("#ef6c00")))
        for start in self.marks:
            x = int(self._x(start))
            painter.drawLine(x, 0, x, 6)
        if self.playhead is not None:
            painter.setPen(QPen(QColor("#c62828"), 2))
            x = int(self._x(self.playhead))
            painter.drawLine(x, 0, x, h)
        if self.hasFocus():
            painter.setPen(QPen(QColor("#1976d2")))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.duration > 0:
            self.seek.emit(self.time_at(event.position().x()))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.duration > 0:
            base = self.playhead if self.playhead is not None else (self.selected or (0.0, 0.0))[0]
            delta = 5.0 if event.key() == Qt.Key.Key_Right else -5.0
            self.seek.emit(max(0.0, min(self.duration, base + delta)))
            return
        super().keyPressEvent(event)


class SeatDelegate(QStyledItemDelegate):
    """Edits the speaker cell with a picker of the hearing's seats (no free text)."""

    def __init__(self, seats_of, translate, untranslate, parent=None) -> None:
        super().__init__(parent)
        self.seats_of = seats_of  # () -> list of stored seat names
        self.translate, self.untranslate = translate, untranslate

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        box = QComboBox(parent)
        box.setObjectName("seatPicker")
        for seat in self.seats_of():
            box.addItem(self.translate(seat), seat)
        return box

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt API
        current = self.untranslate(index.data() or "")
        i = editor.findData(current)
        if i < 0:
            editor.addItem(self.translate(current), current)
            i = editor.count() - 1
        editor.setCurrentIndex(i)

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt API
        model.setData(index, editor.currentText())


class SeatMapDialog(QDialog):
    """One seat picker per channel of a recording or device; ``spec()`` gives ``1=审判长,2=原告``."""

    def __init__(self, channels: int, seats: list[str], current: dict[int, str], translate, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("seatMapDialog")
        self.setWindowTitle(self.tr("声道与席位"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("为每个声道选择对应的席位（录音有 %n 个声道）：").replace("%n", str(channels)))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pickers: list[QComboBox] = []
        for ch in range(channels):
            box = QComboBox()
            box.setObjectName(f"seatForChannel{ch + 1}")
            box.addItem(self.tr("（不指定）"), NO_SEAT)
            for seat in seats:
                box.addItem(translate(seat), seat)
            i = box.findData(current.get(ch, NO_SEAT))
            box.setCurrentIndex(max(0, i))
            form.addRow(self.tr("第 %n 声道").replace("%n", str(ch + 1)), box)
            self.pickers.append(box)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setObjectName("seatMapProblem")
        self.problem.setStyleSheet("color: #c62828;")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def spec(self) -> str:
        """The channel map in the stored form (``1=审判长,2=原告``)."""
        return ",".join(f"{i + 1}={b.currentData()}" for i, b in enumerate(self.pickers) if b.currentData())

    def _accept(self) -> None:
        chosen = [b.currentData() for b in self.pickers if b.currentData()]
        if len(chosen) != len(set(chosen)) and any(s in ("审判长", "书记员") for s in chosen
                                                  if chosen.count(s) > 1):
            self.problem.setText(self.tr("审判长、书记员各只能对应一个声道。"))
            return
        self.accept()


def parse_seat_spec(spec: str) -> dict[int, str]:
    """``1=审判长,2=原告`` as {0: "审判长", 1: "原告"}; items that do not parse are skipped
    (the service validates the map properly when the recording is stored)."""
    import re

    result: dict[int, str] = {}
    for item in re.split(r"[,，;；]\s*", (spec or "").strip()):
        match = re.fullmatch(r"\s*(\d+)\s*[=:：＝]\s*(\S+)\s*", item)
        if match and int(match.group(1)) >= 1:
            result[int(match.group(1)) - 1] = match.group(2)
    return result
