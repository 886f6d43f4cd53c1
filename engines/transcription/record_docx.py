"""Write the 庭审笔录 as .docx in the shape of domain/hearing-record.md.

Header from the case (court, 案号, 案由, time, place, 审判人员, 书记员, parties, public or
not), one paragraph per utterance prefixed by the speaker's role, signature lines for every
party, the judges and the clerk, and "第X页 共Y页" in the footer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from engines.transcription.results import UNKNOWN_SPEAKER, Transcript

_FONT = "宋体"
_JUDGE_ROLES = ("审判长", "审判员", "人民陪审员")
_CLERK_ROLES = ("书记员",)


@dataclass
class RecordHeader:
    """Case facts printed above the record; empty fields print as blanks to fill by hand."""

    court: str = ""
    case_number: str = ""
    cause: str = ""
    start_time: str = ""
    end_time: str = ""
    place: str = ""
    judges: list[str] = field(default_factory=list)
    clerk: str = ""
    parties: list[str] = field(default_factory=list)  # "原告杨帆", "被告何建军", ...
    public: bool = True
    interruptions: list[str] = field(default_factory=list)  # "10:32 休庭", "10:45 继续"
    # The official record carries no note about the recogniser unless the court chooses it.
    machine_note: bool = False


def _set_font(run, size: float = 12, bold: bool = False) -> None:
    run.font.name = _FONT
    run.font.size = Pt(size)
    run.bold = bold
    # East Asian text uses the eastAsia font slot; without it Word falls back to another face.
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), _FONT)


def _paragraph(doc, text: str, size: float = 12, bold: bool = False, align=None):
    para = doc.add_paragraph()
    if align is not None:
        para.alignment = align
    _set_font(para.add_run(text), size, bold)
    return para


def _field(paragraph, instruction: str) -> None:
    """Insert a Word field (PAGE / NUMPAGES) that Word fills in when it lays out pages."""
    run = paragraph.add_run()
    _set_font(run, 10.5)
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, placeholder, end):
        run._element.append(element)


def _footer_page_numbers(doc) -> None:
    footer = doc.sections[0].footer
    para = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text, instruction in (("第", "PAGE"), ("页 共", "NUMPAGES"), ("页", None)):
        _set_font(para.add_run(text), 10.5)
        if instruction:
            _field(para, instruction)


def signature_roles(transcript: Transcript, header: RecordHeader) -> list[str]:
    """Who signs: every party seat heard, then judges, then the clerk (no duplicates)."""
    heard = [s.speaker for s in transcript.segments]
    parties = [r for r in dict.fromkeys(heard)
               if r not in _JUDGE_ROLES + _CLERK_ROLES and r != UNKNOWN_SPEAKER]
    judges = [r for r in dict.fromkeys(heard) if r in _JUDGE_ROLES] or ["审判长"]
    return parties + judges + ["书记员"]


def write_hearing_record(transcript: Transcript, path: str | Path,
                         header: RecordHeader | None = None) -> Path:
    """Write the 庭审笔录 .docx to ``path`` and return it."""
    header = header or RecordHeader()
    doc = Document()
    # A4 like the judgment (python-docx starts from US Letter), with the usual court margins.
    for section in doc.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(37), Mm(35)
        section.left_margin, section.right_margin = Mm(28), Mm(26)
    _paragraph(doc, header.court or "＿＿＿＿人民法院", 16, True, WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, "庭 审 笔 录", 18, True, WD_ALIGN_PARAGRAPH.CENTER)
    blank = "＿＿＿＿"
    lines = [
        f"案号：{header.case_number or blank}",
        f"案由：{header.cause or blank}",
        f"时间：{header.start_time or blank} 至 {header.end_time or blank}",
        f"地点：{header.place or blank}",
        f"审判人员：{'、'.join(header.judges) or blank}",
        f"书记员：{header.clerk or blank}",
        f"到庭当事人及代理人：{'、'.join(header.parties) or blank}",
        f"审理方式：{'公开审理' if header.public else '不公开审理'}",
    ]
    for line in lines:
        _paragraph(doc, line)
    for note in header.interruptions:
        _paragraph(doc, f"（{note}）")
    if header.machine_note:
        _paragraph(doc, "（本笔录正文由语音识别生成初稿，已经书记员核对。）", 10.5)
    _paragraph(doc, "")
    for seg in transcript.segments:
        para = doc.add_paragraph()
        para.paragraph_format.first_line_indent = Pt(24)
        _set_font(para.add_run(f"{seg.speaker}："), 12, True)
        _set_font(para.add_run(seg.text), 12)
    _paragraph(doc, "")
    _paragraph(doc, "（以上笔录经当事人阅看/向当事人宣读，确认无误。）", 10.5)
    for role in signature_roles(transcript, header):
        _paragraph(doc, f"{role}（签名）：＿＿＿＿＿＿＿＿　　日期：＿＿＿＿")
    _footer_page_numbers(doc)
    path = Path(path)
    doc.save(str(path))
    return path
