"""Widget-test fixtures: the synchronous task runner (Picard's FakeThreadPool, here)."""
from __future__ import annotations

import pytest


@pytest.fixture
def sync_tasks():
    """Run every task inline on the GUI thread: a click's result is there when the click returns."""
    from app import tasks

    with tasks.synchronous():
        yield
