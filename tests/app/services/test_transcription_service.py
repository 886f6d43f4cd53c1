"""Transcription service on a real encrypted store: recordings, child-process transcription,
revisions for every edit, roles, export."""
from __future__ import annotations

import docx
import pytest

from app.security.roles import PermissionDenied
from app.services.transcription import AssistantOff, TranscriptionService, TranscriptLocked
from app.store.errors import NotFoundError
from engines.common import InputError
from tests.helpers.transcription import MULTI_CLIP, clip_reference, model_cache_dir

CHANNELS = clip_reference()["channels"]


@pytest.fixture(autouse=True)
def _cache(monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache_dir()))


@pytest.fixture(scope="module")
def recorded_segments():
    """The clip's segments as the real child process produced them (one run per module)."""
    from engines.transcription.child import ChildTranscription
    from engines.transcription.pipeline import TranscriptionRequest

    return ChildTranscription(MULTI_CLIP, TranscriptionRequest(channels=CHANNELS),
                              cache_dir=model_cache_dir()).run().segments


class _Replay:
    """Stands in for the child process in tests about editing, not about recognition."""

    segments: list = []

    def __init__(self, *args, **kwargs):
        pass

    def run(self, progress, cancel, on_segment):
        from engines.transcription.results import Transcript

        for segment in self.segments:
            on_segment(segment)
        progress(1.0, "完成")
        return Transcript(5.8, "whisper-base", list(self.segments))


@pytest.fixture
def transcribed(clerk, case_id, recorded_segments, monkeypatch):
    monkeypatch.setattr(_Replay, "segments", recorded_segments)
    monkeypatch.setattr("engines.transcription.child.ChildTranscription", _Replay)
    service = TranscriptionService(clerk)
    hearing = service.add_recording(case_id, MULTI_CLIP, CHANNELS, title="第一次开庭", place="第三法庭")
    assert service.transcribe(hearing) == 3
    return service, hearing


def test_real_child_transcription_saves_segments(clerk, case_id):
    service = TranscriptionService(clerk)
    hearing = service.add_recording(case_id, MULTI_CLIP, CHANNELS)
    fractions = []
    assert service.transcribe(hearing, progress=lambda f, m="": fractions.append(f)) == 3
    assert fractions[-1] == 1.0
    assert [s.speaker for s in service.segments(hearing)] == ["原告", "被告", "审判长"]


def test_recording_is_stored_encrypted_and_transcribed_by_seat(clerk, case_id, transcribed, fx):
    service, hearing = transcribed
    info = service.list_hearings(case_id)[0]
    assert (info.id, info.status, info.segments, info.model) == (hearing, "待核对", 3, "whisper-base")
    assert info.duration == pytest.approx(5.8, abs=0.01)
    assert service.audio_bytes(hearing) == MULTI_CLIP.read_bytes()
    raw = MULTI_CLIP.read_bytes()[:4096]
    blobs = [blob for blob in (fx.data_dir / "blobs").rglob("*") if blob.is_file()]
    assert blobs, "the recording was not stored as a blob"
    for blob in blobs:
        assert raw not in blob.read_bytes()  # no plain audio on disk
    segments = service.segments(hearing)
    assert [s.speaker for s in segments] == ["原告", "被告", "审判长"]
    assert all(s.machine_text and not s.edited for s in segments)
    actions = [r["action"] for r in clerk.store.query("SELECT action FROM audit_log")]
    assert "hearing.add" in actions and "hearing.transcribe" in actions


def test_every_edit_is_a_revision(clerk, transcribed):
    service, hearing = transcribed
    first = service.segments(hearing)[0]
    service.edit_segment(first.id, text="不申请回避。")
    service.edit_segment(first.id, speaker="原告代理人", kind="补正", requested_by="原告", note="当庭要求更正")
    revisions = service.revisions(first.id)
    assert [(r["field"], r["old_value"], r["new_value"], r["kind"]) for r in revisions] == [
        ("text", first.text, "不申请回避。", "编辑"), ("speaker", "原告", "原告代理人", "补正")]
    assert revisions[1]["requested_by"] == "原告" and revisions[1]["edited_by"] == "clerk"
    again = service.segments(hearing)[0]
    assert again.edited and again.machine_text == first.machine_text
    with pytest.raises(TranscriptLocked):
        service.transcribe(hearing)  # a machine run would overwrite the clerk's work
    assert service.replace_all(hearing, "申请", "申請") >= 2
    assert all("申請" in s.text for s in service.segments(hearing)[:2])
    # The calibrated shading may leave the untouched third line open: a reason is given.
    service.mark_checked(hearing, reason="已逐段核对录音")
    case_id = clerk.store.query("SELECT case_id FROM hearings WHERE id = ?", (hearing,))[0]["case_id"]
    info = service.list_hearings(case_id)[0]
    assert (info.status, info.checked_by) == ("已核对", "clerk")


