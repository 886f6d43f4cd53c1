"""The Windows version resource built for both executables."""
from __future__ import annotations

import ast

import pytest

from tests.helpers.installer_msi import load_installer_script


def _module():
    return load_installer_script("version_info")


def test_version_numbers_for_windows():
    vi = _module()
    assert vi.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert vi.version_tuple("2.3.4.5") == (2, 3, 4, 5)
    assert vi.version_tuple("1.2.0rc1+local") == (1, 2, 0, 1)
    with pytest.raises(ValueError):
        vi.version_tuple("1.70000")


def test_resource_names_the_file_product_and_version(tmp_path):
    vi = _module()
    text = vi.version_file_text("trial-assistant.exe", "命令行", version="1.4.2")
    ast.parse(text, mode="eval")  # PyInstaller evaluates it on Windows
    assert "filevers=(1, 4, 2, 0)" in text
    for expected in ("'OriginalFilename', 'trial-assistant.exe'", "'ProductVersion', '1.4.2'",
                     "'FileDescription', '命令行'", "审判辅助系统", "080404B0"):
        assert expected in text
    written = vi.write_version_file(tmp_path / "work", "TrialAssistant.exe", "窗口")
    assert f"({vi.project_version()!r}" not in written
    assert "'OriginalFilename', 'TrialAssistant.exe'" in open(written, encoding="utf-8").read()
    assert vi.project_version() == vi.tomllib.loads(
        (vi.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
