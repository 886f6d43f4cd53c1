"""Unsure words shaded inside the transcript line itself, and the word strip that plays them.

* :func:`shaded_parts` maps the recogniser's words onto the line's *current* text (after the
  machine's clean-up and corrections and the clerk's edits; app.services.word_spans) and gives
  each part its shade: words the clerk changed lose their shading, unchanged ones keep it.
* :class:`ShadedTextDelegate` paints the text cell with those shades; editing opens the
  ordinary editor with the plain text. Hovering a word tells its time and confidence.
* :class:`WordStrip` shows the selected line in the same parts; clicking one plays from it.
"""
from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QToolTip

from app.services.word_spans import word_spans

SHADE = QColor("#ffab91")  # a word the recogniser was unsure of (calibrated, issue 12)
PARTS_ROLE = Qt.ItemDataRole.UserRole + 11  # list[Part] on the text cell

TEXTS = (QT_TRANSLATE_NOOP("transcript", "%1 秒 · 把握 %2"), QT_TRANSLATE_NOOP("transcript", "（已由书记员修改）"),
         QT_TRANSLATE_NOOP("transcript", "书记员添加的文字"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("transcript", text)


def confidence_colour(p: float) -> QColor | None:
    """Background for a word or line: red-ish when very unsure, yellow when unsure, none when sure."""
    if p < 0.4:
        return QColor("#ffab91")
    if p < 0.6:
        return QColor("#fff59d")
    if p < 0.8:
        return QColor("#fffde7")
    return None


@dataclass
class Part:
    """Characters ``start``..``end`` of a line, their shade (None: plain), where to play from, a tip."""

    start: int
    end: int
    colour: QColor | None
    time: float | None
    tip: str


def shaded_parts(segment) -> list[Part]:
    """The line's current text in parts, one per recognised word; [] without word timings."""
    words = [w for w in (getattr(segment, "words", None) or []) if w.text.strip()]
    spans = word_spans(segment.text, words, segment.corrections, segment.edited)
    calibrated = getattr(segment, "calibrated", False)
    parts = []
    for span in spans:
        word = words[span.word] if span.word is not None else None
        colour, tip = None, _tr("书记员添加的文字")
        if word is not None:
            # Calibrated words (issue 12) say themselves whether to shade; older ones by probability.
            score = getattr(word, "confidence", word.probability) if calibrated else word.probability
            tip = _tr("%1 秒 · 把握 %2").replace("%1", f"{word.start:.1f}").replace("%2", f"{score:.0%}")
            if not span.keep:
                tip += _tr("（已由书记员修改）")
            elif calibrated:
                colour = SHADE if getattr(word, "shaded", False) else None
            else:
                colour = confidence_colour(word.probability)
        parts.append(Part(span.start, span.end, colour, span.time, tip))
    return parts


def parts_html(text: str, parts: list[Part], link: bool = False, text_colour: str = "black") -> str:
    """``text`` as HTML with each shaded part on its background (links ``w:i`` when ``link``)."""
    out = []
    for i, part in enumerate(parts):
        piece = html.escape(text[part.start:part.end]).replace("\n", "<br>")
        style = f"color:{'black' if part.colour else text_colour};"
        if part.colour is not None:
            style += f"background-color:{part.colour.name()};"
        if link:
            out.append(f'<a href="w:{i}" title="{html.escape(part.tip)}" '
                       f'style="text-decoration:none;{style}">{piece}</a>')
        else:
            out.append(f'<span style="{style}">{piece}</span>')
    return "".join(out)


class ShadedTextDelegate(QStyledItemDelegate):
    """Paints the transcript's text cell with unsure words shaded; edits it as plain text."""

    def _document(self, option: QStyleOptionViewItem, text: str, parts: list[Part], width: float) -> QTextDocument:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        colour = option.palette.highlightedText().color() if selected else option.palette.text().color()
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setTextWidth(max(1.0, width))
        doc.setHtml(f'<div style="white-space:pre-wrap">{parts_html(text, parts, text_colour=colour.name())}</div>')
        return doc

    def _layout(self, option, index):
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        return opt, style

    def paint(self, painter, option, index) -> None:  # noqa: D102 - Qt API
        parts = index.data(PARTS_ROLE)
        if not parts or parts[-1].end != len(index.data() or ""):
            super().paint(painter, option, index)  # no words, or shades of an older text
            return
        opt, style = self._layout(option, index)
        text = opt.text
        opt.text = ""  # background, selection and focus from the style; the text drawn below
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = self._document(opt, text, parts, rect.width())
        painter.save()
        painter.setClipRect(rect)
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        painter.translate(rect.left(), top)
        doc.drawContents(painter)
        painter.restore()

    def part_at(self, option, index, pos: QPointF) -> Part | None:
        """The part of the cell's text under ``pos`` (viewport coordinates)."""
        parts = index.data(PARTS_ROLE)
        if not parts:
            return None
        opt, style = self._layout(option, index)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = self._document(opt, opt.text, parts, rect.width())
        top = rect.top() + max(0.0, (rect.height() - doc.size().height()) / 2)
        at = doc.documentLayout().hitTest(QPointF(pos.x() - rect.left(), pos.y() - top),
                                          Qt.HitTestAccuracy.ExactHit)
        return next((p for p in parts if p.start <= at < p.end), None) if at >= 0 else None

    def helpEvent(self, event, view, option, index) -> bool:  # noqa: N802 - Qt API
        part = self.part_at(option, index, QPointF(event.pos()))
        if part is None:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), part.tip, view)
        return True


class WordStrip(QLabel):
    """The selected line in its word parts, shaded like the cell; clicking a part plays from it."""

    word_clicked = Signal(float)  # start of the word, seconds

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("wordStrip")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setToolTip(self.tr("点击一个词，从该词开始播放"))
        self.linkActivated.connect(self._clicked)
        self.starts: list[float] = []

    def show_segment(self, segment) -> None:
        """The current text of ``segment`` (a SegmentRow) as links; the whole line without word timings."""
        if segment is None:
            self.starts = []
            self.setText("")
            return
        parts = shaded_parts(segment)
        if not parts:
            # No word timings (older transcripts, a split-off part): the line, shaded by its confidence.
            colour = confidence_colour(segment.confidence) if not segment.edited else None
            parts = [Part(0, len(segment.text), colour, segment.start, "")]
        self.starts = [segment.start if p.time is None else p.time for p in parts]
        self.setText(parts_html(segment.text, parts, link=True))

    def _clicked(self, link: str) -> None:
        index = int(link.partition(":")[2] or 0)
        if 0 <= index < len(self.starts):
            self.word_clicked.emit(self.starts[index])
