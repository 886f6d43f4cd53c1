"""Build the .docx templates in this folder from the specs below and typography.json.

Run ``python resources/templates/build_templates.py`` after changing a spec or the
typography; the .docx files are committed. A court may also edit a .docx in Word or add a new
one: the fill engine reads any .docx here, and reports an unknown ``{{field}}`` clearly.
Each spec line is (style, text); text may hold ``{{field}}`` placeholders (see
engines/drafting/fields.py for the names). A paragraph holding only a block field becomes
several paragraphs when filled.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

HEAD = [("法院名称", "{{court}}")]
SIGN = [("署名", "{{bench_block}}"), ("落款", "{{judgment_date_cn}}"), ("署名", "本件与原本核对无异"),
        ("署名", "{{judge_assistant_line}}"), ("署名", "{{clerk_line}}")]
INTEREST = ("正文", "如果未按本判决指定的期间履行给付金钱义务，应当依照{{interest_article}}之规定，加倍支付迟延履行期间的债务利息。")
APPEAL_JUDGMENT = ("正文", "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人或者代表人的人数提出副本，"
                          "上诉于{{appeal_court}}。")
APPEAL_RULING = ("正文", "如不服本裁定，可以在裁定书送达之日起十日内，向本院递交上诉状，并按对方当事人或者代表人的人数提出副本，"
                        "上诉于{{appeal_court}}。")

JUDGMENT_BODY = [
    ("案号", "{{case_number}}"),
    ("正文", "{{party_block}}"),
    ("正文", "{{procedure_paragraph}}"),
    ("正文", "{{plaintiff_claims}}"),
    ("正文", "{{defence_statements}}"),
    ("正文", "{{hearing_statements}}"),
    ("正文", "本院经审理认定事实如下：【由法官撰写】"),
    ("正文", "{{reasoning}}"),
    ("正文", "综上所述，依照【法律条文由法官填写】之规定，判决如下："),
    ("正文", "{{operative}}"),
    INTEREST,
    ("正文", "{{fee_paragraph}}"),
    APPEAL_JUDGMENT,
]

TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "民事判决书_普通程序": HEAD + [("文书名称", "民事判决书")] + JUDGMENT_BODY + SIGN,
    "民事判决书_简易程序": HEAD + [("文书名称", "民事判决书")] + [
        x if x[1] != "本院经审理认定事实如下：【由法官撰写】" else ("正文", "经审理查明：【由法官撰写】")
        for x in JUDGMENT_BODY] + SIGN,
    "民事裁定书_准许撤诉": HEAD + [
        ("文书名称", "民事裁定书"),
        ("案号", "{{case_number}}"),
        ("正文", "{{party_block}}"),
        ("正文", "原告{{plaintiffs}}与被告{{defendants}}{{cause}}一案，本院于{{filing_date}}立案。"
                 "原告{{plaintiffs_called}}于【日期】向本院提出撤诉申请。"),
        ("正文", "{{reasoning}}"),
        ("正文", "依照《中华人民共和国民事诉讼法》第一百四十八条第一款之规定，裁定如下："),
        ("正文", "准许原告{{plaintiffs}}撤诉。"),
        ("正文", "{{fee_paragraph}}"),
    ] + SIGN,
    "民事裁定书_驳回起诉": HEAD + [
        ("文书名称", "民事裁定书"),
        ("案号", "{{case_number}}"),
        ("正文", "{{party_block}}"),
        ("正文", "原告{{plaintiffs}}与被告{{defendants}}{{cause}}一案，本院于{{filing_date}}立案后，依法进行了审理。"),
        ("正文", "{{plaintiff_claims}}"),
        ("正文", "{{reasoning}}"),
        ("正文", "依照【法律条文由法官填写】之规定，裁定如下："),
        ("正文", "驳回原告{{plaintiffs}}的起诉。"),
        ("正文", "案件受理费{{fee}}元，退还原告{{plaintiffs_called}}。"),
        APPEAL_RULING,
    ] + SIGN,
    "民事调解书": HEAD + [
        ("文书名称", "民事调解书"),
        ("案号", "{{case_number}}"),
        ("正文", "{{party_block}}"),
        ("正文", "原告{{plaintiffs}}与被告{{defendants}}{{cause}}一案，本院于{{filing_date}}立案后，依法适用{{procedure}}进行了审理。"),
        ("正文", "{{plaintiff_claims}}"),
        ("正文", "本案审理过程中，经本院主持调解，当事人自愿达成如下协议："),
        ("正文", "{{operative}}"),
        ("正文", "上述协议，不违反法律规定，本院予以确认。"),
        ("正文", "{{fee_paragraph}}"),
        ("正文", "本调解书经各方当事人签收后，即具有法律效力。"),
    ] + SIGN,
    "庭审笔录_首部": HEAD + [
        ("文书名称", "庭审笔录"),
        ("案号", "{{case_number}}"),
        ("正文", "案由：{{cause}}"),
        ("正文", "时间：{{hearing_time}}"),
        ("正文", "地点：{{hearing_place}}"),
        ("正文", "审判人员：{{bench_inline}}"),
        ("正文", "书记员：{{clerk}}"),
        ("正文", "是否公开审理：{{public_or_not}}"),
        ("正文", "{{attendance_block}}"),
        ("正文", "（以下为庭审记录）"),
    ],
    "受理案件通知书": HEAD + [
        ("文书名称", "受理案件通知书"),
        ("案号", "{{case_number}}"),
        ("正文", "{{plaintiffs}}："),
        ("正文", "你（单位）诉{{defendants}}{{cause}}一案的起诉状已收到。经审查，起诉符合法定受理条件，本院决定立案审理。"
                 "现将有关事项通知如下："),
        ("正文", "一、在诉讼过程中，当事人必须依法行使诉讼权利，有权行使民事诉讼法规定的诉讼权利，同时也必须遵守诉讼秩序，"
                 "履行诉讼义务。"),
        ("正文", "二、应在接到本通知书后七日内向本院预交案件受理费{{fee}}元（{{fee_capital}}）。期满不交纳又不提出缓交申请的，"
                 "按撤诉处理。"),
        ("正文", "三、本案由{{presiding_judge}}负责审理。"),
        ("落款", "{{today_cn}}"),
    ],
    "传票": HEAD + [
        ("文书名称", "传票"),
        ("案号", "{{case_number}}"),
        ("正文", "案由：{{cause}}"),
        ("正文", "被传唤人：{{summoned}}"),
        ("正文", "传唤事由：{{summons_reason}}"),
        ("正文", "应到时间：{{hearing_time}}"),
        ("正文", "应到处所：{{hearing_place}}"),
        ("正文", "注意事项：一、被传唤人必须准时到达应到处所。二、本传票由被传唤人携带来院报到。"
                 "三、被传唤人收到传票后，应在送达回证上签名或者盖章。"),
        ("署名", "审判员：{{presiding_judge}}\u3000书记员：{{clerk}}"),
        ("落款", "{{today_cn}}"),
    ],
}


def _east_asian(rpr_holder, font: str, latin: str) -> None:
    from docx.oxml.ns import qn

    fonts = rpr_holder.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), font)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)


def build(name: str, spec: list[tuple[str, str]], typography: dict, out_dir: Path) -> Path:
    """Write one template with its styles (font, size, alignment, indent, line spacing)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Mm, Pt

    document = docx.Document()
    section = document.sections[0]
    page = typography["page"]
    section.page_width, section.page_height = Mm(page["width_mm"]), Mm(page["height_mm"])
    section.top_margin, section.bottom_margin = Mm(page["top_mm"]), Mm(page["bottom_mm"])
    section.left_margin, section.right_margin = Mm(page["left_mm"]), Mm(page["right_mm"])
    latin = typography.get("latin_font", "Times New Roman")
    align = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
             "left": WD_ALIGN_PARAGRAPH.LEFT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = latin, Pt(16)
    _east_asian(normal.element, "仿宋", latin)
    for style_name, s in typography["styles"].items():
        style = document.styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.name, style.font.size, style.font.bold = latin, Pt(s["size_pt"]), s["bold"]
        _east_asian(style.element, s["font"], latin)
        fmt = style.paragraph_format
        fmt.alignment = align[s["align"]]
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(max(typography["line_spacing_pt"], s["size_pt"] * 1.2))
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.first_line_indent = Pt(s["size_pt"] * s["first_line_indent_chars"]) if s["first_line_indent_chars"] else None
    for style_name, text in spec:
        s = typography["styles"][style_name]
        para = document.add_paragraph(style=style_name)
        run = para.add_run(text)
        # Also on every run: some word processors ignore the style's East-Asian font.
        run.font.size, run.font.bold, run.font.name = Pt(s["size_pt"]), s["bold"], latin
        _east_asian(run._element, s["font"], latin)
    document.core_properties.title = name
    document.core_properties.author = "trial-assistant template"
    path = out_dir / f"{name}.docx"
    document.save(str(path))
    return path


def main(out_dir: Path = HERE) -> list[Path]:
    """Build every template into ``out_dir``."""
    typography = json.loads((HERE / "typography.json").read_text(encoding="utf-8"))
    return [build(name, spec, typography, out_dir) for name, spec in TEMPLATES.items()]


if __name__ == "__main__":
    for p in main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p)
