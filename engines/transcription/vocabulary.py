"""Case-aware vocabulary: decoder hints and near-homophone correction by pinyin.

Whisper base often writes a sound-alike (备告 for 被告, 借代 for 借贷, 扬番 for the party
杨帆). The case file knows the right words: parties, agents, 案由, court, plus a list of
common hearing terms (resources/transcription/legal_terms.txt). Windows of the text whose
toneless pinyin matches a term closely are replaced, and every replacement is returned as a
:class:`Correction` so the clerk can see and undo it.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

from pypinyin import Style, pinyin
from pypinyin.contrib.tone_convert import to_finals, to_initials

from engines.transcription.results import Correction
from engines.transcription.text_cleanup import load_lines

# Sources of terms; case-specific sources win over everyday words unconditionally.
SOURCE_PARTY = "当事人"
SOURCE_AGENT = "代理人"
SOURCE_CAUSE = "案由"
SOURCE_COURT = "法院"
SOURCE_HOTWORD = "热词"
SOURCE_LEGAL = "法律用语"
_CASE_SOURCES = {SOURCE_PARTY, SOURCE_AGENT, SOURCE_CAUSE, SOURCE_COURT, SOURCE_HOTWORD}

# Pinyin pairs that speakers and the recogniser confuse (southern accents, TTS slips).
_FUZZY_INITIALS = [{"z", "zh"}, {"c", "ch"}, {"s", "sh"}, {"n", "l"}, {"f", "h"}, {"r", "l"}]
_FUZZY_FINALS = [{"an", "ang"}, {"en", "eng"}, {"in", "ing"}, {"ian", "iang"},
                 {"uan", "uang"}]
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


@dataclass(frozen=True)
class Term:
    """A vocabulary entry: the written form, where it came from, and whether it is strong."""

    text: str
    source: str
    strong: bool = False


@dataclass
class CaseVocabulary:
    """Words of one case (and of hearings in general) that decoding and correction favour."""

    parties: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    cause: str = ""
    court: str = ""
    hotwords: list[str] = field(default_factory=list)
    include_legal_terms: bool = True

    def terms(self) -> list[Term]:
        """All terms, case-specific first, without duplicates."""
        out: dict[str, Term] = {}

        def add(text: str, source: str, strong: bool = False) -> None:
            text = text.strip()
            if len(text) >= 2 and text not in out:
                out[text] = Term(text, source, strong)

        for name in self.parties:
            add(name, SOURCE_PARTY)
        for name in self.agents:
            add(name, SOURCE_AGENT)
        if self.cause:
            add(self.cause, SOURCE_CAUSE)
        for court in court_forms(self.court):
            add(court, SOURCE_COURT)
        for word in self.hotwords:
            add(word, SOURCE_HOTWORD)
        if self.include_legal_terms:
            for term in legal_terms():
                add(term.text, term.source, term.strong)
        return list(out.values())

    def with_case_text(self, text: str) -> "CaseVocabulary":
        """A copy whose hotwords also hold the terms found in the case's own text."""
        from engines.transcription.case_text import case_terms

        extra = [t for t in case_terms(text) if t not in self.hotwords]
        return CaseVocabulary(parties=list(self.parties), agents=list(self.agents),
                              cause=self.cause, court=self.court,
                              hotwords=list(self.hotwords) + extra,
                              include_legal_terms=self.include_legal_terms)

    def prompt(self, max_chars: int = 80, separator: str = "，") -> str:
        """Decoder hint: the case's own words only.

        General legal terms stay out: a long word list makes Whisper recite the list
        instead of transcribing (seen as 委托代理人、委托代理人… on quiet audio).
        """
        words: list[str] = []
        length = 0
        for term in self.terms():
            if term.source == SOURCE_LEGAL:
                continue
            if length + len(term.text) + 1 > max_chars:
                break
            words.append(term.text)
            length += len(term.text) + 1
        return separator.join(words)


def parse_hotwords(text: str | None) -> list[str]:
    """Split a ``--hotwords`` value on commas, 、, semicolons or spaces."""
    if not text:
        return []
    return [w for w in re.split(r"[,，、;；\s]+", text) if w]


def court_forms(court: str) -> list[str]:
    """The court's full name plus the short form people say (成都市武侯区人民法院 -> 武侯区人民法院)."""
    court = court.strip()
    if not court:
        return []
    forms = [court]
    match = re.search(r"(?:省|自治区|市|州|盟)([^省市州盟]+?(?:区|县|市|旗)人民法院)$", court)
    if match and match.group(1) != court:
        forms.append(match.group(1))
    return forms


