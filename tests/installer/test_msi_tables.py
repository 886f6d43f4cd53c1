"""The MSI built by installer/build_msi.sh from a tiny fake bundle: its tables, read back."""
from __future__ import annotations

import re
import subprocess


from app import paths
from app.settings import REGISTRY
from tests.helpers.installer_msi import (
    ENV, ROOT, TEMPLATE_NAME, build_msi, properties, summary, table,
)

UPGRADE_CODE = "{7D99F476-2750-4D39-A3FD-59D56DDCFF75}"
PUBLIC = ["INSTALLDIR", "DATADIR", "EXCHANGEDIR", "MODELDIR", "COURTNAME", "COURTCODE", "PLATFORMKEY",
          "AUTOLOCKMINUTES"]
POLICY_NAMES = [s.policy_name for s in REGISTRY.values() if s.policy_name]


def _pyproject_version() -> str:
    return re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(encoding="utf-8"), re.M)[1]



def test_product_properties_and_per_machine_scope(built):
    _, msi = built
    props = properties(msi)
    assert props["UpgradeCode"] == UPGRADE_CODE
    assert props["ProductVersion"] == _pyproject_version()
    assert props["ProductName"] == "审判辅助系统 Trial Assistant"
    assert props["ALLUSERS"] == "1"
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", props["ProductCode"])
    secure = props["SecureCustomProperties"].split(";")
    assert set(PUBLIC) <= set(secure) and set(POLICY_NAMES) <= set(secure)
    assert re.search(r"Template: x64;", summary(msi))


def test_each_build_gets_a_new_product_code_but_keeps_the_upgrade_code(built, tmp_path):
    bundle, first = built
    second = tmp_path / "next.msi"
    assert build_msi(bundle, second, version="0.2.0").returncode == 0
    a, b = properties(first), properties(second)
    assert a["UpgradeCode"] == b["UpgradeCode"] == UPGRADE_CODE
    assert a["ProductCode"] != b["ProductCode"]
    assert b["ProductVersion"] == "0.2.0"


def test_major_upgrade_removes_older_versions_and_refuses_downgrades(built):
    _, msi = built
    version = _pyproject_version()
    rows = {row["ActionProperty"]: row for row in table(msi, "Upgrade")}
    older, newer = rows["WIX_UPGRADE_DETECTED"], rows["WIX_DOWNGRADE_DETECTED"]
    assert older["UpgradeCode"] == newer["UpgradeCode"] == UPGRADE_CODE
    assert older["VersionMax"] == version and older["VersionMin"] == ""
    assert newer["VersionMin"] == version
    # msidbUpgradeAttributesOnlyDetect (2) only for the newer one: older ones get removed.
    assert int(older["Attributes"]) & 2 == 0 and int(newer["Attributes"]) & 2 == 2
    sequence = {row["Action"]: int(row["Sequence"]) for row in table(msi, "InstallExecuteSequence")}
    assert "RemoveExistingProducts" in sequence and "FindRelatedProducts" in sequence
    assert any("WIX_DOWNGRADE_DETECTED" in (row["Condition"] or "") for row in table(msi, "LaunchCondition"))


def test_components_cover_every_bundle_file_with_stable_guids(built):
    bundle, msi = built
    components = {row["Component"]: row for row in table(msi, "Component")}
    files = table(msi, "File")
    names = sorted(row["FileName"].split("|")[-1] for row in files)
    expected = sorted(p.name for p in bundle.rglob("*") if p.is_file())
    assert names == expected
    assert f"T0001~1.DOC|{TEMPLATE_NAME}" in {row["FileName"] for row in files}
    assert components["WindowedExe"]["ComponentId"] == "{3E0B5A0C-6A8F-4D7A-9C21-0F4E2B7D5A11}"
    assert components["WindowedExe"]["KeyPath"] == "TrialAssistantExe"
    for row in components.values():
        assert int(row["Attributes"]) & 256, f"{row['Component']} is not a 64-bit component"
    for name in POLICY_NAMES:
        assert components[f"Policy.{name}"]["Condition"] == name  # written only when given


def test_policy_values_go_to_the_registry_key_the_application_reads(built):
    _, msi = built
    registry = [row for row in table(msi, "Registry") if row["Key"] == paths.POLICY_REGISTRY_KEY]
    assert sorted(row["Name"] for row in registry) == sorted(POLICY_NAMES)
    for row in registry:
        assert row["Root"] == "2"  # HKEY_LOCAL_MACHINE
        assert row["Value"] == f"[{row['Name']}]"  # REG_SZ of the property's value
        assert row["Component_"] == f"Policy.{row['Name']}"


