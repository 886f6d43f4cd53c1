"""Fixtures for the cataloguing tests: generated dossiers (born-digital and scanned pages)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from catalogue_dossier_builder import build_dossier  # noqa: E402
from catalogue_pdf_writer import PageSpec, TextLine, write_pdf  # noqa: E402

DATA = HERE.parents[1] / "data" / "cataloguing"


@pytest.fixture(scope="session")
def digital_dossier(tmp_path_factory):
    """A ~20-page generated dossier with a text layer on every page, and its reference."""
    path = tmp_path_factory.mktemp("dossier") / "digital.pdf"
    ref = build_dossier(11, path, scanned_share=0.0)
    return path, ref


@pytest.fixture(scope="session")
def scanned_pdf(tmp_path_factory):
    """Two pages: a scanned 送达回证 and a born-digital 传票 with a spaced title."""
    path = tmp_path_factory.mktemp("scan") / "mixed.pdf"
    write_pdf([
        PageSpec([TextLine("南京市鼓楼区人民法院", 15, "center"), TextLine("送 达 回 证", 22, "center", 14),
                  TextLine("案号 （2023）苏0106民初4567号", 12), TextLine("受送达人 周子轩", 12),
                  TextLine("送达文书 起诉状副本、应诉通知书", 12)], scanned=True, seed=5),
        PageSpec([TextLine("南京市鼓楼区人民法院", 15, "center"), TextLine("传　票", 22, "center", 14),
                  TextLine("案由 买卖合同纠纷", 12), TextLine("被传唤人 周子轩", 12)]),
    ], path)
    return path


@pytest.fixture()
def make_pdf(tmp_path):
    """Write a PDF from (lines, scanned) page specs; returns its path."""
    def make(pages: list[list[tuple[str, float, str]]], name: str = "doc.pdf", scanned: bool = False) -> Path:
        specs = [PageSpec([TextLine(t, s, a) for t, s, a in lines], scanned=scanned, seed=i) for i, lines in enumerate(pages)]
        return write_pdf(specs, tmp_path / name)
    return make
