"""Catalogue a dossier: read every page, label it, split documents, order, extract the case.

This is the engine's entry point (:func:`catalogue`). One page is held in memory at a time;
progress is reported per page and the cancel token is checked between pages.
"""
from __future__ import annotations

import logging
import os
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Iterator

from engines.cataloguing import ocr
from engines.cataloguing.caseinfo import PageText, extract_case_info
from engines.cataloguing.classify import classify_page, find_heading
from engines.cataloguing.learning import Correction, Knowledge
from engines.cataloguing.results import CatalogueResult, FileProblem, PageLabel
from engines.cataloguing.rules import CatalogueRules, load_rules
from engines.cataloguing.input_files import InputFile, Line, RawPage
from engines.cataloguing.textnorm import cjk_count
from engines.cataloguing.split import SplitPage, split_documents
from engines.cataloguing.toc import build_toc
from engines.common import NEVER_CANCELLED, CancelToken, InputError, ProgressCallback, no_progress, say

log = logging.getLogger(__name__)

ENGINE_VERSION = "1.0"
# Scanned pages are OCR'd by this many worker threads, a few pages ahead of the labelling.
OCR_WORKERS = max(1, min(2, os.cpu_count() or 1))
OCR_LOOKAHEAD = 6
HEARTBEAT_SECONDS = 0.5
# Scanned pages of these categories feed the case information, so they are read in full.
# Fewer Chinese characters than this in the top band: read the rest before labelling.
MIN_MODEL_CJK = 40
FULL_OCR_CODES = {"cover", "complaint", "acceptance_notice", "judgment", "mediation_statement", "ruling"}


def catalogue(paths: list[str | Path], *, rules: CatalogueRules | None = None,
              corrections: list[Correction] | None = None, knowledge: Knowledge | None = None,
              progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED,
              keep_text: bool = False) -> CatalogueResult:
    """Catalogue the given PDFs / page images in the order given.

    Files that cannot be read (encrypted, damaged, not a PDF) are listed in ``errors`` and the
    others are still processed; if none can be read, :class:`InputError` is raised.
    ``keep_text`` adds each page's text to the result (``engine["page_texts"]``) so that a
    caller can store it for search and for corrections.
    """
    if not paths:
        raise InputError("没有要归目的文件")
    rules = rules or load_rules()
    knowledge = knowledge or Knowledge(rules, corrections)
    errors: list[FileProblem] = []
    files: list[InputFile] = []
    for path in paths:
        try:
            files.append(InputFile(path))
        except InputError as exc:
            errors.append(FileProblem(Path(path).name, exc.text()))  # in the user's language
    if not files:
        details = "；".join(f"{e.file}：{e.message}" for e in errors)
        raise InputError("所有文件均无法读取：" + details, code="file.none_readable", params={"details": details})
    total = sum(f.page_count for f in files)
    progress(0.0, say("catalogue.pages", f"共 {total} 页", total=total))
    labels: list[PageLabel] = []
    split_pages: list[SplitPage] = []
    texts: list[str] = []
    timing = {"text_pages": 0, "ocr_pages": 0, "text_seconds": 0.0, "ocr_seconds": 0.0}
    previous: str | None = None
    current_file = None
    number = 0
    partial: list[tuple[int, RawPage]] = []  # scanned pages read only as far as their label needed
    executor = ThreadPoolExecutor(max_workers=OCR_WORKERS, thread_name_prefix="ocr")
    loop_started = time.perf_counter()
    try:
        last = [0.0]

        def heartbeat(page: int) -> None:
            # While OCR of a page is awaited: keep the caller informed (and cancellable).
            progress(last[0], say("catalogue.ocr", f"第 {page}/{total} 页：正在识别文字（OCR）", page=page, total=total))

        for f, raw, lines, scanned, full in _read_pages(files, knowledge, cancel, executor, heartbeat):
            cancel.check()
            started = time.perf_counter()
            number += 1
            if f is not current_file:
                previous, current_file = None, f  # a new file starts afresh
            decision = classify_page(lines, previous, knowledge)
            if not scanned:
                timing["text_pages"] += 1
                timing["text_seconds"] += time.perf_counter() - started + raw.read_seconds
            else:
                timing["ocr_pages"] += 1
            reason = decision.reason if not raw.problem else f"{raw.problem}；{decision.reason}"
            labels.append(PageLabel(
                page=number, file=f.name, category=decision.category, confidence=round(decision.confidence, 3),
                reason=reason, file_page=raw.file_page, scanned=scanned,
                title=decision.heading.text if decision.heading else "", needs_review=decision.needs_review,
                source=decision.source))
            split_pages.append(SplitPage(number, f.name, decision, lines[0].text if lines else ""))
            texts.append("\n".join(ln.text for ln in lines))
            if not full:
                partial.append((len(labels) - 1, raw))
            previous = decision.category
            last[0] = number / total * 0.97
            progress(last[0], say("catalogue.page", f"第 {number}/{total} 页：{decision.category}",
                                    page=number, total=total, category=decision.category))
        documents = split_documents(split_pages, knowledge)
        page_doc = {}
        for index, doc in enumerate(documents):
            for p in range(doc.start_page, doc.end_page + 1):
                page_doc[p] = index
        _join_learnt_pages(labels, documents, page_doc)

        def case_info():
            return extract_case_info([PageText(lab.page, rules.by_label[lab.category].code if lab.category in rules.by_label else "",
                                               text, page_doc.get(lab.page, 0)) for lab, text in zip(labels, texts)])

        case = case_info()
        if partial:
            case = _complete_case(case, case_info, partial, labels, texts, rules, executor, cancel, progress)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        for f in files:
            f.close()
    # OCR runs in worker threads alongside the text pages; its share is the rest of the loop.
    timing["ocr_seconds"] = max(0.0, time.perf_counter() - loop_started - timing["text_seconds"]) if timing["ocr_pages"] else 0.0
    toc = build_toc(documents, rules)
    progress(1.0, say("catalogue.done", "归目完成"))
    engine = {
        "version": ENGINE_VERSION, "model": knowledge.model_description, "rules": Path(rules.source).name,
        "min_confidence": rules.min_confidence, "timing": {k: round(v, 3) if isinstance(v, float) else v for k, v in timing.items()},
        "machine_made": True,
    }
    if keep_text:
        engine["page_texts"] = texts
    return CatalogueResult(pages=labels, documents=documents, case=case, toc=toc, errors=errors, engine=engine)


