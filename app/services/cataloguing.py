"""Electronic dossier of a case: import PDFs (stored encrypted), catalogue them, let the clerk
accept or correct each machine label, learn from the corrections, export the 卷内目录.

Every page label and every extracted case field is a machine suggestion until a person
accepts or changes it; decisions and corrections are audited. Corrections are kept
court-wide so the local model learns the court's own forms.

A boundary the clerk sets (a move, "从此页起为新文书", "并入上一文书") is pinned on the page
itself (``dossier_pages.starts_document``): it holds in this case for any page, also a blank
page, a photo or a page OCR could not read, and moves with the page. Court-wide it is only a
lesson with its context (the page's heading after a document with the same title), see
:mod:`engines.cataloguing.learning` for what a single correction may teach elsewhere.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from app.clock import now as _now
from app.messages import Message
from app.security.roles import Permission
from app.services.base import AssistantOff, CaseBoundService  # noqa: F401 - AssistantOff re-exported
from app.services.case_fields import CASE_FIELDS
from app.services.case_fields import KIND as CASE_FIELD_KIND
from app.services.session import AppContext
from app.store.errors import NotFoundError
from engines.cataloguing import Correction, Knowledge, catalogue, load_rules, write_toc_docx
from engines.cataloguing.classify import Heading, PageDecision
from engines.cataloguing.input_files import PDFIUM_LOCK, InputFile
from engines.cataloguing.results import Document
from engines.cataloguing.split import SplitPage, page_key, split_documents
from engines.cataloguing.toc import build_toc
from engines.common import NEVER_CANCELLED, CancelToken, InputError, ProgressCallback, no_progress

PDF_MEDIA_TYPE = "application/pdf"


@dataclass
class PageRow:
    """One page of the case's dossier as stored."""

    page: int
    file: str
    file_page: int
    category: str
    machine_category: str
    confidence: float
    reason: str
    source: str
    title: str
    scanned: bool
    needs_review: bool
    state: str
    decided_by: str


@dataclass
class ImportReport:
    """What an import did: pages added, files refused (with the reason)."""

    pages: int
    documents: int
    errors: list[dict]
    assisted: bool


@dataclass
class DossierView:
    """One read of a case's dossier for the tab (see :meth:`CataloguingService.overview`)."""

    pages: list[PageRow]
    documents: list[Document]
    toc: list
    suggestions: list


def _first_line(text: str) -> str:
    return (text.splitlines() or [""])[0]


def _key_of(row) -> str:
    """What a boundary correction of a stored page is keyed on: its title, else its first line."""
    return page_key(row["title"], _first_line(row["text"]))


def _media_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".tif": "image/tiff",
            ".tiff": "image/tiff", ".bmp": "image/bmp"}.get(suffix, PDF_MEDIA_TYPE)


def _render(data: bytes, index: int, width: int, docs: dict | None = None, key: str = ""):
    """A PIL image of page ``index`` of a stored file (PDF via pdfium, else an image frame)."""
    import io

    from PIL import Image

    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        with Image.open(io.BytesIO(data)) as img:
            img.seek(index)
            frame = img.convert("RGB")
        return frame.resize((width, max(1, int(frame.height * width / frame.width))))
    import pypdfium2 as pdfium

    with PDFIUM_LOCK:
        pdf = docs.get(key) if docs is not None else None
        if pdf is None:
            pdf = pdfium.PdfDocument(data)
            if docs is not None:
                docs[key] = pdf
        try:
            page = pdf[index]
            image = page.render(scale=width / page.get_width()).to_pil().copy()
            page.close()
        finally:
            if docs is None:
                pdf.close()
    return image


