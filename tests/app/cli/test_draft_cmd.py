"""The ``review`` and ``draft`` subcommands (parsed with the real argparse registration)."""
import argparse
import json
from pathlib import Path

import pytest

from app.cli import draft_cmd
from app.cli.output import CliError

DATA = Path(__file__).resolve().parents[2] / "data" / "drafting"


def run(argv):
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    draft_cmd.register(sub)
    args = parser.parse_args(argv)
    return args.func(args)


def test_review_json_has_the_design_shape(capsys):
    assert run(["review", str(DATA / "dev05.docx"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"findings"}
    assert [f["paragraph"] for f in out["findings"]] == [12, 16]
    for f in out["findings"]:
        assert set(f) >= {"rule", "severity", "paragraph", "text", "message"}
        assert f["severity"] in ("error", "warning")


def test_review_text_output_for_a_clean_document(capsys):
    assert run(["review", str(DATA / "dev02.docx")]) == 0
    assert "未发现问题" in capsys.readouterr().out


def test_review_compares_with_case_json(tmp_path, capsys):
    case = {"court": "河北省石家庄市长安区人民法院", "case_number": "（2024）冀0102民初3789号", "cause": "机动车交通事故责任纠纷",
            "parties": [{"role": "原告", "name": "井春艳"}]}
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    run(["review", str(DATA / "dev05.docx"), "--case-json", str(path), "--json"])
    rules = {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}
    assert "case_number_record" in rules


def test_review_reports_unreadable_files_clearly(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("plain text", encoding="utf-8")
    with pytest.raises(CliError, match="docx"):
        run(["review", str(bad)])


def test_draft_lists_templates(capsys):
    assert run(["draft", "--list", "--json"]) == 0
    names = {t["name"] for t in json.loads(capsys.readouterr().out)["templates"]}
    assert "民事判决书_普通程序" in names and "传票" in names


def test_draft_from_case_json(tmp_path, capsys):
    out = tmp_path / "draft.docx"
    assert run(["draft", "--case-json", str(DATA / "case_loan.json"), "--template", "民事判决书_普通程序",
                "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert Path(result["output"]) == out and out.is_file()
    assert result["machine_paragraphs"]


def test_draft_errors_are_clear(tmp_path):
    with pytest.raises(CliError, match="--data"):
        run(["draft", "--case", "7", "--template", "传票", "--out", str(tmp_path / "o.docx")])
    with pytest.raises(CliError, match="模板"):
        run(["draft", "--case-json", str(DATA / "case_loan.json"), "--template", "无此模板",
             "--out", str(tmp_path / "o.docx")])
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(CliError, match="JSON"):
        run(["draft", "--case-json", str(broken), "--template", "传票", "--out", str(tmp_path / "o.docx")])


def test_draft_for_a_case_in_the_store(tmp_path, capsys, monkeypatch):
    from tests.helpers.stores import CLERK_PASSWORD, create_sample_case, make_store

    fx = make_store(tmp_path)
    case_id = create_sample_case(fx)
    monkeypatch.setenv("TA_TEST_PASSWORD", CLERK_PASSWORD)
    out = tmp_path / "draft.docx"
    assert run(["draft", "--case", str(case_id), "--data", str(fx.data_dir), "--user", "clerk",
                "--password-env", "TA_TEST_PASSWORD", "--template", "民事判决书_普通程序", "--fee", "1050",
                "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["draft"]["version"] == 1 and out.is_file()
    with pytest.raises(CliError, match="案件不存在"):
        run(["draft", "--case", "999", "--data", str(fx.data_dir), "--user", "clerk",
             "--password-env", "TA_TEST_PASSWORD", "--template", "传票", "--out", str(out)])
    monkeypatch.setenv("TA_TEST_PASSWORD", "wrong-password-9")
    with pytest.raises(CliError):
        run(["draft", "--case", str(case_id), "--data", str(fx.data_dir), "--user", "clerk",
             "--password-env", "TA_TEST_PASSWORD", "--template", "传票", "--out", str(out)])


def test_draft_lists_template_fields(capsys):
    assert run(["draft", "--fields"]) == 0
    out = capsys.readouterr().out
    assert "{{case_number}}\t案号" in out and "{{procedure_paragraph}}" in out
