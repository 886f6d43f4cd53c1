"""The part of a live recording still held in memory, with absolute frame numbers.

A live hearing saves every chunk to the store as it is recorded, and decoding only needs the
audio from shortly before the first frame not yet transcribed. So the session keeps a sliding
window: :meth:`RecordedAudio.appended` adds new blocks and releases everything before the
frame the caller says is still needed, while frame numbers stay absolute (frame ``n`` is
always ``n / rate`` seconds into the hearing).

A :class:`RecordedAudio` never changes the frames it already shows: appending writes only
beyond its end, and dropping old audio copies the rest into a new array. A snapshot taken
by one thread therefore stays valid while another thread records on.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class RecordedAudio:
    """Frames ``start`` to ``end`` of a recording (``buffer`` may hold spare room after them)."""

    buffer: np.ndarray
    start: int = 0  # absolute number of the frame in buffer[0]
    end: int = 0  # absolute number of the frame after the last recorded one

    @classmethod
    def empty(cls, channels: int) -> "RecordedAudio":
        """Nothing recorded yet."""
        return cls(np.zeros((0, channels), dtype=np.float32))

    @property
    def held_frames(self) -> int:
        """Frames the buffer takes in memory (its capacity, spare room included)."""
        return len(self.buffer)

    def view(self) -> np.ndarray:
        """The frames still held, ``start`` to ``end`` (a view, not a copy)."""
        return self.buffer[:self.end - self.start]

    def frames(self, lo: int, hi: int) -> np.ndarray:
        """Absolute frames ``lo`` to ``hi`` (a view); frames already released are left out."""
        lo = min(max(lo, self.start), self.end)
        hi = min(max(hi, lo), self.end)
        return self.buffer[lo - self.start:hi - self.start]

    def appended(self, block: np.ndarray, keep_from: int, min_frames: int) -> "RecordedAudio":
        """This recording plus ``block``, dropping frames before ``keep_from`` when worth it.

        Writes in place while there is room and little dead audio at the front; otherwise
        copies the frames from ``keep_from`` into a new buffer with room for about as much
        again (at least ``min_frames``), so memory follows what is still needed.
        """
        added = len(block)
        keep_from = min(max(keep_from, self.start), self.end)
        used = self.end - self.start
        dead = keep_from - self.start
        # Reallocating costs a copy of the live part, so it is done only when the buffer is
        # full or when at least half of it (and at least min_frames) is audio nobody needs.
        if used + added <= len(self.buffer) and (dead < min_frames or 2 * dead < len(self.buffer)):
            self.buffer[used:used + added] = block  # beyond end: no snapshot sees these rows
            return RecordedAudio(self.buffer, self.start, self.end + added)
        live = self.end - keep_from
        grown = np.empty((max(2 * (live + added), min_frames), self.buffer.shape[1]), dtype=np.float32)
        grown[:live] = self.buffer[keep_from - self.start:used]
        grown[live:live + added] = block
        return RecordedAudio(grown, keep_from, self.end + added)


__all__ = ["RecordedAudio"]
