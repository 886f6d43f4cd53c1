"""Review on two documents copied from the shared development set (one clean, one with defects)."""
import json
from pathlib import Path

from engines.drafting.review import review_document

DATA = Path(__file__).resolve().parents[2] / "data" / "drafting"


def test_clean_sample_has_no_findings():
    assert review_document(DATA / "dev02.docx").findings == []


def test_defective_sample_findings_match_ground_truth():
    truth = json.loads((DATA / "dev05.json").read_text(encoding="utf-8"))
    findings = review_document(DATA / "dev05.docx").findings
    by_paragraph = {f.paragraph: f for f in findings}
    assert set(by_paragraph) == {d["paragraph"] for d in truth["defects"]}
    assert by_paragraph[16].rule == "party_name_variant" and "井春燕" in by_paragraph[16].message
    assert by_paragraph[12].rule == "amount_sum_mismatch" and "33209.40" in by_paragraph[12].message
