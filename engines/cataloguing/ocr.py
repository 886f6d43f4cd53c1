"""OCR of page images with rapidocr-onnxruntime (PP-OCRv4 Chinese models inside the wheel).

Two cores make full-page OCR the slowest step of cataloguing, so a page is read in bands:
the top band (where the header, the title and the 案号 sit) and a thin bottom strip (page footers)
first; the middle only when the caller needs it (no title found, or a page that feeds the
case information).
"""
from __future__ import annotations

import atexit
import contextlib
import math
import queue
import statistics
from typing import Callable

import numpy as np
from PIL import Image

from engines.cataloguing.input_files import Line, merge_boxes
from engines.offline import quiet_onnxruntime

TOP_BAND = 0.30
BOTTOM_BAND = 0.90
OVERLAP = 0.02
# Below 1.5 degrees rows still group correctly; above 15 the page is more likely turned.
MIN_DESKEW = 1.5
MAX_DESKEW = 15.0
# One ONNX thread per engine and one engine per worker: on two cores, two pages in parallel
# beat one page with two intra-op threads (small recognition batches parallelise badly, and
# spinning intra-op threads hurt when other processes share the cores). Engines are pooled
# for the life of the process so that models load once, not once per run.
ORT_THREADS = 1
_POOL: queue.SimpleQueue = queue.SimpleQueue()


def _new_engine():
    from rapidocr_onnxruntime import RapidOCR

    quiet_onnxruntime()
    engine = RapidOCR(intra_op_num_threads=ORT_THREADS, inter_op_num_threads=1)
    # The default ("min" 736) upscales a thin band until its short side is 736 px, which
    # makes a footer strip cost more than a page. "max" only ever scales down.
    engine.text_det.limit_type = "max"
    return engine


def release_engines() -> None:
    """Drop the pooled OCR engines (their models) now rather than at interpreter teardown."""
    while True:
        try:
            _POOL.get_nowait()
        except queue.Empty:
            return


atexit.register(release_engines)


@contextlib.contextmanager
def _engine():
    """Borrow an OCR engine from the pool (a new one when all are busy)."""
    try:
        engine = _POOL.get_nowait()
    except queue.Empty:
        engine = _new_engine()
    try:
        yield engine
    finally:
        _POOL.put(engine)


def _read_band(image, top: float, bottom: float) -> tuple[list[Line], list[float]]:
    """OCR the band ``top..bottom`` (fractions of the height): lines and text-line angles."""
    gray = np.asarray(image.convert("L"))
    height, width = gray.shape
    y0, y1 = int(height * top), int(height * bottom)
    band = gray[y0:y1]
    if band.shape[0] < 16:
        return [], []
    rgb = np.ascontiguousarray(np.repeat(band[:, :, None], 3, axis=2))
    # Pages are upright scans: the angle classifier costs time and gains nothing here.
    with _engine() as engine:
        result, _ = engine(rgb, use_cls=False)
    boxes, angles = [], []
    for box, text, score in result or ():
        xs = [p[0] for p in box]
        ys = [p[1] + y0 for p in box]
        top_, bottom_ = min(ys) / height, max(ys) / height
        boxes.append((min(xs) / width, top_, max(xs) / width, bottom_, text, bottom_ - top_))
        (ax, ay), (bx, by) = box[0], box[1]
        if bx - ax > 3 * abs(box[3][1] - ay) > 0:  # long, flat boxes show the skew best
            angles.append(math.degrees(math.atan2(by - ay, bx - ax)))
    return merge_boxes(boxes), angles


def ocr_lines(image, top: float = 0.0, bottom: float = 1.0) -> list[Line]:
    """OCR the band ``top..bottom`` (fractions of the height) of a PIL image into lines."""
    return _read_band(image, top, bottom)[0]


def deskew_angle(angles: list[float]) -> float:
    """The page's skew in degrees (median of the text lines), 0 when too small to matter."""
    if len(angles) < 2:
        return 0.0
    angle = statistics.median(angles)
    return angle if MIN_DESKEW <= abs(angle) <= MAX_DESKEW else 0.0


def ocr_page(image, want_middle: Callable[[list[Line]], bool]) -> tuple[list[Line], bool]:
    """OCR a page band by band; returns its lines and whether the whole page was read.

    ``want_middle(lines_so_far)`` decides whether the middle of the page is needed. The
    middle is read in bands no taller than the top band: detection memory grows with the
    image area, and two workers each reading a whole page at once would need about 1 GB.
    """
    head, angles = _read_band(image, 0.0, TOP_BAND)
    angle = deskew_angle(angles)
    if angle:
        # Lines on a skewed scan run into each other when grouped by row: straighten the
        # page and read the top band again.
        image = image.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        head = ocr_lines(image, 0.0, TOP_BAND)
    foot = ocr_lines(image, BOTTOM_BAND, 1.0)
    if not want_middle(head + foot):
        return head + foot, False
    middle: list[Line] = []
    start = TOP_BAND
    while start < BOTTOM_BAND - 1e-6:
        end = min(BOTTOM_BAND, start + TOP_BAND)
        # Overlapping bands, each line kept by the band that holds its centre.
        middle += [ln for ln in ocr_lines(image, start - OVERLAP, min(1.0, end + OVERLAP))
                   if start <= (ln.y0 + ln.y1) / 2 < end]
        start = end
    return head + middle + foot, True
