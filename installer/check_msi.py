"""Check a built MSI by installing it the way this machine can: unpack it and run what it holds.

    python3 installer/check_msi.py dist/TrialAssistant-<version>-x64.msi [dist/TrialAssistant]

There is no msiexec here, so the MSI is unpacked with msiextract (the same files, folders and
names msiexec would lay down) and then:

1. every file of the bundle is in the package, byte for byte, and nothing else is;
2. the unpacked console program runs ``selftest --json`` (Qt, SQLCipher, Whisper reading the
   Mandarin clip from the installed model copy, OCR, template, exchange) with throw-away
   folders, and leaves no model cache behind;
3. a silent install's properties are turned into machine policy exactly as the MSI's
   Registry table would write them (only rows whose component condition holds, values
   formatted from the properties), and the unpacked program's ``policy show --json`` reports
   each of them as locked policy.

Standard library plus msitools (msiextract, msiinfo).  Exit status 0 only when all passed.
The program is run natively, so on Linux this suits only a package of native programs (the
tests' fake ones). The real Windows MSI is installed with msiexec under Wine and tested by
installer/windows/wine_install_test.py (scripts/build_windows.sh), which shares
compare_files() and the policy key from here.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POLICY_KEY = r"SOFTWARE\Policies\TrialAssistant"
# What IT would pass on the msiexec command line in this check (names from policy.wxi).
SILENT_PROPERTIES = {
    "COURTNAME": "浙江省杭州市西湖区人民法院",
    "COURTCODE": "浙0106",
    "AUTOLOCKMINUTES": "7",
}
ENV = {**os.environ, "LC_ALL": "C.UTF-8"}


def table(msi: Path, name: str) -> list[dict[str, str]]:
    """Rows of one MSI table as dicts (msiinfo export: names, types, key line, then rows)."""
    text = subprocess.run(["msiinfo", "export", str(msi), name], capture_output=True, check=True,
                          env=ENV).stdout.decode("utf-8")
    lines = text.replace("\r\n", "\n").split("\n")
    columns = lines[0].split("\t")
    return [dict(zip(columns, line.split("\t") + [""] * len(columns))) for line in lines[3:] if line]


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _files(root: Path) -> dict[str, Path]:
    # Symlinks (PyInstaller's Linux aliases for libraries kept elsewhere in the bundle) are
    # not harvested: an MSI has no symlinks, and Windows bundles have none.
    return {p.relative_to(root).as_posix(): p for p in root.rglob("*")
            if p.is_file() and not p.is_symlink()}


def compare_files(bundle: Path, installed: Path) -> list[str]:
    """Differences between the bundle and the unpacked package (executables may gain .exe)."""
    want, got = _files(bundle), _files(installed)
    for name in ("TrialAssistant", "trial-assistant"):
        if name in want and f"{name}.exe" in got:
            want[f"{name}.exe"] = want.pop(name)
    problems = [f"not in the MSI: {n}" for n in sorted(set(want) - set(got))]
    problems += [f"in the MSI but not the bundle: {n}" for n in sorted(set(got) - set(want))]
    problems += [f"differs from the bundle: {n}" for n in sorted(set(want) & set(got))
                 if want[n].stat().st_size != got[n].stat().st_size or _digest(want[n]) != _digest(got[n])]
    return problems


def _condition_holds(condition: str, props: dict[str, str]) -> bool:
    """The component conditions policy.sql writes: empty, ``PROP``, ``PROP<>""`` (or NOT PROP)."""
    condition = condition.strip()
    if not condition:
        return True
    m = re.fullmatch(r'(NOT\s+)?([A-Z_]+)(\s*<>\s*"")?', condition)
    if not m:
        raise ValueError(f"component condition this check cannot evaluate: {condition!r}")
    present = bool(props.get(m.group(2)))
    return not present if m.group(1) else present


def policy_from_registry_table(msi: Path, props: dict[str, str]) -> dict[str, str]:
    """The values a silent install with ``props`` writes under the machine-policy key."""
    components = {row["Component"]: row["Condition"] for row in table(msi, "Component")}
    policy: dict[str, str] = {}
    for row in table(msi, "Registry"):
        if row["Root"] != "2" or row["Key"] != POLICY_KEY:
            continue
        if not _condition_holds(components.get(row["Component_"], ""), props):
            continue
        value = re.sub(r"\[([A-Z_]+)\]", lambda m: props.get(m.group(1), ""), row["Value"])
        policy[row["Name"]] = re.sub(r"^#", "", value)  # "#7" is a REG_DWORD 7
    return policy


def _run(exe: Path, args: list[str], scratch: Path, policy_file: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in ENV.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", TRIAL_ASSISTANT_CACHE=str(scratch / "cache"),
               TRIAL_ASSISTANT_CONFIG=str(scratch / "config"), TRIAL_ASSISTANT_DATA=str(scratch / "data"),
               TRIAL_ASSISTANT_POLICY=str(policy_file))
    return subprocess.run([str(exe), *args], capture_output=True, env=env, timeout=300)


def check(msi: Path, bundle: Path | None) -> list[str]:
    """Everything wrong with ``msi``; empty when the unpacked package works."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ta-msi-") as tmp:
        scratch = Path(tmp)
        target = scratch / "installed"
        subprocess.run(["msiextract", "-C", str(target), str(msi)], check=True,
                       capture_output=True, env=ENV)
        installed = target / "TrialAssistant"
        if bundle is not None:
            problems += compare_files(bundle, installed)
        exe = next((installed / n for n in ("trial-assistant.exe", "trial-assistant")
                    if (installed / n).is_file()), None)
        if exe is None:
            return problems + ["the MSI holds no trial-assistant program"]
        exe.chmod(exe.stat().st_mode | stat.S_IXUSR)  # msiextract does not keep Unix modes

        try:
            result = _run(exe, ["selftest", "--json"], scratch, scratch / "no-policy.json")
        except OSError as exc:
            return problems + [f"the unpacked program cannot start: {exc}"]
        try:
            report = json.loads(result.stdout.decode("utf-8"))
        except ValueError:
            return problems + [f"selftest gave no report (exit {result.returncode}): "
                               f"{result.stderr.decode('utf-8', 'replace')[-2000:]}"]
        problems += [f"selftest {c['name']} failed: {c['detail']}" for c in report["checks"] if not c["ok"]]
        whisper = next((c["detail"] for c in report["checks"] if c["name"] == "whisper"), "")
        if "installed copy" not in whisper:
            problems.append(f"Whisper did not use the installed model copy: {whisper}")
        if (scratch / "cache").exists() and any((scratch / "cache").rglob("model.bin")):
            problems.append("the installed program made its own model cache")

        policy = policy_from_registry_table(msi, SILENT_PROPERTIES)
        if set(policy) != set(SILENT_PROPERTIES):
            problems.append(f"registry rows written for {sorted(policy)}, expected {sorted(SILENT_PROPERTIES)}")
        policy_file = scratch / "machine_policy.json"
        policy_file.write_text(json.dumps(policy, ensure_ascii=False), encoding="utf-8")
        shown = _run(exe, ["policy", "show", "--json"], scratch, policy_file)
        try:
            settings = {s["policy_name"]: s for s in json.loads(shown.stdout.decode("utf-8"))["settings"]}
        except (ValueError, KeyError):
            return problems + [f"policy show failed (exit {shown.returncode}): "
                               f"{shown.stderr.decode('utf-8', 'replace')[-2000:]}"]
        for name, value in SILENT_PROPERTIES.items():
            got = settings.get(name, {})
            if not got.get("locked") or str(got.get("value")) != value:
                problems.append(f"{name}={value} from the install is not applied as locked policy: {got}")
    return problems


def main(argv: list[str]) -> int:
    """Print each problem; exit 1 when there is any."""
    if len(argv) not in (1, 2):
        print(__doc__, file=sys.stderr)
        return 2
    problems = check(Path(argv[0]), Path(argv[1]) if len(argv) == 2 else None)
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"MSI check passed: {argv[0]} unpacked, selftest passed, silent-install policy applied")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
