"""Cataloguing service on a real encrypted store: import, labels, corrections, case fields, roles."""
from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from app.security.roles import PermissionDenied
from app.services import auth
from app.services.cataloguing import CataloguingService
from app.services.machine_outputs import MachineOutputService
from tests.helpers.stores import CLERK_PASSWORD, settings_for

EXCERPT = Path(__file__).resolve().parents[2] / "data" / "cataloguing" / "dev02_excerpt.pdf"


@pytest.fixture
def imported(clerk, case_id, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"not a pdf")
    service = CataloguingService(clerk)
    report = service.import_files(case_id, [EXCERPT, bad], allow_foreign=True)
    return service, report


def test_import_stores_encrypted_and_labels_pages(imported, clerk, case_id):
    service, report = imported
    assert report.pages == 4 and report.assisted
    assert report.errors == [{"file": "scan.pdf", "message": "不是 PDF 或图片文件"}]
    pages = service.pages(case_id)
    assert [p.category for p in pages] == ["卷宗封面", "起诉状", "起诉状", "送达回证"]
    assert all(p.state == "suggested" and p.reason for p in pages)
    assert [(d.category, d.start_page, d.end_page) for d in service.documents(case_id)] == [
        ("卷宗封面", 1, 1), ("起诉状", 2, 3), ("送达回证", 4, 4)]
    # The file is in the blob store encrypted: its bytes are not the PDF's.
    sha = clerk.store.query("SELECT blob_sha256 FROM dossier_files")[0]["blob_sha256"]
    assert b"%PDF" not in clerk.store.blobs.path_for(sha).read_bytes()[:64]
    data, index = service.page_pdf(case_id, 3)
    assert data.startswith(b"%PDF") and index == 2
    audit = clerk.store.query("SELECT action, detail FROM audit_log WHERE action = 'dossier.import'")
    assert audit and "scan.pdf" in audit[0]["detail"]


def test_correction_is_audited_and_teaches_next_import(imported, clerk, case_id):
    service, _ = imported
    service.set_category(case_id, [4], "其他材料")
    assert service.pages(case_id)[3].state == "changed"
    assert clerk.store.query("SELECT count(*) AS n FROM audit_log WHERE action = 'dossier.category'")[0]["n"] == 1
    # Importing the same kind of page again: the court's correction now decides it.
    service.import_files(case_id, [EXCERPT], allow_foreign=True)
    page8 = service.pages(case_id)[7]
    assert page8.category == "其他材料" and page8.source == "learned"


def test_boundary_correction_splits_document(imported, case_id):
    service, _ = imported
    service.set_boundary(case_id, 3, True)
    assert [(d.start_page, d.end_page) for d in service.documents(case_id)][:3] == [(1, 1), (2, 2), (3, 3)]


def test_accept_and_toc_export(imported, case_id, tmp_path):
    service, _ = imported
    service.accept_pages(case_id, [1, 2, 3])
    assert [p.state for p in service.pages(case_id)] == ["accepted"] * 3 + ["suggested"]
    out = service.export_toc_docx(case_id, tmp_path / "toc.docx")
    rows = [[c.text for c in r.cells] for r in docx.Document(str(out)).tables[0].rows]
    assert rows[1][:3] == ["1", "民事起诉状", "1-2"]
    pdf = service.export_ordered_pdf(case_id, tmp_path / "dossier.pdf")
    from pypdf import PdfReader
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == 4
    titles = [item.title for item in reader.outline]
    assert titles == ["卷宗封面", "1. 民事起诉状（1-2）", "2. 电子送达凭证（3）"]
    assert reader.get_destination_page_number(reader.outline[1]) == 1


def test_case_fields_are_suggestions_until_accepted(imported, fx, clerk, case_id):
    outputs = MachineOutputService(clerk).pending(case_id, "case_field")
    by_target = {o.target: o for o in outputs}
    assert by_target["cause"].value == "装饰装修合同纠纷" and "页" in by_target["cause"].reason
    assert by_target["cause"].reason.startswith("取自卷宗第 ")  # the page the value was taken from
    assert by_target["defendants"].value == ["长沙筑梦家装饰工程有限公司"]
    service, _ = imported
    service.apply_case_field(by_target["cause"].id)
    service.apply_case_field(by_target["defendants"].id)
    case = clerk.cases.get_case(case_id, audit=False)
    assert case.cause == "装饰装修合同纠纷"
    assert "长沙筑梦家装饰工程有限公司" in [p.name for p in case.party_list if p.role == "被告"]
    decided = clerk.store.query("SELECT state, decided_by FROM machine_outputs WHERE id = ?", (by_target["cause"].id,))[0]
    assert decided == {"state": "accepted", "decided_by": "clerk"}


def test_it_cannot_read_or_import(fx, case_id):
    ctx = fx.it()
    try:
        with pytest.raises(PermissionDenied):
            CataloguingService(ctx).import_files(case_id, [EXCERPT], allow_foreign=True)
        with pytest.raises(PermissionDenied):
            CataloguingService(ctx).pages(case_id)
    finally:
        ctx.store.close()


def test_assistant_off_imports_for_manual_labelling(fx, case_id, tmp_path):
    settings = settings_for(tmp_path, ASSISTCATALOGUING=False)
    ctx = auth.login(fx.data_dir, "clerk", CLERK_PASSWORD, settings)
    try:
        service = CataloguingService(ctx)
        report = service.import_files(case_id, [EXCERPT], allow_foreign=True)
        assert not report.assisted and report.pages == 4
        pages = service.pages(case_id)
        assert {p.category for p in pages} == {"其他材料"} and {p.state for p in pages} == {"manual"}
        assert MachineOutputService(ctx).pending(case_id, "case_field") == []
        service.set_category(case_id, [1], "卷宗封面")  # the work still gets done by hand
        assert service.pages(case_id)[0].category == "卷宗封面"
    finally:
        ctx.store.close()


