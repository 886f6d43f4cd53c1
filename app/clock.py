"""The application's one clock: the time stamps stored in the database.

Every stored time (created_at, decided_at, audit-independent) is UTC in ISO 8601 to the
second, so rows from different workstations and the exchange platform sort and compare as
text. Tests that need a fixed time patch :func:`now` here, in one place.
"""
from __future__ import annotations

from datetime import datetime, timezone


def now() -> str:
    """The current UTC time as ``YYYY-MM-DDTHH:MM:SS+00:00``."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