@functools.lru_cache(maxsize=1)
def legal_terms() -> tuple[Term, ...]:
    """Terms from resources/transcription/legal_terms.txt (a trailing '*' marks strong)."""
    terms = []
    for line in load_lines("legal_terms.txt"):
        strong = line.endswith("*")
        terms.append(Term(line.rstrip("*").strip(), SOURCE_LEGAL, strong))
    return tuple(terms)


@functools.lru_cache(maxsize=None)
def _readings(char: str) -> tuple[tuple[str, str], ...]:
    """(initial, final) pairs for every reading of a character, toneless."""
    readings = pinyin(char, style=Style.NORMAL, heteronym=True)[0]
    return tuple(dict.fromkeys((to_initials(r, strict=False), to_finals(r, strict=False))
                               for r in readings))


def _part_similarity(a: str, b: str, fuzzy: list[set[str]]) -> float:
    if a == b:
        return 1.0
    return 0.85 if any(a in pair and b in pair for pair in fuzzy) else 0.0


def char_similarity(a: str, b: str) -> float:
    """How alike two characters sound: 1 same syllable, 0.85 fuzzy pair, 0.5 same initial."""
    if a == b:
        return 1.0
    best = 0.0
    for ia, fa in _readings(a):
        for ib, fb in _readings(b):
            ini = _part_similarity(ia, ib, _FUZZY_INITIALS)
            fin = _part_similarity(fa, fb, _FUZZY_FINALS)
            if ini and fin:
                best = max(best, 1.0 if ini == fin == 1.0 else min(ini, fin))
            elif ini == 1.0:
                best = max(best, 0.5)
    return best


def sound_similarity(a: str, b: str) -> float:
    """Mean character sound similarity of two equally long strings."""
    if len(a) != len(b) or not a:
        return 0.0
    return sum(char_similarity(x, y) for x, y in zip(a, b)) / len(a)


def _threshold(length: int) -> float:
    # Two characters must sound the same (one fuzzy pair at most); longer terms may have one
    # syllable that only shares its initial.
    return 0.92 if length <= 2 else 0.83


# A window that is itself a dictionary word this common is an everyday word: it never
# becomes a general legal term (上述 stays, 一头 stays), only a term of this case may win.
EVERYDAY_WORD_FREQ = 20
# Language-model gain (natural log) a replacement must bring: strong evidence only.
CASE_MARGIN = math.log(2.0)
LEGAL_MARGIN = math.log(20.0)
# Weight of the case-text bigram model against the word model.
CASE_LM_WEIGHT = 0.5


def _has_case_info(terms: list[Term]) -> bool:
    return any(t.source in _CASE_SOURCES for t in terms)


def is_legal_text(text: str) -> bool:
    """Whether ``text`` holds a general hearing term verbatim (evidence of legal talk)."""
    return any(len(t.text) >= 2 and t.text in text for t in legal_terms())


def _legal_context(text: str, terms: list[Term], case_info: bool) -> bool:
    """A hearing of a case (case information given) or a text that already holds a legal
    term verbatim: only then may a general legal term replace a sound-alike."""
    if case_info:
        return True
    return any(t.source == SOURCE_LEGAL and len(t.text) >= 2 and t.text in text for t in terms)


def _language_model(terms: list[Term], legal_context: bool):
    from engines.transcription.language_model import (CASE_TERM_FREQ, LEGAL_CONTEXT_BOOST,
                                                      LEGAL_TERM_FLOOR, WordLanguageModel,
                                                      word_frequency)

    overlay: dict[str, float] = {}
    for term in terms:
        if term.source in _CASE_SOURCES:
            overlay[term.text] = CASE_TERM_FREQ
        elif legal_context:
            overlay[term.text] = max(word_frequency(term.text), LEGAL_TERM_FLOOR) * LEGAL_CONTEXT_BOOST
    return WordLanguageModel(overlay)


