"""installer/windows/check_windows_bundle.py: PE32+ x86-64 programs, msvcp140.dll, no Wine test stub."""
from __future__ import annotations

import struct
from pathlib import Path

from tests.helpers.installer_msi import build_msi, load_installer_script, make_fake_bundle

ROOT = Path(__file__).resolve().parents[2]


def _checker():
    return load_installer_script("windows/check_windows_bundle")


def pe_bytes(machine: int = 0x8664, magic: int = 0x20B, subsystem: int = 3) -> bytes:
    """The first bytes of a PE file: DOS header pointing at a PE header at 0x80."""
    data = bytearray(1024)
    data[:2] = b"MZ"
    struct.pack_into("<I", data, 0x3C, 0x80)
    data[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<H", data, 0x84, machine)
    struct.pack_into("<H", data, 0x80 + 24, magic)
    struct.pack_into("<H", data, 0x80 + 24 + 68, subsystem)
    return bytes(data)


def windows_bundle(tmp_path: Path) -> Path:
    """The installer tests' fake bundle with PE32+ x86-64 programs and a top-level msvcp140.dll."""
    bundle = make_fake_bundle(tmp_path)
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    (bundle / "trial-assistant.exe").write_bytes(pe_bytes(subsystem=3))
    (bundle / "TrialAssistant.exe").write_bytes(pe_bytes(subsystem=2))
    (bundle / "_internal" / "msvcp140.dll").write_bytes(pe_bytes(subsystem=3) + b"runtime")
    (bundle / "_internal" / "PySide6" / "Qt6Core.dll").write_bytes(pe_bytes(subsystem=3) + b"qt")
    return bundle


def test_a_windows_bundle_passes(tmp_path):
    assert _checker().problems(windows_bundle(tmp_path)) == []


def test_the_linux_bundle_and_wrong_windows_programs_are_named(tmp_path):
    checker = _checker()
    bundle = windows_bundle(tmp_path)
    (bundle / "trial-assistant.exe").write_bytes(b"\x7fELF" + bytes(100))
    (bundle / "TrialAssistant.exe").write_bytes(pe_bytes(machine=0x14C, magic=0x10B, subsystem=2))
    found = "\n".join(checker.problems(bundle))
    assert "trial-assistant.exe is ELF (a Linux program), not a Windows program" in found
    assert "TrialAssistant.exe is not PE32+ x86-64 (machine 0x14c, magic 0x10b)" in found
    (bundle / "TrialAssistant.exe").write_bytes(pe_bytes(subsystem=3))
    assert "TrialAssistant.exe has subsystem 3, expected 2" in "\n".join(checker.problems(bundle))


def test_missing_msvcp140_is_reported(tmp_path):
    bundle = windows_bundle(tmp_path)
    (bundle / "_internal" / "msvcp140.dll").unlink()
    assert any("msvcp140.dll" in p for p in _checker().problems(bundle))


def test_a_stub_is_found_by_name_in_any_case_and_by_content_under_another_name(tmp_path):
    checker = _checker()
    bundle = windows_bundle(tmp_path)
    stubs = tmp_path / "stubs"
    stubs.mkdir()
    (stubs / "icuuc.dll").write_bytes(pe_bytes() + b"icu stub")
    (stubs / "bcryptprimitives.dll").write_bytes(pe_bytes() + b"prng stub")
    assert checker.stub_problems(bundle, stubs) == []
    (bundle / "_internal" / "ICUUC.DLL").write_bytes(b"anything")
    (bundle / "_internal" / "PySide6" / "renamed.dll").write_bytes((stubs / "bcryptprimitives.dll").read_bytes())
    found = checker.stub_problems(bundle, stubs)
    assert found == ["test-only Wine stub packaged: _internal/ICUUC.DLL",
                     "test-only Wine stub bcryptprimitives.dll packaged as _internal/PySide6/renamed.dll"]
    assert checker.main([str(bundle), "--stubs", str(stubs)]) == 1


def test_the_msi_is_checked_on_what_it_installs(tmp_path):
    """A stub that reached the MSI is found in the unpacked package (msiextract)."""
    checker = _checker()
    bundle = windows_bundle(tmp_path)
    clean = tmp_path / "clean.msi"
    assert build_msi(bundle, clean).returncode == 0
    assert checker.msi_problems(clean) == []
    (bundle / "_internal" / "bcryptprimitives.dll").write_bytes(b"stub")
    dirty = tmp_path / "dirty.msi"
    assert build_msi(bundle, dirty).returncode == 0
    assert checker.msi_problems(dirty) == ["MSI: test-only Wine stub packaged: _internal/bcryptprimitives.dll"]


def test_stub_sources_live_apart_and_are_marked_test_only():
    """The stubs are C sources in their own folder, never a DLL in the repository."""
    folder = ROOT / "installer" / "wine-test-stubs"
    assert sorted(p.name for p in folder.glob("*.c")) == ["bcryptprimitives.c", "icuuc.c"]
    assert not list(folder.glob("*.dll")) and not list((ROOT / "resources").rglob("*.dll"))
    for source in folder.glob("*.c"):
        assert "TEST-ONLY" in source.read_text(encoding="utf-8")
    # build.spec never names the stub folder or a stub DLL.
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    assert "wine-test-stubs" not in spec and "icuuc" not in spec and "bcryptprimitives" not in spec
