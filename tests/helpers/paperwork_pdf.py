"""Render court paperwork to PDF with varied layouts (for the real-wording benchmark set).

Independent of the unit tests' writer on purpose: titles may be truly letter-spaced (each
glyph placed apart, not joined by space characters), printed left or centred, in sizes from
body size upwards; pages may carry running headers, footers, archive stamps and seal text in
odd order; scans use several fonts and resolutions, rotate up to 2.5 degrees, and get noise,
blur and a scanner shadow. Body text flows over as many pages as it needs, so continuation
pages start wherever the text breaks (mid-sentence, on a clause, on a quoted contract name).
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
SCAN_FONTS = [("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
              ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2),
              ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
              ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc", 2)]
PAGE_W, PAGE_H = 595.0, 842.0
BREAK = "\f"  # a paragraph that forces a new page


@dataclass
class Ln:
    """One printed line: text, size in points, alignment, space after, extra glyph spacing."""

    text: str
    size: float = 12.0
    align: str = "left"
    gap: float = 7.0
    spacing: float = 0.0  # extra points between glyphs (letter-spaced titles)
    indent: float = 0.0


@dataclass
class Page:
    """A laid-out page: lines from the top plus furniture."""

    lines: list[Ln]
    scanned: bool = False
    top: float = 70.0
    header: str = ""
    footer: str = ""
    stamp: str = ""
    seal: str = ""
    seed: int = 0
    margin: float = 72.0


@dataclass
class Style:
    """How one document is printed (chosen at random per document)."""

    body: float = 12.0
    leading: float = 9.0
    chars: int = 33
    margin: float = 72.0
    top: float = 70.0
    footer: str = ""  # e.g. "第{n}页 共{t}页"
    header: str = ""  # running header on pages after the first
    seal: str = ""
    extra: dict = field(default_factory=dict)


def wrap(text: str, chars: int, indent: bool = True) -> list[str]:
    """Wrap a paragraph to ``chars`` characters per line (two-character first-line indent)."""
    text = ("　　" if indent else "") + text
    out = []
    while len(text) > chars:
        out.append(text[:chars])
        text = text[chars:]
    if text:
        out.append(text)
    return out


def paginate(head: list[Ln], paras: list, style: Style) -> list[list[Ln]]:
    """Flow ``head`` then ``paras`` (str, Ln or BREAK) onto pages; returns the lines per page."""
    pages: list[list[Ln]] = [[]]
    y = style.top
    limit = PAGE_H - 90

    def put(line: Ln) -> None:
        nonlocal y
        if y + line.size + line.gap > limit and pages[-1]:
            pages.append([])
            y = style.top + (24 if style.header else 0)
        pages[-1].append(line)
        y += line.size + line.gap

    for line in head:
        put(line)
    for para in paras:
        if para == BREAK:
            if pages[-1]:
                pages.append([])
                y = style.top + (24 if style.header else 0)
            continue
        if isinstance(para, Ln):
            put(para)
            continue
        for text in wrap(para, style.chars, indent=not para.startswith(("　", " "))):
            put(Ln(text, style.body, "left", style.leading))
    return [p for p in pages if p]


class _Fonts:
    def __init__(self, doc: pdfium.PdfDocument) -> None:
        self._keep = []
        self.cjk = self._load(doc, CJK_TTF)
        self.latin = self._load(doc, LATIN_TTF)

    def _load(self, doc, path: Path):
        data = path.read_bytes()
        buf = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        self._keep.append(buf)
        return raw.FPDFText_LoadFont(doc.raw, buf, len(data), raw.FPDF_FONT_TRUETYPE, True)


def _is_latin(ch: str) -> bool:
    return ord(ch) < 0x2E80 and ch not in "￥“”‘’—…·"


def _obj(doc, font, size, text):
    obj = raw.FPDFPageObj_CreateTextObj(doc.raw, font, size)
    ws = (text + "\x00").encode("utf-16-le")
    raw.FPDFText_SetText(obj, ctypes.cast(ctypes.c_char_p(ws), raw.FPDF_WIDESTRING))
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return obj, right.value - left.value


def _pieces(doc, fonts, line: Ln):
    """Text objects of a line; letter-spaced lines are placed glyph by glyph."""
    out = []
    if line.spacing:
        for ch in line.text:
            if ch.isspace():
                out.append((None, line.size * 0.5))
            else:
                obj, w = _obj(doc, fonts.latin if _is_latin(ch) else fonts.cjk, line.size, ch)
                out.append((obj, w + line.spacing))
        return out
    run, latin = "", None
    for ch in line.text + "\0":
        lat = _is_latin(ch) if ch != "\0" else None
        if run and (ch == "\0" or lat != latin):
            if run.strip():
                out.append(_obj(doc, fonts.latin if latin else fonts.cjk, line.size, run))
            else:
                out.append((None, line.size * 0.3 * len(run)))
            run = ""
        run += ch if ch != "\0" else ""
        latin = lat
    return out


def _x(align: str, width: float, margin: float, indent: float, page_w: float) -> float:
    if align == "center":
        return (page_w - width) / 2
    if align == "right":
        return page_w - margin - width
    return margin + indent


def _furniture(page: Page) -> list[tuple[Ln, float, float | None]]:
    """(line, y from top, x or None) of headers, footers, stamps and seal glyphs."""
    rnd = random.Random(page.seed)
    out = []
    if page.header:
        out.append((Ln(page.header, 9, "right"), 40.0, None))
    if page.stamp:
        out.append((Ln(page.stamp, 12, "right"), 28.0 if not page.header else 58.0, None))
    if page.footer:
        out.append((Ln(page.footer, 9.5, "center"), PAGE_H - 42, None))
    if page.seal:
        # Seal text on an arc: glyphs scattered around a circle near the bottom right.
        import math
        cx, cy, r = 400 + rnd.uniform(-40, 40), PAGE_H - 230 + rnd.uniform(-60, 40), 48
        n = len(page.seal)
        for i, ch in enumerate(page.seal):
            a = math.pi * (1.1 + 0.8 * i / max(1, n - 1))
            out.append((Ln(ch, 10), cy + r * math.sin(a), cx + r * math.cos(a)))
    return out


def _born_digital(doc, fonts, page: Page) -> None:
    pg = doc.new_page(PAGE_W, PAGE_H)
    y = page.top
    placed = []
    for line in page.lines:
        y += line.size
        placed.append((line, y, None))
        y += line.gap
    for line, y_top, x_fixed in placed + _furniture(page):
        pieces = _pieces(doc, fonts, line)
        x = x_fixed if x_fixed is not None else _x(line.align, sum(w for _, w in pieces), page.margin, line.indent, PAGE_W)
        for obj, w in pieces:
            if obj is not None:
                raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, PAGE_H - y_top)
                raw.FPDFPage_InsertObject(pg.raw, obj)
            x += w
    raw.FPDFPage_GenerateContent(pg.raw)
    pg.close()


def render_scan(page: Page) -> Image.Image:
    """The page as a greyscale scan in one of several fonts and resolutions."""
    rnd = random.Random(page.seed)
    dpi = rnd.choice([150, 180, 200])
    path, index = rnd.choice(SCAN_FONTS)
    s = dpi / 72.0
    img = Image.new("L", (int(PAGE_W * s), int(PAGE_H * s)), 238 + rnd.randint(-12, 10))
    draw = ImageDraw.Draw(img)
    cache: dict[float, ImageFont.FreeTypeFont] = {}

    def font(size: float):
        if size not in cache:
            cache[size] = ImageFont.truetype(path, max(6, int(size * s)), index=index)
        return cache[size]

    def put(line: Ln, y_top: float, x_fixed: float | None = None):
        f = font(line.size)
        if line.spacing:
            widths = [draw.textlength(ch, font=f) + line.spacing * s for ch in line.text]
            w = sum(widths)
        else:
            widths, w = None, draw.textlength(line.text, font=f)
        x = x_fixed * s if x_fixed is not None else _x(line.align, w / s, page.margin, line.indent, PAGE_W) * s
        ink = 20 + rnd.randint(0, 40)
        if widths:
            for ch, cw in zip(line.text, widths):
                draw.text((x, (y_top - line.size) * s), ch, fill=ink, font=f)
                x += cw
        else:
            draw.text((x, (y_top - line.size) * s), line.text, fill=ink, font=f)

    y = page.top
    for line in page.lines:
        y += line.size
        put(line, y)
        y += line.gap
    for line, y_top, x_fixed in _furniture(page):
        put(line, y_top, x_fixed)
    img = img.rotate(rnd.uniform(-2.5, 2.5), resample=Image.BICUBIC, fillcolor=200 + rnd.randint(0, 40))
    px = img.load()
    for _ in range(img.width * img.height // rnd.choice([150, 250, 400])):
        px[rnd.randrange(img.width), rnd.randrange(img.height)] = rnd.randint(60, 210)
    if rnd.random() < 0.4:  # scanner shadow along one edge
        band = int(img.width * rnd.uniform(0.02, 0.05))
        shadow = Image.new("L", (band, img.height), rnd.randint(70, 140))
        img.paste(shadow, (0 if rnd.random() < 0.5 else img.width - band, 0))
    return img.filter(ImageFilter.GaussianBlur(rnd.uniform(0.3, 0.8)))


def _scanned(doc, page: Page) -> None:
    quality = random.Random(page.seed).choice([55, 65, 75])
    add_scanned_page(doc, render_scan(page), PAGE_W, PAGE_H, quality)


def write_pages(pages: list[Page], out: str | Path) -> Path:
    """Write ``pages`` (born-digital or scanned) to the PDF ``out``."""
    doc = pdfium.PdfDocument.new()
    fonts = _Fonts(doc)
    for page in pages:
        (_scanned(doc, page) if page.scanned else _born_digital(doc, fonts, page))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    doc.close()
    return out
