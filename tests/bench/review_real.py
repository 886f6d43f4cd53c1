"""The review benchmark on real published judgments (../shared/data/real-judgments).

- findings per document, with the error-level ones matched against the labels file
  (tests/bench/review_labels.json: document id + finding fingerprint -> true/false/debatable
  and a reason written by the person who read the finding; no text of the judgments is kept);
- recall of defects planted one at a time by tests/bench/plant_defects.py, in memory;
- documents 001-040 are the development part, 041-060 the held-out part: both are reported.

Run through tests/bench/bench_review.py (``--real``), or alone:
``.venv/bin/python tests/bench/review_real.py [--list-unlabelled]``.
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parents[1]))
sys.path.insert(0, str(BENCH))

from engines.drafting.review import review_paragraphs  # noqa: E402
from plant_defects import KINDS, found, plant  # noqa: E402

REAL = BENCH.parents[2] / "shared" / "data" / "real-judgments"
LABELS = BENCH / "review_labels.json"
HELD_OUT_FROM = 41


def fingerprint(doc_id: str, finding) -> str:
    """A short stable key for a finding: document, rule and the quoted words (hashed)."""
    quote = re.sub(r"[\s\u3000]", "", finding.text)
    return hashlib.sha1(f"{doc_id}|{finding.rule}|{quote}".encode("utf-8")).hexdigest()[:12]


def load_labels() -> dict:
    """{doc_id: {fingerprint: {"rule", "label", "reason"}}}."""
    if not LABELS.is_file():
        return {}
    return json.loads(LABELS.read_text(encoding="utf-8")).get("labels", {})


def documents():
    """(doc id, paragraphs) of every real judgment."""
    for path in sorted(REAL.glob("[0-9][0-9][0-9].txt")):
        yield path.stem, path.read_text(encoding="utf-8").splitlines()


def _part(doc_id: str) -> str:
    return "held-out" if int(doc_id) >= HELD_OUT_FROM else "development"


def run_real(plant_rounds: int = 1) -> dict:
    """Findings, label precision and planted recall on the real set, per part."""
    labels = load_labels()
    parts: dict = {p: {"documents": 0, "errors": 0, "warnings": 0, "docs_with_error": 0,
                       "true": 0, "false": 0, "debatable": 0, "unlabelled": 0, "docs_with_false": 0,
                       "times": []} for p in ("development", "held-out")}
    unlabelled, false_notes, per_doc = [], [], {}
    planted = defaultdict(lambda: {"development": [0, 0, 0], "held-out": [0, 0, 0]})
    misses = []
    for doc_id, lines in documents():
        part = parts[_part(doc_id)]
        t0 = time.perf_counter()
        result = review_paragraphs(lines)
        part["times"].append(time.perf_counter() - t0)
        part["documents"] += 1
        errors = [f for f in result.findings if f.severity == "error"]
        part["errors"] += len(errors)
        part["warnings"] += len(result.findings) - len(errors)
        part["docs_with_error"] += bool(errors)
        per_doc[doc_id] = (len(errors), len(result.findings) - len(errors))
        doc_labels = labels.get(doc_id, {})
        has_false = False
        for f in errors:
            key = fingerprint(doc_id, f)
            label = doc_labels.get(key)
            if label is None:
                part["unlabelled"] += 1
                unlabelled.append((doc_id, key, f))
                continue
            part[label["label"]] += 1
            if label["label"] == "false":
                has_false = True
                false_notes.append(f"{doc_id} {f.rule}: {label['reason']}")
        part["docs_with_false"] += has_false
        for kind in KINDS:
            for k in range(plant_rounds):
                rng = random.Random(f"{doc_id}-{kind}-{k}")
                p = plant(lines, kind, rng)
                if p is None:
                    continue
                findings = review_paragraphs(p.lines).findings
                hit_error = found(p, [f for f in findings if f.severity == "error"])
                hit_any = hit_error or found(p, findings)
                row = planted[kind][_part(doc_id)]
                row[0] += hit_error
                row[1] += hit_any
                row[2] += 1
                if not hit_error:
                    misses.append(f"{doc_id} {kind}/{p.variant}" + ("" if not hit_any else " (warning only)"))
    return {"parts": parts, "planted": dict(planted), "unlabelled": unlabelled, "false_notes": false_notes,
            "misses": misses, "per_doc": per_doc}


def report_lines(r: dict) -> list[str]:
    """Markdown lines for docs/benchmarks/review.md."""
    out = ["### Real published judgments (../shared/data/real-judgments, 60 documents)", "",
           "Error-level findings are labelled one by one in tests/bench/review_labels.json "
           "(true / false / debatable, with the reason). Documents 001-040 were used for development, "
           "041-060 are the held-out part.", "",
           "| part | docs | error findings | warnings | docs with an error | true | false | debatable | unlabelled "
           "| precision (true / labelled) | docs with a false error | mean s/doc | max s/doc |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, p in r["parts"].items():
        labelled = p["true"] + p["false"] + p["debatable"]
        precision = p["true"] / labelled if labelled else 1.0
        times = sorted(p["times"]) or [0.0]
        out.append(f"| {name} | {p['documents']} | {p['errors']} | {p['warnings']} | {p['docs_with_error']} | "
                   f"{p['true']} | {p['false']} | {p['debatable']} | {p['unlabelled']} | {precision:.1%} | "
                   f"{p['docs_with_false']} of {p['documents']} | {sum(times) / len(times):.3f} | {times[-1]:.3f} |")
    out += ["", "Planted defects (tests/bench/plant_defects.py, one defect per copy, place and variant drawn per "
            "document; found = an error of the kind's rules that quotes the planted text):", "",
            "| kind | development (error) | held-out (error) | all, error | all, error or warning |",
            "|---|---|---|---|---|"]
    total = [0, 0, 0]
    for kind, row in r["planted"].items():
        d, h = row["development"], row["held-out"]
        e, a, n = d[0] + h[0], d[1] + h[1], d[2] + h[2]
        total = [total[0] + e, total[1] + a, total[2] + n]
        out.append(f"| {kind} | {d[0]}/{d[2]} | {h[0]}/{h[2]} | {e}/{n} = {e / n:.0%} | {a}/{n} = {a / n:.0%} |")
    if total[2]:
        out.append(f"| **all** | | | {total[0]}/{total[2]} = {total[0] / total[2]:.1%} | "
                   f"{total[1]}/{total[2]} = {total[1] / total[2]:.1%} |")
    if r["false_notes"]:
        out += ["", "False errors that remain (from the labels):"]
        out += [f"- {n}" for n in r["false_notes"]]
    return out


def main() -> int:
    """Print the real-set figures; --list-unlabelled prints findings that need a label."""
    r = run_real()
    print("\n".join(report_lines(r)))
    if r["unlabelled"]:
        print(f"\n{len(r['unlabelled'])} error findings have no label:")
        for doc_id, key, f in r["unlabelled"]:
            print(f"  {doc_id} {key} {f.rule}: {f.text[:50]} | {f.message[:90]}")
    if "--misses" in sys.argv:
        print("\n".join(r["misses"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
