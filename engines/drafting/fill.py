"""Fill a .docx template's ``{{field}}`` placeholders from a case record.

Templates live in resources/templates/ (one .docx per document type; a court may add or
replace them without code). A paragraph that holds only a block field (``{{party_block}}``)
is replaced by one paragraph per value, each a copy of the placeholder paragraph so the
template's style and run formatting carry over. Inline fields are replaced inside their run.
Machine-drafted text is highlighted (yellow) until the judge accepts it; the result lists
those paragraphs by index into python-docx ``Document.paragraphs``.
"""
from __future__ import annotations

import copy
import datetime as _dt
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from engines.common import NEVER_CANCELLED, CancelToken, InputError, ProgressCallback, no_progress, say
from engines.drafting.case_record import CaseRecord
from engines.drafting.fields import FIELD_DESCRIPTIONS, TO_COMPLETE, FieldContext, FieldValue, compute_fields

DEFAULT_TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}")
MACHINE_HIGHLIGHT = "YELLOW"


@dataclass
class FillResult:
    """What was produced: output path, fields used, machine paragraphs and fields left to complete."""

    output: str
    template: str
    fields_used: list[str]
    machine_paragraphs: list[int]
    incomplete_fields: list[str] = field(default_factory=list)
    paragraph_count: int = 0


def list_templates(templates_dir: str | Path | None = None) -> list[dict]:
    """Templates in the folder: name (file stem) and title (first non-empty line after the court)."""
    import docx

    folder = Path(templates_dir or DEFAULT_TEMPLATES_DIR)
    out = []
    for path in sorted(folder.glob("*.docx")):
        if path.name.startswith("~$"):
            continue  # Word's lock files
        try:
            texts = [p.text.strip() for p in docx.Document(str(path)).paragraphs if p.text.strip()]
        except Exception:  # noqa: BLE001 - a damaged template is listed, filling it reports the problem
            texts = []
        title = next((t for t in texts if "{{" not in t), path.stem)
        out.append({"name": path.stem, "title": title, "path": str(path)})
    return out


def resolve_template(name_or_path: str | Path, templates_dir: str | Path | None = None) -> Path:
    """A template by name (file stem in the folder) or by path; InputError lists what exists."""
    candidate = Path(name_or_path)
    if candidate.suffix.lower() == ".docx" and candidate.is_file():
        return candidate
    folder = Path(templates_dir or DEFAULT_TEMPLATES_DIR)
    path = folder / f"{name_or_path}.docx"
    if path.is_file():
        return path
    names = "、".join(t["name"] for t in list_templates(folder)) or "（无）"
    raise InputError(f"找不到模板“{name_or_path}”，可用模板：{names}", code="template.missing",
                     params={"name": name_or_path, "names": names})


def _all_paragraphs(document):
    """Body paragraphs, then paragraphs in tables, headers and footers (all may hold fields)."""
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        for part in (section.header, section.footer):
            yield from part.paragraphs


def template_fields(document) -> list[str]:
    """Every field name used in a template, in order of first use."""
    seen: list[str] = []
    for p in _all_paragraphs(document):
        for m in PLACEHOLDER.finditer(p.text):
            if m.group(1) not in seen:
                seen.append(m.group(1))
    return seen


def check_template(document, template_name: str, extra: dict[str, str] | None = None) -> list[str]:
    """Return the fields used; InputError naming every unknown field (and what is allowed)."""
    used = template_fields(document)
    allowed = set(FIELD_DESCRIPTIONS) | {f"extra.{k}" for k in (extra or {})}
    unknown = [f for f in used if f not in allowed and not f.startswith("extra.")]
    if unknown:
        raise InputError(
            f"模板“{template_name}”包含未知字段：" + "、".join("{{" + u + "}}" for u in unknown),
            "可用字段：" + "、".join(sorted(FIELD_DESCRIPTIONS)), code="template.unknown_fields",
            params={"name": template_name, "fields": "、".join("{{" + u + "}}" for u in unknown)},
        )
    return used


