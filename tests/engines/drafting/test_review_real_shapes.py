"""Review rules on the shapes real published judgments take (own sentences, invented names).

Each rule is tested with a true defect and with the tolerated forms that real judgments use.
"""
from engines.drafting.review import review_paragraphs
from engines.drafting.review.document import parse_document
from engines.drafting.review.segment import split_paragraphs

BASE = [
    "江苏省南京市玄武区人民法院",
    "民 事 判 决 书",
    "（2019）苏0102民初1234号",
    "原告：陈立华，男，1975年3月4日出生，汉族，住南京市玄武区。",
    "委托诉讼代理人：周敏，江苏明理律师事务所律师。",
    "被告：南京宏达建材有限公司，住所地南京市鼓楼区。",
    "法定代表人：吴国庆，该公司经理。",
    "原告陈立华与被告南京宏达建材有限公司（以下简称宏达公司）买卖合同纠纷一案，本院于2019年3月5日立案后，"
    "依法适用简易程序，于2019年4月10日公开开庭进行了审理。原告陈立华、被告宏达公司的法定代表人吴国庆到庭参加诉讼。"
    "本案现已审理终结。",
    "陈立华向本院提出诉讼请求：1.宏达公司支付货款30000元；2.本案诉讼费用由宏达公司负担。事实和理由：略。",
    "宏达公司辩称，货款数额无异议，但资金紧张，请求分期支付。",
    "经审理查明：2018年6月1日，双方签订《供货合同》，约定货款30000元。",
    "本院认为，双方的买卖合同合法有效，宏达公司应当支付货款。",
    "依照《中华人民共和国合同法》第六十条、第一百五十九条，《中华人民共和国民事诉讼法》第六十四条之规定，判决如下：",
    "被告南京宏达建材有限公司于本判决生效之日起十日内支付原告陈立华货款30000元。",
    "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百五十三条之规定，"
    "加倍支付迟延履行期间的债务利息。",
    "案件受理费550元，减半收取计275元，由被告宏达公司负担。",
    "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，"
    "上诉于江苏省南京市中级人民法院。",
    "审判员\u3000\u3000孙\u3000华",
    "二〇一九年四月二十日",
    "书记员\u3000\u3000王\u3000丽",
]


def errors(paragraphs, record=None):
    return {f.rule for f in review_paragraphs(paragraphs, record).findings if f.severity == "error"}


def findings(paragraphs, record=None):
    return review_paragraphs(paragraphs, record).findings


def edited(index, old, new, base=BASE):
    out = list(base)
    assert old in out[index], (index, old)
    out[index] = out[index].replace(old, new)
    return out


def test_the_base_judgment_has_no_error():
    assert errors(BASE) == set()


# -- fused paragraphs -------------------------------------------------------------------------

def test_a_whole_judgment_on_one_line_is_split_back_and_reads_the_same():
    fused = "".join(BASE)
    split, origin = split_paragraphs([fused])
    assert split[:3] == ["江苏省南京市玄武区人民法院", "民 事 判 决 书", "（2019）苏0102民初1234号"]
    assert set(origin) == {0}
    doc = parse_document(split)
    assert [p.name for p in doc.parties] == ["陈立华", "南京宏达建材有限公司"]
    assert doc.decision_paragraph is not None and len(doc.operative_items) == 1
    assert doc.appeal_paragraph is not None and doc.date_paragraph is not None and doc.clerk_paragraph is not None
    assert errors([fused]) == set()
    # A defect in the fused line is found and reported at line 0.
    wrong = fused.replace("第二百五十三条", "第二百九十条")
    found = [f for f in findings([wrong]) if f.rule == "citation_article_missing"]
    assert found and found[0].paragraph == 0 and "第二百九十条" in found[0].text


def test_paragraphs_separated_by_single_spaces_are_split_and_letter_spaced_names_kept():
    spaced = " ".join(BASE).replace("书记员\u3000\u3000王\u3000丽", "书 记 员 王 丽")
    split, _ = split_paragraphs([spaced])
    assert "书记员\u3000王\u3000丽" in split or "书记员\u3000王丽" in split
    assert errors([spaced]) == set()


