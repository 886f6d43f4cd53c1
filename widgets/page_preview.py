"""Dossier page preview with zoom: fit to width by default, Ctrl+wheel or the buttons to zoom.

The page image is rendered once (at print-like resolution) and scaled here, so zooming never
asks the store again.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

ZOOM_STEPS = (0.5, 0.75, 1.0, 1.5, 2.0, 3.0)  # relative to "fit width"


class PagePreview(QWidget):
    """A scrollable, zoomable page image; ``pixmap()`` is what is shown (None before a page)."""

    def __init__(self, placeholder: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("pagePreview")
        self.source: QPixmap | None = None
        self.zoom = 1.0
        self.image = QLabel(placeholder)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.area = QScrollArea()
        self.area.setWidget(self.image)
        self.area.setWidgetResizable(True)
        self.area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_label = QLabel("100%")
        self.zoom_label.setObjectName("previewZoom")
        buttons = QHBoxLayout()
        for text, tip, slot in (("−", self.tr("缩小 (Ctrl+-)"), lambda: self.step(-1)),
                                ("+", self.tr("放大 (Ctrl+=)"), lambda: self.step(1)),
                                (self.tr("适合宽度"), self.tr("Ctrl+0"), self.fit)):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(b)
        buttons.addWidget(self.zoom_label)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.area, 1)
        for keys, slot in (("Ctrl+=", lambda: self.step(1)), ("Ctrl++", lambda: self.step(1)),
                           ("Ctrl+-", lambda: self.step(-1)), ("Ctrl+0", self.fit)):
            QShortcut(QKeySequence(keys), self, activated=slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setMinimumWidth(200)

    def set_page(self, png: bytes) -> None:
        """Show a rendered page (PNG bytes) at the current zoom."""
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.source = pixmap
        self._apply()

    def pixmap(self) -> QPixmap | None:
        """The image as shown."""
        return self.image.pixmap() if self.source is not None else None

    def step(self, delta: int) -> None:
        """One zoom step in or out."""
        index = min(range(len(ZOOM_STEPS)), key=lambda i: abs(ZOOM_STEPS[i] - self.zoom))
        self.zoom = ZOOM_STEPS[max(0, min(len(ZOOM_STEPS) - 1, index + delta))]
        self._apply()

    def fit(self) -> None:
        """Back to fitting the width."""
        self.zoom = 1.0
        self._apply()

    def _apply(self) -> None:
        self.zoom_label.setText(f"{self.zoom:.0%}")
        if self.source is None or self.source.isNull():
            return
        # Fit leaves room for the vertical scroll bar, so "fit width" never needs a horizontal one.
        room = self.area.width() - self.area.verticalScrollBar().sizeHint().width() - 6
        width = max(120, int(room * self.zoom))
        self.area.setWidgetResizable(self.zoom <= 1.0)
        self.image.setPixmap(self.source.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
        self.image.adjustSize()

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.step(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._apply()