def correct_text(text: str, vocabulary: CaseVocabulary | list[Term],
                 case_model=None, legal_context: bool | None = None) -> tuple[str, list[Correction]]:
    """Replace near-homophones of vocabulary terms; return new text and the corrections.

    A replacement needs a term of this case, or a general legal term in a legal context
    (never over an everyday word); a close sound; and a language-model gain (jieba word
    frequencies, plus ``case_model``, a :class:`CaseLanguageModel` of the case's own text).
    ``legal_context`` True says the recording is legal talk already (e.g. an earlier
    segment held a legal term); None decides from this text and the vocabulary.
    """
    terms = vocabulary.terms() if isinstance(vocabulary, CaseVocabulary) else list(vocabulary)
    known = {t.text for t in terms}
    case_info = _has_case_info(terms)
    legal = legal_context or _legal_context(text, terms, case_info)
    if not legal:
        terms = [t for t in terms if t.source in _CASE_SOURCES]
    if not terms:
        return text, []
    # Built on the first candidate only: most texts have none, and loading jieba's
    # dictionary costs a second (live mode shows text while the hearing goes on).
    lazy: list = []

    def model():
        if not lazy:
            lazy.append(_language_model(terms, legal))
        return lazy[0]
    # Longer terms first: a party name must win over a two-character legal term inside it.
    terms = sorted(terms, key=lambda t: (-len(t.text), t.source not in _CASE_SOURCES))
    chars = list(text)
    locked = [False] * len(chars)  # characters already fixed or confirmed as a term
    found: list[tuple[int, str, str, Term, float]] = []
    for term in terms:
        n = len(term.text)
        for run in _CJK_RUN.finditer(text):
            start = run.start()
            while start + n <= run.end():
                window = "".join(chars[start:start + n])
                if any(locked[start:start + n]):
                    start += 1
                    continue
                if window == term.text:
                    locked[start:start + n] = [True] * n
                    if (term.source in _CASE_SOURCES and n >= 3 and start + n < len(chars)
                            and chars[start + n] == term.text[-1]):
                        found.append((start, window, term.text, term, 1.0))  # echo only
                    start += n
                    continue
                score = sound_similarity(window, term.text)
                if (score >= _threshold(n) and _may_replace(window, term, known)
                        and _gains(model, case_model, chars, run.start(), run.end(), start,
                                   term)):
                    chars[start:start + n] = list(term.text)
                    locked[start:start + n] = [True] * n
                    found.append((start, window, term.text, term, score))
                    start += n
                    continue
                start += 1
    found = _drop_name_echoes(chars, sorted(found, key=lambda f: f[0]))
    corrections = [
        Correction(position=pos, original=orig, replacement=rep, term_source=term.source,
                   score=round(score, 3),
                   reason=f"读音与{term.source}“{rep}”相近（{_pinyin_of(orig)} ≈ {_pinyin_of(rep)}）")
        for pos, orig, rep, term, score in sorted(found)
    ]
    return "".join(chars), corrections


def _drop_name_echoes(chars: list[str], found: list) -> list:
    """Whisper stutters on names it does not know (核件军军 -> 何建军军): when a corrected
    case name of 3+ characters is followed by its own last character again, the echo is
    removed and becomes part of that correction. ``chars`` is edited in place."""
    out = []
    removed = 0
    for pos, orig, rep, term, score in found:
        pos -= removed
        end = pos + len(rep)
        if (term.source in _CASE_SOURCES and len(rep) >= 3 and end < len(chars)
                and chars[end] == rep[-1]):
            orig += chars.pop(end)
            removed += 1
        out.append((pos, orig, rep, term, score))
    return out


def _may_replace(window: str, term: Term, known: set[str]) -> bool:
    if window in known:
        return False
    if term.source in _CASE_SOURCES:
        return True
    from engines.transcription.language_model import word_frequency

    # An everyday word never becomes a general legal term.
    return word_frequency(window) <= EVERYDAY_WORD_FREQ


def _gains(model, case_model, chars: list[str], lo: int, hi: int, start: int,
           term: Term) -> bool:
    """Whether the run reads better (language model) with ``term`` at ``start``."""
    before = "".join(chars[lo:hi])
    after = before[:start - lo] + term.text + before[start - lo + len(term.text):]
    margin = CASE_MARGIN if term.source in _CASE_SOURCES else LEGAL_MARGIN
    lm = model()
    gain = lm.score(after) - lm.score(before)
    if case_model:
        # log10 ratios of the case text's bigrams, in natural log units.
        gain += CASE_LM_WEIGHT * math.log(10) * (case_model.gain(after) - case_model.gain(before))
    return gain > margin


def _pinyin_of(text: str) -> str:
    return " ".join(p[0] for p in pinyin(text, style=Style.NORMAL))


def undo_correction(text: str, correction: Correction) -> str:
    """Put the machine's original words back for one correction (the clerk's undo)."""
    pos, rep = correction.position, correction.replacement
    if text[pos:pos + len(rep)] != rep:
        raise ValueError("文本已被修改，无法撤销该更正")
    return text[:pos] + correction.original + text[pos + len(rep):]
