"""Which recognised word each character of a line's *current* text came from.

The recogniser's words (with times and confidence) spell the raw text; the line the clerk
sees has been cleaned up (punctuation, fillers), corrected to the case's terms (near
homophones) and possibly edited by the clerk. The editor shades unsure words and plays from a
clicked word in that current text, so the words are mapped onto it by aligning characters:

* characters unchanged since recognition keep their word; a word the clerk changed (a
  character replaced, removed or typed inside it) loses its shading - the clerk has looked;
* a word the machine changed (clean-up, or a correction whose replacement is still in the text)
  keeps its shading - nobody has checked it yet;
* characters the clerk added between words belong to no word (never shaded) and play from the
  word before them.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass
class WordSpan:
    """Characters ``start``..``end`` of the current text and the word they came from."""

    start: int
    end: int
    word: int | None  # index into the words given (None: text added by the clerk)
    time: float | None  # where playback of this span starts (seconds)
    keep: bool  # the word's confidence still describes these characters (not edited by the clerk)


def _key(ch: str) -> str:
    # Full- and half-width punctuation and letters compare equal (the clean-up converts them).
    return unicodedata.normalize("NFKC", ch).lower()


def _significant(ch: str) -> bool:
    return ch.isalnum()


def word_spans(text: str, words, corrections=(), edited: bool = True) -> list[WordSpan]:
    """Spans covering ``text`` from start to end, in order; [] when there are no words.

    ``words`` have ``text``/``start``; ``corrections`` have ``position`` and ``replacement``
    (the machine's vocabulary fixes); ``edited`` False means every difference is the machine's.
    """
    chars, owner_of = [], []
    for index, word in enumerate(words):
        for ch in word.text:
            if not ch.isspace():
                chars.append(ch)
                owner_of.append(index)
    if not chars or not text:
        return []
    machine = [False] * (len(text) + 1)  # positions inside a machine correction still in the text
    for c in corrections or ():
        end = c.position + len(c.replacement)
        if c.replacement and text[c.position:end] == c.replacement:
            for j in range(c.position, end + 1):
                machine[j] = True
    owner: list[int | None] = [None] * len(text)
    clerk_changed: set[int] = set()

    def changed(index: int, at: int) -> None:
        if edited and not machine[min(at, len(text))]:
            clerk_changed.add(index)

    matcher = SequenceMatcher(None, [_key(c) for c in chars], [_key(c) for c in text], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(j2 - j1):
                owner[j1 + k] = owner_of[i1 + k]
        elif tag == "replace":
            for j in range(j1, j2):
                owner[j] = owner_of[i1 + (j - j1) * (i2 - i1) // (j2 - j1)]
                if _significant(text[j]) or _significant(chars[i1 + (j - j1) * (i2 - i1) // (j2 - j1)]):
                    changed(owner[j], j)
        elif tag == "delete":
            for i in range(i1, i2):
                if _significant(chars[i]):
                    changed(owner_of[i], j1)
        elif tag == "insert":
            before = owner_of[i1 - 1] if i1 > 0 else None
            after = owner_of[i1] if i1 < len(owner_of) else None
            if before is not None and before == after:  # typed inside a word: that word is edited
                for j in range(j1, j2):
                    owner[j] = before
                    if _significant(text[j]):
                        changed(before, j)
    spans: list[WordSpan] = []
    last_word: int | None = None
    for j, who in enumerate(owner):
        if spans and spans[-1].word == who:
            spans[-1].end = j + 1
            continue
        if who is not None:
            last_word = who
        time = words[who].start if who is not None else (
            words[last_word].start if last_word is not None else words[owner_of[0]].start)
        spans.append(WordSpan(j, j + 1, who, time, who is not None))
    for span in spans:
        if span.word in clerk_changed:
            span.keep = False
    return spans


def split_words(text: str, words, at: int, fallback_time: float) -> tuple[list[int], list[int], float]:
    """Which words (indices) go with ``text[:at]`` and which with ``text[at:]`` when the clerk
    splits a line there, and the time the second part starts.

    A word goes where its first character now stands; a word the clerk deleted goes by its
    time against ``fallback_time`` (the proportional split point). The second part starts at
    its first word, so playback and shading follow the split instead of guessing from lengths.
    """
    first: dict[int, int] = {}
    for span in word_spans(text, words):
        if span.word is not None:
            first.setdefault(span.word, span.start)
    head, tail = [], []
    for index, word in enumerate(words):
        position = first.get(index)
        goes_first = position < at if position is not None else word.start < fallback_time
        (head if goes_first else tail).append(index)
    starts = [words[i].start for i in tail if i in first]
    return head, tail, (min(starts) if starts else fallback_time)


def joined_words(first: str | None, second: str | None) -> str:
    """The stored words of two merged lines, in order."""
    return json.dumps((json.loads(first) if first else []) + (json.loads(second) if second else []),
                      ensure_ascii=False)


def joined_corrections(seg: dict, nxt: dict) -> str:
    """The corrections of two merged lines, the second's positions moved past the first's text."""
    shift = len(seg["text"])
    return json.dumps(json.loads(seg["corrections"] or "[]")
                      + [dict(c, position=c["position"] + shift) for c in json.loads(nxt["corrections"] or "[]")],
                      ensure_ascii=False)