def _merge_runs_if_split(paragraph) -> None:
    """Word may split ``{{field}}`` over several runs; join the runs so it can be replaced."""
    runs = paragraph.runs
    if len(runs) < 2 or "{{" not in paragraph.text:
        return
    if all(r.text.count("{{") == r.text.count("}}") == len(PLACEHOLDER.findall(r.text)) for r in runs):
        return
    runs[0].text = "".join(r.text for r in runs)
    for r in runs[1:]:
        r._element.getparent().remove(r._element)


def _set_highlight(run) -> None:
    from docx.enum.text import WD_COLOR_INDEX

    run.font.highlight_color = getattr(WD_COLOR_INDEX, MACHINE_HIGHLIGHT)


def _value_of(name: str, values: dict[str, FieldValue], extra: dict[str, str]) -> FieldValue:
    if name.startswith("extra."):
        return FieldValue([extra.get(name[6:], "")])
    return values[name]


def _fill_inline(paragraph, values, extra) -> bool:
    """Replace inline fields run by run; returns True when machine text went in."""
    machine = False
    for run in list(paragraph.runs):
        if "{{" not in run.text:
            continue
        pieces = PLACEHOLDER.split(run.text)
        # pieces alternate: literal, field, literal, field, ...
        if len(pieces) == 1:
            continue
        element = run._element
        template_rpr = copy.deepcopy(element.rPr) if element.rPr is not None else None
        anchor = element
        run.text = pieces[0]
        for k in range(1, len(pieces), 2):
            value = _value_of(pieces[k], values, extra)
            for text, is_machine in ((value.text, value.machine), (pieces[k + 1], False)):
                if not text:
                    continue
                new = copy.deepcopy(element)
                for child in list(new):
                    if child is not new.rPr:
                        new.remove(child)
                if template_rpr is not None and new.rPr is None:
                    new.insert(0, copy.deepcopy(template_rpr))
                anchor.addnext(new)
                anchor = new
                from docx.text.run import Run

                r = Run(new, paragraph)
                r.text = text
                if is_machine:
                    _set_highlight(r)
                    machine = True
    return machine


def _fill_block(paragraph, value: FieldValue) -> int:
    """Replace a paragraph holding only a block field by one copy per value; returns how many."""
    element = paragraph._element
    if not value.paragraphs:
        element.getparent().remove(element)
        return 0
    from docx.text.paragraph import Paragraph

    anchor = element
    for text in value.paragraphs:
        new = copy.deepcopy(element)
        anchor.addnext(new)
        anchor = new
        para = Paragraph(new, paragraph._parent)
        runs = para.runs
        runs[0].text = text
        for r in runs[1:]:
            r._element.getparent().remove(r._element)
        if value.machine:
            _set_highlight(runs[0])
    element.getparent().remove(element)
    return len(value.paragraphs)


def fill_template(
    template: str | Path,
    case: CaseRecord,
    out: str | Path | BinaryIO,
    templates_dir: str | Path | None = None,
    context: FieldContext | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
    machine_drafting: bool = True,
) -> FillResult:
    """Fill ``template`` (name or path) from ``case`` and save it to ``out`` (.docx path or a
    writable binary stream, so a caller can keep the draft out of plain files)."""
    import docx

    path = resolve_template(template, templates_dir)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for a damaged package
        raise InputError(f"模板“{path.stem}”不是有效的Word文档", str(exc),
                         code="docx.template_invalid", params={"name": path.stem}) from exc
    used = check_template(document, path.stem, case.extra)
    if context is None:
        context = FieldContext(interest_article=_interest_article(case.judgment_date or _dt.date.today()))
    values = compute_fields(case, context)
    if not machine_drafting:
        # The drafting assistant is switched off: the judge writes these parts by hand.
        for name, value in values.items():
            if value.machine:
                values[name] = FieldValue([TO_COMPLETE] if value.block else [TO_COMPLETE], False, value.block)
    progress(0.2, say("fill.fields", "填充字段"))
    paragraphs = list(_all_paragraphs(document))
    for n, paragraph in enumerate(paragraphs):
        if n % 50 == 0:
            cancel.check()
        if "{{" not in paragraph.text:
            continue
        _merge_runs_if_split(paragraph)
        only = PLACEHOLDER.fullmatch(paragraph.text.strip())
        if only and (only.group(1) in values and values[only.group(1)].block):
            value = values[only.group(1)]
            _fill_block(paragraph, value)
            continue
        _fill_inline(paragraph, values, case.extra)
    progress(0.8, say("fill.save", "保存文书"))
    if hasattr(out, "write"):
        document.save(out)
        output = ""
    else:
        out_path = Path(out)
        out_path.parent.mkdir(parents=True, exist_ok=True)
        document.save(str(out_path))
        output = str(out_path)
    texts = [p.text for p in document.paragraphs]
    # Machine paragraphs are exactly those carrying the machine highlight.
    machine_idx = [i for i, p in enumerate(document.paragraphs)
                   if any(r.font.highlight_color is not None for r in p.runs)]
    incomplete = [f for f in used if f in values and any("【待补充】" in p for p in values[f].paragraphs)]
    progress(1.0, say("done", "完成"))
    return FillResult(output=output, template=path.stem, fields_used=used, machine_paragraphs=machine_idx,
                      incomplete_fields=incomplete, paragraph_count=len(texts))


