"""The ``transcribe`` subcommand: JSON shape, .docx/TXT/SRT, clear errors, no store needed."""
from __future__ import annotations

import json

import pytest
from docx import Document

from app.cli.main import run
from tests.helpers.transcription import MONO_CLIP, MULTI_CLIP, model_cache_dir


@pytest.fixture(autouse=True)
def _cache(monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache_dir()))


def test_json_by_seat_with_hotwords(capsys):
    code = run(["transcribe", str(MULTI_CLIP), "--channels", "1=审判长,2=原告,3=被告,4=书记员",
                "--hotwords", "杨帆,何建军", "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["model"] == "whisper-base" and out["duration"] == pytest.approx(5.8, abs=0.01)
    assert [s["speaker"] for s in out["segments"]] == ["原告", "被告", "审判长"]
    for seg in out["segments"]:
        assert {"start", "end", "speaker", "text", "confidence", "words", "corrections"} <= set(seg)
        assert seg["start"] < seg["end"] and 0 <= seg["confidence"] <= 1


def test_docx_txt_srt(tmp_path, capsys):
    docx, txt, srt = tmp_path / "r.docx", tmp_path / "r.txt", tmp_path / "r.srt"
    code = run(["transcribe", str(MONO_CLIP), "--docx", str(docx), "--txt", str(txt),
                "--srt", str(srt), "--court", "成都市武侯区人民法院", "--cause", "房屋租赁合同纠纷"])
    assert code == 0
    assert "已写出庭审笔录" in capsys.readouterr().out
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert texts[0] == "成都市武侯区人民法院" and "案由：房屋租赁合同纠纷" in texts
    body = [t for t in texts if t.startswith("未识别：")]
    assert body and len(body) == len(txt.read_text(encoding="utf-8-sig").splitlines())
    assert srt.read_text(encoding="utf-8").startswith("1\n00:00:0")


def test_plain_output_lines(capsys):
    assert run(["transcribe", str(MONO_CLIP)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines and all(line.startswith("[00:00:0") and "未识别：" in line for line in lines)


@pytest.mark.parametrize("content, message", [(b"", "空"), (b"hello, not audio" * 50, "无法识别的音频")])
def test_bad_files_give_clear_errors(tmp_path, capsys, content, message):
    path = tmp_path / "bad.m4a"
    path.write_bytes(content)
    assert run(["transcribe", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert message in json.loads(captured.out)["error"]
    assert message in captured.err


def test_bad_channel_map_and_missing_file(tmp_path, capsys):
    assert run(["transcribe", str(MULTI_CLIP), "--channels", "9=原告"]) == 2
    assert "只有 4 个声道" in capsys.readouterr().err
    assert run(["transcribe", str(MONO_CLIP), "--channels", "1=原告"]) == 2
    assert "单声道" in capsys.readouterr().err
    assert run(["transcribe", str(tmp_path / "none.wav")]) == 2
    assert "找不到音频文件" in capsys.readouterr().err


def test_model_dir_override_and_bad_model(tmp_path, capsys):
    model_dir = model_cache_dir() / "models" / "whisper-base"
    assert run(["transcribe", str(MONO_CLIP), "--model", str(model_dir), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["model"] == "whisper-base"
    assert run(["transcribe", str(MONO_CLIP), "--model", str(tmp_path)]) == 2
    assert "模型目录" in capsys.readouterr().err


def test_case_text_feeds_the_vocabulary(tmp_path, capsys):
    case = tmp_path / "case.txt"
    case.write_text("原告：杨帆\n被告：何建军\n案由：房屋租赁合同纠纷\n法院：成都市武侯区人民法院\n",
                    encoding="utf-8")
    code = run(["transcribe", str(MULTI_CLIP), "--channels", "1=审判长,2=原告,3=被告,4=书记员",
                "--case-text", str(case), "--json"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    words = [w for seg in out["segments"] for w in seg["words"]]
    assert words and {"start", "end", "text", "probability", "confidence", "shaded"} <= set(words[0])
    assert all("shaded" in seg for seg in out["segments"])


def test_missing_case_text_is_a_clear_error(tmp_path, capsys):
    code = run(["transcribe", str(MONO_CLIP), "--case-text", str(tmp_path / "nope.txt")])
    assert code != 0
    assert "找不到本案文本文件" in capsys.readouterr().err
