"""Install the Windows MSI silently into a fresh Wine prefix and test the installed program.

    python3 installer/windows/wine_install_test.py --prefix WINEPREFIX --msi MSI \
        [--bundle dist/windows/TrialAssistant] [--report selftest.json] [--times times.json]

The prefix must be initialised and hold the test-only stubs (scripts/build_windows.sh does
both). Steps, each must pass:

1. ``wine msiexec /i MSI /qn`` with a few policy properties (as IT would deploy it);
2. the installed folder equals the bundle, file for file and byte for byte;
3. the installer wrote each property as a value under HKLM\\SOFTWARE\\Policies\\TrialAssistant;
4. the installed ``trial-assistant.exe selftest --json`` passes every check, and Whisper used
   the installed model copy;
5. the installed ``trial-assistant.exe policy show --json`` reports each property as locked
   machine policy (read from the registry, as on a court PC);
6. ``msiexec /x`` removes the program folder and the policy values.

Python under Wine does not start with stdout redirected to a file, so every program's output
is read through a pipe.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from check_msi import POLICY_KEY, compare_files  # noqa: E402

# What IT passes on the msiexec command line in this test (names from policy.wxi).
PROPERTIES = {
    "COURTNAME": "浙江省杭州市西湖区人民法院",
    "COURTCODE": "浙0106",
    "AUTOLOCKMINUTES": "7",
    "DATADIR": r"C:\TrialData",
}
INSTALLED = r"C:\Program Files\TrialAssistant"


def wine_env(prefix: Path) -> dict[str, str]:
    """Headless Wine: offscreen Qt, no display, OpenMP without thread pinning (ctranslate2)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=",
               KMP_AFFINITY="disabled", QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8",
               PYTHONIOENCODING="utf-8")
    return env


def wine(prefix: Path, args: list[str], timeout: int = 900) -> subprocess.CompletedProcess:
    """Run a Windows program under Wine; output through pipes, stdin from /dev/null."""
    return subprocess.run(["wine", *args], stdin=subprocess.DEVNULL, capture_output=True,
                          env=wine_env(prefix), timeout=timeout)


