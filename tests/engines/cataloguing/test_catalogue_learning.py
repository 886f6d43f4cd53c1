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


def _spans(result):
    return [(d.category, d.start_page, d.end_page) for d in result.documents]


# One drag in one dossier: the law firm's letter belongs with the power of attorney before it.
LETTER_JOINS_POA = [Correction(category=None, heading="律师事务所函", starts_document=False, after_title="授权委托书",
                               page=5, by="书记员甲")]


def test_a_join_is_reused_where_the_same_pair_repeats(make_pdf):
    poa = [("授权委托书", 20, "center"), ("委托人 北京某某贸易有限公司 受托人 王律师", 12, "left")]
    letter = [("律师事务所函", 20, "center"), ("兹指派王律师担任被告的诉讼代理人", 12, "left")]
    pdf = make_pdf([poa, letter], "other_case.pdf")
    assert len(catalogue([pdf]).documents) == 2  # the rules: two documents
    joined = catalogue([pdf], corrections=LETTER_JOINS_POA)
    assert _spans(joined) == [("授权委托书", 1, 2)]


def test_a_join_does_not_merge_an_unrelated_document(make_pdf):
    complaint = [("民事起诉状", 20, "center"), ("原告 张三 被告 李四", 12, "left"), ("诉讼请求 判令被告归还借款", 12, "left")]
    poa = [("授权委托书", 20, "center"), ("委托人 北京某某贸易有限公司 受托人 王律师", 12, "left")]
    letter = [("律师事务所函", 20, "center"), ("兹指派王律师担任被告的诉讼代理人", 12, "left")]
    identity = [("法定代表人身份证明书", 20, "center"), ("兹证明 赵六 系本公司法定代表人", 12, "left")]
    # The same letter after another document, and another form after a power of attorney.
    pdf = make_pdf([complaint, letter, poa, identity], "unrelated.pdf")
    result = catalogue([pdf], corrections=LETTER_JOINS_POA)
    assert [d.start_page for d in result.documents] == [1, 2, 3, 4]
    # What a join learnt on its heading alone (old corrections) merged everywhere; not any more.
    old_style = [Correction(category=None, heading="律师事务所函", starts_document=False)]
    assert [d.start_page for d in catalogue([pdf], corrections=old_style).documents] == [1, 2, 3, 4]


def test_a_dragged_page_teaches_its_place_not_a_new_name_for_its_form(make_pdf):
    complaint = [("民事起诉状", 20, "center"), ("原告 张三 被告 李四", 12, "left"), ("诉讼请求 判令被告归还借款", 12, "left")]
    evidence = [("证据目录", 20, "center"), ("1. 借条一份 证明借款事实", 12, "left")]
    defence = [("民事答辩状", 20, "center"), ("答辩人 李四 对原告的诉讼请求不予认可", 12, "left")]
    # In one case the clerk dragged the 证据目录 into the complaint before it (it was its annex).
    drag = [Correction(category="起诉状", heading="证据目录", page_text="证据目录 1. 借条一份 证明借款事实",
                       after_title="民事起诉状"),
            Correction(category=None, heading="证据目录", starts_document=False, after_title="民事起诉状")]
    same = catalogue([make_pdf([complaint, evidence], "same.pdf")], corrections=drag)
    assert _spans(same) == [("起诉状", 1, 2)]
    assert same.pages[1].category == "起诉状" and same.pages[1].source == "learned"
    # After a 答辩状 the same list is evidence of its own, as the rules say.
    other = catalogue([make_pdf([defence, evidence], "other.pdf")], corrections=drag)
    assert _spans(other) == [("答辩状", 1, 1), ("证据材料", 2, 2)]
