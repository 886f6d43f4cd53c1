"""The linter runs wherever the suite runs: `ruff check` on the whole tree (rules in
pyproject.toml [tool.ruff]) must find nothing."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_finds_nothing():
    """Any finding fails with ruff's own report (file, line, rule)."""
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                         cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert "No module named ruff" not in run.stderr, "ruff is missing: install the test extra (pip install -e .[test])"
    assert run.returncode == 0, run.stdout + run.stderr


def test_ruff_reads_the_project_rules():
    """The configuration is the project's (a bad selection would pass everything)."""
    run = subprocess.run([sys.executable, "-m", "ruff", "check", "--show-settings", "app/clock.py"],
                         cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "pyproject.toml" in run.stdout
    for rule in ("blind-except", "undocumented-public-function", "undefined-name", "module-import-not-at-top-of-file"):
        assert rule in run.stdout, rule