def wait_until_idle(prefix: Path, timeout: int = 120) -> bool:
    """Wait until no program runs in the prefix (``wineserver -w``); False on timeout."""
    try:
        subprocess.run(["wineserver", "-w"], stdin=subprocess.DEVNULL, capture_output=True,
                       env=wine_env(prefix), timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return True


def winpath(path: Path) -> str:
    """The Windows name of a Linux path (drive Z: is the Linux root in every prefix)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def parse_reg_export(text: str) -> dict[str, str]:
    """String values of one key from a ``reg export`` file (``"NAME"="VALUE"`` lines)."""
    values = {}
    for line in text.replace("\r", "").splitlines():
        if line.startswith('"') and '"="' in line and line.endswith('"'):
            name, value = line[1:-1].split('"="', 1)
            values[name] = value.replace("\\\\", "\\").replace('\\"', '"')
    return values


def registry_values(prefix: Path, key: str) -> dict[str, str]:
    """Values under HKLM\\``key`` in the prefix, read through ``reg export`` (a UTF-16 file):
    ``reg query`` prints through the console code page, which turns Chinese into '?'."""
    out = prefix / "policy-export.reg"
    out.unlink(missing_ok=True)
    wine(prefix, ["reg", "export", "HKLM\\" + key, winpath(out), "/y"], timeout=120)
    if not out.is_file():
        return {}
    raw = out.read_bytes()
    return parse_reg_export(raw.decode("utf-16") if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else raw.decode("utf-8", "replace"))


def _json(result: subprocess.CompletedProcess, what: str) -> dict:
    text = result.stdout.decode("utf-8", "replace")
    start = text.find("{")
    try:
        return json.loads(text[start:]) if start >= 0 else {}
    except ValueError as exc:
        raise SystemExit(f"{what} gave no JSON (exit {result.returncode}): {exc}\n{text[-2000:]}\n"
                         f"{result.stderr.decode('utf-8', 'replace')[-2000:]}") from exc


def selftest_problems(report: dict) -> list[str]:
    """Failed checks of a selftest report, and a Whisper that did not use the installed model."""
    checks = report.get("checks", [])
    if not checks:
        return ["selftest report holds no checks"]
    found = [f"selftest {c['name']} failed: {c['detail']}" for c in checks if not c["ok"]]
    whisper = next((c["detail"] for c in checks if c["name"] == "whisper"), "")
    if "installed copy" not in whisper:
        found.append(f"Whisper did not use the installed model copy: {whisper}")
    return found


def policy_problems(settings: list[dict], expected: dict[str, str]) -> list[str]:
    """Properties that ``policy show --json`` does not report as locked machine policy."""
    by_name = {s.get("policy_name"): s for s in settings}
    found = []
    for name, value in expected.items():
        got = by_name.get(name, {})
        if not got.get("locked") or str(got.get("value")).rstrip("\\") != value.rstrip("\\"):
            found.append(f"{name}={value} from the install is not applied as locked policy: {got}")
    return found


def run(prefix: Path, msi: Path, bundle: Path | None, report_path: Path | None) -> tuple[list[str], dict]:
    """All steps; (problems, seconds per step)."""
    times: dict[str, float] = {}
    log = prefix / "install.log"
    args = ["msiexec", "/i", winpath(msi), "/qn", "/l*v", winpath(log)]
    args += [f"{k}={v}" for k, v in PROPERTIES.items()]
    start = time.perf_counter()
    result = wine(prefix, args)
    times["msiexec_install_s"] = round(time.perf_counter() - start, 1)
    installed = prefix / "drive_c" / "Program Files" / "TrialAssistant"
    if result.returncode != 0 or not (installed / "trial-assistant.exe").is_file():
        tail = log.read_bytes().decode("utf-16", "replace")[-3000:] if log.is_file() else ""
        return [f"msiexec /i failed (exit {result.returncode}): {tail}"], times
    problems = compare_files(bundle, installed) if bundle is not None else []

    written = registry_values(prefix, POLICY_KEY)
    for name, value in PROPERTIES.items():
        if written.get(name) != value:
            problems.append(f"registry {POLICY_KEY}\\{name} is {written.get(name)!r}, expected {value!r}")

    exe = INSTALLED + r"\trial-assistant.exe"
    start = time.perf_counter()
    selftest = wine(prefix, [exe, "selftest", "--json"])
    times["installed_selftest_s"] = round(time.perf_counter() - start, 1)
    report = _json(selftest, "selftest")
    if report_path is not None:
        report_path.parent.mkdir(parents=True, exist_ok=True)
        report_path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    times["selftest_checks_s"] = round(sum(c.get("seconds", 0) for c in report.get("checks", [])), 1)
    problems += selftest_problems(report)
    if selftest.returncode != 0 and not problems:
        problems.append(f"selftest exited {selftest.returncode}")
    for c in report.get("checks", []):
        print(f"   {'ok  ' if c['ok'] else 'FAIL'} {c['name']}: {c['detail']}")

    shown = _json(wine(prefix, [exe, "policy", "show", "--json"]), "policy show")
    problems += policy_problems(shown.get("settings", []), PROPERTIES)

    # The selftest's transcription child and the policy command may still be closing: an
    # uninstall that starts while a program of the install folder runs fails at once
    # (seen once in CI: exit 1 after 0.0 s; the same MSI uninstalled cleanly on a rerun).
    idle = wait_until_idle(prefix)
    start = time.perf_counter()
    uninstall_log = prefix / "uninstall.log"
    removed = wine(prefix, ["msiexec", "/x", winpath(msi), "/qn", "/l*v", winpath(uninstall_log)])
    times["msiexec_uninstall_s"] = round(time.perf_counter() - start, 1)
    if removed.returncode != 0 or (installed / "trial-assistant.exe").exists():
        tail = (uninstall_log.read_bytes().decode("utf-16", "replace")[-2000:]
                if uninstall_log.is_file() else "(no uninstall log)")
        problems.append(f"msiexec /x did not remove the program (exit {removed.returncode}; "
                        f"prefix idle before it: {idle}): {tail}")
    left = registry_values(prefix, POLICY_KEY)
    if left:
        problems.append(f"uninstall left policy values behind: {sorted(left)}")
    return problems, times


def main(argv: list[str]) -> int:
    """Print each problem; exit 1 when there is any."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", type=Path, required=True)
    parser.add_argument("--msi", type=Path, required=True)
    parser.add_argument("--bundle", type=Path)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--times", type=Path)
    args = parser.parse_args(argv)
    problems, times = run(args.prefix, args.msi, args.bundle, args.report)
    if args.times:
        args.times.write_text(json.dumps(times, indent=2), encoding="utf-8")
    print(f"   times: {times}")
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"Wine install test passed: {args.msi} installed silently, files match, "
              f"policy written and applied, every selftest check passed, uninstalled")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