def test_case_number_glued_to_the_first_party_line_and_decision_run_into_item_one():
    lines = BASE[:2] + [BASE[2] + BASE[3]] + BASE[4:12] + [BASE[12] + BASE[13]] + BASE[14:]
    split, origin = split_paragraphs(lines)
    assert "（2019）苏0102民初1234号" in split
    assert any(s.endswith("判决如下：") for s in split)
    assert errors(lines) == set()


# -- party lines --------------------------------------------------------------------------------

def test_party_lines_without_colon_counterclaim_roles_and_agent_labels():
    lines = edited(3, "原告：陈立华", "原告（反诉被告）陈立华")
    lines = edited(5, "被告：南京宏达建材有限公司", "被告（反诉原告）南京宏达建材有限公司", lines)
    lines = edited(6, "法定代表人：吴国庆", "法定代表人吴国庆", lines)
    lines.insert(5, "公民身份号码：×××。")
    lines.insert(7, "二被告共同委托诉讼代理人：郑一鸣，江苏明理律师事务所律师。")
    lines.insert(8, "经营者：何小平，男，1980年1月1日出生。")
    doc = parse_document(split_paragraphs(lines)[0])
    assert [(p.role, p.name) for p in doc.parties] == [("原告", "陈立华"), ("被告", "南京宏达建材有限公司")]
    assert {name for _, name, _ in doc.representatives} >= {"周敏", "吴国庆", "郑一鸣", "何小平"}
    assert "party_not_in_case" not in errors(lines)


def test_short_name_with_colon_or_quotes_is_an_abbreviation():
    for form in ("（以下简称：宏达公司）", "（以下简称“宏达公司”）"):
        lines = edited(7, "（以下简称宏达公司）", form)
        doc = parse_document(lines)
        assert "宏达公司" in doc.parties[1].abbreviations
        assert errors(lines) == set()


def test_procedure_lists_a_party_spelt_differently_from_the_party_block():
    lines = edited(7, "原告陈立华与被告", "原告陈华立与被告")
    assert "party_name_variant" in errors(lines)


# -- 案号 ------------------------------------------------------------------------------------------

def test_old_style_case_numbers_before_2016_are_accepted_after_2016_not():
    old = [x.replace("2019", "2015") for x in BASE]
    old[2] = "（2015）玄民初字第01826号"
    assert not {"case_number_format", "case_number_year"} & errors(old)
    assert "case_number_format" in errors(edited(2, "（2019）苏0102民初1234号", "（2019）玄民初字第1234号"))


def test_case_number_codes_against_the_court():
    assert "case_number_format" in errors(edited(2, "苏0102", "浙0102"))  # another province
    assert "case_number_format" in errors(edited(2, "民初", "民终"))  # a basic court has no appeals
    assert "case_number_format" in errors(edited(2, "苏0102", "苏01"))  # an intermediate court's code
    assert "case_number_year" in errors(edited(2, "（2019）", "（2018）"))
    inner = edited(0, "江苏省南京市玄武区人民法院", "内蒙古自治区呼和浩特市新城区人民法院")
    inner = edited(2, "苏0102", "内0102", inner)
    inner = edited(16, "江苏省南京市中级人民法院", "内蒙古自治区呼和浩特市中级人民法院", inner)
    assert not {"case_number_format"} & errors(inner)


def test_this_cases_number_written_differently_in_the_body_but_not_another_case():
    own = edited(7, "本案现已审理终结。", "审理中，本院作出（2019）苏0102民初1235号民事裁定，准予财产保全。本案现已审理终结。")
    assert "case_number_consistency" in errors(own)
    other = edited(7, "本案现已审理终结。", "本院在（2019）苏0102民初1200号案件中已作处理。本案现已审理终结。")
    assert "case_number_consistency" not in errors(other)