def test_split_merge_and_undo_correction(clerk, transcribed):
    service, hearing = transcribed
    last = service.segments(hearing)[-1]
    new_id = service.split_segment(last.id, 2)
    segs = service.segments(hearing)
    assert len(segs) == 4 and segs[-1].id == new_id
    assert segs[-2].text + segs[-1].text == last.text
    # The words (times, shading) follow their characters, and the second part starts at its
    # first word rather than at a point guessed from the text's length.
    assert last.words and segs[-2].words and segs[-1].words
    assert [w.text for w in segs[-2].words + segs[-1].words] == [w.text for w in last.words]
    assert segs[-1].start == pytest.approx(segs[-1].words[0].start, abs=1e-3)
    assert segs[-2].end == segs[-1].start
    service.merge_with_next(segs[-2].id)
    segs = service.segments(hearing)
    assert len(segs) == 3 and segs[-1].text == last.text and segs[-1].end == pytest.approx(last.end)
    assert [w.text for w in segs[-1].words] == [w.text for w in last.words]
    # A vocabulary correction can be undone; the undo is a revision too.
    with clerk.store.write() as db:
        db.execute("UPDATE hearing_segments SET text = '被告对借贷没有异议。', corrections = ? WHERE id = ?",
                   ('[{"position": 3, "original": "借代", "replacement": "借贷", "term_source": "法律用语",'
                    ' "score": 1.0, "reason": "x"}]', segs[0].id))
    assert service.undo_correction(segs[0].id, 0) == "被告对借代没有异议。"
    assert service.segments(hearing)[0].corrections == []
    assert service.revisions(segs[0].id)[-1]["kind"] == "撤销更正"


def test_export_docx_has_case_header(clerk, transcribed, tmp_path):
    service, hearing = transcribed
    service.add_event(hearing, "休庭", 3.0, "合议庭评议")
    out = service.export(hearing, tmp_path / "笔录.docx")
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "北京市朝阳区人民法院"
    assert "案号：（2024）京0105民初12345号" in texts or any(t.startswith("案号：") and "12345" in t for t in texts)
    assert "案由：民间借贷纠纷" in texts and "地点：第三法庭" in texts
    assert any(t.startswith("到庭当事人及代理人：原告张晓明") for t in texts)
    assert any("休庭" in t and "合议庭评议" in t for t in texts)
    assert [t for t in texts if t.startswith("原告：")]
    service.export(hearing, tmp_path / "a.txt", "txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8-sig").splitlines()[0].startswith("原告：")


def test_roles_assistant_switch_and_bad_input(fx, case_id, clerk, tmp_path):
    service = TranscriptionService(clerk)
    bad = tmp_path / "x.wav"
    bad.write_text("not audio", encoding="utf-8")
    with pytest.raises(InputError):
        service.add_recording(case_id, bad)
    with pytest.raises(InputError, match="只有 4 个声道"):
        service.add_recording(case_id, MULTI_CLIP, "6=证人")
    hearing = service.add_recording(case_id, MULTI_CLIP, CHANNELS)
    judge = fx.judge()
    try:
        with pytest.raises(PermissionDenied):
            TranscriptionService(judge).transcribe(hearing)  # judges read, clerks run hearings
        assert TranscriptionService(judge).list_hearings(case_id)[0].id == hearing
    finally:
        judge.store.close()
    it = fx.it()
    try:
        with pytest.raises(PermissionDenied):
            TranscriptionService(it).list_hearings(case_id)
    finally:
        it.store.close()
    clerk.settings.set("assist_transcription", False)
    with pytest.raises(AssistantOff):
        service.transcribe(hearing)
    with pytest.raises(NotFoundError):
        service.segments(hearing + 100)


