"""Turn raw Whisper text into record text: Simplified characters, Chinese punctuation, and
no invented phrases or repetition loops.
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

RESOURCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "transcription"

_CJK = r"\u3400-\u9fff"
_HALF_TO_FULL = {",": "，", "?": "？", "!": "！", ":": "：", ";": "；", "(": "（", ")": "）"}
_END_MARKS = "。？！"
# Words that make an utterance a question when no question mark came out of the model.
_QUESTION_CUES = ("吗", "呢", "是否", "有没有", "是不是", "能否", "可否", "什么", "为什么",
                  "怎么", "多少", "哪里", "对不对", "有无")
_PUNCT_RE = re.compile(r"[\s，。？！、：；,.?!:;“”\"'‘’（）()《》<>【】\[\]…—\-]+")


def load_lines(name: str) -> list[str]:
    """Read a resources/transcription list file: one entry a line, '#' starts a comment."""
    path = RESOURCE_DIR / name
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def strip_punctuation(text: str) -> str:
    """Text with punctuation and spaces removed (for comparisons and matching)."""
    return _PUNCT_RE.sub("", text)


@functools.lru_cache(maxsize=1)
def hallucination_phrases() -> tuple[str, ...]:
    """Known phrases Whisper invents on silence, punctuation-free, longest first."""
    phrases = {strip_punctuation(p) for p in load_lines("hallucinations.txt")}
    return tuple(sorted((p for p in phrases if p), key=len, reverse=True))


@functools.lru_cache(maxsize=1)
def _t2s():
    # OpenCC (Apache-2.0) rather than zhconv, whose GPL would bind the whole product.
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Map Traditional characters and phrases to Simplified (OpenCC t2s; vocabulary is kept)."""
    return _t2s().convert(text) if text else text


def normalise_punctuation(text: str) -> str:
    """Use full-width Chinese punctuation and turn pause-spaces between Chinese into '，'."""
    # U+FFFD comes from a multi-byte token cut in half, almost always a lost '，'.
    text = text.replace("\ufffd", "，").strip()
    # Full-width digits and letters (Whisper sometimes emits them for stray tokens).
    text = text.translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})
    # Commas inside numbers (4,800) are thousands separators, not pauses.
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)
    text = re.sub(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])", "，", text)
    text = "".join(_HALF_TO_FULL.get(ch, ch) for ch in text)
    text = re.sub(rf"(?<=[{_CJK}])\.(?!\d)", "。", text)
    text = re.sub(r"\s+", "", text)
    text = re.sub(r"([，。？！、：；])[，。、：；]+", r"\1", text)
    return text.lstrip("，。、：；")


def is_question(text: str) -> bool:
    """Whether an utterance reads as a question."""
    bare = strip_punctuation(text)
    return bare.endswith(("吗", "呢")) or any(cue in bare for cue in _QUESTION_CUES)


def finish_sentence(text: str) -> str:
    """End the utterance with 。 or ？ (the record needs a closing mark)."""
    text = text.rstrip("，、：；")
    if not text:
        return text
    if text[-1] in _END_MARKS:
        return text
    return text + ("？" if is_question(text) else "。")


def collapse_repetitions(text: str) -> str:
    """Cut repetition loops: a unit of 2+ characters repeated 3+ times (or 8+ characters
    repeated twice, or one character 4+ times) in a row is kept once."""
    def keep_numbers(match: re.Match) -> str:
        # 2222年 or 100000 are real numbers, not loops.
        return match.group(0) if match.group(1).isdigit() else match.group(1)

    text = re.sub(r"(.{8,40}?)\1+", keep_numbers, text)
    text = re.sub(r"(.{2,7}?)\1{2,}", keep_numbers, text)
    return re.sub(r"(.)\1{3,}", keep_numbers, text)


def remove_hallucinations(text: str) -> tuple[str, list[str]]:
    """Remove known invented phrases; return the remaining text and what was removed."""
    removed: list[str] = []
    bare = strip_punctuation(text)
    for phrase in hallucination_phrases():
        if phrase and phrase in bare:
            removed.append(phrase)
            bare = bare.replace(phrase, "")
            text = _remove_spread(text, phrase)
    if removed and not strip_punctuation(text):
        return "", removed
    return text, removed


def _remove_spread(text: str, phrase: str) -> str:
    # The phrase may be interrupted by punctuation in the text; match it loosely.
    pattern = r"[\s，。？！、：；,.?!:;]*".join(re.escape(ch) for ch in phrase)
    return re.sub(pattern, "", text)


def clean_text(raw: str, filters: bool = True) -> tuple[str, list[str]]:
    """Full clean-up of one utterance; returns (text, removed hallucination phrases).

    ``filters=False`` keeps only the Simplified mapping and punctuation (for measuring).
    """
    text = normalise_punctuation(to_simplified(raw))
    if not filters:
        return finish_sentence(text), []
    text = collapse_repetitions(text)
    text, removed = remove_hallucinations(text)
    text = normalise_punctuation(text)
    return finish_sentence(text), removed
