"""Suite-wide fixtures: offscreen Qt, one QApplication, no network, temporary data folders."""
from __future__ import annotations

import os

# Must be set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Keep Hugging Face / model libraries from ever trying the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import pytest  # noqa: E402

from tests.helpers.network import forbid_network  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _no_network_anywhere():
    """The whole suite runs with socket creation refused (DESIGN: no sockets)."""
    with forbid_network():
        yield
