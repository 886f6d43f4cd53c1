"""Fixtures for the exchange engine tests."""
from __future__ import annotations

import pytest

from tests.helpers.exchange_builders import make_pair


@pytest.fixture
def pair(tmp_path):
    """A platform and a terminal with pinned keys over one exchange folder."""
    p = make_pair(tmp_path)
    yield p
    p.close()
