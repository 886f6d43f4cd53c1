"""Targeted review rules: what is and what is not a defect (from the domain notes)."""
import json
import shutil

import pytest

from engines.common import CancelToken, Cancelled, InputError
from engines.drafting.review import CaseFacts, review_document, review_paragraphs
from engines.drafting.review.check_appeal import parse_court
from engines.drafting.review.resources import DEFAULT_RULES_DIR, load_rules

BASE = [
    "北京市朝阳区人民法院",
    "民事判决书",
    "（2024）京0105民初12345号",
    "原告：张晓明，男，1980年1月2日出生，汉族，住北京市朝阳区建国路1号。",
    "委托诉讼代理人：李红梅，北京正衡律师事务所律师。",
    "被告：北京华信商贸有限公司，住所地北京市朝阳区光华路2号。",
    "法定代表人：王建国，总经理。",
    "原告张晓明与被告北京华信商贸有限公司（以下简称华信公司）买卖合同纠纷一案，本院于2024年3月5日立案后，"
    "依法适用简易程序，于2024年4月10日公开开庭进行了审理。原告张晓明及其委托诉讼代理人李红梅到庭参加诉讼，"
    "被告华信公司经本院传票传唤无正当理由拒不到庭。本案现已审理终结。",
    "原告张晓明向本院提出诉讼请求：1.被告华信公司支付货款50,000元；2.本案诉讼费用由被告负担。事实和理由：略。",
    "经审理，本院认定事实如下：2022年5月1日，双方签订《供货合同》，约定货款人民币伍万元整（50,000元）。",
    "本院认为，双方的买卖合同合法有效，被告应当支付货款。",
    "依照《中华人民共和国民法典》第六百二十六条，《中华人民共和国民事诉讼法》第六十七条、第一百四十七条之规定，判决如下：",
    "被告北京华信商贸有限公司于本判决生效之日起十日内支付原告张晓明货款50,000元。",
    "如果未按本判决指定的期间履行给付金钱义务，应当依照《中华人民共和国民事诉讼法》第二百六十四条之规定，加倍支付迟延履行期间的债务利息。",
    "案件受理费1,050元，减半收取计525元，由被告华信公司负担。",
    "如不服本判决，可以在判决书送达之日起十五日内，向本院递交上诉状，并按对方当事人的人数提出副本，上诉于北京市第三中级人民法院。",
    "审判员\u3000赵志远",
    "二〇二四年四月二十日",
    "本件与原本核对无异",
    "书记员\u3000钱丽",
]


def review(paragraphs, **kw):
    return review_paragraphs(paragraphs, **kw).findings


def edited(index, old, new):
    paragraphs = list(BASE)
    assert old in paragraphs[index]
    paragraphs[index] = paragraphs[index].replace(old, new)
    return paragraphs


def rules_of(findings):
    return {(f.paragraph, f.rule) for f in findings}


def test_base_document_is_clean():
    assert review(BASE) == []


def test_other_matters_case_numbers_are_not_defects():
    text = ("原告曾于2023年向本院起诉（（2023）京0105民初999号），后撤诉。"
            "北京市朝阳区劳动人事争议仲裁委员会作出京朝劳人仲字〔2024〕703号裁决。")
    assert review(edited(9, "经审理，本院认定事实如下：", "经审理，本院认定事实如下：" + text)) == []


def test_preservation_ruling_with_another_number_is_a_defect():
    doc = edited(7, "本案现已审理终结。", "审理中本院作出（2024）京0105民初12354号民事裁定，查封被告财产。本案现已审理终结。")
    found = [f for f in review(doc) if f.rule == "case_number_consistency"]
    assert found and found[0].paragraph == 7 and found[0].related_paragraphs == [2]


def test_case_number_year_against_filing_date():
    found = review(edited(2, "（2024）", "（2023）"))
    assert (2, "case_number_year") in rules_of(found)


def test_case_number_compared_with_the_case_record():
    ok = review(BASE, record=CaseFacts(case_number="(2024)京0105民初12345号"))
    assert ok == []
    found = review(BASE, record=CaseFacts(case_number="（2024）京0105民初12346号"))
    assert rules_of(found) == {(2, "case_number_record")}


