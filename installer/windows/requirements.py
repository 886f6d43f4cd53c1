"""Print the pip requirement lines of the Windows build (one per line) from pyproject.toml.

pip evaluates environment markers for the machine it runs on (Linux), so the packages that
only Windows needs - PyInstaller's ``pefile`` and ``pywin32-ctypes``, tqdm's ``colorama`` -
are named here explicitly. jieba is an sdist only; scripts/build_windows.sh builds its wheel.
"""
import sys
import tomllib
from pathlib import Path

# Needed on Windows only, invisible to pip running on Linux (environment markers).
WINDOWS_ONLY = ("pefile", "pywin32-ctypes", "colorama")


def requirement_lines(pyproject: Path) -> list[str]:
    """The project's run-time dependencies, the build extra and the Windows-only packages."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    lines = [dep.split("#")[0].strip() for dep in project["dependencies"]]
    lines += project["optional-dependencies"]["build"]
    lines += list(WINDOWS_ONLY)
    return lines


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2]
    print("\n".join(requirement_lines(root / "pyproject.toml")))