# Which documents can give which case field (codes from categories.json), most trusted first.
FIELD_SOURCES = {
    "case_number": ("cover", "complaint", "acceptance_notice", "judgment", "mediation_statement", "ruling"),
    "cause": ("cover", "complaint", "acceptance_notice", "judgment", "mediation_statement", "ruling"),
    "plaintiffs": ("complaint", "judgment", "mediation_statement", "ruling", "cover"),
    "defendants": ("complaint", "judgment", "mediation_statement", "ruling", "cover"),
    "filing_date": ("cover", "acceptance_notice", "judgment", "mediation_statement", "ruling"),
    "claims": ("complaint",),
}


def _complete_case(case, case_info, partial, labels, texts, rules, executor, cancel, progress):
    """Read the rest of scanned pages only when a case field is still missing and their
    document is one that prints it (the title was enough to label them). Documents are read
    in order of trust, and reading stops as soon as every field is found."""
    by_code: dict[str, list[tuple[int, RawPage]]] = {}
    for index, raw in partial:
        code = getattr(rules.by_label.get(labels[index].category), "code", "")
        if code in FULL_OCR_CODES:
            by_code.setdefault(code, []).append((index, raw))
    order = ("cover", "complaint", "acceptance_notice", "judgment", "mediation_statement", "ruling")
    for code in order:
        pages = by_code.get(code)
        if not pages:
            continue
        missing = [name for name, codes in FIELD_SOURCES.items() if code in codes and name not in case.fields]
        if not missing:
            continue
        progress(0.97, say("catalogue.case_info", f"补充识别 {len(pages)} 页以提取案件信息（{'、'.join(missing)}）",
                           count=len(pages), fields=list(missing)))
        futures = []
        for index, raw in pages:
            cancel.check()
            try:
                image = raw.load_image()
            except Exception as exc:  # noqa: BLE001 - rendered once already; a second failure only costs the field
                log.warning("page %s p.%d cannot be rendered again: %s", raw.file, raw.file_page, exc)
                continue
            futures.append((index, executor.submit(ocr.ocr_page, image, lambda lines, stage: stage == "page")))
        for index, fut in futures:
            while True:
                try:
                    lines, _full = fut.result(timeout=HEARTBEAT_SECONDS)
                    break
                except FutureTimeout:  # keep the caller informed and able to cancel
                    cancel.check()
                    progress(0.97, say("catalogue.case_info_page", f"补充识别第 {labels[index].page} 页（案件信息）",
                                           page=labels[index].page))
            texts[index] = "\n".join(ln.text for ln in lines)
        case = case_info()
    return case


