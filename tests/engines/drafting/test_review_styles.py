"""Documents in other styles (panel with 第三人 and 万元, a ruling, a mediation document):
clean ones give no finding, and defects planted in them are still found."""
import json
from pathlib import Path

import pytest

from engines.drafting.review import review_paragraphs

DOCS = json.loads((Path(__file__).resolve().parents[2] / "data" / "drafting" / "other_styles.json")
                  .read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(DOCS))
def test_clean_documents_in_other_styles(name):
    result = review_paragraphs(DOCS[name])
    assert result.findings == [], [(f.paragraph, f.rule, f.message) for f in result.findings]


def change(doc, old, new):
    doc = list(doc)
    hits = [i for i, p in enumerate(doc) if old in p]
    assert hits, old
    doc[hits[0]] = doc[hits[0]].replace(old, new, 1)
    return doc, hits[0]


@pytest.mark.parametrize("old, new, rule", [
    ("第二百六十条", "第二百六十四条", "interest_article"),
    ("壹佰贰拾万元整", "壹佰贰拾伍万元整", "amount_capital_mismatch"),
    ("第三人李华到庭", "第三人李桦到庭", "party_name_variant"),
    ("上诉于北京市第一中级人民法院", "上诉于北京市高级人民法院", "appeal_court"),
    ("《中华人民共和国民法典》第五百零九条", "《民法典》第五百零九条", "citation_form"),
    ("于2023年5月10日、", "于2023年2月10日、", "date_order"),
    ("三、驳回原告北京星辰科技有限公司", "四、驳回原告北京星辰科技有限公司", "operative_numbering"),
])
def test_defects_planted_in_a_panel_judgment(old, new, rule):
    doc, index = change(DOCS["panel_judgment"], old, new)
    found = review_paragraphs(doc).findings
    assert any(f.rule == rule and abs(f.paragraph - index) <= 1 for f in found), \
        [(f.paragraph, f.rule, f.message) for f in found]


def test_defects_in_a_ruling():
    doc, index = change(DOCS["withdrawal_ruling"], "减半收取计25元", "减半收取计50元")
    assert [f.rule for f in review_paragraphs(doc).findings] == ["fee_inconsistent"]
    doc = DOCS["withdrawal_ruling"][:-1]
    assert [f.rule for f in review_paragraphs(doc).findings] == ["missing_part"]
