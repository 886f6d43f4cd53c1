"""Edits a person might make to an exported draft before importing it again."""
from __future__ import annotations

from pathlib import Path

import docx


def with_case_number(exported: Path, out: Path, number: str) -> Path:
    """Save a copy of ``exported`` whose header 案号 paragraph (the one starting （2024）)
    reads ``number``; returns ``out``."""
    document = docx.Document(str(exported))
    for p in document.paragraphs:
        if p.text.startswith("（2024）"):
            p.runs[-1].text = number
            for r in p.runs[:-1]:
                r.text = ""
    document.save(str(out))
    return out
