"""Exports: TXT, SRT and the 庭审笔录 .docx shape."""
from __future__ import annotations

from docx import Document

from engines.transcription.record_docx import RecordHeader, write_hearing_record
from engines.transcription.results import Segment, Transcript
from engines.transcription.writers import to_srt, to_txt, write_txt

TRANSCRIPT = Transcript(duration=9.0, model="whisper-base", segments=[
    Segment(0.5, 2.0, "审判长", "现在开庭。", 0.9),
    Segment(2.5, 5.25, "原告", "请求判令被告归还借款五万元。", 0.8),
    Segment(3661.0, 3662.5, "被告代理人", "对证据的真实性无异议。", 0.7),
])


def test_txt_and_srt():
    assert to_txt(TRANSCRIPT).splitlines() == [
        "审判长：现在开庭。", "原告：请求判令被告归还借款五万元。", "被告代理人：对证据的真实性无异议。"]
    assert to_txt(TRANSCRIPT, with_times=True).splitlines()[2].startswith("[01:01:01.000] 被告代理人：")
    srt = to_srt(TRANSCRIPT)
    assert srt.startswith("1\n00:00:00,500 --> 00:00:02,000\n审判长：现在开庭。\n")
    assert "3\n01:01:01,000 --> 01:01:02,500\n" in srt


def test_txt_file_has_bom_for_windows(tmp_path):
    path = write_txt(TRANSCRIPT, tmp_path / "a.txt")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_hearing_record_docx(tmp_path):
    header = RecordHeader(court="成都市武侯区人民法院", case_number="（2024）川0107民初123号",
                          cause="房屋租赁合同纠纷", start_time="2024年5月6日9时30分",
                          end_time="10时05分", place="第三法庭", judges=["张三"], clerk="李四",
                          parties=["原告杨帆", "被告何建军"], interruptions=["10:00 休庭", "10:02 继续"])
    path = write_hearing_record(TRANSCRIPT, tmp_path / "r.docx", header)
    doc = Document(str(path))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "成都市武侯区人民法院" and texts[1] == "庭 审 笔 录"
    for expected in ("案号：（2024）川0107民初123号", "案由：房屋租赁合同纠纷", "地点：第三法庭",
                     "审判人员：张三", "书记员：李四", "审理方式：公开审理", "（10:00 休庭）"):
        assert expected in texts
    assert "审判长：现在开庭。" in texts
    assert "被告代理人：对证据的真实性无异议。" in texts
    signatures = [t for t in texts if "（签名）" in t]
    assert [s.split("（")[0] for s in signatures] == ["原告", "被告代理人", "审判长", "书记员"]
    # The official record names no recogniser unless the court asks for the note (issue 14).
    assert not any("语音识别" in t or "whisper" in t for t in texts)
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert "共" in "".join(p.text for p in doc.sections[0].footer.paragraphs)
