"""Dossier auto-cataloguing: label pages, split documents, build the 卷内目录, extract case info.

Entry point: :func:`engines.cataloguing.pipeline.catalogue`.
"""
from engines.cataloguing.learning import Correction, Knowledge, load_corrections, save_corrections
from engines.cataloguing.pipeline import catalogue
from engines.cataloguing.results import CaseInfo, CatalogueResult, Document, PageLabel, TocRow
from engines.cataloguing.rules import load_rules
from engines.cataloguing.toc import write_toc_docx

__all__ = [
    "CaseInfo", "CatalogueResult", "Correction", "Document", "Knowledge", "PageLabel", "TocRow",
    "catalogue", "load_corrections", "load_rules", "save_corrections", "write_toc_docx",
]


def selftest() -> str:
    """OCR reads the bundled sample page image (resources/selftest/ocr_sample.png)."""
    import time
    from pathlib import Path

    from PIL import Image

    from engines.cataloguing.ocr import ocr_lines

    started = time.perf_counter()
    sample = Path(__file__).resolve().parents[2] / "resources" / "selftest" / "ocr_sample.png"
    with Image.open(sample) as image:
        text = "".join(line.text for line in ocr_lines(image.convert("RGB")))
    for expected in ("民事起诉状", "张晓明"):
        if expected not in text.replace(" ", ""):
            raise RuntimeError(f"OCR did not read {expected!r}; got {text!r}")
    return f"PP-OCRv4 read the sample page ({text[:12]}…) in {time.perf_counter() - started:.1f} s"
