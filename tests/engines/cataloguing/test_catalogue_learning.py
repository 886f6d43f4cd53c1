"""Corrections are stored and change the next result."""
from __future__ import annotations

from engines.cataloguing import Correction, catalogue, load_corrections, save_corrections


def test_category_correction_changes_next_result(make_pdf, tmp_path):
    # A court-specific form the built-in words do not know: "结案登记表".
    page = [("结案登记表", 22, "center"), ("承办人 刘洋 结案日期 2024年9月1日", 12, "left"),
            ("审批意见 同意结案", 12, "left")]
    pdf = make_pdf([page], "form.pdf")
    first = catalogue([pdf])
    target = "备考表" if first.pages[0].category != "备考表" else "卷宗封面"
    store = tmp_path / "corrections.json"
    save_corrections(store, [Correction(category=target, heading=first.pages[0].title,
                                        page_text="结案登记表 承办人 结案日期 审批意见", file="form.pdf", page=1, by="书记员甲")])
    loaded = load_corrections(store)
    assert loaded[0].by == "书记员甲" and loaded[0].at
    second = catalogue([pdf], corrections=loaded)
    assert second.pages[0].category == target
    assert second.pages[0].source == "learned" and "学得" in second.pages[0].reason
    # The same form in another dossier is recognised too (a different person, a different date).
    other = make_pdf([[("结 案 登 记 表", 20, "center"), ("承办人 陈静", 12, "left")]], "other.pdf")
    assert catalogue([other], corrections=loaded).pages[0].category == target


def test_boundary_correction_changes_split(make_pdf):
    pages = [[("庭审笔录", 20, "center"), ("审判员：现在开庭。", 12, "left")],
             [("续页", 16, "center"), ("审判员：现在休庭。", 12, "left")]]
    pdf = make_pdf(pages, "record.pdf")
    before = catalogue([pdf])
    assert [p.category for p in before.pages] == ["庭审笔录", "庭审笔录"]
    assert len(before.documents) == 1
    fix = [Correction(category=None, heading="续页", starts_document=True)]
    after = catalogue([pdf], corrections=fix)
    assert [(d.start_page, d.end_page) for d in after.documents] == [(1, 1), (2, 2)]


def test_model_learns_from_page_text(make_pdf):
    text_page = [("西安市某区人民法院", 14, "center"), ("听证事项 财产保全 听证参加人 到场", 12, "left")]
    pdf = make_pdf([text_page], "hearing.pdf")
    corr = [Correction(category="询问笔录", page_text="听证事项 财产保全 听证参加人 到场 听证 听证笔录" * 3)]
    assert catalogue([pdf], corrections=corr).pages[0].category == "询问笔录"