def test_court_override_file_in_data_folder(fx, clerk, case_id):
    from engines.cataloguing.rules import DEFAULT_RULES
    data = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    for c in data["categories"]:
        if c["label"] == "送达回证":
            c["order"] = 3.5
    target = fx.data_dir / "catalogue" / "categories.json"
    target.parent.mkdir()
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    service = CataloguingService(clerk)
    assert service.categories().index("送达回证") == service.categories().index("起诉状") + 1
    service.import_files(case_id, [EXCERPT], allow_foreign=True)
    assert [r.category for r in service.toc(case_id) if r.seq] == ["起诉状", "送达回证"]


def _spans(service, case_id):
    return [(d.category, d.start_page, d.end_page) for d in service.documents(case_id)]


def test_a_blank_page_can_be_split_joined_moved_and_labelled(clerk, case_id, tmp_path):
    from tests.helpers.dossiers import excerpt_with_blank_page

    service = CataloguingService(clerk)
    service.import_files(case_id, [excerpt_with_blank_page(tmp_path / "blank.pdf")], allow_foreign=True)
    blank = service.pages(case_id)[3]
    assert blank.page == 4 and blank.category == "起诉状"  # an empty page continues the complaint
    assert clerk.store.query("SELECT text FROM dossier_pages WHERE page = 4")[0]["text"] == ""
    assert _spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 4), ("送达回证", 5, 5)]
    # "从此页起为新文书" on the blank page, then "并入上一文书" again.
    service.set_boundary(case_id, 4, True)
    assert [(s, e) for _, s, e in _spans(service, case_id)] == [(1, 1), (2, 3), (4, 4), (5, 5)]
    service.set_boundary(case_id, 4, False)
    assert [(s, e) for _, s, e in _spans(service, case_id)] == [(1, 1), (2, 4), (5, 5)]
    # Dragged into the next document, back, and to a document further away.
    assert service.move_pages(case_id, [4], 5) == [4]
    assert _spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 3), ("送达回证", 4, 5)]
    assert service.pages(case_id)[3].category == "送达回证" and service.pages(case_id)[3].state == "changed"
    assert service.move_pages(case_id, [4], 2) == [4]
    assert _spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 4), ("送达回证", 5, 5)]
    assert service.move_pages(case_id, [4], 1) == [2]
    assert _spans(service, case_id) == [("卷宗封面", 1, 2), ("起诉状", 3, 4), ("送达回证", 5, 5)]
    assert [p.file_page for p in service.pages(case_id)] == [1, 4, 2, 3, 5]
    # Its own category, and a split at it after the move: the pin moved with the page.
    service.set_category(case_id, [2], "其他材料")
    assert _spans(service, case_id) == [("卷宗封面", 1, 1), ("其他材料", 2, 2), ("起诉状", 3, 4), ("送达回证", 5, 5)]
    # Every decision is kept and audited like any other, though it teaches nothing elsewhere.
    kept = [c for c in service.corrections() if c.heading == ""]
    assert {c.starts_document for c in kept if c.category is None} >= {True, False}
    assert any(c.category == "其他材料" for c in kept)
    actions = [r["action"] for r in clerk.store.query("SELECT action FROM audit_log WHERE action LIKE 'dossier.%'")]
    assert actions.count("dossier.boundary") == 2 and actions.count("dossier.move") == 3
    assert actions.count("dossier.category") == 1
    # Rebuilding from what is stored gives the same documents (pins are on the page rows).
    assert [(d.start_page, d.end_page) for d in service.rebuild_documents(case_id)] == [(1, 1), (2, 2), (3, 4), (5, 5)]


def test_a_drag_teaches_other_cases_only_where_the_same_pair_repeats(fx, clerk, case_id, tmp_path):
    from pypdf import PdfReader, PdfWriter

    service = CataloguingService(clerk)
    service.import_files(case_id, [EXCERPT], allow_foreign=True)
    # In this case the 电子送达凭证 is dragged into the complaint before it.
    service.move_pages(case_id, [4], 2)
    assert _spans(service, case_id) == [("卷宗封面", 1, 1), ("起诉状", 2, 4)]
    lesson = [c for c in service.corrections() if c.starts_document is not None]
    assert [(c.heading, c.starts_document, c.after_title) for c in lesson] == [("电子送达凭证", False, "民事起诉状")]
    from tests.helpers.stores import create_sample_case

    other = create_sample_case(fx, number="(2024)京0105民初20001号")
    # The same form after the same document in another dossier: joined, and labelled with it.
    service.import_files(other, [EXCERPT], allow_foreign=True)
    assert _spans(service, other) == [("卷宗封面", 1, 1), ("起诉状", 2, 4)]
    assert service.pages(other)[3].source == "learned"
    # The same form after another document (the cover here) is not merged into it.
    reader, writer = PdfReader(str(EXCERPT)), PdfWriter()
    for index in (0, 3):
        writer.add_page(reader.pages[index])
    cover_receipt = tmp_path / "cover_receipt.pdf"
    with cover_receipt.open("wb") as fh:
        writer.write(fh)
    third = create_sample_case(fx, number="(2024)京0105民初20002号")
    service.import_files(third, [cover_receipt], allow_foreign=True)
    assert _spans(service, third) == [("卷宗封面", 1, 1), ("送达回证", 2, 2)]
