"""The dossier's catalogue tree (documents with their pages) as a drag source and drop target:
the clerk drags a page, or a run of selected pages, onto another document.

The tree never moves its own items: a drop only reports which pages went to which document
(``pagesDropped``); the tab asks the cataloguing service to move them and reloads the tree.
"""
from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

PAGES_MIME = "application/x-trial-assistant-dossier-pages"
PAGE_ROLE = Qt.ItemDataRole.UserRole  # page number on page items, start page on document items


def item_page(item: QTreeWidgetItem | None) -> int | None:
    """The page number a page item stands for (None for document items)."""
    if item is None or item.parent() is None:
        return None
    return item.data(0, PAGE_ROLE)


def item_document_start(item: QTreeWidgetItem | None) -> int | None:
    """Start page of the document an item (document or page) belongs to."""
    if item is None:
        return None
    node = item if item.parent() is None else item.parent()
    return node.data(0, PAGE_ROLE)


def pages_mime(pages: list[int]) -> QMimeData:
    """Drag data for ``pages``."""
    data = QMimeData()
    data.setData(PAGES_MIME, json.dumps(sorted(pages)).encode("ascii"))
    return data


class CatalogueTree(QTreeWidget):
    """Documents with their pages; pages can be dragged onto another document."""

    pagesDropped = Signal(list, int)  # pages, start page of the target document

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)  # Qt must not remove the dragged items

    def selected_pages(self) -> list[int]:
        """Pages of the selected page items; a selected document item stands for all its pages."""
        pages: set[int] = set()
        for item in self.selectedItems():
            if item.parent() is None:
                pages.update(item.child(i).data(0, PAGE_ROLE) for i in range(item.childCount()))
            else:
                pages.add(item.data(0, PAGE_ROLE))
        return sorted(p for p in pages if p is not None)

    # -- drag and drop (Qt virtuals) ---------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [PAGES_MIME]

    def mimeData(self, items) -> QMimeData:
        pages = {item_page(i) for i in items if item_page(i) is not None}
        for i in items:
            if i.parent() is None:
                pages.update(i.child(n).data(0, PAGE_ROLE) for n in range(i.childCount()))
        return pages_mime(sorted(pages))

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dropMimeData(self, parent, index, data, action) -> bool:
        """A drop onto a document item, or onto one of its pages, moves the pages there."""
        if not data.hasFormat(PAGES_MIME):
            return False
        target = item_document_start(parent)
        if target is None:
            return False
        try:
            pages = [int(p) for p in json.loads(bytes(data.data(PAGES_MIME)).decode("ascii"))]
        except (ValueError, TypeError):
            return False
        if not pages:
            return False
        self.pagesDropped.emit(pages, target)
        return True
