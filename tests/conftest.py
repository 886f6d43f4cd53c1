"""Suite-wide fixtures: offscreen Qt, one QApplication, no network, temporary data folders."""
from __future__ import annotations

import os

# Must be set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
# Keep Hugging Face / model libraries from ever trying the network.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
# Test stores use fast Argon2 parameters (FAST_TEST_PARAMS); allow them here and in the
# command-line subprocesses the tests start (production keeps OWASP's floor).
os.environ["TRIAL_ASSISTANT_KDF_FLOOR"] = "1,8192,1"

import pytest  # noqa: E402

from tests.helpers.network import forbid_network  # noqa: E402


@pytest.fixture(autouse=True, scope="session")
def _no_network_anywhere():
    """The whole suite runs with socket creation refused (DESIGN: no sockets)."""
    with forbid_network():
        yield


# Shared store fixtures: a real encrypted store with it/judge/clerk users, the sample case, and
# logged-in contexts closed after the test (tests/helpers/stores.py builds them).
@pytest.fixture
def fx(tmp_path):
    """A real SQLCipher store with IT, judge and clerk users."""
    from tests.helpers.stores import make_store

    return make_store(tmp_path)


@pytest.fixture
def case_id(fx):
    """The sample 民间借贷 case, assigned to the judge and clerk."""
    from tests.helpers.stores import create_sample_case

    return create_sample_case(fx)


@pytest.fixture
def clerk(fx):
    """The clerk logged in (store closed afterwards)."""
    ctx = fx.clerk()
    yield ctx
    ctx.store.close()


@pytest.fixture
def judge(fx):
    """The judge logged in (store closed afterwards)."""
    ctx = fx.judge()
    yield ctx
    ctx.store.close()


@pytest.fixture(autouse=True)
def _messages_in_chinese():
    """Service messages (app/messages.py) start in Chinese in every test; a test that switches
    the UI to English does not leave it switched for the next."""
    from app import messages

    messages.set_language("zh_CN")
    yield
    messages.set_language("zh_CN")
    messages.set_term_translator(None)
