"""Small real dossier PDFs for the cataloguing tests, built from the checked-in excerpt."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader, PdfWriter

EXCERPT = Path(__file__).resolve().parents[1] / "data" / "cataloguing" / "dev02_excerpt.pdf"


def excerpt_with_blank_page(out: Path, after: int = 3) -> Path:
    """The 4-page excerpt (封面, 起诉状 ×2, 电子送达凭证) with an empty page (no text, no image)
    inserted after page ``after``: a blank sheet of the scan, as a clerk meets it."""
    src = PdfReader(str(EXCERPT))
    writer = PdfWriter()
    for number, page in enumerate(src.pages, 1):
        writer.add_page(page)
        if number == after:
            writer.add_blank_page(width=page.mediabox.width, height=page.mediabox.height)
    with Path(out).open("wb") as fh:
        writer.write(fh)
    return Path(out)
