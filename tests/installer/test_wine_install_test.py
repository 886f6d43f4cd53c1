"""installer/windows/wine_install_test.py: how it reads Wine's registry, the selftest and policy show."""
from __future__ import annotations

import subprocess
from pathlib import Path

from tests.helpers.installer_msi import load_installer_script

ROOT = Path(__file__).resolve().parents[2]


def _module():
    return load_installer_script("windows/wine_install_test")


def test_reg_export_file_is_read_as_values():
    """reg export writes UTF-16 with escaped backslashes; Chinese must come back intact."""
    text = ("Windows Registry Editor Version 5.00\r\n\r\n"
            "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\TrialAssistant]\r\n"
            '"COURTNAME"="浙江省杭州市西湖区人民法院"\r\n'
            '"DATADIR"="C:\\\\Trial Data"\r\n'
            '"QUOTED"="a \\"b\\""\r\n'
            '"NUMBER"=dword:00000007\r\n\r\n')
    assert _module().parse_reg_export(text) == {
        "COURTNAME": "浙江省杭州市西湖区人民法院", "DATADIR": "C:\\Trial Data", "QUOTED": 'a "b"'}


def test_a_failed_check_or_a_model_outside_the_install_is_a_problem():
    module = _module()
    good = {"checks": [{"name": "qt", "ok": True, "detail": "Qt"},
                       {"name": "whisper", "ok": True, "detail": "whisper-base (int8, installed copy) ok"}]}
    assert module.selftest_problems(good) == []
    bad = {"checks": [{"name": "qt", "ok": False, "detail": "no platform plugin"},
                      {"name": "whisper", "ok": True, "detail": "whisper-base (cache) ok"}]}
    assert module.selftest_problems(bad) == [
        "selftest qt failed: no platform plugin",
        "Whisper did not use the installed model copy: whisper-base (cache) ok"]
    assert module.selftest_problems({"checks": []}) == ["selftest report holds no checks"]


def test_policy_must_be_locked_and_equal():
    module = _module()
    expected = {"COURTNAME": "某法院", "AUTOLOCKMINUTES": "7", "DATADIR": "C:\\TrialData"}
    shown = [{"policy_name": "COURTNAME", "value": "某法院", "locked": True},
             {"policy_name": "AUTOLOCKMINUTES", "value": 7, "locked": True},
             {"policy_name": "DATADIR", "value": "C:\\TrialData\\", "locked": True}]
    assert module.policy_problems(shown, expected) == []
    shown[1]["locked"] = False
    shown[0]["value"] = "别的法院"
    found = module.policy_problems(shown, expected)
    assert len(found) == 2 and found[0].startswith("COURTNAME=某法院") and found[1].startswith("AUTOLOCKMINUTES=7")


def test_the_properties_are_real_msi_properties():
    wxi = (ROOT / "installer" / "policy.wxi").read_text(encoding="utf-8")
    for name in _module().PROPERTIES:
        assert f'Id="{name}"' in wxi or f"Id='{name}'" in wxi


def test_linux_paths_become_drive_z_paths():
    assert _module().winpath(Path("/tmp/x y/a.msi")) == "Z:\\tmp\\x y\\a.msi"


def test_check_deb_refuses_a_missing_package(tmp_path):
    result = subprocess.run(["bash", str(ROOT / "scripts" / "check_deb.sh"), str(tmp_path / "none.deb")],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "no such package" in result.stderr