def _join_learnt_pages(labels: list[PageLabel], documents, page_doc: dict[int, int]) -> None:
    """A page that a learnt lesson joined to a document of another category takes that
    document's category (the rules alone never join pages of different categories)."""
    for lab in labels:
        doc = documents[page_doc[lab.page]]
        if lab.page != doc.start_page and lab.category != doc.category:
            lab.reason = f"按本院更正学得：此页接在“{doc.title}”之后属同一文书（原判为{lab.category}）"
            lab.category, lab.source = doc.category, "learned"


def _read_pages(files: list[InputFile], knowledge: Knowledge, cancel: CancelToken, executor: ThreadPoolExecutor,
                heartbeat) -> Iterator[tuple[InputFile, RawPage, list[Line], bool, bool]]:
    """Yield (file, page, lines, scanned, fully read) in page order while OCR runs ahead in workers.

    Rendering stays on this thread (pdfium is not thread-safe); only the OCR of a rendered
    image goes to a worker. At most ``OCR_LOOKAHEAD`` pages wait, so memory stays bounded.
    """
    pending: deque = deque()
    yielded = [0]

    def resolve(item):
        f, raw, fut = item
        while True:
            try:
                lines, scanned, full = fut.result(timeout=HEARTBEAT_SECONDS)
                break
            except FutureTimeout:
                cancel.check()
                heartbeat(yielded[0] + 1)
        yielded[0] += 1
        return f, raw, lines, scanned, full

    for f in files:
        for raw in f.pages():
            cancel.check()
            if raw.needs_ocr:
                try:
                    image = raw.load_image()
                except Exception as exc:  # noqa: BLE001 - a page pdfium cannot render: label it from nothing, flag it
                    log.warning("page %s p.%d cannot be rendered: %s", raw.file, raw.file_page, exc)
                    raw.problem = "页面无法渲染"
                    pending.append((f, raw, _done(([], True, True))))
                else:
                    pending.append((f, raw, executor.submit(_ocr_page, image, knowledge)))
            else:
                pending.append((f, raw, _done((raw.lines, False, True))))
            while pending and (len(pending) > OCR_LOOKAHEAD or pending[0][2].done()):
                yield resolve(pending.popleft())
    while pending:
        cancel.check()
        yield resolve(pending.popleft())


def _done(value) -> Future:
    fut: Future = Future()
    fut.set_result(value)
    return fut


def _ocr_page(image, knowledge: Knowledge) -> tuple[list[Line], bool, bool]:
    """OCR one page image (runs in a worker), only as far as the page's label needs:
    (lines, scanned, whole page read). Case information is completed afterwards, and only
    if missing (see :func:`_complete_case`)."""
    rules = knowledge.rules

    def decide(lines: list[Line], stage: str) -> bool:
        heading = find_heading(lines, knowledge)
        known = heading is not None and heading.label is not None
        if stage == "title":
            # A known title decides the page unless its wording matters (公告).
            return known and not any(c.title == heading.word for c in rules.conditional_titles)
        # An untitled page is labelled from its text; the top band is usually enough.
        return not known and cjk_count("".join(ln.text for ln in lines)) < MIN_MODEL_CJK

    lines, full = ocr.ocr_page(image, decide)
    return lines, True, full