def _interest_article(day: _dt.date) -> str:
    """The 民事诉讼法 interest article on ``day``, from the review resource (one source of truth)."""
    from engines.drafting.review.resources import load_rules

    rules = load_rules()
    article = rules.interest_article_on(day)
    return f"《{rules.interest_law}》{article}" if article else ""


def accept_machine_bytes(data: bytes, paragraphs: list[int] | None = None) -> tuple[bytes, int]:
    """Like :func:`accept_machine_text` on a .docx held in memory; returns (new bytes, runs changed)."""
    source, out = io.BytesIO(data), io.BytesIO()
    count = accept_machine_text(source, out, paragraphs)
    return out.getvalue(), count


def machine_paragraphs_of(data: bytes) -> list[int]:
    """Indexes of paragraphs that still carry the machine-draft highlight."""
    import docx

    document = docx.Document(io.BytesIO(data))
    return [i for i, p in enumerate(document.paragraphs) if any(r.font.highlight_color is not None for r in p.runs)]


def accept_machine_text(path, out, paragraphs: list[int] | None = None) -> int:
    """Remove the machine-draft highlight (all, or only the given paragraphs): the judge accepted it.

    ``path`` and ``out`` are file paths or binary streams."""
    import docx

    document = docx.Document(path if hasattr(path, "read") else str(path))
    count = 0
    for i, p in enumerate(document.paragraphs):
        if paragraphs is not None and i not in paragraphs:
            continue
        for r in p.runs:
            if r.font.highlight_color is not None:
                r.font.highlight_color = None
                count += 1
    document.save(out if hasattr(out, "write") else str(out))
    return count


def reject_machine_bytes(data: bytes, paragraphs: list[int]) -> tuple[bytes, int]:
    """The judge rejects the machine text of the given paragraphs (indexes into
    ``Document.paragraphs``): each run of consecutive highlighted runs becomes one plain
    :data:`TO_COMPLETE` marker, the template's own text in the paragraph stays.

    The paragraph is kept rather than deleted so that paragraph numbers (machine outputs,
    review findings, the audit) still point at the same paragraphs in the next version, and
    the section the template requires shows the judge what is left to write, exactly as a
    draft filled with the assistant off does. Returns (new bytes, markers written)."""
    import docx

    document = docx.Document(io.BytesIO(data))
    body = document.paragraphs
    markers = 0
    for index in sorted(set(paragraphs)):
        if not 0 <= index < len(body):
            continue
        in_group = False
        for run in body[index].runs:
            if run.font.highlight_color is None:
                if run.text:  # template text between two machine parts ends the group
                    in_group = False
                continue
            if in_group:
                run._element.getparent().remove(run._element)
                continue
            run.text = TO_COMPLETE
            run.font.highlight_color = None
            in_group = True
            markers += 1
    out = io.BytesIO()
    document.save(out)
    return out.getvalue(), markers