# -- statutes -------------------------------------------------------------------------------------

def test_an_article_the_law_never_had_is_an_error_per_version_in_force():
    assert "citation_article_missing" in errors(edited(12, "第一百五十九条", "第四百五十条"))  # 合同法: 428
    assert "citation_article_missing" in errors(edited(12, "第六十四条之规定", "第二百九十条之规定"))  # 2017 version: 284
    later = [x.replace("二〇一九年四月二十日", "二〇二二年四月二十日") for x in BASE]
    later = edited(12, "第六十四条之规定", "第二百九十条之规定", later)  # 2021 version: 291
    assert "citation_article_missing" not in errors(later)


def test_a_law_cited_before_it_took_effect():
    assert "citation_not_in_force" in errors(edited(12, "《中华人民共和国合同法》第六十条", "《中华人民共和国民法典》第五百零九条"))


def test_interpretation_number_must_match_its_title():
    good = edited(12, "之规定，判决如下：", "，《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（法释〔2012〕8号）第一条之规定，判决如下：")
    assert "citation_interpretation" not in errors(good)
    bad = edited(12, "之规定，判决如下：", "，《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》（法释〔2015〕18号）第一条之规定，判决如下：")
    assert "citation_interpretation" in errors(bad)


def test_article_reference_without_tiao():
    assert "citation_form" in errors(edited(12, "第六十四条之规定", "第六十四第一款之规定"))
    assert "citation_form" not in errors(edited(12, "第六十四条之规定", "第六十四条第一款之规定"))


def test_appended_law_text_is_not_a_citation():
    lines = BASE + ["附：相关法律条文", "《中华人民共和国合同法》", "第四百九十条 本条仅为示例文字。"]
    assert "citation_article_missing" not in errors(lines)


def test_short_title_in_a_partys_statement_is_only_a_warning():
    lines = edited(9, "请求分期支付。", "依据《合同法》的规定应当分期支付。")
    assert "citation_form" not in errors(lines)
    assert any(f.rule == "citation_form" and f.severity == "warning" for f in findings(lines))
    assert "citation_form" in errors(edited(11, "应当支付货款。", "依照《合同法》应当支付货款。"))


# -- the new defect kinds -------------------------------------------------------------------------

def test_written_formula_that_does_not_compute():
    assert "formula" in errors(edited(10, "约定货款30000元。", "约定货款30000元。运费按50元/天×12天=650元计算。"))
    assert "formula" not in errors(edited(10, "约定货款30000元。", "约定货款30000元。运费按50元/天×12天=600元计算。"))
    assert "formula" not in errors(edited(10, "约定货款30000元。", "约定货款30000元。残疾赔偿金33020元×20年×10%/3=22013元。"))


def test_party_called_by_the_wrong_role():
    assert "party_role" in errors(edited(11, "宏达公司应当支付货款。", "被告陈立华应当支付货款。"))
    counter = edited(3, "原告：陈立华", "原告（反诉被告）：陈立华")
    assert "party_role" not in errors(edited(11, "宏达公司应当支付货款。", "宏达公司应当支付货款，反诉被告陈立华亦应协助。", counter))


def test_anonymisation_applied_in_one_place_and_not_another():
    masked = [x.replace("陈立华", "陈某") for x in BASE]
    assert errors(masked) == set()
    assert "anonymisation" in errors(edited(11, "宏达公司应当支付货款。", "宏达公司应当向原告陈立新支付货款。", masked))
    assert "anonymisation" in errors(edited(11, "宏达公司应当支付货款。", "宏达公司应当向原告陈某支付货款。"))


def test_money_judgment_without_late_performance_notice():
    lines = BASE[:14] + BASE[15:]
    assert "interest_notice_missing" in errors(lines)
    for wording in ("延期履行", "延迟履行"):
        assert "interest_notice_missing" not in errors(edited(14, "迟延履行期间", wording + "期间"))
    no_money = edited(13, "支付原告陈立华货款30000元", "无需向原告陈立华支付货款30000元", lines)
    assert "interest_notice_missing" not in errors(no_money)


