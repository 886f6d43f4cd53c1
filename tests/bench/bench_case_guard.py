"""The case guard on real and synthetic material, side by side with the plain tool (案号 only).

For every document (the 60 real published judgments in ../shared/data/real-judgments; the
synthetic review judgments and dossiers in ../shared/data/review and ../shared/data/dossier):

- **false alarms**: the document checked against its own case — its own 案号 and parties (the
  dossier's labelled parties; for a judgment the parties the review engine reads from its party
  block), with everyone else it names (agents, representatives, judges, clerk, witnesses) put
  into the store as the parties of another case. Any question asked is a false alarm.
- **caught**: the document checked against another case of the same set (that case's 案号 and
  parties; the document's parties in the store as another case's, or not in the store at all),
  with the document's 案号 kept and with every 案号 removed (a .docx or a tag without one).

The plain tool is main's guard: a 案号 that is not the case's. Nothing of the texts is kept or
printed beyond document ids. Run: ``.venv/bin/python tests/bench/bench_case_guard.py``.
"""
from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parents[1]
sys.path.insert(0, str(ROOT))

from app.services.case_guard import CaseIdentity, foreign_case_numbers, foreign_parties  # noqa: E402
from engines.casenumber import find_case_numbers  # noqa: E402
from engines.drafting.review.document import parse_document, read_paragraphs  # noqa: E402
from engines.drafting.review.segment import split_paragraphs  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
_BYSTANDER = re.compile(r"(?:委托诉讼代理人|委托代理人|诉讼代理人|法定代表人|法定代理人|负责人|审判长|审判员|人民陪审员|"
                        r"书记员|法官助理|证人|经办人)[\s\u3000:：]*([\u4e00-\u9fff]{2,4}?)(?=[，,。；;\s\u3000（(]|$)")
OTHER_NUMBER = "（2099）京0105民初99999号"


def _judgment(paragraphs: list[str]) -> dict:
    split, _ = split_paragraphs(paragraphs)
    doc = parse_document(split)
    text = "\n".join(split)
    numbers = [raw for _, raw in find_case_numbers(text)]
    parties = [p.name for p in doc.parties]
    bystanders = {m.group(1) for m in _BYSTANDER.finditer(text)} | {n for _, n, _ in doc.representatives}
    return {"text": text, "number": numbers[0] if numbers else "", "parties": parties,
            "bystanders": sorted(bystanders - set(parties))}


def real_documents() -> list[tuple[str, dict]]:
    """(id, document) of every real judgment."""
    return [(p.stem, _judgment(p.read_text(encoding="utf-8").splitlines()))
            for p in sorted((DATA / "real-judgments").glob("[0-9][0-9][0-9].txt"))]


def synthetic_documents() -> list[tuple[str, dict]]:
    """(id, document) of the synthetic review judgments and dossiers (dossier parties from its labels)."""
    docs = [(p.stem, _judgment(read_paragraphs(p))) for p in sorted((DATA / "review").glob("dev*.docx"))]
    import pypdfium2

    for label in sorted((DATA / "dossier").glob("dev*.json")):
        truth = json.loads(label.read_text(encoding="utf-8"))["case"]
        pdf = pypdfium2.PdfDocument(str(label.with_suffix(".pdf")))
        text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
        parties = truth.get("plaintiffs", []) + truth.get("defendants", [])
        bystanders = {m.group(1) for m in _BYSTANDER.finditer(text)} - set(parties)
        docs.append((label.stem, {"text": text, "number": truth["case_number"], "parties": parties,
                                  "bystanders": sorted(bystanders)}))
    return docs


def _strip_numbers(text: str) -> str:
    for _, raw in find_case_numbers(text):
        text = text.replace(raw, "")
    return text


def evaluate(docs: list[tuple[str, dict]]) -> dict:
    """Counts for one set (see the module text)."""
    out = {"documents": len(docs), "plain_false_alarms": 0, "guard_false_alarms": 0, "false_alarm_ids": [],
           "plain_caught": 0, "guard_caught": 0, "plain_caught_no_number": 0, "guard_caught_no_number": 0,
           "guard_caught_stranger_no_number": 0, "pairs": 0}
    for i, (doc_id, doc) in enumerate(docs):
        own = CaseIdentity(doc["number"], doc["parties"], {n: [(OTHER_NUMBER, True)] for n in doc["bystanders"]})
        plain = bool(foreign_case_numbers(doc["text"], doc["number"]))
        guard = plain or bool(foreign_parties(doc["text"], own))
        out["plain_false_alarms"] += plain
        out["guard_false_alarms"] += guard
        if guard:
            out["false_alarm_ids"].append(doc_id)
        _, other = docs[(i + 1) % len(docs)]
        if not other["parties"] or set(other["parties"]) & set(doc["parties"]) or not doc["parties"]:
            continue
        out["pairs"] += 1
        in_store = CaseIdentity(other["number"], other["parties"], {n: [(doc["number"], True)] for n in doc["parties"]})
        stranger = CaseIdentity(other["number"], other["parties"], {})
        bare = _strip_numbers(doc["text"])
        plain_caught = bool(foreign_case_numbers(doc["text"], other["number"]))
        out["plain_caught"] += plain_caught
        out["guard_caught"] += plain_caught or bool(foreign_parties(doc["text"], in_store))
        out["plain_caught_no_number"] += bool(foreign_case_numbers(bare, other["number"]))
        out["guard_caught_no_number"] += bool(foreign_parties(bare, in_store))
        out["guard_caught_stranger_no_number"] += bool(foreign_parties(bare, stranger))
    return out


def main() -> int:
    """Print the table for both sets."""
    started = time.perf_counter()
    results = {"real": evaluate(real_documents()), "synthetic": evaluate(synthetic_documents())}
    print(f"{'':34}{'real':>14}{'synthetic':>14}")
    rows = [("documents", "documents"), ("false alarms, plain (案号 only)", "plain_false_alarms"),
            ("false alarms, guard", "guard_false_alarms"), ("pairs (doc into another case)", "pairs"),
            ("caught, plain, 案号 kept", "plain_caught"), ("caught, guard, 案号 kept", "guard_caught"),
            ("caught, plain, 案号 removed", "plain_caught_no_number"),
            ("caught, guard, 案号 removed", "guard_caught_no_number"),
            ("caught, guard, removed, stranger", "guard_caught_stranger_no_number")]
    for label, key in rows:
        print(f"{label:34}{results['real'][key]:>14}{results['synthetic'][key]:>14}")
    for name, r in results.items():
        print(f"{name} false alarms in: {', '.join(r['false_alarm_ids']) or '-'}")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