def test_repair_and_upgrade_remember_properties_unless_given_again(built):
    _, msi = built
    searches = {row["Property"]: row["Signature_"] for row in table(msi, "AppSearch")}
    locators = {row["Signature_"]: row for row in table(msi, "RegLocator")}
    for name in ["INSTALLDIR", *POLICY_NAMES]:
        loc = locators[searches[name]]
        assert loc["Root"] == "2" and int(loc["Type"]) & 16, name  # HKLM, 64-bit view
        assert loc["Key"] == (r"SOFTWARE\TrialAssistant" if name == "INSTALLDIR" else paths.POLICY_REGISTRY_KEY)
    actions = {row["Action"]: row for row in table(msi, "CustomAction")}
    assert actions["Save.COURTNAME"]["Source"] == "CMDLINE_COURTNAME"
    assert actions["Restore.COURTNAME"]["Target"] == "[CMDLINE_COURTNAME]"
    for sequence_table in ("InstallUISequence", "InstallExecuteSequence"):
        seq = {row["Action"]: row for row in table(msi, sequence_table)}
        for name in ["INSTALLDIR", *POLICY_NAMES]:
            save, restore = int(seq[f"Save.{name}"]["Sequence"]), int(seq[f"Restore.{name}"]["Sequence"])
            assert save < int(seq["AppSearch"]["Sequence"]) < restore, (sequence_table, name)
            assert seq[f"Restore.{name}"]["Condition"] == f"CMDLINE_{name}"


def test_start_menu_shortcut_opens_the_windowed_exe(built):
    _, msi = built
    (shortcut,) = table(msi, "Shortcut")
    assert shortcut["Target"] == "[INSTALLDIR]TrialAssistant.exe"
    assert shortcut["Name"].endswith("|审判辅助系统")
    assert shortcut["WkDir"] == "INSTALLDIR"
    directories = {row["Directory"]: row for row in table(msi, "Directory")}
    assert directories[shortcut["Directory_"]]["Directory_Parent"] == "ProgramMenuFolder"
    assert directories["INSTALLDIR"]["Directory_Parent"] == "ProgramFiles64Folder"
    # The (empty) Start-menu folder goes on uninstall: RemoveFile row without a file name.
    (remove,) = table(msi, "RemoveFile")
    assert remove["DirProperty"] == shortcut["Directory_"] and remove["FileName"] == ""
    assert remove["InstallMode"] == "2"  # msidbRemoveFileInstallModeOnRemove


def test_shortcut_and_programs_list_show_the_application_icon(built):
    _, msi = built
    (shortcut,) = table(msi, "Shortcut")
    assert shortcut["Icon_"] == "AppIcon.ico"
    assert properties(msi)["ARPPRODUCTICON"] == "AppIcon.ico"
    icon = subprocess.run(["msiinfo", "extract", str(msi), "Icon.AppIcon.ico"], check=True,
                          capture_output=True, env=ENV).stdout
    assert icon == (ROOT / "resources" / "icons" / "app.ico").read_bytes()


def test_msiextract_yields_the_bundle_byte_for_byte(built, tmp_path):
    bundle, msi = built
    subprocess.run(["msiextract", "-C", str(tmp_path), str(msi)], check=True, capture_output=True, env=ENV)
    root = tmp_path / "TrialAssistant"
    extracted = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    original = {p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    assert extracted == original
    assert f"_internal/resources/templates/{TEMPLATE_NAME}" in extracted


def test_build_refuses_a_folder_that_is_not_a_bundle(tmp_path):
    (tmp_path / "empty").mkdir()
    result = build_msi(tmp_path / "empty", tmp_path / "x.msi")
    assert result.returncode != 0
    assert "not a Windows bundle" in result.stderr
    assert not (tmp_path / "x.msi").exists()


def test_build_refuses_the_linux_bundle(tmp_path):
    """An MSI around ELF programs would install something no court PC can start."""
    linux = tmp_path / "TrialAssistant"
    (linux / "_internal").mkdir(parents=True)
    for name in ("TrialAssistant", "trial-assistant"):
        (linux / name).write_bytes(b"\x7fELF linux program")
    result = build_msi(linux, tmp_path / "x.msi")
    assert result.returncode != 0 and "not a Windows bundle" in result.stderr
    for name in ("TrialAssistant.exe", "trial-assistant.exe"):
        (linux / name).write_bytes(b"\x7fELF renamed")
    result = build_msi(linux, tmp_path / "y.msi")
    assert result.returncode != 0 and "not a Windows program" in result.stderr
    assert not (tmp_path / "x.msi").exists() and not (tmp_path / "y.msi").exists()