def test_partial_award_without_dismissing_the_rest():
    partial = edited(13, "货款30000元", "货款20000元")
    partial = edited(11, "宏达公司应当支付货款。", "宏达公司应当支付货款，原告主张的其余部分本院不予支持。", partial)
    assert "dismissal_missing" in errors(partial)
    amount_only = edited(13, "货款30000元", "货款20000元")
    assert "dismissal_missing" in errors(amount_only)
    dismissed = partial[:14] + ["二、驳回原告陈立华的其他诉讼请求。"] + partial[14:]
    dismissed[13] = "一、" + dismissed[13]
    assert "dismissal_missing" not in errors(dismissed)
    changed = edited(8, "事实和理由：略。", "庭审中，原告变更诉讼请求为支付货款20000元。事实和理由：略。", amount_only)
    assert "dismissal_missing" not in errors(changed)


def test_amounts_inside_calculations_are_not_listed_items():
    line = "原告的损失为：医疗费1000元；护理费1200元（30天×40元/天）；交通费300元，合计2500元。"
    assert "amount_sum_mismatch" not in errors(edited(10, "约定货款30000元。", "约定货款30000元。" + line))
    wrong = line.replace("合计2500元", "合计2600元")
    assert "amount_sum_mismatch" in errors(edited(10, "约定货款30000元。", "约定货款30000元。" + wrong))


def test_fee_shares_with_a_counterclaim_fee_and_wrong_shares():
    ok = edited(15, "案件受理费550元，减半收取计275元，由被告宏达公司负担。",
                "案件受理费550元，减半收取计275元，反诉费100元，由原告陈立华负担75元，被告宏达公司负担300元。")
    assert "fee_inconsistent" not in errors(ok)
    bad = edited(15, "案件受理费550元，减半收取计275元，由被告宏达公司负担。",
                 "案件受理费550元，减半收取计275元，由原告陈立华负担75元，被告宏达公司负担300元。")
    assert "fee_inconsistent" in errors(bad)


def test_impossible_date_quoted_from_a_contract_term_is_a_warning():
    quoted = edited(10, "约定货款30000元。", "约定货款30000元，租期自2018年3月1日起至2019年2月30日止。")
    assert "date_invalid" not in errors(quoted)
    assert "date_invalid" in errors(edited(10, "2018年6月1日", "2018年6月31日"))


def test_signature_date_with_a_letter_o_for_zero():
    assert errors(edited(18, "二〇一九年", "二Ｏ一九年")) == set()
    assert errors(edited(18, "二〇一九年", "二○一九年")) == set()


def test_document_kinds_rules_for_first_instance_judgments_only():
    ruling = edited(1, "民 事 判 决 书", "民 事 裁 定 书")
    ruling = ruling[:13] + ["本案按原告撤诉处理。"] + ruling[15:16] + ruling[17:]
    ruling[12] = ruling[12].replace("判决如下", "裁定如下")
    assert "missing_part" not in errors(ruling)
    assert "interest_notice_missing" not in errors(ruling)
    appeal = BASE[:16] + BASE[17:]
    assert "missing_part" in errors(appeal)


# -- the draft against its case ---------------------------------------------------------------

def test_draft_against_the_case_record_names_both_values():
    from engines.drafting.review import CaseFacts

    record = CaseFacts(case_number="（2019）苏0102民初1234号", parties=["陈立华", "南京宏达建材有限公司"],
                       claims=["宏达公司支付货款30000元", "本案诉讼费用由宏达公司负担"],
                       party_roles={"陈立华": "原告", "南京宏达建材有限公司": "被告"})
    assert errors(BASE, record) == set()
    other = CaseFacts(parties=["陈立华", "南京远航物流有限公司"], claims=["支付运费45000元"])
    found = [f for f in findings(BASE, other) if f.severity == "error"]
    messages = " ".join(f.message for f in found)
    assert "南京远航物流有限公司" in messages and "南京宏达建材有限公司" in messages
    assert "45000" in messages and "30000" in messages
    swapped = CaseFacts(parties=["陈立华", "南京宏达建材有限公司"], party_roles={"陈立华": "被告"})
    assert any("被告" in f.message for f in findings(BASE, swapped) if f.rule == "party_record")


