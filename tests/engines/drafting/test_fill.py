"""Template filling: every template fills, machine drafts are highlighted, typography holds."""
import json
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from engines.common import InputError
from engines.drafting.case_record import case_record_from_dict
from engines.drafting.fill import (
    DEFAULT_TEMPLATES_DIR,
    accept_machine_text,
    fill_template,
    list_templates,
    template_fields,
)
from engines.drafting.review import review_document

DATA = Path(__file__).resolve().parents[2] / "data" / "drafting"
EXPECTED_TEMPLATES = {"民事判决书_普通程序", "民事判决书_简易程序", "民事裁定书_准许撤诉", "民事裁定书_驳回起诉",
                      "民事调解书", "庭审笔录_首部", "受理案件通知书", "传票"}


@pytest.fixture()
def case():
    return case_record_from_dict(json.loads((DATA / "case_loan.json").read_text(encoding="utf-8")))


def texts(path):
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_all_document_types_are_there():
    assert {t["name"] for t in list_templates()} == EXPECTED_TEMPLATES


@pytest.mark.parametrize("name", sorted(EXPECTED_TEMPLATES))
def test_every_template_fills_completely(name, case, tmp_path):
    result = fill_template(name, case, tmp_path / "out.docx")
    body = "\n".join(texts(result.output))
    assert "{{" not in body and "}}" not in body
    assert case.case_number in body and case.court in body
    assert result.incomplete_fields == []


def test_judgment_draft_content_and_machine_marks(case, tmp_path):
    result = fill_template("民事判决书_简易程序", case, tmp_path / "j.docx")
    paras = texts(result.output)
    document = docx.Document(result.output)
    joined = "\n".join(paras)
    assert "依法适用简易程序，于2024年4月10日公开开庭进行了审理" in joined
    assert "被告赵志远经本院传票传唤，无正当理由拒不到庭参加诉讼" in joined
    assert "1.判令二被告共同偿还借款本金50000元；2.判令二被告支付逾期利息；3.本案诉讼费用由被告负担。" in joined
    assert "被告恒通公司辩称：借款属实" in joined
    assert "被告赵志远辩称" not in joined  # absent, no written defence
    assert "二〇二四年四月二十五日" in paras
    assert "案件受理费1050元，减半收取计525元，由被告恒通公司、赵志远负担。" in paras
    assert "《中华人民共和国民事诉讼法》第二百六十四条" in joined  # from the interest-article resource
    # Machine-drafted paragraphs are exactly the highlighted ones; the judge's parts are not drafted.
    highlighted = [i for i, p in enumerate(document.paragraphs) if any(r.font.highlight_color for r in p.runs)]
    assert highlighted == result.machine_paragraphs
    drafted = [paras[i] for i in highlighted]
    assert any(t.startswith("原告张晓明与被告") for t in drafted)
    assert any("当庭陈述" in t for t in drafted)
    assert not any(t.startswith("本院认为") for t in drafted)
    assert "本院认为，【由法官撰写】" in paras


def test_filled_judgment_passes_review(case, tmp_path):
    for name in ("民事判决书_普通程序", "民事判决书_简易程序"):
        result = fill_template(name, case, tmp_path / f"{name}.docx")
        assert review_document(result.output).findings == []


def test_capital_amount_and_dates_in_notice(case, tmp_path):
    result = fill_template("受理案件通知书", case, tmp_path / "n.docx")
    joined = "".join(texts(result.output))
    assert "预交案件受理费1050元（壹仟零伍拾元整）" in joined


def test_accepting_removes_the_machine_highlight(case, tmp_path):
    result = fill_template("民事判决书_普通程序", case, tmp_path / "j.docx")
    assert accept_machine_text(result.output, tmp_path / "accepted.docx") > 0
    accepted = docx.Document(str(tmp_path / "accepted.docx"))
    assert not any(r.font.highlight_color for p in accepted.paragraphs for r in p.runs)


