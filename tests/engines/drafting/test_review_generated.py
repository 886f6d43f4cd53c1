"""Review on synthetic judgments: clean drafts give no finding, every planted defect is found."""
import random

import pytest

from engines.drafting.review import review_document, review_paragraphs
from tests.helpers.drafting_judgments import DEFECT_KINDS, make_clean, plant

# Which rules may report each defect type (a defect counts only when one of these points at it).
RULES_FOR_TYPE = {
    "case_number": {"case_number_format", "case_number_year", "case_number_consistency"},
    "party_name": {"party_name_variant", "party_not_in_case"},
    "amount": {"amount_capital_mismatch", "amount_sum_mismatch", "fee_inconsistent"},
    "date": {"date_invalid", "date_order", "signature_date_format"},
    "missing_part": {"missing_part"},
    "appeal_court": {"appeal_court"},
    "citation": {"citation_form", "citation_article_number", "citation_repealed"},
}


@pytest.mark.parametrize("seed", range(12))
def test_clean_generated_judgments_have_no_findings(seed):
    judgment = make_clean(seed)
    result = review_paragraphs(judgment.paragraphs)
    assert result.findings == [], [(f.paragraph, f.rule, f.message) for f in result.findings]


def test_clean_judgment_as_docx_round_trip(tmp_path):
    judgment = make_clean(99)
    path = judgment.write(tmp_path / "clean.docx")
    result = review_document(path)
    assert result.findings == []
    assert result.paragraph_count == len(judgment.paragraphs)
    assert result.document_kind == "民事判决书"


@pytest.mark.parametrize("kind", DEFECT_KINDS, ids=lambda k: f"{k[0]}-{k[1]}")
def test_each_planted_defect_is_found_where_it_is(kind):
    rng = random.Random(DEFECT_KINDS.index(kind))
    judgment = None
    for seed in range(300, 340):
        judgment = plant(make_clean(seed), kind, rng)
        if judgment is not None:
            break
    assert judgment is not None, "generator could not plant this defect"
    defect = judgment.defects[0]
    findings = review_paragraphs(judgment.paragraphs).findings
    targets = {defect.paragraph - 1, defect.paragraph, defect.paragraph + 1, *defect.related}
    hits = [f for f in findings if f.paragraph in targets and f.rule in RULES_FOR_TYPE[defect.type]]
    assert hits, (defect, [(f.paragraph, f.rule, f.message) for f in findings])
    assert all(f.severity == "error" for f in hits)
    assert all(f.message and f.text for f in hits)
