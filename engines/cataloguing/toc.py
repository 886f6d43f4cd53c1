"""The 卷内目录: documents in the configured filing order with archive page numbers.

Only numbered categories get archive numbers (cover, 卷内目录 and 备考表 do not) and only
they get a 序号. Documents whose category is not in the order (其他材料) keep the place in
which they arose: they travel with the document before them.
"""
from __future__ import annotations

from pathlib import Path

from engines.cataloguing.results import Document, TocRow
from engines.cataloguing.rules import CatalogueRules
from engines.common import InputError


def ordered_documents(docs: list[Document], rules: CatalogueRules) -> list[Document]:
    """Documents sorted into filing order (stable within a category)."""
    keyed = []
    anchor = 0
    for index, doc in enumerate(docs):
        if doc.category != rules.other_label:
            anchor = rules.order_of(doc.category)
        keyed.append(((anchor, index), doc))
    return [doc for _, doc in sorted(keyed, key=lambda kv: kv[0])]


def build_toc(docs: list[Document], rules: CatalogueRules) -> list[TocRow]:
    """卷内目录 rows: 序号, 文件名称, 起止页号 (archive numbers after ordering), 备注."""
    rows: list[TocRow] = []
    number = 0
    seq = 0
    for doc in ordered_documents(docs, rules):
        length = doc.end_page - doc.start_page + 1
        if rules.is_numbered(doc.category):
            seq += 1
            start, end = number + 1, number + length
            number = end
            pages = f"{start}" if start == end else f"{start}-{end}"
            remark = "机器归目待复核" if doc.needs_review else ""
            rows.append(TocRow(seq, doc.title, doc.category, pages, start, end, remark, doc.start_page, doc.end_page))
        else:
            rows.append(TocRow(None, doc.title, doc.category, "", None, None, "不编页号", doc.start_page, doc.end_page))
    return rows


def write_toc_docx(rows: list[TocRow], out: str | Path, case_number: str | None = None) -> Path:
    """Write the 卷内目录 as a .docx table (numbered rows only, as filed)."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    out = Path(out)
    doc = Docx()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    style.font.size = Pt(12)
    heading = doc.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run("卷 内 目 录")
    run.bold = True
    run.font.size = Pt(18)
    if case_number:
        p = doc.add_paragraph(f"案号：{case_number}")
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    numbered = [r for r in rows if r.seq is not None]
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "文件名称", "起止页号", "备注")):
        cell.text = text
    for r in numbered:
        cells = table.add_row().cells
        cells[0].text = str(r.seq)
        cells[1].text = r.title
        cells[2].text = r.pages
        cells[3].text = r.remark
    doc.add_paragraph("注：本目录由系统自动生成，经书记员核对后方可归档。")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        doc.save(str(out))
    except OSError as exc:
        raise InputError("无法写入卷内目录文件", str(out)) from exc
    return out
