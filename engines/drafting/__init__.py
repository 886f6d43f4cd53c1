"""Judgment drafting from .docx templates and rule-based review of draft documents.

``engines.drafting.review`` checks a draft (案号, parties, amounts, dates, mandatory parts,
appeal court, statute citations); ``engines.drafting.fill`` fills a template from a case
record. Both are pure Python (python-docx, cn2an) and never decide a case.
"""


def selftest() -> str:
    """A bundled template renders from a sample case and the draft passes review cleanly."""
    import json
    import tempfile
    import time
    from pathlib import Path

    from engines.drafting.case_record import case_record_from_dict
    from engines.drafting.fill import fill_template
    from engines.drafting.review import review_document

    started = time.perf_counter()
    sample = Path(__file__).resolve().parents[2] / "resources" / "selftest" / "case_loan.json"
    case = case_record_from_dict(json.loads(sample.read_text(encoding="utf-8")))
    with tempfile.TemporaryDirectory(prefix="ta-selftest-") as tmp:
        out = Path(tmp) / "draft.docx"  # sample data only: no case content touches disk
        fill_template("民事判决书_简易程序", case, out)
        size = out.stat().st_size
        errors = [f for f in review_document(out).findings if f.severity == "error"]
    if errors:
        raise RuntimeError(f"review found errors in the rendered template: {errors[0].message}")
    return (f"民事判决书 template rendered ({size // 1024} KB) and reviewed "
            f"without errors in {time.perf_counter() - started:.1f} s")
