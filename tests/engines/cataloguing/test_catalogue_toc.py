"""卷内目录: order, numbering, other materials keep their place, .docx output."""
from __future__ import annotations

from docx import Document as Docx

from engines.cataloguing import write_toc_docx
from engines.cataloguing.results import Document
from engines.cataloguing.rules import load_rules
from engines.cataloguing.toc import build_toc


def test_order_numbering_and_other_material():
    docs = [Document("卷宗封面", "卷宗封面", 1, 1), Document("送达回证", "送达回证", 2, 2),
            Document("起诉状", "民事起诉状", 3, 5), Document("其他材料", "情况说明", 6, 6),
            Document("传票", "传票", 7, 7), Document("备考表", "备考表", 8, 8)]
    rows = build_toc(docs, load_rules())
    numbered = [(r.seq, r.title, r.pages) for r in rows if r.seq]
    # The 情况说明 arose after the complaint and stays with it.
    assert numbered == [(1, "民事起诉状", "1-3"), (2, "情况说明", "4"), (3, "传票", "5"), (4, "送达回证", "6")]
    assert [r.category for r in rows if r.seq is None] == ["卷宗封面", "备考表"]


def test_court_override_changes_order(tmp_path):
    import json
    from engines.cataloguing.rules import DEFAULT_RULES
    data = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    for c in data["categories"]:
        if c["label"] == "送达回证":
            c["order"] = 3.5  # this court files receipts right after the complaint
    path = tmp_path / "court.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    rules = load_rules(str(path))
    docs = [Document("传票", "传票", 1, 1), Document("送达回证", "送达回证", 2, 2), Document("起诉状", "起诉状", 3, 3)]
    assert [r.category for r in build_toc(docs, rules)] == ["起诉状", "送达回证", "传票"]


def test_docx_written(tmp_path):
    docs = [Document("起诉状", "民事起诉状", 1, 2), Document("判决书", "民事判决书", 3, 5)]
    out = write_toc_docx(build_toc(docs, load_rules()), tmp_path / "toc.docx", "（2024）京0105民初1号")
    d = Docx(str(out))
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "文件名称", "起止页号", "备注"]
    assert [c.text for c in table.rows[2].cells][:3] == ["2", "民事判决书", "3-5"]
    assert any("（2024）京0105民初1号" in p.text for p in d.paragraphs)
