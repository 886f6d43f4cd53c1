"""Taking over dossier-extracted case fields: one rule for the case form and the dossier tab
(app/services/case_fields.py), and a dossier import that keeps the split it computed."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.services import cataloguing
from app.services.case_fields import ORGANISATION_ENDINGS, decision, party_kind, take_over
from app.services.cases import CaseInput, Party

EXCERPT = Path(__file__).resolve().parents[2] / "data" / "cataloguing" / "dev02_excerpt.pdf"


def _case(**kw) -> CaseInput:
    return CaseInput(case_number="（2024）京0105民初1号", cause="", procedure="普通", filing_date=date(2024, 3, 5),
                     parties=[Party("原告", "张晓明")], **kw)


@pytest.mark.parametrize(("name", "kind"), [
    ("北京市朝阳区第一医院", "法人"),  # bug fixed: the dossier tab called this a 自然人
    ("北京华信商贸有限公司", "法人"), ("中国工商银行股份有限公司北京朝阳支行", "法人"),
    ("朝阳区实验学校", "法人"), ("某某律师事务所", "法人"), ("王医", "自然人"), ("张晓明", "自然人"),
])
def test_one_list_of_organisation_endings(name, kind):
    assert party_kind(name) == kind
    assert len(ORGANISATION_ENDINGS) == 10


def test_take_over_each_field():
    data = _case()
    assert take_over(data, "cause", "民间借贷纠纷").cause == "民间借贷纠纷"
    assert take_over(data, "filing_date", "2024-04-01").filing_date == date(2024, 4, 1)
    assert take_over(data, "claims", ["归还借款", "支付利息"]).claims == "1. 归还借款\n2. 支付利息"
    after = take_over(data, "defendants", ["北京市朝阳区第一医院", "李四", "李四"])
    assert [(p.role, p.name, p.kind) for p in after.parties] == [
        ("原告", "张晓明", "自然人"), ("被告", "北京市朝阳区第一医院", "法人"), ("被告", "李四", "自然人")]
    assert take_over(data, "plaintiffs", ["张晓明"]).parties == data.parties  # already there: kept as is
    assert data.parties == [Party("原告", "张晓明")]  # the input is not changed


def test_decision_after_saving():
    saved = _case(claims="1. 归还借款")
    assert decision("claims", ["归还借款"], saved) == ("accepted", None)
    assert decision("cause", "民间借贷纠纷", saved) == ("changed", "")
    assert decision("plaintiffs", ["张晓明"], saved) == ("accepted", None)
    assert decision("defendants", ["李四"], saved) == ("changed", [])


def test_dossier_tab_takes_a_hospital_over_as_an_organisation(clerk, case_id):
    clerk.cataloguing.import_files(case_id, [EXCERPT], allow_foreign=True)
    with clerk.store.write() as db:
        output = clerk.outputs.suggest(db, case_id, "case_field", "defendants", ["北京市朝阳区第一医院"], "卷宗第2页",
                                       "test")
    clerk.cataloguing.apply_case_field(output)
    parties = {p.name: p.kind for p in clerk.cases.get_case(case_id, audit=False).party_list}
    assert parties["北京市朝阳区第一医院"] == "法人"


def test_import_keeps_the_engines_split_and_the_overview_reads_documents_once(clerk, case_id, monkeypatch):
    def no_second_split(*args, **kwargs):
        raise AssertionError("the import split the pages a second time")

    monkeypatch.setattr(cataloguing, "split_documents", no_second_split)
    service = clerk.cataloguing
    report = service.import_files(case_id, [EXCERPT], allow_foreign=True)
    again = service.import_files(case_id, [EXCERPT], allow_foreign=True)  # appended after the first file's documents
    assert (report.documents, again.documents) == (3, 6)
    monkeypatch.undo()
    reads = []
    documents = service.documents
    monkeypatch.setattr(service, "documents", lambda cid: reads.append(cid) or documents(cid))
    view = service.overview(case_id)
    assert reads == [case_id]
    assert [(d.category, d.start_page, d.end_page) for d in view.documents] == [
        ("卷宗封面", 1, 1), ("起诉状", 2, 3), ("送达回证", 4, 4), ("卷宗封面", 5, 5), ("起诉状", 6, 7), ("送达回证", 8, 8)]
    assert [d.start_page for d in view.documents] == [d.start_page for d in service.rebuild_documents(case_id)]
    assert [(r.category, r.start_page) for r in view.toc] == [(r.category, r.start_page) for r in service.toc(case_id)]
    assert len(view.pages) == 8 and view.suggestions
