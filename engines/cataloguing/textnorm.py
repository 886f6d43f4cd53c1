"""Text clean-up shared by extraction, OCR and classification."""
from __future__ import annotations

import re

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
# Spaces between two CJK characters (letter-spaced titles, OCR output) carry no meaning.
_CJK_GAP = re.compile(rf"(?<=[{_CJK}（）：，。、；])[ \t\u3000]+(?=[{_CJK}（）：，。、；])")
_ALL_SPACE = re.compile(r"[\s\u3000]+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_FULL_DIGITS = str.maketrans("０１２３４５６７８９：；，", "0123456789：；，")
_SENTENCE_PUNCT = set("，。；、！？,;")


def join_cjk(text: str) -> str:
    """Remove the spaces OCR and letter spacing put between Chinese characters."""
    return _CJK_GAP.sub("", text.translate(_FULL_DIGITS)).strip()


def compact(text: str) -> str:
    """Remove every whitespace character (for matching titles and terms)."""
    return _ALL_SPACE.sub("", text)


def cjk_count(text: str) -> int:
    """Number of Chinese characters in ``text``."""
    return len(_CJK_CHAR.findall(text))


def is_sentence(text: str) -> bool:
    """True when a line reads like running text rather than a heading."""
    return any(ch in _SENTENCE_PUNCT for ch in text) or text.rstrip().endswith(("：", ":"))


def looks_garbled(text: str) -> bool:
    """True when a text layer is unusable (unmapped glyphs such as ``(cid:12)``)."""
    return text.count("(cid:") > 5 or "\ufffd\ufffd\ufffd" in text
