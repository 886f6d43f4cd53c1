"""Build the MSI from a tiny fake bundle and read its tables with msitools (shared by tests)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
TEMPLATE_NAME = "传票.docx"
ENV = {**os.environ, "LC_ALL": "C.UTF-8"}


def load_installer_script(name: str):
    """Import ``installer/<name>.py`` (``name`` may hold a sub-folder, e.g. ``windows/x``; the
    folders are not packages) and return the module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(Path(name).name, INSTALLER / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_fake_bundle(folder: Path) -> Path:
    """A folder shaped like dist/TrialAssistant (two exes, _internal with a Chinese file name)."""
    bundle = folder / "TrialAssistant"
    (bundle / "_internal" / "resources" / "templates").mkdir(parents=True)
    (bundle / "_internal" / "app" / "store" / "migrations").mkdir(parents=True)
    (bundle / "TrialAssistant.exe").write_bytes(b"MZ windowed")
    (bundle / "trial-assistant.exe").write_bytes(b"MZ console")
    (bundle / "_internal" / "resources" / "templates" / TEMPLATE_NAME).write_bytes(b"PK template")
    (bundle / "_internal" / "app" / "store" / "migrations" / "0001_foundation.pyc").write_bytes(b"pyc")
    (bundle / "_internal" / "base_library.zip").write_bytes(os.urandom(3000))
    (bundle / "_internal" / "resources" / "icons").mkdir()
    (bundle / "_internal" / "resources" / "icons" / "app.ico").write_bytes(
        (ROOT / "resources" / "icons" / "app.ico").read_bytes())
    return bundle


def build_msi(bundle: Path, out: Path, version: str | None = None) -> subprocess.CompletedProcess:
    """Run installer/build_msi.sh (check=False: callers assert on the outcome)."""
    env = dict(ENV)
    if version:
        env["VERSION"] = version
    return subprocess.run(["bash", str(INSTALLER / "build_msi.sh"), str(bundle), str(out)],
                          capture_output=True, text=True, env=env, timeout=120)


def table(msi: Path, name: str) -> list[dict[str, str]]:
    """Rows of one MSI table as dicts (the reader installer/check_msi.py uses)."""
    return load_installer_script("check_msi").table(msi, name)


def properties(msi: Path) -> dict[str, str]:
    """The Property table as a dict."""
    return {row["Property"]: row["Value"] for row in table(msi, "Property")}


def summary(msi: Path) -> str:
    """msiinfo suminfo text."""
    return subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, check=True,
                          env=ENV).stdout.decode("utf-8")
