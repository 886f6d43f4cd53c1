"""Refresh resources/i18n/*.ts from the sources (pyside6-lupdate), fill English, compile .qm.

English texts come from resources/i18n/glossary_en.json (Chinese source -> English).

Run after changing UI strings: .venv/bin/python scripts/update_translations.py
Missing English entries are listed; they stay untranslated (Qt then shows the Chinese).
"""
from __future__ import annotations

import glob
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "trial_assistant_en.ts"
BIN = Path(sys.executable).parent

GLOSSARY = ROOT / "resources" / "i18n" / "glossary_en.json"


def main() -> int:
    """Refresh the translation source from the widgets and compile it."""
    sources = sorted(glob.glob(str(ROOT / "widgets" / "*.py"))) + [str(ROOT / "app" / "gui.py")]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    en = json.loads(GLOSSARY.read_text(encoding="utf-8"))
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in en:
            translation.text = en[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS)], check=True)
    if missing:
        print("untranslated:", *sorted(set(missing)), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
