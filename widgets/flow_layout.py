"""A row of controls that wraps onto the next line when the window is narrow.

A tab's toolbar laid out in a QHBoxLayout is as wide as all its buttons together: in English,
or at 150% on a 1920×1080 screen, that is wider than the tab and the whole tab scrolls
sideways. In a flow layout the row is only as wide as its widest control and wraps the rest
(Qt's own "flow layout" example, with a stretchable item per row).
"""
from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QSizePolicy, QWidget


class FlowLayout(QLayout):
    """Lays widgets left to right, wrapping to a new line; ``stretch`` widgets fill their line."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self.setContentsMargins(QMargins(0, 0, 0, 0))
        self.setSpacing(spacing)
        self._items = []
        self._stretch: set[int] = set()  # ids of items that take the rest of their line

    def addWidget(self, widget: QWidget, stretch: int = 0) -> None:  # noqa: N802 - Qt API
        """Add ``widget``; with ``stretch`` it widens to fill the rest of its line."""
        super().addWidget(widget)
        if stretch:
            self._stretch.add(id(self._items[-1]))

    def addItem(self, item) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:  # noqa: D102 - Qt API
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt API
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self._stretch.discard(id(item))
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        visible = [i for i in self._items if not i.isEmpty()]
        width = sum(i.sizeHint().width() for i in visible) + self.spacing() * max(0, len(visible) - 1)
        height = max((i.sizeHint().height() for i in visible), default=0)
        return QSize(width, height)

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, apply: bool) -> int:
        """Lay the items into ``rect`` (when ``apply``); returns the height used."""
        x, y, line_height, spacing = rect.x(), rect.y(), 0, self.spacing()
        line: list = []

        def finish(items: list, top: int, height: int) -> None:
            if not apply or not items:
                return
            spare = rect.right() + 1 - (items[-1][1].x() + items[-1][1].width())
            grow = [k for k, (item, _g) in enumerate(items) if id(item) in self._stretch]
            shift = 0
            for k, (item, geometry) in enumerate(items):
                geometry.moveLeft(geometry.x() + shift)
                if grow and k == grow[0] and spare > 0:
                    geometry.setWidth(geometry.width() + spare)
                    shift += spare
                geometry.moveTop(top + (height - geometry.height()) // 2)
                item.setGeometry(geometry)

        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), rect.width()) if rect.width() > 0 else hint.width()
            width = max(width, item.minimumSize().width())
            if line and x + width > rect.right() + 1:
                finish(line, y, line_height)
                x, y, line, line_height = rect.x(), y + line_height + spacing, [], 0
            line.append((item, QRect(QPoint(x, y), QSize(width, hint.height()))))
            x += width + spacing
            line_height = max(line_height, hint.height())
        finish(line, y, line_height)
        return y + line_height - rect.y()


def flow_row(*widgets: QWidget, stretch: QWidget | None = None) -> FlowLayout:
    """A flow layout holding ``widgets`` in order; ``stretch`` fills the rest of its line."""
    layout = FlowLayout()
    for widget in widgets:
        if widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Expanding and widget is not stretch:
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, widget.sizePolicy().verticalPolicy())
        layout.addWidget(widget, 1 if widget is stretch else 0)
    return layout
