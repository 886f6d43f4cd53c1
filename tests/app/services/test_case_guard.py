"""Issue 14 item 3: material naming parties who are not the case's (above all another case's
parties) is flagged, naming both; agents, witnesses, judges, addresses and company names that
merely contain a name are not; anonymised names match what they may stand for."""
from __future__ import annotations

from dataclasses import replace

import docx
import pytest

from app import messages
from app.services.case_guard import (
    foreign_case_numbers,
    CaseIdentity, ForeignCaseData, case_identity, foreign_parties, guard, party_mentions, same_party,
)
from app.services.cases import CaseService, Party
from app.services.drafting import DraftingService
from app.services.transcription import TranscriptionService
from tests.helpers.stores import sample_case, user_id
from tests.helpers.tagged_audio import tagged_recording

OWN = "（2024）京0105民初12345号"
OTHER = "（2024）京0105民初20001号"
IDENTITY = CaseIdentity(OWN, ["张晓明", "北京华信商贸有限公司"], {"王建国": [(OTHER, True)], "李秀英": [("（2024）京0105民初20002号", False)]})


def found(text: str, short: bool = False) -> list[tuple[str, str, bool]]:
    return [(f.found, f.other_case, f.in_store) for f in foreign_parties(text, IDENTITY, short)]


def test_an_appeal_citing_the_judgment_it_reviews_is_not_foreign_but_any_other_number_is():
    appeal = "（2024）京01民终88号"
    reviewed = "上诉人不服北京市朝阳区人民法院（2023）京0105民初123号民事判决，向本院提起上诉。"
    assert foreign_case_numbers(reviewed, appeal) == []
    # Without the cue, or of a higher stage, or another branch, it is still asked about.
    assert foreign_case_numbers("另见（2023）京0105民初123号案。", appeal) == ["（2023）京0105民初123号"]
    assert foreign_case_numbers("不服（2023）京01民终7号判决", "（2023）京0105民初9号") == ["（2023）京01民终7号"]
    # Named again later without a cue, the reviewed decision is still not foreign.
    assert foreign_case_numbers(reviewed + "判决如下：一、维持（2023）京0105民初123号判决；另（2023）京0105民初123号", appeal) == []
    # Enforcement cites the judgment it enforces, whatever its branch.
    assert foreign_case_numbers("执行依据为（2023）京0105民初123号民事判决书", "（2024）京0105执100号") == []


def test_the_case_own_parties_in_a_party_block_raise_nothing():
    text = ("原告：张晓明，男，1980年1月1日出生，汉族，住北京市朝阳区王建国路1号。\n"
            "委托诉讼代理人：李秀英，北京某律师事务所律师。\n"
            "被告：北京华信商贸有限公司，住所地北京市海淀区。\n法定代表人：王建国，经理。\n"
            "原告张晓明与被告北京华信商贸有限公司民间借贷纠纷一案，证人王建国出庭作证。\n"
            "审判员  王建国\n书记员  李秀英")
    assert found(text) == []


def test_another_case_party_is_named_with_that_case_number_or_hidden_when_not_visible():
    assert found("原告：王建国，男，汉族。\n被告：北京华信商贸有限公司") == [("王建国", OTHER, True)]
    assert found("原告李秀英与被告华信公司民间借贷纠纷一案") == [("李秀英", "", True)]
    assert found("王建国诉北京华信商贸有限公司借款合同纠纷") == [("王建国", OTHER, True)]


def test_a_labelled_stranger_is_flagged_but_names_only_inside_companies_or_addresses_are_not():
    assert found("原告（反诉被告）：张晓明 被告（反诉原告）：赵六") == [("赵六", "", False)]
    assert found("原告：张晓明、赵六") == [("赵六", "", False)]
    # A company that contains another case's party's name is a different party (not that case's).
    assert found("被告：北京王建国科技有限公司，住所地") == [("北京王建国科技有限公司", "", False)]
    assert found("住所地北京市王建国大街1号，北京王建国科技有限公司出具证明") == []
    assert found("原告诉称，被告辩称，上诉人不服") == []


def test_transcript_speech_after_a_label_is_not_a_name_but_a_party_block_line_is():
    speech = "原告：第一组，借款合同，用以证明借款事实。\n被告：三性认可。\n原告：没有\n被告：同答辩意见。"
    assert found(speech) == []
    assert found("原告：赵六\n被告：北京华信商贸有限公司") == [("赵六", "", False)]  # a cover: name on its own line
    assert found("原告：赵六男，1962年3月18日出生") == [("赵六", "", False)]  # the comma missing in the source
    assert found("第三人：睿行信息科技（上海）有限公司，住所地上海市") == [("睿行信息科技(上海)有限公司", "", False)]
    assert found("原告：张晓明（曾用名张小明），男") == []


