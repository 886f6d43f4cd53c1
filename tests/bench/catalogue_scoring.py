"""Scoring of a cataloguing result against a reference JSON (shared by bench and tests)."""
from __future__ import annotations


def boundary_f1(pred_docs: list[dict], ref_docs: list[dict]) -> tuple[float, float, float]:
    """Precision, recall, F1 of document start pages (page 1 excluded: it always starts one)."""
    pred = {d["start_page"] for d in pred_docs} - {1}
    ref = {d["start_page"] for d in ref_docs} - {1}
    tp = len(pred & ref)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(ref) if ref else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def case_fields(pred: dict, ref: dict) -> tuple[int, int, list[str]]:
    """Correct / total case fields; party lists compare as sets."""
    ok, total, wrong = 0, 0, []
    for key, want in ref.items():
        total += 1
        got = pred.get(key)
        same = sorted(got or []) == sorted(want) if isinstance(want, list) else got == want
        if same:
            ok += 1
        else:
            wrong.append(f"{key}: got {got!r}, want {want!r}")
    return ok, total, wrong


def score(result: dict, ref: dict) -> dict:
    """All page, boundary and case-field figures for one dossier."""
    pages = result["pages"]
    rp = ref["pages"]
    correct = [p["category"] == r["category"] for p, r in zip(pages, rp)]
    scanned = [c for c, r in zip(correct, rp) if r.get("scanned")]
    p, r, f = boundary_f1(result["documents"], ref["documents"])
    pred_starts = {d["start_page"] for d in result["documents"]} - {1}
    ref_starts = {d["start_page"] for d in ref["documents"]} - {1}
    ok, total, wrong = case_fields(result["case"], ref["case"])
    errors = [f"p{r['page']}: got {p['category']}, want {r['category']} ({p['reason'][:60]})"
              for p, r, c in zip(pages, rp, correct) if not c]
    confusions = [(r["category"], p["category"]) for p, r, c in zip(pages, rp, correct) if not c]
    by_category = {}
    for p_, r_ in zip(pages, rp):
        ok_n, n = by_category.get(r_["category"], (0, 0))
        by_category[r_["category"]] = (ok_n + (p_["category"] == r_["category"]), n + 1)
    return {"confusions": confusions, "by_category": by_category, "pages": len(rp), "page_correct": sum(correct), "scanned": len(scanned), "scanned_correct": sum(scanned),
            "boundary_p": p, "boundary_r": r, "boundary_f1": f, "boundary_tp": len(pred_starts & ref_starts),
            "boundary_pred": len(pred_starts), "boundary_ref": len(ref_starts), "fields_ok": ok, "fields_total": total,
            "page_errors": errors, "field_errors": wrong}


def merge_categories(rows: list[dict]) -> tuple[dict[str, tuple[int, int]], dict[tuple[str, str], int]]:
    """Per-category (correct, total) and confusion counts (want, got) over several dossiers."""
    cats: dict[str, tuple[int, int]] = {}
    conf: dict[tuple[str, str], int] = {}
    for r in rows:
        for cat, (ok, n) in r["by_category"].items():
            a, b = cats.get(cat, (0, 0))
            cats[cat] = (a + ok, b + n)
        for pair in r["confusions"]:
            conf[tuple(pair)] = conf.get(tuple(pair), 0) + 1
    return cats, conf
