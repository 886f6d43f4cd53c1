"""Full-text search over Chinese case text.

FTS5's default tokenizer treats a run of Chinese characters as one token, so text is
segmented with jieba (with the legal user dictionary) before indexing and queries are
segmented the same way.  Both the precise and the search-mode segmentations are indexed
so that a query for part of a long word (借贷 in 民间借贷纠纷) still finds it.  A plain copy
of the text lets very short or unsegmentable queries fall back to substring matching.
"""
from __future__ import annotations

import logging
import threading

from app import paths

_lock = threading.Lock()
_ready = False


def _jieba():
    global _ready
    import jieba

    with _lock:
        if not _ready:
            jieba.setLogLevel(logging.WARNING)
            dictionary = paths.resource("jieba", "legal_dict.txt")
            if dictionary.exists():
                jieba.load_userdict(str(dictionary))
            _ready = True
    return jieba


def segment_for_index(text: str) -> str:
    """Space-separated tokens for the FTS index (precise + search-mode words, deduplicated)."""
    jieba = _jieba()
    tokens: list[str] = []
    seen: set[str] = set()
    for word in list(jieba.cut(text)) + list(jieba.cut_for_search(text)):
        word = word.strip()
        if word and word not in seen and any(ch.isalnum() for ch in word):
            seen.add(word)
            tokens.append(word)
    return " ".join(tokens)


def _quote(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def build_match_query(query: str) -> str:
    """FTS5 MATCH expression: every query word must occur (quoted, so no operator injection).

    A long query word may have been indexed only as its pieces (the document's own
    segmentation can differ), so each word also matches when all its search-mode pieces occur:
    民间借贷 -> ("民间借贷" OR ("民间" AND "借贷")).
    """
    jieba = _jieba()
    clauses = []
    for word in jieba.cut(query):
        word = word.strip()
        if not word or not any(ch.isalnum() for ch in word):
            continue
        pieces = [p for p in jieba.cut_for_search(word) if p != word and len(p) >= 2]
        # Keep only pieces not contained in another piece, so the AND is not over-constrained.
        leaves = [p for p in dict.fromkeys(pieces) if not any(p != q and p in q for q in pieces)]
        covered = "".join(leaves)
        if leaves and all(ch in covered for ch in word):
            clauses.append(f"({_quote(word)} OR ({' AND '.join(_quote(p) for p in leaves)}))")
        else:
            clauses.append(_quote(word))
    return " AND ".join(clauses)


def index_case(db, case_id: int, text: str) -> None:
    """(Re)index one case's text inside the caller's write transaction."""
    db.execute("DELETE FROM case_fts WHERE rowid = ?", (case_id,))
    db.execute("INSERT INTO case_fts (rowid, content) VALUES (?, ?)", (case_id, segment_for_index(text)))
    db.execute("INSERT OR REPLACE INTO case_text (case_id, text) VALUES (?, ?)", (case_id, text))


def fts_condition(query: str) -> tuple[str, list] | None:
    """SQL condition on ``c.id`` using the FTS index, or None when the query has no words."""
    match = build_match_query(query)
    if not match:
        return None
    return "c.id IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)", [match]


def substring_condition(query: str) -> tuple[str, list]:
    """SQL condition on ``c.id`` by plain substring (fallback when the index finds nothing)."""
    escaped = query.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return "c.id IN (SELECT case_id FROM case_text WHERE text LIKE ? ESCAPE '\\')", [f"%{escaped}%"]
