"""The ``catalogue`` subcommand: JSON shape, .docx output, bad files, no store needed."""
import argparse
import json
from pathlib import Path

import pytest
from docx import Document as Docx

from app.cli import catalogue_cmd
from app.cli.output import CliError

DATA = Path(__file__).resolve().parents[2] / "data" / "cataloguing"
EXCERPT = DATA / "dev02_excerpt.pdf"  # cover, 2-page complaint, scanned 送达凭证 from the shared set


def run(argv):
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    catalogue_cmd.register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture(scope="module")
def excerpt_json(tmp_path_factory):
    import io
    import contextlib
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        code = run(["catalogue", str(EXCERPT), "--json"])
    return code, json.loads(buf.getvalue())


def test_json_has_the_design_shape(excerpt_json):
    code, out = excerpt_json
    assert code == 0
    assert [p["category"] for p in out["pages"]] == ["卷宗封面", "起诉状", "起诉状", "送达回证"]
    assert out["pages"][3]["scanned"] is True
    assert [(d["category"], d["start_page"], d["end_page"]) for d in out["documents"]] == [
        ("卷宗封面", 1, 1), ("起诉状", 2, 3), ("送达回证", 4, 4)]
    case = out["case"]
    assert case["case_number"] == "（2023）湘0104民初11876号"
    assert case["cause"] == "装饰装修合同纠纷"
    assert case["filing_date"] == "2023-09-11"
    assert len(case["claims"]) == 3
    assert out["errors"] == []


def test_docx_output(tmp_path, capsys):
    out = tmp_path / "toc.docx"
    assert run(["catalogue", str(EXCERPT), "--docx", str(out), "--quiet"]) == 0
    rows = [[c.text for c in r.cells] for r in Docx(str(out)).tables[0].rows]
    assert rows[1][:3] == ["1", "民事起诉状", "1-2"]
    assert "卷内目录已写入" in capsys.readouterr().out


def test_bad_file_reported_others_processed(tmp_path, capsys):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"GIF89a not a pdf")
    code = run(["catalogue", str(bad), str(EXCERPT), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    out = json.loads(captured.out)
    assert out["errors"] == [{"file": "scan.pdf", "message": "不是 PDF 或图片文件"}]
    assert len(out["pages"]) == 4
    assert "scan.pdf" in captured.err


def test_only_bad_files_is_a_clear_error(tmp_path):
    bad = tmp_path / "x.pdf"
    bad.write_bytes(b"%PDF-1.7\n garbage")
    with pytest.raises(CliError) as err:
        run(["catalogue", str(bad)])
    assert "损坏" in str(err.value)


def test_corrections_file_is_used(tmp_path, capsys):
    corr = tmp_path / "c.json"
    corr.write_text(json.dumps({"version": 1, "corrections": [
        {"category": "其他材料", "heading": "电子送达凭证", "page_text": ""}]}, ensure_ascii=False), encoding="utf-8")
    assert run(["catalogue", str(EXCERPT), "--json", "--corrections", str(corr)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["pages"][3]["category"] == "其他材料" and out["pages"][3]["source"] == "learned"
