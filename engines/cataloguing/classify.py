"""Label one page: printed title first, then what was learnt, then the text model.

Order of evidence, strongest first:
1. a heading learnt from a clerk's correction;
2. a heading that contains a configured title word (longest word wins, so 诉讼费收据 is a
   fee document although 收据 alone would be evidence);
3. no heading: a continuation of the previous document unless the text model clearly says
   otherwise;
4. the text model; below the threshold the page becomes 其他材料 and is flagged for review.
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from engines.cataloguing.learning import Knowledge
from engines.cataloguing.input_files import Line
from engines.cataloguing.textnorm import compact, is_sentence

_DATE = re.compile(r"^[\d〇零一二三四五六七八九十]{2,4}年[\d〇零一二三四五六七八九十]{1,2}月")
_NUMBERISH = re.compile(r"^[\d\s\-—/第页共.·]*$")
_FOOTER = [
    re.compile(r"第\s*(\d+)\s*页\s*[/，,]?\s*共\s*(\d+)\s*页"),
    re.compile(r"^\s*[-—]\s*(\d+)\s*[-—]\s*$"),
    re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$"),
    re.compile(r"^\s*第\s*(\d+)\s*页\s*$"),
]
_TRAIL_NOTE = re.compile(r"[（(][^（）()]{1,20}[）)]$")
_QUOTED = re.compile(r"《[^》]*》")
HEADING_ZONE = 0.45
MAX_HEADING_CHARS = 24
EVIDENCE_CODE = "evidence"


@dataclass
class Heading:
    """A line that looks like a document title, and what it matched (if anything)."""

    text: str
    label: str | None = None
    word: str = ""
    learned: bool = False
    secondary: bool = False


@dataclass
class PageDecision:
    """The label of one page with its reason."""

    category: str
    confidence: float
    reason: str
    source: str
    heading: Heading | None = None
    footer: tuple[int, int | None] | None = None
    needs_review: bool = False
    alternatives: list[tuple[str, float]] = field(default_factory=list)


def page_footer(lines: list[Line]) -> tuple[int, int | None] | None:
    """The document's own page number printed on the page ("第 2 页 共 3 页", "- 2 -", "2/3")."""
    for line in lines:
        if (line.y0 + line.y1) / 2 < 0.8 and (line.y0 + line.y1) / 2 > 0.12:
            continue
        for pattern in _FOOTER:
            m = pattern.search(line.text)
            if m:
                total = int(m.group(2)) if m.lastindex and m.lastindex >= 2 else None
                return int(m.group(1)), total
    return None


def _is_heading_shaped(line: Line, median_size: float, text: str, body_left: float) -> bool:
    """Title position and size: centred (set in from the body's left edge), larger than the
    body, or letter-spaced. A full-width body line is centred too, which is why the left edge
    matters: a justified line starts at the margin, a centred title does not."""
    if not 2 <= len(_TRAIL_NOTE.sub("", text)) <= MAX_HEADING_CHARS or _NUMBERISH.match(text) or _DATE.match(text):
        return False
    if is_sentence(line.text):
        return False
    centre = (line.x0 + line.x1) / 2
    width = line.x1 - line.x0
    centred = abs(centre - 0.5) < 0.12 and width < 0.6 and line.x0 > body_left + 0.04
    # Sizes are the tallest glyph of a line, so brackets and digits make body lines look a
    # little taller: a title is clearly larger.
    bigger = median_size > 0 and line.size >= 1.25 * median_size
    # Glyph pitch well above the glyph height (width in page-height units: times 0.707),
    # on a short line near the middle: a letter-spaced title such as 起 诉 状.
    spaced = (2 <= len(text) <= 8 and line.size > 0 and abs(centre - 0.5) < 0.2
              and width * 0.707 / len(text) > 1.5 * line.size and not any(ch.isdigit() for ch in text))
    return centred or bigger or spaced


def _title_core(text: str) -> str:
    """What a title line says once a trailing note ("（副本）", "（要素式）") and cited names
    (《汽车贷款合同》 quoted in a sentence) are set aside."""
    core = _TRAIL_NOTE.sub("", text).strip() or text
    if "《" in core and not (core.startswith("《") and core.endswith("》")):
        core = _QUOTED.sub("", core)
    return core.strip("《》 ")


