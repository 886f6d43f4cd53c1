"""Check a Windows bundle (and its MSI) is a real Windows program and carries no Wine test stub.

    python3 installer/windows/check_windows_bundle.py [--stubs DIR] [--msi MSI] BUNDLE

1. both executables are PE32+ x86-64 (not the ELF files of a Linux bundle): the console one
   with the console subsystem, the windowed one with the GUI subsystem;
2. ``_internal/msvcp140.dll`` is at the top level (ctranslate2 needs it on a PC without the
   VC++ runtime);
3. none of the test-only Wine stubs (installer/wine-test-stubs/) is inside: no file with a
   stub's name, and - given ``--stubs`` (the folder the stubs were built into) - no file with
   a stub's content under any name;
4. with ``--msi``, the MSI is unpacked (msiextract) and 1-3 are checked on what it installs.

Standard library plus msitools. Exit status 0 only when all passed; scripts/build_windows.sh
runs it after the bundle and after the MSI.
"""
from __future__ import annotations

import argparse
import hashlib
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

# The DLLs installer/wine-test-stubs/ builds; Windows 10 and later have the real ones.
STUB_NAMES = ("icuuc.dll", "bcryptprimitives.dll")
MACHINE_AMD64 = 0x8664
PE32_PLUS = 0x20B
SUBSYSTEM_GUI, SUBSYSTEM_CONSOLE = 2, 3
EXPECTED = {"trial-assistant.exe": SUBSYSTEM_CONSOLE, "TrialAssistant.exe": SUBSYSTEM_GUI}


def pe_header(path: Path) -> tuple[int, int, int] | None:
    """(machine, optional-header magic, subsystem) of a PE file, or None if it is not one."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if len(head) < 64 or head[:2] != b"MZ":
        return None
    offset = struct.unpack_from("<I", head, 0x3C)[0]
    if offset + 24 + 70 > len(head) or head[offset:offset + 4] != b"PE\0\0":
        return None
    machine = struct.unpack_from("<H", head, offset + 4)[0]
    optional = offset + 24
    magic = struct.unpack_from("<H", head, optional)[0]
    subsystem = struct.unpack_from("<H", head, optional + 68)[0]
    return machine, magic, subsystem


def executable_problems(bundle: Path) -> list[str]:
    """Why the bundle's two programs would not start on 64-bit Windows."""
    found = []
    for name, subsystem in EXPECTED.items():
        path = bundle / name
        if not path.is_file():
            found.append(f"missing {name}")
            continue
        header = pe_header(path)
        if header is None:
            kind = "ELF (a Linux program)" if path.read_bytes()[:4] == b"\x7fELF" else "not a PE file"
            found.append(f"{name} is {kind}, not a Windows program")
            continue
        machine, magic, got = header
        if machine != MACHINE_AMD64 or magic != PE32_PLUS:
            found.append(f"{name} is not PE32+ x86-64 (machine {machine:#x}, magic {magic:#x})")
        if got != subsystem:
            found.append(f"{name} has subsystem {got}, expected {subsystem}")
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def stub_problems(root: Path, stub_dir: Path | None = None) -> list[str]:
    """Files under ``root`` that are a test-only Wine stub, by name or by content."""
    hashes = {}
    if stub_dir is not None:
        hashes = {_digest(p): p.name for p in sorted(stub_dir.glob("*.dll"))}
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(root).as_posix()
        if path.name.lower() in STUB_NAMES:
            found.append(f"test-only Wine stub packaged: {rel}")
        elif hashes and path.suffix.lower() == ".dll" and _digest(path) in hashes:
            found.append(f"test-only Wine stub {hashes[_digest(path)]} packaged as {rel}")
    return found


def problems(bundle: Path, stub_dir: Path | None = None) -> list[str]:
    """Everything wrong with a Windows bundle folder (or an unpacked MSI's program folder)."""
    found = executable_problems(bundle)
    if not (bundle / "_internal" / "msvcp140.dll").is_file():
        found.append("missing _internal/msvcp140.dll (VC++ runtime for ctranslate2)")
    return found + stub_problems(bundle, stub_dir)


def msi_problems(msi: Path, stub_dir: Path | None = None) -> list[str]:
    """``problems`` for what the MSI installs (unpacked with msiextract)."""
    with tempfile.TemporaryDirectory(prefix="ta-msi-win-") as tmp:
        subprocess.run(["msiextract", "-C", tmp, str(msi)], check=True, capture_output=True)
        installed = Path(tmp) / "TrialAssistant"
        if not installed.is_dir():
            return [f"{msi} installs no TrialAssistant folder"]
        return [f"MSI: {p}" for p in problems(installed, stub_dir)]


def main(argv: list[str]) -> int:
    """Print each problem; exit 1 when there is any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--stubs", type=Path, help="folder holding the built stub DLLs")
    parser.add_argument("--msi", type=Path, help="the MSI built from BUNDLE")
    args = parser.parse_args(argv)
    found = problems(args.bundle, args.stubs)
    if args.msi:
        found += msi_problems(args.msi, args.stubs)
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        what = f"{args.bundle} and {args.msi}" if args.msi else str(args.bundle)
        print(f"Windows check passed: {what}: PE32+ x86-64, msvcp140.dll present, no Wine test stub")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
