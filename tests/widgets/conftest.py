"""Widget-test fixtures: the synchronous task runner (Picard's FakeThreadPool, here)."""
from __future__ import annotations

import pytest


@pytest.fixture
def sync_tasks():
    """Run every task inline on the GUI thread: a click's result is there when the click returns."""
    from app import tasks

    with tasks.synchronous():
        yield


@pytest.fixture
def accept_foreign(monkeypatch):
    """Answer "use it anyway" when material names another case (the test excerpt is another
    case's dossier); the list records each question asked."""
    asked: list[str] = []
    monkeypatch.setattr("widgets.confirm.ask_foreign", lambda parent, message: asked.append(message) or True)
    return asked
