"""engines/ must import and work with PySide6, app and widgets unavailable."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

BLOCKER = r"""
import importlib, importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'app', 'widgets'):
            raise ImportError('blocked for engines: ' + name)
        return None
sys.meta_path.insert(0, Block())
import engines
names = []
for info in pkgutil.walk_packages(engines.__path__, 'engines.'):
    if info.name.endswith('__main__'):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
assert 'PySide6' not in sys.modules
print(len(names))
"""


def test_every_engine_module_imports_with_qt_and_app_blocked():
    proc = subprocess.run([sys.executable, "-c", BLOCKER], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert int(proc.stdout.strip().splitlines()[-1]) >= 2


def test_no_engine_source_mentions_qt_or_app_imports():
    offenders = []
    files = sorted((ROOT / "engines").rglob("*.py"))
    assert len(files) >= 30, "no engine modules found"
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            s = line.strip()
            if s.startswith(("import ", "from ")) and s.split()[1].split(".")[0] in ("PySide6", "app", "widgets"):
                offenders.append(f"{path}: {s}")
    assert offenders == []
