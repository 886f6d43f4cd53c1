"""One page of a test PDF made from a picture: what a scanner gives (used by both dossier writers)."""
from __future__ import annotations

import io

import pypdfium2 as pdfium
from PIL import Image


def add_scanned_page(doc: pdfium.PdfDocument, img: Image.Image, width: float, height: float,
                     quality: int) -> None:
    """Append a page to ``doc`` that holds only ``img`` as a JPEG of ``quality``, full page."""
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality)
    buf.seek(0)
    page = doc.new_page(width, height)
    image = pdfium.PdfImage.new(doc)
    image.load_jpeg(buf, inline=True)
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    page.close()