def test_refused_correction_is_recorded(clerk, transcribed):
    service, hearing = transcribed
    first = service.segments(hearing)[0]
    service.record_refused_correction(first.id, "被告", "我没说过不申请", "与录音不符")
    refused = service.refused_corrections(hearing)
    assert len(refused) == 1
    assert (refused[0]["requested_by"], refused[0]["requested_text"], refused[0]["reason"]) == (
        "被告", "我没说过不申请", "与录音不符")
    assert refused[0]["current_text"] == first.text and service.segments(hearing)[0].text == first.text
    actions = [r["action"] for r in clerk.store.query("SELECT action FROM audit_log")]
    assert "transcript.correction_refused" in actions


def test_catalogued_dossier_primes_the_case_vocabulary(clerk, case_id):
    service = TranscriptionService(clerk)
    page_text = "原告：周晓梅，住杭州市西湖区文三路88号。\n委托诉讼代理人：孙立，浙江明理律师事务所律师。"
    with clerk.store.write() as db:
        db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, 1, '', 'now')",
                   ("a" * 64,))
        file_id = db["dossier_files"].insert({"case_id": case_id, "blob_sha256": "a" * 64,
                                              "name": "起诉状.pdf", "imported_at": "now"}).last_pk
        db["dossier_pages"].insert({"case_id": case_id, "page": 1, "file_id": file_id, "file_page": 1,
                                    "category": "起诉状", "title": "民事起诉状", "text": page_text})
    assert page_text in service.case_text(case_id)
    hotwords = service.vocabulary(case_id).hotwords
    assert "周晓梅" in hotwords and "孙立" in hotwords and "浙江明理律师事务所" in hotwords


def test_segments_carry_words_with_calibrated_shading(clerk, transcribed):
    service, hearing = transcribed
    segments = service.segments(hearing)
    assert all(s.words and s.calibrated for s in segments)
    for segment in segments:
        assert segment.low_confidence == any(w.shaded for w in segment.words)
        assert segment.shaded_words == [w for w in segment.words if w.shaded]
        for word in segment.words:
            assert segment.start - 0.01 <= word.start <= word.end <= segment.end + 0.01
            assert 0.0 <= word.confidence <= 1.0


def test_stored_words_are_shown_in_simplified_characters():
    """Whisper's word text can be Traditional; the editor shows it beside Simplified lines."""
    from app.services.transcription import _words

    words, calibrated = _words('[{"start": 0.0, "end": 0.5, "text": "不申請", "probability": 0.9}]')
    assert [w.text for w in words] == ["不申请"] and not calibrated


def test_open_items_are_the_lines_the_editor_marks(clerk, case_id, monkeypatch):
    from engines.transcription.results import Segment, Word

    def words(text, shaded_at=None):
        return [Word(0.5 + i * 0.2, 0.7 + i * 0.2, ch, 0.9, confidence=0.95, shaded=i == shaded_at)
                for i, ch in enumerate(text)]

    segments = [
        # Calibrated, one word shaded: open although the line as a whole reads well.
        Segment(0.5, 1.5, "原告", "不申请回避。", 0.82, 1, "不申请回避。", words("不申请回避", 2)),
        # Calibrated, nothing shaded: not open, whatever the line's score.
        Segment(1.6, 2.5, "被告", "同意。", 0.55, 2, "同意。", words("同意")),
        # Without words (an older transcript): the line score decides.
        Segment(2.6, 3.5, "审判长", "现在开庭。", 0.4, 3, "现在开庭。"),
    ]
    monkeypatch.setattr(_Replay, "segments", segments)
    monkeypatch.setattr("engines.transcription.child.ChildTranscription", _Replay)
    service = TranscriptionService(clerk)
    hearing = service.add_recording(case_id, MULTI_CLIP, CHANNELS)
    assert service.transcribe(hearing) == 3
    assert service.open_items(hearing) == ["00:00.5 不申请回避。", "00:02.6 现在开庭。"]
    first = service.segments(hearing)[0]
    service.edit_segment(first.id, text="原告不申请回避。")  # the clerk has looked at it
    assert service.open_items(hearing) == ["00:02.6 现在开庭。"]
