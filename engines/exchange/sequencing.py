"""Ordering rules for incoming packages, as pure functions over what the ledger knows.

Per sender, data and key-update packages carry sequence numbers 1, 2, 3... and are applied
strictly in that order. A known package id is a duplicate (no-op, its ack is sent again); an
unknown id with a sequence already applied is a replay; a sequence beyond the next one is held
until the gap is filled, and a nack names the missing numbers.
"""
from __future__ import annotations

from dataclasses import dataclass

from engines.exchange.ledger import IN_HELD, IncomingRecord
from engines.exchange.manifest import SEQUENCED_KINDS

APPLY, DUPLICATE, REPLAY, HOLD, STILL_HELD, CONTROL = "apply", "duplicate", "replay", "hold", "still_held", "control"


@dataclass(frozen=True)
class Decision:
    """What to do with a verified package; ``missing`` lists the gap for a hold."""

    action: str
    missing: tuple[int, ...] = ()


def decide(kind: str, sequence: int, known: IncomingRecord | None, last_applied: int,
           held: list[IncomingRecord]) -> Decision:
    """Classify a verified package given the ledger's state for its sender."""
    if known is not None:
        if known.state == IN_HELD:
            return Decision(APPLY) if sequence == last_applied + 1 else Decision(STILL_HELD)
        return Decision(DUPLICATE)
    if kind not in SEQUENCED_KINDS:
        return Decision(CONTROL)
    held_seqs = {r.sequence for r in held}
    if sequence <= last_applied or sequence in held_seqs:
        return Decision(REPLAY)
    if sequence == last_applied + 1:
        return Decision(APPLY)
    return Decision(HOLD, missing_sequences(last_applied, held_seqs | {sequence}))


def missing_sequences(last_applied: int, held_seqs: set[int]) -> tuple[int, ...]:
    """Sequence numbers below the highest held one that have neither arrived nor been applied."""
    if not held_seqs:
        return ()
    return tuple(s for s in range(last_applied + 1, max(held_seqs)) if s not in held_seqs)


def next_releasable(last_applied: int, held: list[IncomingRecord]) -> IncomingRecord | None:
    """The held package that may be applied now, if any."""
    return next((r for r in held if r.sequence == last_applied + 1), None)

