"""Open the input files (PDF or page images) and yield their pages as text lines or images.

Born-digital pages give their text layer (pdfplumber, with font sizes so that titles can be
recognised); pages without a usable text layer are handed on as an image for OCR.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from engines.common import InputError
from engines.cataloguing.textnorm import cjk_count, join_cjk, looks_garbled

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp"}
# Below this many Chinese characters a page's text layer is treated as missing (a scan with a
# stamped page number, or a page with only a seal) and the page goes through OCR instead.
MIN_TEXT_LAYER_CJK = 8
# Pages are rendered for OCR at this resolution: enough for PP-OCR on 五号/小四 print, and
# about half the cost of 150 dpi on two cores.
OCR_DPI = 110


@dataclass
class Line:
    """One line of text in page-relative coordinates (0..1, top-left origin).

    ``size`` is the glyph height relative to the page height, so that text-layer font sizes
    and OCR box heights are comparable.
    """

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


@dataclass
class RawPage:
    """A page as read from its file: text lines, or an image loader for OCR."""

    file: str
    file_page: int
    lines: list[Line] = field(default_factory=list)
    load_image: Callable[[], object] | None = None
    problem: str = ""

    @property
    def needs_ocr(self) -> bool:
        """True when the page has no usable text layer but can be rendered."""
        return self.load_image is not None


class InputFile:
    """One input file, opened and checked; iterate its pages with :meth:`pages`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.name = self.path.name
        self.kind = _detect_kind(self.path)
        self._pdfium = None
        self._plumber = None
        self._frames = 0
        if self.kind == "pdf":
            self._open_pdf()
        else:
            self._open_image()

    # -- opening -------------------------------------------------------------------------
    def _open_pdf(self) -> None:
        import pypdfium2 as pdfium

        try:
            self._pdfium = pdfium.PdfDocument(str(self.path))
        except pdfium.PdfiumError as exc:
            text = str(exc).lower()
            if "password" in text:
                raise InputError("PDF 文件已加密，无法读取，请提供未加密的文件", self.name) from exc
            raise InputError("PDF 文件已损坏，无法打开", self.name) from exc
        if len(self._pdfium) == 0:
            raise InputError("PDF 文件没有页面", self.name)
        try:
            import pdfplumber

            self._plumber = pdfplumber.open(str(self.path))
        except Exception as exc:  # pdfminer raises many types for damaged files
            log.warning("pdfplumber cannot open %s (%s); every page goes through OCR", self.name, exc)
            self._plumber = None

    def _open_image(self) -> None:
        from PIL import Image, UnidentifiedImageError

        try:
            with Image.open(self.path) as img:
                self._frames = getattr(img, "n_frames", 1)
        except (UnidentifiedImageError, OSError) as exc:
            raise InputError("图片文件已损坏或格式不支持", self.name) from exc

    @property
    def page_count(self) -> int:
        """Number of pages (PDF pages or image frames)."""
        return len(self._pdfium) if self.kind == "pdf" else self._frames

    def close(self) -> None:
        """Release the open documents."""
        if self._plumber is not None:
            self._plumber.close()
            self._plumber = None
        if self._pdfium is not None:
            self._pdfium.close()
            self._pdfium = None

    # -- pages ---------------------------------------------------------------------------
    def pages(self) -> Iterator[RawPage]:
        """Yield every page in order; text is read lazily, one page at a time."""
        for index in range(self.page_count):
            yield self._pdf_page(index) if self.kind == "pdf" else self._image_page(index)

    def _pdf_page(self, index: int) -> RawPage:
        page = RawPage(self.name, index + 1)
        lines: list[Line] = []
        if self._plumber is not None:
            try:
                lines = _text_layer_lines(self._plumber.pages[index])
            except Exception as exc:  # a damaged content stream on one page
                log.warning("text layer of %s p.%d unreadable: %s", self.name, index + 1, exc)
        text = "".join(line.text for line in lines)
        if cjk_count(text) >= MIN_TEXT_LAYER_CJK and not looks_garbled(text):
            page.lines = lines
        else:
            page.load_image = lambda i=index: self._render(i)
        return page

    def _render(self, index: int):
        pdf_page = self._pdfium[index]
        try:
            bitmap = pdf_page.render(scale=OCR_DPI / 72, grayscale=True)
            return bitmap.to_pil()
        finally:
            pdf_page.close()

    def _image_page(self, index: int) -> RawPage:
        def load(i: int = index):
            from PIL import Image

            with Image.open(self.path) as img:
                img.seek(i)
                dpi = (img.info.get("dpi") or (200, 200))[0] or 200
                scale = min(1.0, OCR_DPI / float(dpi)) if dpi > OCR_DPI else 1.0
                frame = img.convert("L")
                if scale < 1.0:
                    frame = frame.resize((int(frame.width * scale), int(frame.height * scale)))
                return frame

        return RawPage(self.name, index + 1, load_image=load)


def _detect_kind(path: Path) -> str:
    if not path.exists():
        raise InputError("文件不存在", str(path))
    if path.is_dir():
        raise InputError("这是一个文件夹，不是 PDF 或图片文件", str(path))
    with path.open("rb") as fh:
        head = fh.read(1024)
    if b"%PDF" in head:
        return "pdf"
    if path.suffix.lower() in IMAGE_SUFFIXES or head[:4] in (b"\x89PNG", b"II*\x00", b"MM\x00*") or head[:3] == b"\xff\xd8\xff":
        return "image"
    raise InputError("不是 PDF 或图片文件", path.name)


def _text_layer_lines(plumber_page) -> list[Line]:
    """Lines of a born-digital page with their font size (pdfplumber)."""
    width, height = float(plumber_page.width), float(plumber_page.height)
    out: list[Line] = []
    try:
        raw = plumber_page.extract_text_lines(return_chars=True, strip=True)
        for item in raw:
            text = join_cjk(item["text"])
            if not text:
                continue
            sizes = [c.get("size", 0.0) for c in item.get("chars", ())]
            size = max(sizes) if sizes else item["bottom"] - item["top"]
            out.append(Line(text, item["x0"] / width, item["top"] / height, item["x1"] / width,
                            item["bottom"] / height, size / height))
    finally:
        plumber_page.close()
    return out
