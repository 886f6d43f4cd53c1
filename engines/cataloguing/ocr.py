"""OCR of page images with rapidocr-onnxruntime (PP-OCRv4 Chinese models inside the wheel).

Two cores make full-page OCR the slowest step of cataloguing, so a page is read only as far
as the decision needs: the rows of the top band that may hold a title first (detected on a
reduced copy), the rest of the top band and the footer strip only when the title does not
decide the page, the middle only when the caller needs it (no title and little text, or a
page that feeds the case information).
"""
from __future__ import annotations

import atexit
import contextlib
import math
import queue
import statistics
from typing import Callable

import cv2
import numpy as np
from PIL import Image

from engines.cataloguing.input_files import Line, merge_boxes
from engines.offline import quiet_onnxruntime

TOP_BAND = 0.30
BOTTOM_BAND = 0.90
OVERLAP = 0.02
# The title band is detected on a copy this wide (titles and headers are large print; the
# full 110 dpi width costs three times as much for nothing). Recognition uses full size.
TITLE_DET_WIDTH = 640
# At most this many more boxes of the top band are read when the title rows do not decide.
REST_BOXES = 8
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
    # Recognition batches are padded to their widest crop: a title batched with a long 案号
    # row costs twice what the two cost alone (measured: 2.2 s instead of 4.9 s CPU for the
    # title rows of 15 scanned pages). Crops are read one at a time.
    engine.text_rec.rec_batch_num = 1
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


def _gray(image) -> np.ndarray:
    return np.asarray(image.convert("L"))


