"""OCR of page images with rapidocr-onnxruntime (PP-OCRv4 Chinese models inside the wheel).

Two cores make full-page OCR the slowest step of cataloguing, so a page is read in bands:
the top band (where the header, the title and the 案号 sit) and a thin bottom strip (page footers)
first; the middle only when the caller needs it (no title found, or a page that feeds the
case information).
"""
from __future__ import annotations

import threading
from typing import Callable

import numpy as np

from engines.cataloguing.sources import Line
from engines.cataloguing.textnorm import join_cjk

TOP_BAND = 0.30
BOTTOM_BAND = 0.90
_ENGINE = None
_ENGINE_LOCK = threading.Lock()


def _engine():
    """Load the OCR models once per process (about 0.2 s; they stay in memory)."""
    global _ENGINE
    with _ENGINE_LOCK:
        if _ENGINE is None:
            from rapidocr_onnxruntime import RapidOCR

            engine = RapidOCR()
            # The default ("min" 736) upscales a thin band until its short side is 736 px, which
            # makes a footer strip cost more than a page. "max" only ever scales down.
            engine.text_det.limit_type = "max"
            _ENGINE = engine
        return _ENGINE


def ocr_lines(image, top: float = 0.0, bottom: float = 1.0) -> list[Line]:
    """OCR the band ``top..bottom`` (fractions of the height) of a PIL image into lines."""
    gray = np.asarray(image.convert("L"))
    height, width = gray.shape
    y0, y1 = int(height * top), int(height * bottom)
    band = gray[y0:y1]
    if band.shape[0] < 16:
        return []
    rgb = np.ascontiguousarray(np.repeat(band[:, :, None], 3, axis=2))
    # Pages are upright scans: the angle classifier costs time and gains nothing here.
    result, _ = _engine()(rgb, use_cls=False)
    boxes = []
    for box, text, score in result or ():
        xs = [p[0] for p in box]
        ys = [p[1] + y0 for p in box]
        boxes.append((min(xs) / width, min(ys) / height, max(xs) / width, max(ys) / height, text, float(score)))
    return merge_boxes(boxes)


def merge_boxes(boxes: list[tuple]) -> list[Line]:
    """Group OCR boxes that share a row into lines, left to right, top to bottom.

    A letter-spaced title ("传　票") comes out as separate boxes; joining them on the row
    restores the title.
    """
    boxes = sorted(boxes, key=lambda b: (b[1] + b[3]) / 2)
    rows: list[list[tuple]] = []
    for box in boxes:
        centre = (box[1] + box[3]) / 2
        if rows:
            last = rows[-1]
            ref = sum((b[1] + b[3]) / 2 for b in last) / len(last)
            h = max(b[3] - b[1] for b in last)
            if abs(centre - ref) < 0.5 * max(h, box[3] - box[1]):
                last.append(box)
                continue
        rows.append([box])
    lines = []
    for row in rows:
        row.sort(key=lambda b: b[0])
        text = join_cjk(" ".join(b[4] for b in row))
        if not text:
            continue
        lines.append(Line(text, min(b[0] for b in row), min(b[1] for b in row), max(b[2] for b in row),
                          max(b[3] for b in row), max(b[3] - b[1] for b in row)))
    return lines


def ocr_page(image, want_middle: Callable[[list[Line]], bool]) -> tuple[list[Line], bool]:
    """OCR a page band by band; returns its lines and whether the whole page was read.

    ``want_middle(lines_so_far)`` decides whether the middle of the page is needed.
    """
    head = ocr_lines(image, 0.0, TOP_BAND)
    foot = ocr_lines(image, BOTTOM_BAND, 1.0)
    if not want_middle(head + foot):
        return head + foot, False
    middle = [ln for ln in ocr_lines(image, TOP_BAND - 0.02, BOTTOM_BAND + 0.02)
              if TOP_BAND <= (ln.y0 + ln.y1) / 2 < BOTTOM_BAND]
    return head + middle + foot, True


def full_page(image) -> list[Line]:
    """OCR the whole page in one pass."""
    return ocr_lines(image, 0.0, 1.0)