def test_unknown_field_is_reported_clearly(case, tmp_path):
    template = docx.Document()
    template.add_paragraph("{{court}}")
    template.add_paragraph("当事人：{{party_names}}，{{judge_signature}}")
    template.save(str(tmp_path / "custom.docx"))
    with pytest.raises(InputError) as info:
        fill_template(tmp_path / "custom.docx", case, tmp_path / "out.docx")
    assert "{{party_names}}" in str(info.value) and "{{judge_signature}}" in str(info.value)
    assert "custom" in str(info.value)


def test_court_added_template_with_split_runs_and_extra_fields(case, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    template = docx.Document()
    para = template.add_paragraph()
    for piece in ("案号：{{case", "_number}}，", "标的{{claim_amount}}元（{{claim_amount_capital}}）{{extra.note}}"):
        para.add_run(piece)
    template.save(str(folder / "自定义通知.docx"))
    case.extra["note"] = "特此通知"
    assert [t["name"] for t in list_templates(folder)] == ["自定义通知"]
    result = fill_template("自定义通知", case, tmp_path / "o.docx", templates_dir=folder)
    assert texts(result.output) == ["案号：（2024）浙0106民初1234号，标的50000元（伍万元整）特此通知"]


def test_missing_template_lists_the_available_ones(case, tmp_path):
    with pytest.raises(InputError, match="民事判决书_普通程序"):
        fill_template("不存在的模板", case, tmp_path / "o.docx")


def test_incomplete_record_marks_fields_to_complete(case, tmp_path):
    case.fee = None
    case.clerk = ""
    result = fill_template("民事判决书_普通程序", case, tmp_path / "o.docx")
    assert {"fee_paragraph", "clerk_line"} <= set(result.incomplete_fields)


@pytest.mark.parametrize("bad, message", [
    ({"court": "某法院", "cause": "x"}, "case_number"),
    ({"court": "某法院", "case_number": "（2024）浙0106民初1号", "cause": "x", "filing_date": "2024/3/5"}, "filing_date"),
    ({"court": "某法院", "case_number": "（2024）浙0106民初1号", "cause": "x", "fee": "一千"}, "fee"),
])
def test_bad_case_records(bad, message):
    with pytest.raises(InputError, match=message):
        case_record_from_dict(bad)


def test_template_typography_east_asian_fonts_and_page():
    templates = sorted(DEFAULT_TEMPLATES_DIR.glob("*.docx"))
    assert len(templates) >= 2, f"no bundled templates found in {DEFAULT_TEMPLATES_DIR}"
    for path in templates:
        document = docx.Document(str(path))
        section = document.sections[0]
        assert abs(section.page_width.mm - 210) < 1 and abs(section.page_height.mm - 297) < 1
        for p in document.paragraphs:
            for r in p.runs:
                if r.text:
                    fonts = r._element.rPr.rFonts
                    assert fonts.get(qn("w:eastAsia")) in ("宋体", "仿宋"), (path.name, r.text)
        styles = {p.style.name: p for p in document.paragraphs}
        court = styles["法院名称"].runs[0]
        title = styles["文书名称"].runs[0]
        assert court.font.size.pt == 22 and title.font.size.pt == 26 and title.font.bold
        assert court._element.rPr.rFonts.get(qn("w:eastAsia")) == "宋体"


def test_committed_templates_match_the_build_script(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_templates", DEFAULT_TEMPLATES_DIR / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for built in module.main(tmp_path):
        committed = DEFAULT_TEMPLATES_DIR / built.name
        a, b = docx.Document(str(built)), docx.Document(str(committed))
        assert [(p.style.name, p.text) for p in a.paragraphs] == [(p.style.name, p.text) for p in b.paragraphs]
        assert template_fields(a) == template_fields(b)


def test_money_fields_keep_cents(case, tmp_path):
    case.fee = Decimal("1931.51")
    result = fill_template("受理案件通知书", case, tmp_path / "n.docx")
    assert "1931.51元（壹仟玖佰叁拾壹元伍角壹分）" in "".join(texts(result.output))