def test_anonymised_and_short_names_match_what_they_may_stand_for():
    assert same_party("张某", "张晓明") and same_party("张某某", "张晓明") and not same_party("张某", "王晓明")
    assert same_party("某某公司", "北京华信商贸有限公司") and same_party("华信公司", "北京华信商贸有限公司")
    assert not same_party("北京王建国科技有限公司", "王建国")
    assert found("原告：张某，男。被告：某某公司") == []
    assert found("原告：刘某，男。") == [("刘某", "", False)]


def test_short_texts_count_a_known_name_standing_alone():
    assert found("2024-05-01 王建国 庭审", short=True) == [("王建国", OTHER, True)]
    assert found("王建国庭审录音", short=True) == []  # not standing alone: could be anything
    assert party_mentions("第一次开庭_张晓明", ["张晓明"], short=True) == ["张晓明"]


def test_a_case_without_parties_only_flags_other_cases_parties():
    bare = CaseIdentity(OWN, [], IDENTITY.others)
    assert [f.found for f in foreign_parties("原告：赵六\n被告：王建国", bare)] == ["王建国"]


def _second_case(fx, name="王建国"):
    ctx = fx.clerk()
    try:
        data = sample_case(user_id(ctx, "judge"), user_id(ctx, "clerk"), number="(2024)京0105民初20001号")
        return CaseService(ctx).create_case(replace(data, parties=[Party("原告", name), Party("被告", "李秀英")]))
    finally:
        ctx.store.close()


def test_identity_reads_both_cases_and_the_question_names_both_values(fx, case_id, clerk):
    _second_case(fx)
    identity = case_identity(clerk, case_id)
    assert identity.parties == ["张晓明", "北京华信商贸有限公司"] and identity.others["王建国"] == [(OTHER, True)]
    with pytest.raises(ForeignCaseData) as caught:
        guard(clerk, case_id, [(messages.Message("what.dossier"), "原告：王建国，男")], allow_foreign=False)
    question = str(caught.value)
    assert "王建国" in question and OTHER in question and "张晓明" in question and "他案" in question
    assert caught.value.parties == ["王建国"]
    messages.set_language("en")
    assert "is not a party of this case" in str(caught.value) and OTHER in str(caught.value)
    assert guard(clerk, case_id, [(messages.Message("what.dossier"), "原告：王建国")], allow_foreign=True) == {
        "foreign_parties": ["王建国"]}


def test_judgment_docx_naming_another_case_party_asks_and_the_confirmed_import_is_audited(fx, case_id, judge, tmp_path):
    _second_case(fx)
    service = DraftingService(judge)
    draft = service.create_draft(case_id, "民事判决书_普通程序")
    out = tmp_path / "mixed.docx"
    document = docx.Document()
    document.add_paragraph(f"北京市朝阳区人民法院 民事判决书 {OWN}")
    document.add_paragraph("原告：王建国，男，汉族。")
    document.add_paragraph("被告：北京华信商贸有限公司。")
    document.save(str(out))
    with pytest.raises(ForeignCaseData) as caught:
        service.import_version(draft.id, out)
    assert caught.value.numbers == [] and caught.value.parties == ["王建国"]
    service.import_version(draft.id, out, allow_foreign=True)
    detail = judge.store.query("SELECT detail FROM audit_log WHERE action = 'draft.import'")[-1]["detail"]
    assert "王建国" in detail


def test_recording_tags_naming_another_case_are_asked_about(fx, case_id, clerk, tmp_path):
    _second_case(fx)
    service = TranscriptionService(clerk)
    tagged = tmp_path / "第一次开庭.flac"
    tagged.write_bytes(tagged_recording("flac", {"title": f"{OTHER} 第一次开庭", "comment": "原告：王建国"}))
    with pytest.raises(ForeignCaseData) as caught:
        service.add_recording(case_id, tagged)
    assert caught.value.numbers == [OTHER] and caught.value.parties == ["王建国"]
    assert "标签" in str(caught.value) and service.list_hearings(case_id) == []
    hearing = service.add_recording(case_id, tagged, allow_foreign=True)
    detail = clerk.store.query("SELECT detail FROM audit_log WHERE action = 'hearing.add'")[-1]["detail"]
    assert hearing and OTHER in detail and "王建国" in detail
    own = tmp_path / "own.mp3"
    own.write_bytes(tagged_recording("mp3", {"title": f"{OWN} 张晓明诉北京华信商贸有限公司", "artist": "书记员"}))
    assert service.add_recording(case_id, own)  # its own number and parties: no question
