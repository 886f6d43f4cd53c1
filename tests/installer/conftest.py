"""Fixtures for the installer tests."""
from __future__ import annotations

import pytest

from tests.helpers.installer_msi import build_msi, make_fake_bundle


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(bundle folder, msi path): an MSI built once per test module from a tiny fake bundle."""
    folder = tmp_path_factory.mktemp("msi")
    bundle = make_fake_bundle(folder)
    msi = folder / "out" / "TrialAssistant.msi"
    result = build_msi(bundle, msi)
    assert result.returncode == 0, result.stderr
    return bundle, msi