def test_repealed_law_for_old_facts_with_temporal_rules_is_accepted():
    doc = edited(9, "2022年5月1日", "2019年5月1日")
    doc = [p.replace("依照《中华人民共和国民法典》第六百二十六条",
                     "依照《最高人民法院关于适用〈中华人民共和国民法典〉时间效力的若干规定》第一条第二款，"
                     "《中华人民共和国合同法》第一百五十九条") for p in doc]
    assert review(doc) == []


def test_repealed_law_for_facts_after_repeal_is_a_defect():
    doc = edited(11, "《中华人民共和国民法典》第六百二十六条", "《中华人民共和国合同法》第一百五十九条")
    found = review(doc)
    assert rules_of(found) == {(11, "citation_repealed")}
    assert "2021年1月1日" in found[0].message


def test_short_titles_and_arabic_articles():
    assert rules_of(review(edited(11, "《中华人民共和国民法典》", "《民法典》"))) == {(11, "citation_form")}
    assert rules_of(review(edited(11, "第六百二十六条", "第626条"))) == {(11, "citation_article_number")}
    # A regulation's official title has no prefix; a contract clause may use Arabic numbers.
    ok = edited(11, "依照", "依照《职工带薪年休假条例》第三条，")
    ok = [p.replace("约定货款", "《供货合同》第5条约定货款") for p in ok]
    assert review(ok) == []


def test_interest_article_follows_the_signature_date():
    found = review(edited(13, "第二百六十四条", "第二百六十条"))
    assert rules_of(found) == {(13, "interest_article")}
    assert review([p.replace("二〇二四年四月二十日", "二〇二三年十二月二十日").replace("2024年4月10日", "2023年4月10日")
                   .replace("2024年3月5日", "2023年3月5日").replace("（2024）", "（2023）")
                   .replace("第二百六十四条", "第二百六十条") for p in BASE]) == []


def test_fee_half_and_shares():
    assert rules_of(review(edited(14, "减半收取计525元", "减半收取计552元"))) == {(14, "fee_inconsistent")}
    shares = edited(14, "由被告华信公司负担。", "由原告张晓明负担25元，由被告华信公司负担450元。")
    assert rules_of(review(shares)) == {(14, "fee_inconsistent")}
    assert review(edited(14, "由被告华信公司负担。", "由原告张晓明负担25元，由被告华信公司负担500元。")) == []


@pytest.mark.parametrize("court, appeal, ok", [
    ("北京市朝阳区人民法院", "北京市第三中级人民法院", True),
    ("北京市朝阳区人民法院", "北京市高级人民法院", False),
    ("北京市朝阳区人民法院", "北京市朝阳区人民法院", False),
    ("江苏省昆山市人民法院", "江苏省苏州市中级人民法院", True),
    ("江苏省昆山市人民法院", "浙江省杭州市中级人民法院", False),
    ("江西省南昌市东湖区人民法院", "江西省九江市中级人民法院", False),
    ("江西省南昌市中级人民法院", "江西省高级人民法院", True),
    ("江西省南昌市中级人民法院", "最高人民法院", False),
])
def test_appeal_court_is_next_level(court, appeal, ok):
    doc = [p.replace("北京市朝阳区人民法院", court).replace("北京市第三中级人民法院", appeal) for p in BASE]
    found = [f for f in review(doc) if f.rule == "appeal_court"]
    assert (found == []) == ok, [f.message for f in found]


def test_court_names_parse_into_levels():
    rules = load_rules()
    assert parse_court("四川省凉山彝族自治州西昌市人民法院", rules).city == "凉山彝族自治州"
    assert parse_court("上海市第一中级人民法院", rules).level == "intermediate"
    assert parse_court("北京知识产权法院", rules).level == "special"


def test_dates_that_do_not_exist_and_out_of_order():
    assert rules_of(review(edited(9, "2022年5月1日", "2022年2月29日"))) == {(9, "date_invalid")}
    assert rules_of(review(edited(7, "于2024年4月10日", "于2024年3月1日"))) == {(7, "date_order")}
    assert (17, "date_order") in rules_of(review(edited(17, "二〇二四年四月二十日", "二〇二四年三月一日")))
    assert rules_of(review(edited(17, "二〇二四年四月二十日", "2024年4月20日"))) == {(17, "signature_date_format")}


def test_operative_items_numbered_in_order():
    doc = list(BASE)
    doc[12:13] = ["一、被告北京华信商贸有限公司于本判决生效之日起十日内支付原告张晓明货款50,000元；",
                  "三、驳回原告张晓明的其他诉讼请求。"]
    assert rules_of(review(doc)) == {(13, "operative_numbering")}


