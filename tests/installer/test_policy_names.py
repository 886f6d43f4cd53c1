"""The MSI's policy properties and the application's settings name the same things."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from app import paths
from app.settings import REGISTRY, Settings
from tests.helpers.installer_msi import INSTALLER, load_installer_script

WIX = "{http://schemas.microsoft.com/wix/2006/wi}"
BRIEF_PROPERTIES = {"DATADIR", "EXCHANGEDIR", "MODELDIR", "COURTNAME", "COURTCODE", "PLATFORMKEY", "AUTOLOCKMINUTES"}


def _gen_policy():
    return load_installer_script("gen_policy")


def test_generated_policy_files_are_up_to_date_with_settings():
    assert _gen_policy().main(["--check"]) == 0, "run .venv/bin/python installer/gen_policy.py"


def test_policy_include_writes_every_policy_setting_under_the_key_the_app_reads():
    root = ET.parse(INSTALLER / "policy.wxi").getroot()
    values = {v.get("Name"): v for v in root.iter(f"{WIX}RegistryValue")}
    declared = {s.policy_name for s in REGISTRY.values() if s.policy_name}
    assert set(values) == declared
    assert BRIEF_PROPERTIES <= declared
    for name, value in values.items():
        assert value.get("Root") == "HKLM" and value.get("Key") == paths.POLICY_REGISTRY_KEY
        assert value.get("Value") == f"[{name}]" and value.get("Type") == "string"
    properties = {p.get("Id") for p in root.iter(f"{WIX}Property")}
    assert properties == declared | {"INSTALLDIR"}


def test_component_guids_are_derived_from_names_so_upgrades_keep_them():
    gen = _gen_policy()
    root = ET.parse(INSTALLER / "policy.wxi").getroot()
    for component in root.iter(f"{WIX}Component"):
        name = component.get("Id").removeprefix("Policy.")
        assert component.get("Guid") == gen.component_guid(name)
    assert len({gen.component_guid(n) for n in ("COURTNAME", "COURTCODE")}) == 2


def test_values_as_the_msi_writes_them_reach_settings_locked(tmp_path):
    # The MSI writes every value as a string (REG_SZ); a policy file holds the same on Linux.
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"COURTNAME": "北京市朝阳区人民法院", "AUTOLOCKMINUTES": "5",
                                  "ASSISTREVIEW": "0", "DATADIR": "D:\\审判数据"}, ensure_ascii=False),
                      encoding="utf-8")
    from app.settings import read_policy

    settings = Settings(policy=read_policy(policy), user_file=tmp_path / "user.json")
    assert settings["court_name"] == "北京市朝阳区人民法院"
    assert settings["autolock_minutes"] == 5
    assert settings["assist_review"] is False
    assert settings["data_dir"] == "D:\\审判数据"
    assert settings.is_locked("autolock_minutes") and not settings.is_locked("court_code")
    assert settings["court_code"] == ""


def test_transform_script_knows_exactly_the_msi_properties():
    import re

    text = (INSTALLER / "make_transform.ps1").read_text(encoding="utf-8")
    block = re.search(r"\$Known = @\((.*?)\)", text, re.S)[1]
    names = set(re.findall(r'"([A-Z]+)"', block))
    assert names == {s.policy_name for s in REGISTRY.values() if s.policy_name} | {"INSTALLDIR"}
