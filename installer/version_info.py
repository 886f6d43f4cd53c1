"""The Windows version resource stamped on both executables (Explorer's Details tab, inventory
tools that IT uses to see which build a PC runs).

build.spec calls :func:`version_info`; PyInstaller applies it only when building on Windows.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMPANY = "TrialAssistant"
PRODUCT = "审判辅助系统 Trial Assistant"


def project_version() -> str:
    """The version in pyproject.toml (the MSI's ProductVersion comes from the same line)."""
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0): Windows wants four 16-bit numbers; suffixes are dropped."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    if not numbers or any(n > 65535 for n in numbers):
        raise ValueError(f"version {version!r} cannot be a Windows file version")
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_file_text(exe_name: str, description: str, version: str | None = None) -> str:
    """PyInstaller's version-file text (a ``VSVersionInfo(...)`` expression) for ``exe_name``.

    Text rather than PyInstaller's classes, because those import Windows-only modules; the
    build on Windows parses it, and tests here can read it.
    """
    version = version or project_version()
    numbers = version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": description,
        "FileVersion": dotted,
        "InternalName": exe_name.removesuffix(".exe"),
        "LegalCopyright": "Third-party licences: resources/NOTICE.md in the install folder",
        "OriginalFilename": exe_name,
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    # 0804 = Chinese (PRC), 04B0 / 1200 = Unicode.
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([
      StringTable('080404B0', [
{table}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(folder: Path, exe_name: str, description: str) -> str:
    """Write the version file for ``exe_name`` into ``folder``; return its path for build.spec."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{exe_name}.version.txt"
    path.write_text(version_file_text(exe_name, description), encoding="utf-8")
    return str(path)