def test_missing_clerk_and_missing_operative_part():
    assert rules_of(review(BASE[:-1])) == {(18, "missing_part")}
    no_items = BASE[:12] + BASE[13:]
    assert rules_of(review(no_items)) == {(11, "missing_part")}


def test_spaced_labels_and_blank_lines_in_signature_block():
    doc = BASE[:16] + ["审\u3000判\u3000员\u3000赵志远", "", "二〇二四年四月二十日", "本件与原本核对无异",
                       "书\u3000记\u3000员\u3000钱丽"]
    assert review(doc) == []


def test_rules_come_from_the_resource_folder(tmp_path):
    folder = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, folder)
    data = json.loads((folder / "repealed_laws.json").read_text(encoding="utf-8"))
    data["laws"].append({"title": "中华人民共和国民法典", "short": [], "repealed": "2022-01-01",
                         "replaced_by": "测试法"})
    (folder / "repealed_laws.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    found = review(BASE, rules_dir=str(folder))
    assert rules_of(found) == {(11, "citation_repealed")}


def test_unreadable_input_and_cancel(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(InputError):
        review_document(bad)
    with pytest.raises(InputError):
        review_document(tmp_path / "missing.docx")
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        review_paragraphs(BASE, cancel=token)


def test_progress_is_reported():
    seen = []
    review_paragraphs(BASE, progress=lambda f, m="": seen.append(f))
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)


def test_relatives_with_similar_names_and_loose_company_references_are_not_defects():
    doc = edited(9, "经审理，本院认定事实如下：", "经审理，本院认定事实如下：原告之弟张晓亮代为交付货物，张晓亮亦出庭作证。")
    assert review(doc) == []
    doc = edited(12, "被告北京华信商贸有限公司于", "被告商贸公司于")
    assert review(doc) == []


def test_a_one_off_misspelling_without_role_word_is_still_reported():
    doc = edited(10, "本院认为，双方", "本院认为，张小明与华信公司双方")
    assert rules_of(review(doc)) == {(10, "party_name_variant")}


def test_filing_written_as_shouli_is_understood():
    doc = edited(7, "本院于2024年3月5日立案后", "本院于2024年3月5日受理后")
    assert review(doc) == []
    assert rules_of(review(edited(2, "（2024）", "（2023）"))) == {(2, "case_number_year")}


def test_second_instance_judgment_needs_no_appeal_notice():
    doc = [p.replace("民初", "民终").replace("北京市朝阳区人民法院", "北京市第三中级人民法院")
           .replace("诉讼请求", "上诉请求").replace("原告：", "上诉人（原审原告）：").replace("被告：", "被上诉人（原审被告）：")
           for p in BASE]
    doc[15] = "本判决为终审判决。"
    found = review(doc)
    assert not any(f.rule in ("missing_part", "appeal_court") for f in found), [f.message for f in found]


def test_facts_dates_of_personal_history_do_not_hide_a_repealed_law():
    doc = edited(9, "经审理，本院认定事实如下：", "经审理，本院认定事实如下：被告于2015年3月1日成立。")
    doc[11] = doc[11].replace("《中华人民共和国民法典》第六百二十六条", "《中华人民共和国合同法》第一百五十九条")
    assert rules_of(review(doc)) == {(11, "citation_repealed")}


def test_long_autonomous_prefecture_names():
    rules = load_rules()
    court = parse_court("湖北省恩施土家族苗族自治州恩施市人民法院", rules)
    assert court.city == "恩施土家族苗族自治州" and court.level == "basic"


def test_anonymised_names_full_width_digits_and_other_abbreviation_forms():
    doc = [p.replace("张晓明", "张某某") for p in BASE]
    doc = edited_in(doc, 9, "经审理，本院认定事实如下：", "经审理，本院认定事实如下：证人王某某、李某某出庭作证。")
    assert review(doc) == []
    doc = edited(7, "2024年3月5日立案", "２０２４年３月５日立案")
    assert review(doc) == []
    doc = edited(7, "（以下简称华信公司）", "（以下分别简称华信公司）")
    assert review(doc) == []


def edited_in(paragraphs, index, old, new):
    paragraphs = list(paragraphs)
    assert old in paragraphs[index]
    paragraphs[index] = paragraphs[index].replace(old, new)
    return paragraphs
