"""Merge docs/benchmarks/<area>.md (written by each benchmark) into docs/benchmarks.md."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ORDER = ["store", "transcription", "catalogue", "review", "exchange", "deployment", "ci"]


def main() -> None:
    """Collect docs/benchmarks/*.md into docs/benchmarks.md in the fixed order."""
    parts = sorted((ROOT / "docs" / "benchmarks").glob("*.md"),
                   key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else 99, p.stem))
    text = ["# Benchmarks", "",
            "Latest figures from `tests/bench/` (each benchmark writes `docs/benchmarks/<area>.md`; "
            "`.venv/bin/python scripts/collect_benchmarks.py` merges them here). "
            "The reference machine is the 2-core development VM named in each section; other engineers' "
            "jobs sometimes ran at the same time, so timings are conservative.", ""]
    for part in parts:
        body = part.read_text(encoding="utf-8").strip()
        if body.startswith("# "):
            body = "#" + body
        text += [body, ""]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(text), encoding="utf-8")
    print(f"merged {len(parts)} sections into docs/benchmarks.md")


if __name__ == "__main__":
    main()
