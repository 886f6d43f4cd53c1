"""Deployment figures: bundle and MSI size, frozen cold start to the login window, selftest time.

    .venv/bin/python tests/bench/bench_deployment.py            # uses dist/ (builds it when missing)
    .venv/bin/python tests/bench/bench_deployment.py --build    # rebuild bundle and MSI, timing both

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
    return f"{os.cpu_count()}-core {model}, {platform.system()} {platform.release()}"


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


def main() -> int:
    """Measure and write docs/benchmarks/deployment.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="rebuild the bundle and the MSI first")
    parser.add_argument("--runs", type=int, default=5, help="cold-start runs (default 5)")
    args = parser.parse_args()
    msi = DIST / f"TrialAssistant-{_version()}-x64.msi"
    build_times = {}
    if args.build or not (BUNDLE / "trial-assistant").exists():
        build_times["bundle (scripts/build_bundle.sh, incl. frozen selftest)"] = timed(
            ["bash", "scripts/build_bundle.sh"])
    if args.build or not msi.exists():
        build_times["MSI (installer/build_msi.sh)"] = timed(["bash", "installer/build_msi.sh"])
    # Unpack the MSI, compare it with the bundle, run its selftest and policy (fails loudly).
    msi_check = timed([sys.executable, "installer/check_msi.py", str(msi), str(BUNDLE)])

    bundle_bytes, bundle_files = folder_size(BUNDLE)
    msi_bytes = msi.stat().st_size
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

    def mb(n: int) -> str:
        return f"{n / 1_000_000:.0f} MB"

    lines = [
        "## Deployment (issue 7)",
        "",
        f"Machine: {machine()}. Commands: `.venv/bin/python tests/bench/bench_deployment.py"
        f"{' --build' if args.build else ''}` (bundle from `bash scripts/build_bundle.sh`, "
        "MSI from `bash installer/build_msi.sh`).",
        "",
        "| Figure | Value |",
        "|---|---|",
        f"| Bundle `dist/TrialAssistant/` (Linux, onedir) | {mb(bundle_bytes)} in {bundle_files} files |",
        f"| MSI `{msi.name}` (wixl, MSZIP cabinet) | {mb(msi_bytes)} |",
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
    lines.append(f"| MSI check (installer/check_msi.py: unpack, compare, selftest, policy) | "
                 f"{msi_check:.0f} s, passed |")
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
              "day (system libraries stay cached).", ""]
    text = "\n".join(lines)
    print(text)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text, encoding="utf-8")
    return 0 if report_first["ok"] and report_second["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
