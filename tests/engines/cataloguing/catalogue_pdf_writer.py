"""Write test PDFs: born-digital pages with a real CJK text layer, and scanned image pages.

Born-digital text is drawn with pdfium (DroidSansFallback for Chinese, DejaVu for Latin
digits, which the fallback font lacks); scanned pages are rendered with Pillow (Noto CJK),
slightly rotated, noised and stored as greyscale JPEG without any text layer.
"""
from __future__ import annotations

import ctypes
import random
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from tests.helpers.pdf_pages import add_scanned_page

CJK_TTF = Path("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")
LATIN_TTF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SCAN_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
PAGE_W, PAGE_H = 595.0, 842.0


@dataclass
class TextLine:
    """One printed line: text, point size, alignment ("left" / "center" / "right")."""

    text: str
    size: float = 12.0
    align: str = "left"
    gap_after: float = 8.0


@dataclass
class PageSpec:
    """One page to write; ``scanned`` pages become images without a text layer."""

    lines: list[TextLine]
    scanned: bool = False
    footer: str = ""
    stamp: str = ""  # archive page number stamped top right
    seed: int = 0
    extra: dict = field(default_factory=dict)


class _Fonts:
    def __init__(self, doc: pdfium.PdfDocument) -> None:
        self._keep = []
        self.cjk = self._load(doc, CJK_TTF)
        self.latin = self._load(doc, LATIN_TTF)

    def _load(self, doc, path: Path):
        if not path.is_file():
            raise FileNotFoundError(f"test font {path} is missing: scripts/setup-env.sh installs it "
                                    "(fonts-droid-fallback, fonts-dejavu-core, fonts-noto-cjk)")
        data = path.read_bytes()
        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        self._keep.append(buf)
        font = raw.FPDFText_LoadFont(doc.raw, buf, len(data), raw.FPDF_FONT_TRUETYPE, True)
        if not font:
            raise RuntimeError(f"cannot load font {path}")
        return font


def _runs(text: str):
    run, latin = "", None
    for ch in text:
        is_latin = ord(ch) < 0x2E80 and ch not in "￥“”‘’—…·"
        if latin is None or is_latin == latin:
            run += ch
        else:
            yield run, latin
            run = ch
        latin = is_latin
    if run:
        yield run, latin


def _text_obj(doc, font, size, text):
    obj = raw.FPDFPageObj_CreateTextObj(doc.raw, font, size)
    ws = (text + "\x00").encode("utf-16-le")
    raw.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(ws), raw.FPDF_WIDESTRING))
    return obj


def _width(obj) -> float:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return right.value - left.value


def _draw_line(doc, page, fonts: _Fonts, line: TextLine, y: float, x_margin: float = 70.0) -> None:
    objs = []
    for run, latin in _runs(line.text):
        if not run.strip():
            objs.append((None, line.size * 0.3 * len(run)))
            continue
        obj = _text_obj(doc, fonts.latin if latin else fonts.cjk, line.size, run)
        objs.append((obj, _width(obj)))
    total = sum(w for _, w in objs)
    x = {"center": (PAGE_W - total) / 2, "right": PAGE_W - x_margin - total}.get(line.align, x_margin)
    for obj, w in objs:
        if obj is not None:
            raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
            raw.FPDFPage_InsertObject(page.raw, obj)
        x += w


def _layout(spec: PageSpec):
    """(line, y from top in points) for every line, plus stamp and footer lines."""
    y = 70.0
    placed = []
    for line in spec.lines:
        y += line.size
        placed.append((line, y))
        y += line.gap_after
    return placed


def _born_digital(doc, fonts, spec: PageSpec) -> None:
    page = doc.new_page(PAGE_W, PAGE_H)
    for line, y in _layout(spec):
        _draw_line(doc, page, fonts, line, PAGE_H - y)
    if spec.stamp:
        _draw_line(doc, page, fonts, TextLine(spec.stamp, 12, "right"), PAGE_H - 40, 40)
    if spec.footer:
        _draw_line(doc, page, fonts, TextLine(spec.footer, 10, "center"), 40)
    raw.FPDFPage_GenerateContent(page.raw)
    page.close()


def render_scan(spec: PageSpec, dpi: int = 150) -> Image.Image:
    """The page as a greyscale scan: grey paper, noise, a small rotation."""
    rnd = random.Random(spec.seed)
    scale = dpi / 72.0
    img = Image.new("L", (int(PAGE_W * scale), int(PAGE_H * scale)), 235 + rnd.randint(-8, 8))
    draw = ImageDraw.Draw(img)
    cache: dict[float, ImageFont.FreeTypeFont] = {}

    def font(size: float):
        if size not in cache:
            cache[size] = ImageFont.truetype(str(SCAN_FONT), int(size * scale), index=2)
        return cache[size]

    def put(line: TextLine, y_top: float, margin: float = 70.0):
        f = font(line.size)
        w = draw.textlength(line.text, font=f)
        x = {"center": (img.width - w) / 2, "right": img.width - margin * scale - w}.get(line.align, margin * scale)
        draw.text((x, (y_top - line.size) * scale), line.text, fill=25 + rnd.randint(0, 30), font=f)

    for line, y in _layout(spec):
        put(line, y)
    if spec.stamp:
        put(TextLine(spec.stamp, 12, "right"), 40, 40)
    if spec.footer:
        put(TextLine(spec.footer, 10, "center"), PAGE_H - 40)
    img = img.rotate(rnd.uniform(-1.5, 1.5), resample=Image.BICUBIC, fillcolor=225)
    noise = Image.effect_noise(img.size, 18).point(lambda v: v - 128)
    img = Image.blend(img, noise.convert("L"), 0.0)  # keep the geometry; add noise below
    px = img.load()
    for _ in range(img.width * img.height // 200):
        px[rnd.randrange(img.width), rnd.randrange(img.height)] = rnd.randint(90, 200)
    return img.filter(ImageFilter.GaussianBlur(0.4))


def _scanned(doc, spec: PageSpec) -> None:
    add_scanned_page(doc, render_scan(spec), PAGE_W, PAGE_H, quality=70)


def write_pdf(pages: list[PageSpec], out: str | Path) -> Path:
    """Write ``pages`` to ``out`` and return the path."""
    doc = pdfium.PdfDocument.new()
    fonts = _Fonts(doc)
    for spec in pages:
        if spec.scanned:
            _scanned(doc, spec)
        else:
            _born_digital(doc, fonts, spec)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    doc.close()
    return out