class CataloguingService(CaseBoundService):
    """The dossier of the logged-in user's cases."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.rules = load_rules(str(self.court_rules_file()) if self.court_rules_file().is_file() else None)

    def court_rules_file(self) -> Path:
        """Where IT puts the court's own category list and order (same shape as
        resources/catalogue/categories.json); the bundled list applies when it is absent."""
        return Path(self.ctx.store.layout.root) / "catalogue" / "categories.json"

    # -- helpers ---------------------------------------------------------------------------

    def corrections(self) -> list[Correction]:
        """All corrections made in this court (the local model learns from them)."""
        rows = self.ctx.store.query("SELECT * FROM dossier_corrections ORDER BY id")
        return [Correction(category=r["category"], page_text=r["page_text"], heading=r["heading"],
                           starts_document=None if r["starts_document"] is None else bool(r["starts_document"]),
                           after_title=r["after_title"], page=r["page"], by=r["made_by"], at=r["made_at"])
                for r in rows]

    def knowledge(self) -> Knowledge:
        """Rules plus what was learnt from this court's corrections."""
        return Knowledge(self.rules, self.corrections())

    @property
    def assisted(self) -> bool:
        """Whether the cataloguing assistant is switched on (policy or user setting)."""
        return bool(self.ctx.settings["assist_cataloguing"])

    # -- import ----------------------------------------------------------------------------

    def import_files(self, case_id: int, paths: list[str | Path], progress: ProgressCallback = no_progress,
                     cancel: CancelToken = NEVER_CANCELLED, allow_foreign: bool = False) -> ImportReport:
        """Store the files encrypted and append their pages to the dossier, labelled by the engine
        when the assistant is on (else 其他材料); pages naming another case's 案号 raise
        ForeignCaseData before anything is stored unless ``allow_foreign`` (then audited); so do
        pages naming parties who are not this case's (see app/services/case_guard.py)."""
        from app.services.case_guard import guard

        self.require_case(case_id, Permission.DOSSIER_EDIT)
        foreign: dict = {}
        if self.assisted:
            result = catalogue(paths, knowledge=self.knowledge(), progress=progress, cancel=cancel, keep_text=True)
            foreign = guard(self.ctx, case_id, [(Message("what.dossier"), "\n".join(result.engine["page_texts"]))],
                            allow_foreign)
            pages = [(p.file, p.file_page, p.category, p.confidence, p.reason, p.source, p.title, p.scanned,
                      p.needs_review, text) for p, text in zip(result.pages, result.engine["page_texts"])]
            errors = [{"file": e.file, "message": e.message} for e in result.errors]
            suggestions, engine_docs = result.case, result.documents
        else:
            pages, errors = self._manual_pages(paths)
            suggestions, engine_docs = None, None
        cancel.check()
        good = [Path(p) for p in paths if Path(p).name not in {e["file"] for e in errors}]
        shas = {p.name: self.ctx.store.blobs.put_file(p) for p in good}
        with self.ctx.store.write() as db:
            base = db.execute("SELECT coalesce(max(page), 0) FROM dossier_pages WHERE case_id = ?", (case_id,)).fetchone()[0]
            position = db.execute("SELECT coalesce(max(position), 0) FROM dossier_files WHERE case_id = ?",
                                  (case_id,)).fetchone()[0]
            file_ids = {}
            for path in good:
                position += 1
                sha = shas[path.name]
                db.execute("INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)",
                           (sha, path.stat().st_size, _media_type(path), _now()))
                file_ids[path.name] = db["dossier_files"].insert({
                    "case_id": case_id, "blob_sha256": sha, "name": path.name,
                    "pages": sum(1 for p in pages if p[0] == path.name), "position": position,
                    "imported_by": self.ctx.session.username, "imported_at": _now()}).last_pk
            for offset, (name, file_page, category, conf, reason, source, title, scanned, review, text) in enumerate(pages, 1):
                db["dossier_pages"].insert({
                    "case_id": case_id, "page": base + offset, "file_id": file_ids[name], "file_page": file_page,
                    "category": category, "machine_category": category if self.assisted else "", "confidence": conf,
                    "reason": reason, "source": source, "title": title, "scanned": int(scanned), "needs_review": int(review),
                    "state": "suggested" if self.assisted else "manual", "text": text})
            if suggestions is not None:
                self._suggest_case_fields(db, case_id, suggestions, result.engine["model"])
            if engine_docs is not None:
                # The engine's split of the new pages is kept (a new file always starts a
                # document, so the pages before it keep theirs); renumbered after them.
                kept = db.execute("SELECT count(*) FROM dossier_documents WHERE case_id = ?", (case_id,)).fetchone()[0]
                new_docs = [replace(d, start_page=d.start_page + base, end_page=d.end_page + base)
                            for d in engine_docs]
                self._insert_documents(db, case_id, new_docs, kept)
                documents = kept + len(new_docs)
            self.ctx.audit(db, "dossier.import", f"case:{case_id}", files=[p.name for p in good],
                           sha256=list(shas.values()), pages=len(pages), refused=errors, assisted=self.assisted,
                           **foreign)
        if engine_docs is None:  # labelled by hand: no engine split to keep
            documents = len(self._rebuild_documents(case_id))
        return ImportReport(len(pages), documents, errors, self.assisted)

    def _manual_pages(self, paths) -> tuple[list[tuple], list[dict]]:
        pages, errors = [], []
        for path in paths:
            try:
                f = InputFile(path)
            except InputError as exc:
                errors.append({"file": Path(path).name, "message": exc.text()})
                continue
            try:
                pages += [(f.name, i + 1, self.rules.other_label, 0.0, "归目辅助已关闭，请人工归类", "manual", "", False, True, "")
                          for i in range(f.page_count)]
            finally:
                f.close()
        if not pages:
            raise InputError(Message("dossier.none_readable", details="；".join(f"{e['file']}：{e['message']}" for e in errors)))
        return pages, errors

    def _suggest_case_fields(self, db, case_id: int, info, model: str) -> None:
        outputs = self.ctx.outputs
        for name in CASE_FIELDS:
            fv = info.fields.get(name)
            if fv is None or fv.value in (None, [], ""):
                continue
            conflict = next((c for c in info.conflicts if c["field"] in (name, {"plaintiffs": "原告", "defendants": "被告"}.get(name))), None)
            names = {c.code: c.label for c in self.rules.categories}  # labels, never internal codes
            source = "、".join(names.get(code.split(":")[0], code) for code in fv.source.split("、") if code)
            reason = f"卷宗第 {'、'.join(map(str, fv.pages[:6]))} 页（{source}），置信度 {fv.confidence:.2f}"
            if fv.page and fv.origin:  # the page the value was taken from, and what was read there
                reason = f"取自卷宗第 {fv.page} 页（{fv.origin}）；" + reason
            if conflict:
                reason += "；各文书不一致：" + "；".join(f"{o['value']}（第{o['pages']}页）" for o in conflict["others"])
            outputs.suggest(db, case_id, CASE_FIELD_KIND, name, fv.value, reason, f"cataloguing {model}")

    # -- reading ---------------------------------------------------------------------------

    def pages(self, case_id: int) -> list[PageRow]:
        """Every page of the dossier in page order."""
        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query(
            "SELECT p.*, f.name AS file FROM dossier_pages p JOIN dossier_files f ON f.id = p.file_id"
            " WHERE p.case_id = ? ORDER BY p.page", (case_id,))
        return [PageRow(r["page"], r["file"], r["file_page"], r["category"], r["machine_category"], r["confidence"],
                        r["reason"], r["source"], r["title"], bool(r["scanned"]), bool(r["needs_review"]), r["state"],
                        r["decided_by"]) for r in rows]

    def documents(self, case_id: int) -> list[Document]:
        """The documents (runs of pages) in page order."""
        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query("SELECT * FROM dossier_documents WHERE case_id = ? ORDER BY position", (case_id,))
        return [Document(r["category"], r["title"], r["start_page"], r["end_page"], r["confidence"], bool(r["needs_review"]))
                for r in rows]

    def toc(self, case_id: int):
        """The 卷内目录 rows in standard order."""
        return build_toc(self.documents(case_id), self.rules)

    def overview(self, case_id: int) -> DossierView:
        """Everything the dossier tab shows, read once: pages, documents, 卷内目录 and the
        extracted case fields awaiting a decision."""
        pages = self.pages(case_id)
        documents = self.documents(case_id)
        return DossierView(pages, documents, build_toc(documents, self.rules), self.case_suggestions(case_id))

    def page_pdf(self, case_id: int, page: int) -> tuple[bytes, int]:
        """The decrypted PDF a page comes from and the page's index in it (for a preview)."""
        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query(
            "SELECT f.blob_sha256, p.file_page FROM dossier_pages p JOIN dossier_files f ON f.id = p.file_id"
            " WHERE p.case_id = ? AND p.page = ?", (case_id, page))
        if not rows:
            raise NotFoundError(Message("dossier.page_missing"))
        return self.ctx.store.blobs.read_bytes(rows[0]["blob_sha256"]), rows[0]["file_page"] - 1

    def render_page(self, case_id: int, page: int, width: int = 480) -> bytes:
        """A PNG preview of one page, ``width`` pixels wide (rendered in memory only)."""
        import io

        data, index = self.page_pdf(case_id, page)
        image = _render(data, index, width)
        buf = io.BytesIO()
        image.save(buf, format="PNG")
        return buf.getvalue()

    def thumbnails(self, case_id: int, width: int = 90, progress: ProgressCallback = no_progress,
                   cancel: CancelToken = NEVER_CANCELLED) -> list[bytes]:
        """Small PNG images of every page in page order (rendered in memory, each file opened once)."""
        import io

        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query(
            "SELECT p.file_page, f.blob_sha256 FROM dossier_pages p JOIN dossier_files f ON f.id = p.file_id"
            " WHERE p.case_id = ? ORDER BY p.page", (case_id,))
        out: list[bytes] = []
        docs: dict = {}
        blobs: dict[str, bytes] = {}
        try:
            for n, r in enumerate(rows):
                cancel.check()
                sha = r["blob_sha256"]
                if sha not in blobs:
                    blobs[sha] = self.ctx.store.blobs.read_bytes(sha)
                image = _render(blobs[sha], r["file_page"] - 1, width, docs, sha)
                buf = io.BytesIO()
                image.save(buf, format="PNG")
                out.append(buf.getvalue())
                progress((n + 1) / len(rows), "")
        finally:
            with PDFIUM_LOCK:
                for d in docs.values():
                    d.close()
        return out

    def case_suggestions(self, case_id: int):
        """Extracted case fields still waiting for a decision (see :mod:`app.services.case_fields`)."""
        return self.ctx.case_fields.pending(case_id)

    def categories(self) -> list[str]:
        """Category labels in filing order (for the category chooser)."""
        return list(self.rules.labels)

    # -- decisions and corrections ---------------------------------------------------------

    def accept_pages(self, case_id: int, pages: list[int]) -> None:
        """The clerk confirms the machine labels of ``pages`` (audited)."""
        self.require_case(case_id, Permission.DOSSIER_EDIT)
        with self.ctx.store.write() as db:
            for page in pages:
                db.execute("UPDATE dossier_pages SET state = 'accepted', needs_review = 0, decided_by = ?, decided_at = ?"
                           " WHERE case_id = ? AND page = ? AND state = 'suggested'",
                           (self.ctx.session.username, _now(), case_id, page))
            self.ctx.audit(db, "dossier.accept", f"case:{case_id}", pages=pages)

    def set_category(self, case_id: int, pages: list[int], category: str) -> None:
        """Change the category of ``pages``; stored as a correction that teaches the model (the
        heading as a title of that category). A boundary pinned on a page whose category changes
        is released: the new category decides, as for any page."""
        self.require_case(case_id, Permission.DOSSIER_EDIT)
        if category not in self.rules.by_label:
            raise InputError(Message("dossier.unknown_category"), category)
        with self.ctx.store.write() as db:
            for page in pages:
                row = db.execute("SELECT category, title, text FROM dossier_pages WHERE case_id = ? AND page = ?",
                                 (case_id, page)).fetchone()
                if row is None:
                    raise NotFoundError(Message("dossier.page_missing"))
                # A new category is the clerk's latest word on the page: a boundary pinned
                # earlier (it continued another kind of document) gives way to it.
                db.execute("UPDATE dossier_pages SET category = ?, state = 'changed', needs_review = 0, decided_by = ?,"
                           " decided_at = ?, starts_document = CASE WHEN category = ? THEN starts_document END"
                           " WHERE case_id = ? AND page = ?",
                           (category, self.ctx.session.username, _now(), category, case_id, page))
                if row[0] != category:
                    db["dossier_corrections"].insert({
                        "case_id": case_id, "page": page, "heading": row[1], "page_text": row[2], "category": category,
                        "starts_document": None, "made_by": self.ctx.session.username, "made_at": _now()})
                self.ctx.audit(db, "dossier.category", f"case:{case_id}", page=page, machine=row[0], final=category)
        self._rebuild_documents(case_id)

    def set_boundary(self, case_id: int, page: int, starts_document: bool) -> None:
        """Say whether ``page`` starts a new document (move a boundary). Pinned on the page in
        this case (any page, with or without text); court-wide it is learnt only together with
        the title of the document before it. Audited."""
        self.require_case(case_id, Permission.DOSSIER_EDIT)
        rows = self.ctx.store.query("SELECT id, title, text FROM dossier_pages WHERE case_id = ? AND page = ?",
                                    (case_id, page))
        if not rows:
            raise NotFoundError(Message("dossier.page_missing"))
        docs = self.documents(case_id)
        if page == min((d.start_page for d in docs), default=page) and not starts_document:
            raise InputError(Message("dossier.nothing_before"))
        before = next((d.title for d in docs if d.start_page <= page - 1 <= d.end_page), "")
        with self.ctx.store.write() as db:
            db.execute("UPDATE dossier_pages SET starts_document = ? WHERE id = ?", (int(starts_document), rows[0]["id"]))
            self._store_boundary(db, case_id, page, rows[0], starts_document, before)
            self.ctx.audit(db, "dossier.boundary", f"case:{case_id}", page=page, starts_document=starts_document,
                           after=before, heading=_key_of(rows[0]))
        self._rebuild_documents(case_id)

    def _store_boundary(self, db, case_id: int, page: int, row, starts: bool, after_title: str) -> None:
        # Kept for every page, also one without text (its empty heading then teaches nothing
        # court-wide, see Knowledge); after_title is the context a lesson needs to be reused.
        db["dossier_corrections"].insert({
            "case_id": case_id, "page": page, "heading": _key_of(row), "page_text": "", "category": None,
            "starts_document": int(starts), "after_title": after_title, "made_by": self.ctx.session.username,
            "made_at": _now()})

    def _split_rows(self, rows, knowledge: Knowledge, numbers: list[int] | None = None,
                    categories: dict[int, str] | None = None, pins: dict[int, bool | None] | None = None):
        """Documents of stored page rows (optionally renumbered, re-labelled or re-pinned by row id)."""
        split = []
        for n, r in zip(numbers or [r["page"] for r in rows], rows):
            category = (categories or {}).get(r["id"], r["category"])
            heading = Heading(r["title"], category) if r["title"] else None
            decision = PageDecision(category, r["confidence"], r["reason"], r["source"], heading,
                                    needs_review=bool(r["needs_review"]))
            pinned = (pins or {}).get(r["id"], r["starts_document"])
            split.append(SplitPage(n, r["file"], decision, _first_line(r["text"]),
                                   None if pinned is None else bool(pinned)))
        return split_documents(split, knowledge)

    def move_pages(self, case_id: int, pages: list[int], target_start: int) -> list[int]:
        """Move ``pages`` into the document that starts at ``target_start`` (the clerk dragged
        them there). Pages next to the target keep their place and only the boundary moves;
        pages from further away are re-ordered to the near edge of the target. The moved pages
        take the target's category. Every page whose boundary has to change is pinned (so any
        page can be moved, also one with no text, and across imported files), and stored as a
        boundary correction with the title of the document before it, which is all a drag
        teaches other cases; audited. Returns the moved pages' new page numbers."""
        self.require_case(case_id, Permission.DOSSIER_EDIT)
        rows = self._page_rows(case_id)
        docs = self.documents(case_id)
        target = next((d for d in docs if d.start_page == target_start), None)
        if target is None:
            raise NotFoundError(Message("dossier.document_missing"))
        wanted = sorted(set(pages))
        known = {r["page"] for r in rows}
        if not wanted or not set(wanted) <= known:
            raise NotFoundError(Message("dossier.page_missing"))
        if all(target.start_page <= p <= target.end_page for p in wanted):
            return wanted
        group = {}
        for i, d in enumerate(docs):
            for p in range(d.start_page, d.end_page + 1):
                group[p] = i
        target_index = docs.index(target)
        moving = [r for r in rows if r["page"] in wanted]
        staying = [r for r in rows if r["page"] not in wanted]
        in_target = [i for i, r in enumerate(staying) if group.get(r["page"]) == target_index]
        if not in_target:
            raise InputError(Message("dossier.into_itself"))
        at = in_target[0] if max(wanted) < target.start_page else in_target[-1] + 1
        order = staying[:at] + moving + staying[at:]
        numbers = [r["page"] for r in rows]  # the same page numbers, given out in the new order
        moved_ids = {r["id"] for r in moving}
        desired, previous = [], None
        for r in order:
            g = target_index if r["id"] in moved_ids else group.get(r["page"])
            desired.append(g != previous)
            previous = g
        categories = {r["id"]: target.category for r in moving}
        knowledge = self.knowledge()
        pins: dict[int, bool] = {}
        # The split is sequential: pin the first page that comes out wrong, then look again
        # (a pin changes the documents after it). A pin always holds, so this ends.
        for _ in range(len(order) + 1):
            starts = {d.start_page for d in self._split_rows(order, knowledge, numbers, categories, pins)}
            wrong = next((i for i, n in enumerate(numbers) if (n in starts) != desired[i]), None)
            if wrong is None:
                break
            pins[order[wrong]["id"]] = desired[wrong]
        final = self._split_rows(order, knowledge, numbers, categories, pins)
        title_at = {p: d.title for d in final for p in range(d.start_page, d.end_page + 1)}
        new_numbers = {r["id"]: n for n, r in zip(numbers, order)}
        by_id = {r["id"]: r for r in rows}
        with self.ctx.store.write() as db:
            for r in rows:  # two steps so UNIQUE(case_id, page) holds throughout
                db.execute("UPDATE dossier_pages SET page = ? WHERE id = ?", (-r["page"], r["id"]))
            for r in rows:
                db.execute("UPDATE dossier_pages SET page = ? WHERE id = ?", (new_numbers[r["id"]], r["id"]))
            for r in moving:
                if r["category"] != target.category:
                    db.execute("UPDATE dossier_pages SET category = ?, state = 'changed', needs_review = 0, decided_by = ?,"
                               " decided_at = ? WHERE id = ?",
                               (target.category, self.ctx.session.username, _now(), r["id"]))
                    # after_title marks it as "belongs to that document", not "this form is called".
                    db["dossier_corrections"].insert({
                        "case_id": case_id, "page": new_numbers[r["id"]], "heading": r["title"], "page_text": r["text"],
                        "category": target.category, "starts_document": None, "after_title": target.title,
                        "made_by": self.ctx.session.username, "made_at": _now()})
            for page_id, starts in pins.items():
                n = new_numbers[page_id]
                db.execute("UPDATE dossier_pages SET starts_document = ? WHERE id = ?", (int(starts), page_id))
                self._store_boundary(db, case_id, n, by_id[page_id], starts, title_at.get(n - 1, ""))
            self.ctx.audit(db, "dossier.move", f"case:{case_id}", pages=wanted, document=target.title,
                           target_start=target_start, category=target.category,
                           new_pages=[new_numbers[r["id"]] for r in moving],
                           boundaries=[{"page": new_numbers[i], "starts_document": v, "heading": _key_of(by_id[i]),
                                        "after": title_at.get(new_numbers[i] - 1, "")} for i, v in pins.items()])
        self._rebuild_documents(case_id)
        return [new_numbers[r["id"]] for r in moving]

    def _page_rows(self, case_id: int):
        return self.ctx.store.query("SELECT p.*, f.name AS file FROM dossier_pages p JOIN dossier_files f"
                                    " ON f.id = p.file_id WHERE p.case_id = ? ORDER BY p.page", (case_id,))

    def decide_case_field(self, output_id: int, state: str, changed_value=None) -> None:
        """Record the person's decision on an extracted case field (see
        :meth:`app.services.case_fields.CaseFieldService.decide`)."""
        self.ctx.case_fields.decide(output_id, state, changed_value)

    def rebuild_documents(self, case_id: int) -> list[Document]:
        """Split the stored page labels into documents again (after a correction, or when the
        court's lessons changed); the clerk's pinned boundaries hold, then the court's lessons,
        then the rules."""
        self.require_case(case_id, Permission.DOSSIER_EDIT)
        return self._rebuild_documents(case_id)

    def _rebuild_documents(self, case_id: int) -> list[Document]:
        # Access was checked by the public method that changed the pages.
        docs = self._split_rows(self._page_rows(case_id), self.knowledge())
        with self.ctx.store.write() as db:
            db.execute("DELETE FROM dossier_documents WHERE case_id = ?", (case_id,))
            self._insert_documents(db, case_id, docs, 0)
        return docs

    @staticmethod
    def _insert_documents(db, case_id: int, docs: list[Document], first_position: int) -> None:
        for i, d in enumerate(docs, first_position):
            db["dossier_documents"].insert({"case_id": case_id, "category": d.category, "title": d.title,
                                            "start_page": d.start_page, "end_page": d.end_page, "position": i,
                                            "confidence": d.confidence, "needs_review": int(d.needs_review)})

    # -- case fields and export ------------------------------------------------------------

    def apply_case_field(self, output_id: int) -> None:
        """Accept one extracted case field into the case record at once (the dossier tab's 采纳;
        rules in :mod:`app.services.case_fields`, shared with the case form)."""
        self.ctx.case_fields.apply(output_id)

    def export_ordered_pdf(self, case_id: int, out: str | Path) -> Path:
        """Write the dossier as one PDF in filing order with a bookmark per document (audited)."""
        import io

        from pypdf import PdfReader, PdfWriter

        self.require_case(case_id, Permission.CASE_READ)
        rows = self.ctx.store.query(
            "SELECT p.page, p.file_page, f.blob_sha256 FROM dossier_pages p JOIN dossier_files f ON f.id = p.file_id"
            " WHERE p.case_id = ? ORDER BY p.page", (case_id,))
        source = {r["page"]: (r["blob_sha256"], r["file_page"] - 1) for r in rows}
        readers: dict[str, PdfReader] = {}
        pdf_blobs: set[str] = set()
        writer = PdfWriter()
        for row in self.toc(case_id):
            first = len(writer.pages)
            for page in range(row.start_page, row.end_page + 1):
                sha, index = source[page]
                key = sha if sha in pdf_blobs else f"{sha}:{index}"
                if key not in readers:
                    data = self.ctx.store.blobs.read_bytes(sha)
                    if b"%PDF" in data[:1024]:
                        pdf_blobs.add(sha)
                        key = sha
                    else:  # a page image becomes a PDF page of its own
                        buf = io.BytesIO()
                        _render(data, index, 1240).save(buf, format="PDF", resolution=150)
                        data, index = buf.getvalue(), 0
                    readers[key] = PdfReader(io.BytesIO(data))
                writer.add_page(readers[key].pages[0 if key != sha else index])
            label = f"{row.seq}. {row.title}" if row.seq else row.title
            writer.add_outline_item(title=f"{label}（{row.pages}）" if row.pages else label, page_number=first)
        out = Path(out)
        with out.open("wb") as fh:
            writer.write(fh)
        self.ctx.audit_now("dossier.export_pdf", f"case:{case_id}", path=str(out), pages=len(writer.pages))
        return out

    def export_toc_docx(self, case_id: int, out: str | Path) -> Path:
        """Write the 卷内目录 as .docx (a plain file the user asked for; audited)."""
        self.ctx.session.require(Permission.CASE_READ)
        case = self.ctx.cases.get_case(case_id, audit=False)
        path = write_toc_docx(self.toc(case_id), out, case.case_number)
        self.ctx.audit_now("dossier.export_toc", f"case:{case_id}", path=str(path))
        return path