def test_a_defence_in_the_plaintiffs_mouth():
    assert "statement_speaker" in errors(edited(9, "宏达公司辩称", "陈立华辩称"))
    assert "statement_speaker" in errors(edited(9, "宏达公司辩称", "南京远航物流有限公司辩称"))
    assert "statement_speaker" not in errors(edited(9, "宏达公司辩称", "被告辩称"))


def test_a_loose_short_form_of_a_party_may_make_a_statement():
    lines = edited(5, "被告：南京宏达建材有限公司", "被告：中国平安财产保险股份有限公司南京分公司")
    lines = [x.replace("南京宏达建材有限公司", "中国平安财产保险股份有限公司南京分公司") for x in lines]
    assert "statement_speaker" not in errors(edited(9, "宏达公司辩称", "平安保险公司辩称", lines))


def test_fee_above_the_schedule_when_interest_is_claimed_without_a_sum():
    interest = edited(8, "宏达公司支付货款30000元；", "宏达公司支付货款30000元及利息；")
    higher = edited(15, "案件受理费550元，减半收取计275元", "案件受理费600元，减半收取计300元", interest)
    assert not [f for f in findings(higher) if f.rule == "fee_schedule"]
    plain = edited(15, "案件受理费550元，减半收取计275元", "案件受理费600元，减半收取计300元")
    assert [f for f in findings(plain) if f.rule == "fee_schedule"]


def test_appeal_court_in_another_province_by_the_prefecture_table():
    assert "appeal_court" in errors(edited(16, "江苏省南京市中级人民法院", "江苏省杭州市中级人民法院"))
    county = edited(0, "江苏省南京市玄武区人民法院", "江苏省高淳县人民法院")
    assert "appeal_court" in errors(edited(16, "江苏省南京市中级人民法院", "江苏省长沙市中级人民法院", county))
    assert "appeal_court" not in errors(edited(16, "江苏省南京市中级人民法院", "江苏省扬州市中级人民法院", county))
    no_province = edited(0, "江苏省南京市玄武区人民法院", "南京市玄武区人民法院")
    assert "appeal_court" in errors(edited(16, "江苏省南京市中级人民法院", "浙江省杭州市中级人民法院", no_province))


def test_party_block_name_differs_from_the_body_everywhere():
    lines = edited(5, "南京宏达建材有限公司", "南京宏远建材有限公司")
    lines = edited(7, "（以下简称宏达公司）", "", lines)
    found = [f for f in findings(lines) if f.rule == "party_name_variant" and f.severity == "error"]
    assert found and found[0].paragraph == 5 and "南京宏达建材有限公司" in found[0].message
    assert errors(edited(7, "（以下简称宏达公司）", "")) == set()


def test_guards_against_other_proceedings_and_unit_conversions():
    months = edited(10, "约定货款30000元。", "约定货款30000元。误工费按100元/天×3个月=9000元计算。")
    assert "formula" not in errors(months)
    other = edited(11, "宏达公司应当支付货款。", "在本院另案中被告陈立华已履行完毕，宏达公司应当支付货款。")
    assert "party_role" not in errors(other)
    witness = BASE[:10] + ["证人刘大海述称，其见过双方交货。"] + BASE[10:]
    assert "statement_speaker" not in errors(witness)


def test_item_reference_without_xiang():
    assert "citation_form" in errors(edited(12, "第六十四条之规定", "第六十四条第一款第（二）之规定"))
    for ok in ("第六十四条第一款第（二）项之规定", "第六十四条第一款第二、三项之规定"):
        assert "citation_form" not in errors(edited(12, "第六十四条之规定", ok))
