"""End to end: a generated dossier is labelled, split, ordered and its case read."""
from __future__ import annotations

import json

import pytest

from engines.cataloguing import catalogue, load_rules
from engines.common import CancelToken, Cancelled, to_jsonable


@pytest.fixture(scope="module")
def result(digital_dossier):
    path, _ = digital_dossier
    return catalogue([path])


def test_every_page_labelled_like_the_reference(result, digital_dossier):
    _, ref = digital_dossier
    got = [p.category for p in result.pages]
    want = [p["category"] for p in ref["pages"]]
    assert got == want
    labels = set(load_rules().labels)
    assert all(p.category in labels for p in result.pages)
    assert all(p.reason and 0.0 <= p.confidence <= 1.0 for p in result.pages)


def test_documents_match_reference_boundaries(result, digital_dossier):
    _, ref = digital_dossier
    got = [(d.category, d.start_page, d.end_page) for d in result.documents]
    want = [(d["category"], d["start_page"], d["end_page"]) for d in ref["documents"]]
    assert got == want
    # Consecutive documents of one category stay separate (e.g. one 送达回证 per party).
    receipts = [d for d in result.documents if d.category == "送达回证"]
    assert len(receipts) == sum(1 for d in ref["documents"] if d["category"] == "送达回证") >= 2


def test_case_fields_extracted_with_sources(result, digital_dossier):
    _, ref = digital_dossier
    case = result.case
    assert case.case_number == ref["case"]["case_number"]
    assert case.cause == ref["case"]["cause"]
    assert sorted(case.plaintiffs) == sorted(ref["case"]["plaintiffs"])
    assert sorted(case.defendants) == sorted(ref["case"]["defendants"])
    assert case.filing_date == ref["case"]["filing_date"]
    assert case.claims and any("元" in c for c in case.claims)
    assert case.fields["case_number"].pages and 0 < case.fields["case_number"].confidence <= 1


def test_json_shape_matches_design(result):
    data = json.loads(json.dumps(to_jsonable(result), ensure_ascii=False))
    assert set(data) >= {"pages", "documents", "case"}
    assert set(data["pages"][0]) >= {"page", "file", "category", "confidence", "reason"}
    assert set(data["documents"][0]) >= {"category", "title", "start_page", "end_page"}
    assert set(data["case"]) >= {"case_number", "cause", "plaintiffs", "defendants", "filing_date", "claims"}
    assert [p["page"] for p in data["pages"]] == list(range(1, len(data["pages"]) + 1))


def test_toc_in_standard_order_with_unnumbered_cover(result):
    rules = load_rules()
    numbered = [r for r in result.toc if r.seq is not None]
    orders = [rules.order_of(r.category) for r in numbered if r.category != rules.other_label]
    assert orders == sorted(orders)
    assert [r.seq for r in numbered] == list(range(1, len(numbered) + 1))
    # Archive numbers run on without gaps and skip cover, 卷内目录 and 备考表.
    assert numbered[0].start_number == 1
    for a, b in zip(numbered, numbered[1:]):
        assert b.start_number == a.end_number + 1
    unnumbered = {r.category for r in result.toc if r.seq is None}
    assert unnumbered == {"卷宗封面", "卷内目录", "备考表"}
    total = sum(1 for p in result.pages if p.category not in unnumbered)
    assert numbered[-1].end_number == total


def test_pages_numbered_across_files_in_given_order(digital_dossier, scanned_pdf):
    path, ref = digital_dossier
    res = catalogue([scanned_pdf, path])
    assert [p.page for p in res.pages] == list(range(1, len(ref["pages"]) + 3))
    assert res.pages[0].file == "mixed.pdf" and res.pages[2].file == "digital.pdf"
    assert res.pages[2].file_page == 1 and res.pages[2].category == "卷宗封面"
    # A new file starts a new document.
    assert any(d.start_page == 3 for d in res.documents)


def test_progress_and_cancel(digital_dossier):
    path, _ = digital_dossier
    seen = []
    catalogue([path], progress=lambda f, m="": seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)
    token = CancelToken()

    def cancel_at_third(fraction, message=""):
        if fraction > 0.1:
            token.cancel()

    with pytest.raises(Cancelled):
        catalogue([path], progress=cancel_at_third, cancel=token)


def test_progress_texts_in_the_ui_language(digital_dossier):
    """Chinese stays the engine's own text; the English UI reads the catalogue's English."""
    from app import messages

    path, ref = digital_dossier
    first = ref["pages"][0]["category"]
    total = len(ref["pages"])
    chinese, english = [], []
    catalogue([path], progress=lambda f, m="": chinese.append(m))
    messages.set_language("en")
    messages.set_term_translator(lambda word: "FIRST" if word == first else word)  # the GUI glossary
    catalogue([path], progress=lambda f, m="": english.append(m))
    assert chinese[0] == f"共 {total} 页" and english[0] == f"{total} pages"
    assert chinese[-1] == "归目完成" and english[-1] == "Cataloguing finished"
    assert f"第 1/{total} 页：{first}" in chinese
    assert f"Page 1/{total}: FIRST" in english