def match_title(text: str, rules, strong: bool = True) -> tuple[str, str] | None:
    """(title word, label) that a title line names, or None.

    A title ends with its noun (法定代表人证明书, 汽车贷款合同, 民事判决书); a word merely
    contained in a line is taken only from a short line (证据目录及说明), never from running
    text that mentions a form (“……签订的借款合同系双方真实意思表示”)."""
    core = _title_core(text)
    best: tuple[int, int, str, str] | None = None
    for word, label in rules.title_index:
        if word not in core:
            continue
        ends = core.endswith(word)
        if ends:
            ok = strong or len(core) <= 15
        else:
            ok = strong and ((len(word) >= 4 and len(core) <= 16) or (len(word) >= 3 and len(core) <= 10))
        if ok:
            key = (len(word), 1 if ends else 0, word, label)
            if best is None or key[:2] > best[:2]:
                best = key
    return (best[2], best[3]) if best else None


def find_heading(lines: list[Line], knowledge: Knowledge) -> Heading | None:
    """The page's title: the first heading-shaped line near the top that names a form.

    If no heading names a known form, the first heading-shaped line is returned unmatched
    (it still signals the start of a document, e.g. the name of a piece of evidence).
    """
    sizes = [ln.size for ln in lines if ln.size > 0]
    median_size = statistics.median(sizes) if sizes else 0.0
    lefts = sorted(ln.x0 for ln in lines if len(compact(ln.text)) >= 8)
    body_left = lefts[len(lefts) // 4] if lefts else 0.1
    first_unmatched: Heading | None = None
    first_content = True
    body_above = False  # a line of running text above: an unknown heading below it is no title
    for line in lines[:12]:
        if line.y0 > HEADING_ZONE:
            break
        text = compact(line.text)
        learned = knowledge.titles.get(text)
        if learned:
            return Heading(text, learned, text, learned=True)
        if any(m.search(text) for m in knowledge.rules.continuation_markers):
            # 附：相关法律条文 and the like: an appendix of the document before, however printed.
            return None
        court_line = "法院" in text
        if court_line:
            # "XX人民法院" headers (sometimes run together with seal text) are not titles,
            # but "陕西省法院诉讼费收据" is: look only at what follows the court's name.
            text = text[text.rfind("法院") + 2:]
        text = _title_text(text)  # an invoice's serial number is not part of its title
        shaped = _is_heading_shaped(line, median_size, text, body_left)
        # A title printed small and flush left (receipts, bank slips) is still the first
        # short line of the page and ends with its noun; a wrapped sentence fragment such as
        # "借款合同纠纷一案" does not end with a title word.
        plain_first = (not shaped and first_content and len(text) <= 15 and not is_sentence(line.text)
                       and not _NUMBERISH.match(text))
        above = body_above
        if court_line or not text:
            first_content = first_content and not text
        elif not _NUMBERISH.match(text):
            first_content = False
            body_above = body_above or len(text) > 12
        if not (shaped or plain_first):
            continue
        matched = match_title(text, knowledge.rules, strong=shaped)
        if matched:
            word, label = matched
            secondary = word in knowledge.rules.secondary_titles
            return Heading(_title_text(text), label, word, secondary=secondary)
        if not shaped:
            continue
        if first_unmatched is None and not court_line and not above:
            first_unmatched = Heading(_title_text(text))
    return first_unmatched


def _title_text(text: str) -> str:
    # Drop invoice/receipt serial numbers printed on the title line.
    return re.sub(r"(No\.?|NO\.?|№)\s*\w+$", "", text).strip() or text


def form_signature(lines: list[Line], knowledge: Knowledge) -> Heading | None:
    """An untitled form recognised by its printed fields (an ID-card copy), as a heading."""
    text = compact("".join(ln.text for ln in lines))
    for sig in knowledge.rules.form_signatures:
        if sum(term in text for term in sig.terms) >= sig.min_hits:
            return Heading(sig.title, sig.label, sig.title)
    return None


def _refine(heading: Heading, lines: list[Line], rules) -> tuple[str, str]:
    """(label, reason note) for a matched title: conditional titles look at the wording."""
    conditional = [c for c in rules.conditional_titles if c.title == heading.word]
    if conditional:
        text = compact("".join(ln.text for ln in lines))
        for c in conditional:
            if not c.terms or any(t in text for t in c.terms):
                return c.label, c.reason
    for word, reason in rules.title_reasons.items():
        if heading.word.endswith(word) or word in heading.word:
            return heading.label, reason
    return heading.label, ""


def classify_page(lines: list[Line], previous: str | None, knowledge: Knowledge,
                  heading: Heading | None = None) -> PageDecision:
    """Decide the category of a page given its lines and the previous page's category.

    A page continues the document before it unless there is strong evidence of a new one:
    a title in title position naming a form, an untitled form recognised by its fields, a
    fresh page numbering (第1页), or, after a short form, a text the model is sure about.
    """
    rules = knowledge.rules
    other = rules.other_label
    heading = heading if heading is not None else find_heading(lines, knowledge)
    footer = page_footer(lines)
    if heading and heading.label:
        if heading.learned:
            return PageDecision(heading.label, 0.97, f"标题“{heading.text}”（本院更正中学得）", "learned", heading, footer)
        if heading.secondary:
            return PageDecision(other, 0.9, f"{rules.secondary_reason}：标题“{heading.text}”", "title", heading, footer)
        label, note = _refine(heading, lines, rules)
        conf = min(0.97, 0.82 + 0.03 * len(heading.word))
        reason = f"标题“{heading.text}”匹配“{heading.word}”" + (f"；{note}" if note else "")
        return PageDecision(label, conf, reason, "title", heading, footer)
    if heading is None or heading.label is None:
        form = form_signature(lines, knowledge)
        if form is not None:
            return PageDecision(form.label, 0.85, f"无标题，按证件版式认出（{form.text}），单独成件", "form", form, footer)

    text = "\n".join(ln.text for ln in lines)
    pred = knowledge.model.predict(text)
    alts = pred.ranked[:3] if pred else []
    terms = "、".join(pred.evidence[:4]) if pred else ""
    model_note = f"文本模型 {knowledge.model_description}" + (f"，关键词：{terms}" if terms else "")
    continues = footer is not None and footer[0] > 1
    fresh = footer is not None and footer[0] == 1
    prev_code = getattr(rules.by_label.get(previous), "code", "") if previous else ""
    unmatched_after_evidence = heading is not None and prev_code == EVIDENCE_CODE
    if previous and not unmatched_after_evidence:
        # No title on the page: most such pages continue the document before them.
        p_prev = pred.prob(previous) if pred else 0.0
        if prev_code in rules.continuation_codes and not fresh:
            # Judgments, rulings, records, pleadings and contracts run over many pages, whose
            # first lines may quote anything; only a clear title (or a very sure model for a
            # title-like line nobody knows) starts something new.
            stay = heading is None or pred is None or pred.label == previous or pred.confidence < 0.9 or p_prev > 0.02
        elif heading is not None and not continues:
            # A title-like line the rules do not know: a new document unless the text model
            # is unsure or agrees with the running document.
            stay = pred is None or pred.label == previous or pred.confidence < rules.min_confidence
        else:
            # Only a confident, contrary text model breaks the run (a page of a record that
            # talks about mediation is still the record); a fresh 第1页 needs less.
            stay = (pred is None or continues or pred.label == previous
                    or (not fresh and (pred.confidence < 0.9 or p_prev > 0.02)))
        if stay:
            conf = 0.9 if continues else max(0.7, min(0.9, 0.7 + p_prev))
            note = f"第{footer[0]}页" if continues else ("无表单标题" if heading else "无标题")
            doubtful = heading is not None and not continues and p_prev < 0.3 and prev_code not in rules.continuation_codes
            if doubtful:
                # It has a title of its own that no rule knows: say so and ask for a look.
                conf = min(conf, 0.6)
                note = f"标题“{heading.text}”未识别"
            return PageDecision(previous, conf, f"续页（{note}，接上一文书）", "continuation", None, footer,
                                needs_review=doubtful, alternatives=alts)
    if unmatched_after_evidence:
        # An untitled-form heading after evidence is usually the next piece of evidence.
        if pred is None or pred.prob(previous) >= 0.1 or pred.confidence < 0.8:
            return PageDecision(previous, 0.75, f"标题“{heading.text}”，紧接证据材料", "model", heading, footer, alternatives=alts)
    if pred is None:
        return PageDecision(other, 0.0, "页面没有可识别的文字，请人工归类", "model", heading, footer, needs_review=True)
    if pred.confidence < rules.min_confidence:
        guess = f"{pred.label} {pred.confidence:.2f}"
        return PageDecision(other, pred.confidence, f"置信度不足（{guess}），待人工复核；{model_note}", "model",
                            heading, footer, needs_review=True, alternatives=alts)
    return PageDecision(pred.label, pred.confidence, f"{model_note}，得分 {pred.confidence:.2f}", "model", heading, footer,
                        alternatives=alts)
