"""Case material that drafting draws on besides the case record: the hearing transcript and
the dossier's extracted claims. Pure helpers (no store, no Qt): the service reads the tables
and passes plain values in.

* :func:`main_statements` picks each side's main utterances from a transcript: speakers are
  mapped to a role (原告/原告代理人 -> 原告, 被告/被告代理人 -> 被告, 第三人…), very short
  and procedural answers (不申请回避, 听清楚了) are skipped, order is kept, and each side's
  text is capped.
* :func:`locate_text` finds the dossier page a piece of extracted text comes from.
* :func:`document_section` takes the 事实与理由 of a complaint (or the 答辩意见 of a defence)
  from the dossier pages' text.
* :func:`add_comments` anchors Word comments (e.g. the source page of machine text) on the
  paragraphs that contain a given text, so the provenance is visible in Word/WPS without
  becoming part of the document's text.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from itertools import pairwise

ROLES = ("原告", "被告", "第三人")
MIN_CHARS = 8  # utterances with fewer meaningful characters are not "main" statements
MAX_CHARS = 400  # per side, across the hearings
PROCEDURAL = re.compile(
    r"^(?:[对向]?(?:合议庭|审判人员|审判员|书记员)?[^，。]{0,12})?(?:不申请回避|申请回避|听清楚了?|听明白了?|清楚了|明白了?|"
    r"核对无误|没有异议|没有补充|无补充|没有了|无异议|知道了|收到了?)[。，！!？?\s]*$")
_MEANINGFUL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
_SENTENCE_END = re.compile(r"[。！？!?；;]")


@dataclass
class Utterance:
    """One turn of the transcript: speaker label as the clerk left it and the (edited) text."""

    speaker: str
    text: str


@dataclass
class SideStatements:
    """The main utterances of one side (role), and for which party when the label names one."""

    role: str
    utterances: list[str] = field(default_factory=list)
    party: str = ""  # a party's name when the speaker labels named it, else ''

    @property
    def text(self) -> str:
        """All main utterances joined into one passage."""
        return "".join(_sentence(u) for u in self.utterances)


def speaker_role(speaker: str) -> str | None:
    """原告/原告代理人/原告委托诉讼代理人 -> 原告 (same for 被告, 第三人); anyone else -> None."""
    label = (speaker or "").strip().lstrip("（(").replace("委托", "")
    for role in ROLES:
        if label.startswith(role):
            return role
    return None


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or _SENTENCE_END.search(text[-1]) or text.endswith("…") else text + "。"


def _meaningful(text: str) -> int:
    return len(_MEANINGFUL.findall(text))


def _cap(parts: list[str], limit: int) -> list[str]:
    out, used = [], 0
    for part in parts:
        part = _sentence(part)
        if used + len(part) <= limit:
            out.append(part)
            used += len(part)
            continue
        room = limit - used
        if room >= MIN_CHARS * 2:  # cut the last one at a sentence end when one fits, else hard
            head = part[:room]
            ends = [m.end() for m in _SENTENCE_END.finditer(head)]
            head = head[:ends[-1]] if ends and ends[-1] >= MIN_CHARS else head.rstrip("，,、 ")
            out.append(head.rstrip("。；;") + "……")
        break
    return out


def main_statements(utterances: list[Utterance], parties: dict[str, list[str]] | None = None,
                    min_chars: int = MIN_CHARS, max_chars: int = MAX_CHARS) -> dict[str, SideStatements]:
    """Each side's main utterances in order: {role: SideStatements}; sides that said nothing
    substantial are absent. ``parties`` ({role: [names]}) lets a label such as "被告王某代理人"
    attribute the side to that party."""
    parties = parties or {}
    raw: dict[str, list[str]] = {}
    named: dict[str, set[str]] = {}
    for u in utterances:
        role = speaker_role(u.speaker)
        text = (u.text or "").strip()
        if role is None or _meaningful(text) < min_chars or PROCEDURAL.match(text):
            continue
        items = raw.setdefault(role, [])
        if items and items[-1] == text:
            continue  # the same words twice in a row (a split that was not merged)
        items.append(text)
        for name in parties.get(role, []):
            if name and name in u.speaker:
                named.setdefault(role, set()).add(name)
    out = {}
    for role, items in raw.items():
        who = named.get(role, set())
        out[role] = SideStatements(role, _cap(items, max_chars), next(iter(who)) if len(who) == 1 else "")
    return out


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def locate_text(needle: str, pages: list[tuple[int, str, str]], prefix: int = 12) -> tuple[int, str] | None:
    """(page, category) of the first page whose text holds the start of ``needle``; pages are
    (page, category, text). Line breaks and spaces are ignored (extraction joins lines)."""
    key = _squash(needle)[:prefix]
    if not key:
        return None
    for page, category, text in pages:
        if key in _squash(text):
            return page, category
    # The start may straddle a page break: try the pages joined pairwise.
    for (page, category, text), (_, _, after) in pairwise(pages):
        if key in _squash(text) + _squash(after):
            return page, category
    return None


_SECTION = {
    "complaint": (re.compile(r"事实(?:与|和|及)理由\s*[:：]?"), re.compile(r"此致|具状人|起诉人[（(:：]|附\s*件?\s*[:：]")),
    "defence": (re.compile(r"(?:答辩(?:意见|理由)(?:如下)?|(?:提出|现)?答辩如下)\s*[:：]"),
                re.compile(r"此致|答辩人[（(:：]|具状人|附\s*件?\s*[:：]")),
}
SECTION_CHARS = 600


def document_section(kind: str, pages: list[tuple[int, str]], limit: int = SECTION_CHARS) -> tuple[str, int] | None:
    """The 事实与理由 of a complaint (``kind='complaint'``) or the 答辩意见 of a written defence
    (``'defence'``) from the pages (page, text) of one document: (text, page it starts on),
    joined across line and page breaks and capped at a sentence end; None without the heading."""
    start_re, end_re = _SECTION[kind]
    joined, starts = "", []
    for page, text in pages:
        starts.append((len(joined), page))
        joined += re.sub(r"[ \t\u3000]*\n[ \t\u3000]*", "", text or "")
    found = start_re.search(joined)
    if not found:
        return None
    end = end_re.search(joined, found.end())
    body = joined[found.end(): end.start() if end else len(joined)]
    body = re.sub(r"第\s*\d+\s*页\s*共\s*\d+\s*页\d*", "", body).strip()  # page footers
    if _meaningful(body) < MIN_CHARS:
        return None
    page = next(p for offset, p in reversed(starts) if offset <= found.start())
    capped = _cap([body], limit)
    return (capped[0] if capped else body[:limit]), page


COMMENT_AUTHOR = "文书辅助生成"


def _comment_ids(element) -> set[int]:
    """Ids of the comments anchored (range start or reference) inside a body element."""
    from docx.oxml.ns import qn

    ids = set()
    for tag in ("w:commentRangeStart", "w:commentReference"):
        for marker in element.iter(qn(tag)):
            value = marker.get(qn("w:id"))
            if value is not None and value.lstrip("-").isdigit():
                ids.add(int(value))
    return ids


def remove_comments(data: bytes, author: str = COMMENT_AUTHOR,
                    paragraphs: list[int] | None = None) -> tuple[bytes, int]:
    """Drop the comments ``author`` added (the judge accepted the machine text, so its
    provenance notes need not print with the document); other people's comments stay.
    With ``paragraphs`` (indexes into ``Document.paragraphs``) only the notes anchored on those
    paragraphs go: the judge decided on those paragraphs, the others still need their source.
    Returns the new bytes and how many were removed."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    ids = {c.comment_id for c in document.comments if c.author == author}
    if paragraphs is not None:
        body = document.paragraphs
        anchored: set[int] = set()
        for index in paragraphs:
            if 0 <= index < len(body):
                anchored |= _comment_ids(body[index]._p)
        ids &= anchored
    if not ids:
        return data, 0
    for c in list(document.comments):
        if c.comment_id in ids:
            element = c._comment_elm
            element.getparent().remove(element)
    body = document.element.body
    for tag in ("w:commentRangeStart", "w:commentRangeEnd", "w:commentReference"):
        # list(): removing while iterating the lxml tree would skip siblings.
        for element in list(body.iter(qn(tag))):
            if element.get(qn("w:id")) is not None and int(element.get(qn("w:id"))) in ids:
                target = element.getparent() if tag == "w:commentReference" else element
                target.getparent().remove(target)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), len(ids)


