"""installer/check_msi.py: what an unpacked MSI is compared with, and the policy a silent
install writes (the part that runs the unpacked program is exercised by .ci/run on the real
build)."""
from __future__ import annotations

import subprocess

import pytest

from tests.helpers.installer_msi import ENV, build_msi, load_installer_script, make_fake_bundle


def _checker():
    return load_installer_script("check_msi")



def test_silent_install_writes_only_the_properties_given(built):
    _, msi = built
    policy = _checker().policy_from_registry_table(
        msi, {"COURTNAME": "浙江省杭州市西湖区人民法院", "AUTOLOCKMINUTES": "7", "INSTALLDIR": r"D:\TA"})
    assert policy == {"COURTNAME": "浙江省杭州市西湖区人民法院", "AUTOLOCKMINUTES": "7"}
    assert _checker().policy_from_registry_table(msi, {}) == {}


def test_component_conditions_it_understands():
    holds = _checker()._condition_holds
    assert holds("", {}) and holds("COURTNAME", {"COURTNAME": "x"}) and not holds("COURTNAME", {})
    assert holds('COURTNAME<>""', {"COURTNAME": "x"}) and holds("NOT COURTNAME", {})
    with pytest.raises(ValueError):
        holds("VersionNT64 >= 601", {})


def test_unpacked_package_is_compared_file_by_file(built, tmp_path):
    bundle, msi = built
    checker = _checker()
    subprocess.run(["msiextract", "-C", str(tmp_path), str(msi)], check=True, capture_output=True, env=ENV)
    installed = tmp_path / "TrialAssistant"
    assert checker.compare_files(bundle, installed) == []
    (installed / "_internal" / "base_library.zip").write_bytes(b"changed")
    (installed / "_internal" / "stray.dll").write_bytes(b"x")
    (installed / "_internal" / "resources" / "icons" / "app.ico").unlink()
    found = "\n".join(checker.compare_files(bundle, installed))
    assert "differs from the bundle: _internal/base_library.zip" in found
    assert "in the MSI but not the bundle: _internal/stray.dll" in found
    assert "not in the MSI: _internal/resources/icons/app.ico" in found


def test_a_package_without_the_program_is_reported(tmp_path):
    bundle = make_fake_bundle(tmp_path)
    msi = tmp_path / "out.msi"
    assert build_msi(bundle, msi).returncode == 0
    # The fake bundle's "exe" cannot run: the check must say so rather than pass.
    problems = _checker().check(msi, bundle)
    assert problems == [problems[0]] and "cannot start" in problems[0]
