"""The .deb of the Linux bundle: its text files (installer/linux/deb_files.py) and scripts/build_deb.sh."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.helpers.installer_msi import load_installer_script

from app import paths

ROOT = Path(__file__).resolve().parents[2]


def _deb_files():
    return load_installer_script("linux/deb_files")


def fields(control: str) -> dict[str, str]:
    """Fields of a Debian control paragraph (continuation lines joined)."""
    out: dict[str, str] = {}
    key = ""
    for line in control.splitlines():
        if line.startswith(" "):
            out[key] += "\n" + line[1:]
        else:
            key, _, value = line.partition(":")
            out[key] = value.strip()
    return out


def test_control_file_names_package_version_arch_and_the_qt_libraries():
    control = fields(_deb_files().control("1.2.3", 654321))
    assert control["Package"] == "trial-assistant" and control["Version"] == "1.2.3"
    assert control["Architecture"] == "amd64" and control["Installed-Size"] == "654321"
    depends = [d.strip() for d in control["Depends"].split(",")]
    # Qt's xcb platform plugin cannot load without these; recording needs PortAudio.
    for lib in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1", "libportaudio2"):
        assert lib in depends
    assert any(d.startswith("fonts-noto-cjk |") for d in depends)
    assert control["Description"].startswith("审判辅助系统")


def test_the_documented_policy_file_is_where_the_program_reads_it(monkeypatch):
    monkeypatch.delenv("TRIAL_ASSISTANT_POLICY", raising=False)
    monkeypatch.setattr(paths.sys, "platform", "linux")
    deb = _deb_files()
    assert str(paths.policy_file()) == deb.POLICY_FILE
    assert deb.POLICY_FILE in deb.readme() and deb.POLICY_FILE in fields(deb.control("1", 1))["Description"]


def test_policy_example_uses_only_known_policy_names():
    import json

    from app.settings import REGISTRY

    known = {s.policy_name.upper() for s in REGISTRY.values() if s.policy_name}
    example = json.loads(_deb_files().policy_example())
    assert example and set(example) <= known


def test_desktop_entry_starts_the_installed_window_with_the_themed_icon():
    entry = dict(line.split("=", 1) for line in _deb_files().desktop().splitlines()[1:])
    assert entry["Exec"] == "/opt/trial-assistant/TrialAssistant"
    assert entry["Icon"] == "trial-assistant" and entry["Type"] == "Application"
    assert entry["Name"] == "审判辅助系统" and entry["Name[en]"] == "Trial Assistant"
    assert entry["Terminal"] == "false" and entry["Categories"].endswith(";")


def _fake_linux_bundle(folder: Path) -> Path:
    bundle = folder / "TrialAssistant"
    (bundle / "_internal" / "resources").mkdir(parents=True)
    for name in ("trial-assistant", "TrialAssistant"):
        (bundle / name).write_bytes(b"\x7fELF fake program")
        (bundle / name).chmod(0o755)
    (bundle / "_internal" / "resources" / "传票.docx").write_bytes(b"PK")
    return bundle


def test_build_deb_lays_out_opt_usr_bin_menu_icons_and_no_policy_file(tmp_path):
    bundle = _fake_linux_bundle(tmp_path)
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_deb.sh"), str(bundle), str(tmp_path / "out")],
                            capture_output=True, text=True, env={**os.environ, "VERSION": "9.8.7"}, timeout=120)
    assert result.returncode == 0, result.stderr
    deb = tmp_path / "out" / "trial-assistant_9.8.7_amd64.deb"
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {line.split()[-1] if "->" not in line else line.split()[-3]: line.split()[0]
               for line in listing.splitlines()}
    assert entries["./opt/trial-assistant/trial-assistant"] == "-rwxr-xr-x"
    assert entries["./usr/bin/trial-assistant"] == "-rwxr-xr-x"
    assert "./opt/trial-assistant/_internal/resources/传票.docx" in entries
    assert "./usr/share/applications/trial-assistant.desktop" in entries
    assert "./usr/share/icons/hicolor/48x48/apps/trial-assistant.png" in entries
    assert "./usr/share/icons/hicolor/scalable/apps/trial-assistant.svg" in entries
    assert "./etc/trial-assistant/" in entries and "./etc/trial-assistant/policy.json" not in entries
    assert all(" root/root " in line for line in listing.splitlines())
    control = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version"], capture_output=True,
                             text=True, check=True).stdout
    assert "Package: trial-assistant" in control and "Version: 9.8.7" in control
    wrapper = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True, check=True).stdout
    assert b"exec /opt/trial-assistant/trial-assistant \"$@\"" in wrapper


def test_build_deb_refuses_the_windows_bundle(tmp_path):
    bundle = _fake_linux_bundle(tmp_path)
    for name in ("trial-assistant", "TrialAssistant"):
        (bundle / name).write_bytes(b"MZ windows program")
    result = subprocess.run(["bash", str(ROOT / "scripts" / "build_deb.sh"), str(bundle), str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "not a Linux (ELF) program" in result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").glob("*.deb"))