def comments_by_paragraph(data: bytes, author: str = COMMENT_AUTHOR) -> dict[int, list[str]]:
    """The text of ``author``'s comments anchored on each body paragraph: {index: [text]}
    (paragraphs without such a comment are absent). Used to show a machine paragraph's source."""
    import docx

    document = docx.Document(io.BytesIO(data))
    texts = {c.comment_id: c.text for c in document.comments if c.author == author}
    out: dict[int, list[str]] = {}
    for index, paragraph in enumerate(document.paragraphs):
        found = [texts[i] for i in sorted(_comment_ids(paragraph._p)) if i in texts]
        if found:
            out[index] = found
    return out


def add_comments(data: bytes, notes: list[tuple[str, str]], author: str = COMMENT_AUTHOR) -> tuple[bytes, list[int]]:
    """Anchor a comment ``text`` on every body paragraph containing ``needle`` for each
    (needle, text) in ``notes``; returns the new .docx bytes and the paragraphs commented."""
    import docx

    document = docx.Document(io.BytesIO(data))
    done: set[tuple[int, str]] = set()
    for needle, text in notes:
        if not needle:
            continue
        for index, paragraph in enumerate(document.paragraphs):
            if needle in paragraph.text and paragraph.runs and (index, text) not in done:
                document.add_comment(paragraph.runs, text=text, author=author, initials="机")
                done.add((index, text))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), sorted({index for index, _ in done})
