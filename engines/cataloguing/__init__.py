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
