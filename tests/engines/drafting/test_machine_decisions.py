"""Per-paragraph decisions on machine text in a .docx: reject writes the 【待补充】 marker in place
of the machine runs, accepting some paragraphs removes only their source notes."""
from __future__ import annotations

import io

import docx
from docx.enum.text import WD_COLOR_INDEX

from engines.drafting.fields import TO_COMPLETE
from engines.drafting.fill import accept_machine_bytes, machine_paragraphs_of, reject_machine_bytes
from engines.drafting.case_material import add_comments, comments_by_paragraph, remove_comments


def _draft() -> bytes:
    """Court line, a fully machine paragraph, template text + machine text + template text, a
    person's paragraph; source notes on both machine paragraphs, a person's note on one."""
    document = docx.Document()
    document.add_paragraph("北京市朝阳区人民法院")
    p = document.add_paragraph()
    p.add_run("原告张三诉称：").font.highlight_color = WD_COLOR_INDEX.YELLOW
    p.add_run("借款未还。").font.highlight_color = WD_COLOR_INDEX.YELLOW
    p = document.add_paragraph()
    p.add_run("案件受理费")
    p.add_run("1050元").font.highlight_color = WD_COLOR_INDEX.YELLOW
    p.add_run("，由被告负担。")
    document.add_paragraph("本院认为，")
    buf = io.BytesIO()
    document.save(buf)
    data, _ = add_comments(buf.getvalue(), [("诉称", "来源：庭审笔录"), ("受理费", "来源：立案")])
    document = docx.Document(io.BytesIO(data))
    document.add_comment(document.paragraphs[1].runs, text="核对", author="王法官")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def test_notes_are_listed_per_paragraph():
    assert comments_by_paragraph(_draft()) == {1: ["来源：庭审笔录"], 2: ["来源：立案"]}


def test_reject_replaces_machine_runs_and_keeps_template_text_and_paragraph_count():
    data = _draft()
    out, markers = reject_machine_bytes(data, [1, 2])
    assert markers == 2
    assert _texts(out) == ["北京市朝阳区人民法院", TO_COMPLETE, f"案件受理费{TO_COMPLETE}，由被告负担。", "本院认为，"]
    assert machine_paragraphs_of(out) == []


def test_accepting_some_paragraphs_removes_only_their_notes():
    data, changed = accept_machine_bytes(_draft(), [2])
    assert changed == 1 and machine_paragraphs_of(data) == [1]
    data, removed = remove_comments(data, paragraphs=[2])
    assert removed == 1
    comments = [(c.author, c.text) for c in docx.Document(io.BytesIO(data)).comments]
    assert sorted(comments) == [("文书辅助生成", "来源：庭审笔录"), ("王法官", "核对")]
    assert comments_by_paragraph(data) == {1: ["来源：庭审笔录"]}
    # People's notes stay even when every machine note on their paragraph goes.
    data, removed = remove_comments(data, paragraphs=[1])
    assert removed == 1
    assert [(c.author, c.text) for c in docx.Document(io.BytesIO(data)).comments] == [("王法官", "核对")]
