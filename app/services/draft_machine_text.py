"""The judge's decision on machine-drafted paragraphs of a draft, paragraph by paragraph.

A version's machine paragraphs carry the yellow machine highlight, possibly a source note
(a Word comment by the drafting assistant) and a pending machine output (kind
``draft_paragraph``, target ``draft:{version id}:p{paragraph}``, recorded on the version the
template produced). Accepting a set of paragraphs removes their highlight and their source
notes; rejecting replaces their machine text by the template's "to complete" marker. Either
way a new version is stored, the matching outputs are decided and the paragraph numbers are
audited. People's comments are never touched.

Built on :mod:`app.services.draft_versions` only; :class:`app.services.drafting.DraftingService`
uses it (one direction, no import circle).
"""
from __future__ import annotations

from dataclasses import dataclass

from app.messages import Message
from app.security.roles import Permission
from app.services.draft_versions import DraftInfo, DraftVersions
from app.services.machine_outputs import MachineOutput
from engines.drafting.case_material import comments_by_paragraph, remove_comments
from engines.drafting.fill import accept_machine_bytes, machine_paragraphs_of, reject_machine_bytes
from engines.drafting.review.document import read_paragraphs

# Versions made by a decision on machine text keep every paragraph where it was (rejection
# writes a marker instead of deleting), so an output recorded on the parent version under
# paragraph n is still about paragraph n of the child.
INDEX_PRESERVING_SOURCES = ("accepted", "rejected")


@dataclass
class MachineParagraph:
    """One machine-drafted paragraph still awaiting the judge's decision."""

    index: int  # paragraph number in the version (python-docx ``Document.paragraphs``)
    text: str
    notes: list[str]  # where the text came from (the assistant's comments on it), may be empty
    reason: str  # the pending machine output's reason ('' when none was found)
    output_id: int | None


class MachineTextDecisions:
    """The judge's decisions on the machine paragraphs of the user's drafts."""

    def __init__(self, ctx, versions: DraftVersions) -> None:
        self.ctx = ctx
        self.versions = versions

    def machine_paragraphs(self, draft_id: int) -> list[MachineParagraph]:
        """The version's machine paragraphs with their text, source notes and pending output."""
        self.ctx.session.require(Permission.CASE_READ)
        row = self.versions.row(draft_id)
        data = self.versions.read_bytes(row)
        texts = read_paragraphs(data)
        notes = comments_by_paragraph(data)
        indexes = [i for i in self.versions.info(row).machine_paragraphs if 0 <= i < len(texts)]
        outputs = self._outputs_for(row, indexes, texts)
        return [MachineParagraph(i, texts[i], notes.get(i, []), outputs[i].reason if i in outputs else "",
                                 outputs[i].id if i in outputs else None) for i in indexes]

    def decide(self, draft_id: int, paragraphs: list[int] | None, state: str) -> DraftInfo:
        """Accept (``state='accepted'``) or reject (``'rejected'``) machine paragraphs of a version.

        ``paragraphs=None`` with 'accepted' is the historical accept-all: every mark and every
        assistant note goes and every pending paragraph output of the version and its ancestors is
        accepted. Judges only (Permission.DRAFT_SIGN)."""
        if state not in ("accepted", "rejected"):
            raise ValueError(state)
        self.ctx.session.require(Permission.DRAFT_SIGN)
        row = self.versions.row(draft_id)
        machine = self.versions.info(row).machine_paragraphs
        if paragraphs is None:
            if state == "rejected":
                raise ValueError(Message("draft.choose_return"))
            return self._accept_all(row, machine)
        chosen = sorted(set(paragraphs))
        if not chosen:
            raise ValueError(Message("draft.choose_decide"))
        unknown = [i for i in chosen if i not in machine]
        if unknown:
            raise ValueError(Message("draft.not_machine", paragraphs=[str(i) for i in unknown]))
        original = self.versions.read_bytes(row)
        texts = read_paragraphs(original)
        if state == "accepted":
            data, changed = accept_machine_bytes(original, chosen)
            action = "draft.accept_machine"
        else:
            data, changed = reject_machine_bytes(original, chosen)
            action = "draft.reject_machine"
        # Only the notes on the decided paragraphs: the others still need their source shown.
        data, notes = remove_comments(data, paragraphs=chosen)
        found = self._outputs_for(row, chosen, texts)
        outputs = self.ctx.outputs
        with self.ctx.store.write():  # version and decisions together (see _accept_all)
            new_id = self.versions.store(row["case_id"], row["template"], row["title"], data, state, draft_id,
                                         machine_paragraphs_of(data), action, paragraphs=chosen, runs=changed,
                                         source_notes_removed=notes,
                                         outputs=[found[i].id for i in chosen if i in found])
            for index in chosen:
                if index in found:
                    outputs.decide(found[index].id, state)
        return self.versions.info(self.versions.row(new_id))

    def _accept_all(self, row: dict, machine: list[int]) -> DraftInfo:
        """Accept every machine paragraph (the behaviour before per-paragraph decisions)."""
        draft_id = row["id"]
        data, changed = accept_machine_bytes(self.versions.read_bytes(row))
        data, notes = remove_comments(data)  # the machine's source notes; people's comments stay
        outputs = self.ctx.outputs
        prefixes = tuple(f"draft:{p}:" for p in [draft_id, *self.versions.ancestors(draft_id)])
        decided = [o.id for o in outputs.pending(row["case_id"], "draft_paragraph") if o.target.startswith(prefixes)]
        # One transaction (the inner writes nest as savepoints): the new version and the decisions
        # on its outputs are saved together or not at all.
        with self.ctx.store.write():
            new_id = self.versions.store(row["case_id"], row["template"], row["title"], data, "accepted", draft_id,
                                         [], "draft.accept_machine", paragraphs=machine, runs=changed,
                                         source_notes_removed=notes)
            for output_id in decided:
                outputs.decide(output_id, "accepted")
        return self.versions.info(self.versions.row(new_id))

    def _outputs_for(self, row: dict, indexes: list[int],
                     texts: list[str]) -> dict[int, MachineOutput]:
        """The pending ``draft_paragraph`` output of each paragraph of the version, when one is found.

        Outputs are recorded on the template-made version. First the same paragraph number is
        tried on this version and on the ancestors reachable through index-preserving versions;
        past an imported version (the judge may have added paragraphs in Word) the output is the
        one on any ancestor whose recorded text equals the paragraph's text. Each output is used
        once."""
        pending = self.ctx.outputs.pending(row["case_id"], "draft_paragraph")
        same_index: list[int] = [row["id"]]
        current = row
        while current["source"] in INDEX_PRESERVING_SOURCES and current["parent_id"]:
            current = self.versions.row(current["parent_id"])
            same_index.append(current["id"])
        lineage = {row["id"], *self.versions.ancestors(row["id"])}
        by_target = {o.target: o for o in pending}
        used: set[int] = set()
        found: dict[int, MachineOutput] = {}
        for index in indexes:
            match = next((by_target[t] for t in (f"draft:{d}:p{index}" for d in same_index)
                          if t in by_target and by_target[t].id not in used), None)
            if match is None and 0 <= index < len(texts):
                match = next((o for o in pending if o.id not in used and self._draft_of(o.target) in lineage
                              and o.value == texts[index]), None)
            if match is not None:
                used.add(match.id)
                found[index] = match
        return found

    @staticmethod
    def _draft_of(target: str) -> int | None:
        """The version id in a ``draft:{id}:p{n}`` target (None for anything else)."""
        parts = target.split(":")
        return int(parts[1]) if len(parts) == 3 and parts[0] == "draft" and parts[1].isdigit() else None
