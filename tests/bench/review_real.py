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
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
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


@dataclass
class Seen:
    """A finding as the benchmark needs it (also when it comes from another version's process)."""

    rule: str
    severity: str
    text: str
    message: str
    paragraph: int = 0
    related_paragraphs: list = None


def review_here(batch: list[list[str]]) -> tuple[list[list[Seen]], list[float]]:
    """Review each document with this checkout's engine; findings and seconds per document."""
    out, times = [], []
    for lines in batch:
        t0 = time.perf_counter()
        result = review_paragraphs(lines)
        times.append(time.perf_counter() - t0)
        out.append([Seen(f.rule, f.severity, f.text, f.message, f.paragraph, list(f.related_paragraphs))
                    for f in result.findings])
    return out, times


_RUNNER = """
import json, sys, time
from engines.drafting.review import review_paragraphs
out = []
for lines in json.load(sys.stdin):
    t0 = time.perf_counter()
    fs = review_paragraphs(lines).findings
    out.append([time.perf_counter() - t0,
                [[f.rule, f.severity, f.text, f.message, f.paragraph, list(f.related_paragraphs)] for f in fs]])
json.dump(out, sys.stdout)
"""


def review_at(ref: str):
    """A reviewer that runs the engine of git ``ref`` (e.g. main) in a separate process.

    The texts go through a pipe; nothing is written but a temporary copy of engines/ and
    resources/ at that ref, removed afterwards."""
    def run(batch: list[list[str]]):
        repo = BENCH.parents[1]
        with tempfile.TemporaryDirectory() as tmp:
            archive = subprocess.run(["git", "-C", str(repo), "archive", ref, "engines", "resources"],
                                     capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
            done = subprocess.run([sys.executable, "-c", _RUNNER], input=json.dumps(batch).encode("utf-8"),
                                  capture_output=True, check=True, cwd=tmp,
                                  env={**os.environ, "PYTHONPATH": tmp})
        rows = json.loads(done.stdout)
        return [[Seen(*f) for f in fs] for _, fs in rows], [t for t, _ in rows]
    return run


def run_real(reviewer=review_here, plant_rounds: int = 1) -> dict:
    """Findings, label precision and planted recall on the real set, per part."""
    labels = load_labels()
    parts: dict = {p: {"documents": 0, "errors": 0, "warnings": 0, "docs_with_error": 0,
                       "true": 0, "false": 0, "debatable": 0, "unlabelled": 0, "docs_with_false": 0,
                       "times": []} for p in ("development", "held-out")}
    unlabelled, false_notes, per_doc = [], [], {}
    planted = defaultdict(lambda: {"development": [0, 0, 0], "held-out": [0, 0, 0]})
    misses = []
    docs = list(documents())
    jobs = []  # (doc id, Planted or None, lines)
    for doc_id, lines in docs:
        jobs.append((doc_id, None, lines))
        for kind in KINDS:
            for k in range(plant_rounds):
                p = plant(lines, kind, random.Random(f"{doc_id}-{kind}-{k}"))
                if p is not None:
                    jobs.append((doc_id, p, p.lines))
    results, times = reviewer([lines for _, _, lines in jobs])
    for (doc_id, p, _), findings, seconds in zip(jobs, results, times):
        errors = [f for f in findings if f.severity == "error"]
        if p is not None:
            hit_error = found(p, errors)
            hit_any = hit_error or found(p, findings)
            row = planted[p.kind][_part(doc_id)]
            row[0] += hit_error
            row[1] += hit_any
            row[2] += 1
            if not hit_error:
                misses.append(f"{doc_id} {p.kind}/{p.variant}" + ("" if not hit_any else " (warning only)"))
            continue
        part = parts[_part(doc_id)]
        part["times"].append(seconds)
        part["documents"] += 1
        part["errors"] += len(errors)
        part["warnings"] += len(findings) - len(errors)
        part["docs_with_error"] += bool(errors)
        per_doc[doc_id] = (len(errors), len(findings) - len(errors))
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
    return {"parts": parts, "planted": dict(planted), "unlabelled": unlabelled, "false_notes": false_notes,
            "misses": misses, "per_doc": per_doc}


def report_lines(r: dict, title: str = "this branch") -> list[str]:
    """Markdown lines for docs/benchmarks/review.md."""
    out = [f"#### {title}", "",
           "| part | docs | error findings | warnings | docs with an error | true | false | debatable | unlabelled "
           "| precision (true / labelled) | docs with a false error | mean s/doc | max s/doc |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, p in r["parts"].items():
        labelled = p["true"] + p["false"] + p["debatable"]
        precision = f"{p['true'] / labelled:.1%}" if labelled and not p["unlabelled"] else "not all labelled"
        times = sorted(p["times"]) or [0.0]
        false_docs = f"{p['docs_with_false']} of {p['documents']}" if not p["unlabelled"] else "n/a"
        out.append(f"| {name} | {p['documents']} | {p['errors']} | {p['warnings']} | {p['docs_with_error']} | "
                   f"{p['true']} | {p['false']} | {p['debatable']} | {p['unlabelled']} | {precision} | "
                   f"{false_docs} | {sum(times) / len(times):.3f} | {times[-1]:.3f} |")
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
    """Print the real-set figures and every unlabelled error finding (--misses: missed plants)."""
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