def _rgb(band: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(np.repeat(band[:, :, None], 3, axis=2))


def _detect(engine, rgb: np.ndarray, det_width: int | None) -> list:
    """Text boxes of ``rgb`` (its pixel coordinates, reading order). With ``det_width`` the
    detector sees a copy scaled down to that width: big print (titles, headers) is still
    found, at a fraction of the cost; recognition then crops from the full-size image."""
    scale = 1.0
    image = rgb
    if det_width and rgb.shape[1] > det_width:
        scale = det_width / rgb.shape[1]
        image = cv2.resize(rgb, (det_width, max(16, int(rgb.shape[0] * scale))), interpolation=cv2.INTER_AREA)
    boxes, _ = engine.text_det(image)
    if boxes is None or len(boxes) == 0:
        return []
    boxes = (np.asarray(boxes, dtype=np.float32) / scale).astype(np.float32)
    return list(engine.sorted_boxes(boxes))


def _recognise(engine, rgb: np.ndarray, boxes: list) -> list[tuple]:
    """(box, text) for the boxes whose recognition is confident enough."""
    if not boxes:
        return []
    crops = engine.get_crop_img_list(rgb, [b.copy() for b in boxes])
    rec, _ = engine.text_rec(crops)
    return [(box, r[0]) for box, r in zip(boxes, rec) if r[0].strip() and float(r[1]) >= engine.text_score]


def _to_lines(found: list[tuple], y0: int, width: int, height: int) -> list[Line]:
    boxes = []
    for box, text in found:
        xs = [p[0] for p in box]
        ys = [p[1] + y0 for p in box]
        top_, bottom_ = min(ys) / height, max(ys) / height
        boxes.append((min(xs) / width, top_, max(xs) / width, bottom_, text, bottom_ - top_))
    return merge_boxes(boxes)


def _angles(boxes: list) -> list[float]:
    out = []
    for box in boxes:
        (ax, ay), (bx, by) = box[0], box[1]
        if bx - ax > 3 * abs(box[3][1] - ay) > 0:  # long, flat boxes show the skew best
            out.append(math.degrees(math.atan2(by - ay, bx - ax)))
    return out


def _read_band(image, top: float, bottom: float, det_width: int | None = None) -> tuple[list[Line], list[float]]:
    """OCR the band ``top..bottom`` (fractions of the height): lines and text-line angles."""
    gray = _gray(image)
    height, width = gray.shape
    y0, y1 = int(height * top), int(height * bottom)
    if y1 - y0 < 16:
        return [], []
    rgb = _rgb(gray[y0:y1])
    # Pages are upright scans: the angle classifier costs time and gains nothing here.
    with _engine() as engine:
        boxes = _detect(engine, rgb, det_width)
        found = _recognise(engine, rgb, boxes)
    return _to_lines(found, y0, width, height), _angles(boxes)


def ocr_lines(image, top: float = 0.0, bottom: float = 1.0) -> list[Line]:
    """OCR the band ``top..bottom`` (fractions of the height) of a PIL image into lines."""
    return _read_band(image, top, bottom)[0]


def deskew_angle(angles: list[float]) -> float:
    """The page's skew in degrees (median of the text lines), 0 when too small to matter."""
    if len(angles) < 2:
        return 0.0
    angle = statistics.median(angles)
    return angle if MIN_DESKEW <= abs(angle) <= MAX_DESKEW else 0.0


def title_candidates(boxes: list, width: int) -> list[int]:
    """Indices of the boxes that may hold the page's title: rows printed larger than the
    body, centred rows set in from the left margin, letter-spaced rows (several boxes with
    gaps), and the first short row (small flush-left titles of receipts)."""
    if not boxes:
        return []
    rows: list[list[int]] = []
    centres = [(float(b[:, 1].min()) + float(b[:, 1].max())) / 2 for b in boxes]
    heights = [float(b[:, 1].max() - b[:, 1].min()) for b in boxes]
    for i in sorted(range(len(boxes)), key=lambda k: centres[k]):
        if rows and abs(centres[i] - statistics.mean(centres[k] for k in rows[-1])) < 0.5 * max(heights[i], 1):
            rows[-1].append(i)
        else:
            rows.append([i])
    row_h = [max(heights[k] for k in row) for row in rows]
    body_h = statistics.median(row_h)
    lefts = sorted(float(boxes[k][:, 0].min()) for row in rows for k in row)
    body_left = lefts[len(lefts) // 4] / width
    picked: list[int] = []
    after_title = False
    for n, row in enumerate(rows):
        x0 = min(float(boxes[k][:, 0].min()) for k in row) / width
        x1 = max(float(boxes[k][:, 0].max()) for k in row) / width
        centred = abs((x0 + x1) / 2 - 0.5) < 0.12 and x1 - x0 < 0.6 and x0 > body_left + 0.04
        bigger = row_h[n] >= 1.2 * body_h
        # Letter-spaced: several boxes of one or two glyphs each, around the middle (a form
        # row "姓名  张三" is two boxes too, but flush left and not glyph-sized).
        glyphs = all(float(boxes[k][:, 0].max() - boxes[k][:, 0].min()) < 2.6 * row_h[n] for k in row)
        spaced = len(row) >= 2 and glyphs and abs((x0 + x1) / 2 - 0.5) < 0.2
        first_short = n < 2 and x1 - x0 < 0.3
        # The row under a title is usually the 案号 (a case field): read it when it is short.
        under = after_title and x1 - x0 < 0.55
        if centred or bigger or spaced or first_short or under:
            picked += row
        after_title = centred or bigger or spaced
    return sorted(picked)


def ocr_page(image, decide: Callable[[list[Line], str], bool]) -> tuple[list[Line], bool]:
    """OCR a page only as far as the decision needs; returns its lines and whether the whole
    page was read.

    1. the title band: detection on a reduced copy, recognition of the rows that may be a
       title only; ``decide(lines, "title")`` True means that is enough (a known title);
    2. the rest of the title band and the footer strip; ``decide(lines, "page")`` True
       means the middle is needed too (untitled pages with little text, and the documents
       that feed the case information).
    The middle is read in bands no taller than the top band: detection memory grows with the
    image area, and two workers each reading a whole page at once would need about 1 GB.
    """
    gray = _gray(image)
    height, width = gray.shape
    y_top = int(height * TOP_BAND)
    rgb = _rgb(gray[:y_top])
    with _engine() as engine:
        boxes = _detect(engine, rgb, TITLE_DET_WIDTH)
        angle = deskew_angle(_angles(boxes))
        if angle:
            # Lines on a skewed scan run into each other when grouped by row: straighten the
            # page and detect the top band again.
            image = image.convert("L").rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
            gray = _gray(image)
            rgb = _rgb(gray[:y_top])
            boxes = _detect(engine, rgb, TITLE_DET_WIDTH)
        first = title_candidates(boxes, width)
        found = _recognise(engine, rgb, [boxes[i] for i in first])
        head = _to_lines(found, 0, width, height)
        if head and decide(head, "title"):
            return head, False
        # Undecided: the next rows of running text are enough to label an untitled page.
        rest = [b for i, b in enumerate(boxes) if i not in set(first)][:REST_BOXES]
        found += _recognise(engine, rgb, rest)
    head = _to_lines(found, 0, width, height)
    foot = _read_band(image, BOTTOM_BAND, 1.0, TITLE_DET_WIDTH)[0]
    if not decide(head + foot, "page"):
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
