"""Benchmark of the exchange: SIGKILL faults and throughput for a 200 MB case.

Faults: the terminal's importer and exporter (file node) and the application's importer on the
encrypted store run as real child processes and are SIGKILLed at
a random moment (uniform over the time an uninterrupted run takes), 50 times each by default.
After every kill a fresh node finishes the work and the invariants are checked (every package
applied exactly once or not at all, no half-written outgoing package, SQLite integrity check,
outbox sequences contiguous and matching the ledger, platform applies everything without a
quarantine).

Throughput: a case of dossier PDFs and hearing audio from ../shared/data (copied under new
names until it reaches 200 MB) is exported terminal -> platform and collected, then assigned
platform -> terminal and imported. Each step runs in its own child process, which reports its
wall time and peak RSS; an idle child that only imports the modules gives the baseline.

Run: ``.venv/bin/python tests/bench/bench_exchange.py [--kills 50] [--mb 200]``; prints the figures
and writes them into docs/benchmarks/exchange.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from tests.helpers.exchange_faults import (build_store_world, build_world, child_command, copy_world,  # noqa: E402
                                           finish_export, finish_import, finish_store_import, run_child)

LABELS = {"import": "importer (file node, SQLite)", "export": "exporter (file node, SQLite)",
          "store-import": "importer (application service, SQLCipher store)"}
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
OUT = REPO / "docs" / "benchmarks" / "exchange.md"


def cpu_model() -> str:
    """The CPU model name from lscpu."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Model name"))
    except (OSError, StopIteration):
        return platform.processor() or "unknown"


def _finish(mode: str, world: Path, packages: int):
    if mode == "import":
        return finish_import(world, packages)
    if mode == "store-import":
        return finish_store_import(world, packages)
    return finish_export(world)


def faults(mode: str, kills: int, work: Path, packages: int, size: int) -> dict:
    """Kill ``mode`` (import, export, store-import) ``kills`` times; return counts and failures."""
    if mode == "store-import":
        template = build_store_world(work / f"{mode}-template", packages, size)
    else:
        template = build_world(work / f"{mode}-template", packages if mode == "import" else 0, size)
    extra = (packages, size) if mode == "export" else ()
    full, _ = run_child(child_command(mode, copy_world(template, work / f"{mode}-full"), *extra), None)
    baseline = _finish(mode, work / f"{mode}-full", packages)
    assert not baseline.problems, baseline.problems
    rng = random.Random(2024 if mode == "import" else 2025)
    killed, problems, progress_at_kill = 0, [], []
    for i in range(kills):
        world = copy_world(template, work / f"{mode}-run")
        _, was_killed = run_child(child_command(mode, world, *extra), rng.uniform(0.0, full))
        killed += was_killed
        check = _finish(mode, world, packages)
        progress_at_kill.append(check.before)
        if check.problems:
            problems.append({"run": i, "problems": check.problems})
        if mode == "export" and check.applied < check.before:
            problems.append({"run": i, "problems": ["recorded package lost"]})
    shutil.rmtree(work / f"{mode}-run", ignore_errors=True)
    hist = {n: progress_at_kill.count(n) for n in sorted(set(progress_at_kill))}
    return {"mode": mode, "runs": kills, "killed": killed, "full_run_s": round(full, 2), "packages": packages,
            "package_mb": round(size / 1e6, 1), "done_at_kill": hist, "problems": problems}


# -- throughput -------------------------------------------------------------------------------

def make_case(folder: Path, total: int) -> list[Path]:
    """Copy shared dossier PDFs and hearing audio under new names until ``total`` bytes."""
    sources = sorted((SHARED / "dossier").glob("*.pdf")) + sorted((SHARED / "hearing").glob("*.flac"))
    folder.mkdir(parents=True, exist_ok=True)
    files, size, i = [], 0, 0
    while size < total:
        src = sources[i % len(sources)]
        dst = folder / f"{i:03d}_{src.name}"
        shutil.copyfile(src, dst)
        with open(dst, "ab") as f:
            # Distinct content per copy: the store keeps blobs by content and would skip repeats.
            f.write(f"\n%copy {i}\n".encode())
        files.append(dst)
        size += dst.stat().st_size
        i += 1
    return files


def _store_step(step: str, world: Path):
    """Prepare an application step on the encrypted store (log in, load the search dictionary,
    which a running application has loaded already) and return the step to time:
    ``store-import`` (IT) or ``store-export`` (judge)."""
    from app.services import auth
    from app.services.exchange import ExchangeService
    from app.store import search
    from tests.helpers.stores import IT_PASSWORD, JUDGE_PASSWORD, settings_for

    user, password = ("it", IT_PASSWORD) if step == "store-import" else ("judge", JUDGE_PASSWORD)
    ctx = auth.login(world / "store", user, password, settings_for(world))
    search.segment_for_index("民间借贷纠纷")
    service = ExchangeService(ctx)

    def run() -> int:
        if step == "store-import":
            report = service.import_now(world / "exchange")
            assert report.count("applied") == 1, [(o.action, o.reason) for o in report.outcomes]
            moved = sum(r["size"] for r in ctx.store.query("SELECT size FROM exchange_files WHERE direction='in'"))
        else:
            moved = service.export_case(1, world / "exchange")["size"]
        ctx.store.close()
        return moved

    return run


def _child(argv: list[str]) -> int:
    """Child steps: idle | export STATE EXCHANGE ROLE TO CASEDIR | import STATE EXCHANGE ROLE |
    store-import WORLD - - | store-export WORLD - -."""
    from engines.exchange.file_node import FileNode
    from engines.exchange.package_writer import file_from_path

    import threading

    import psutil

    step, state, exchange, role = argv[:4]
    store_step = _store_step(step, Path(state)) if step.startswith("store-") else None
    proc = psutil.Process()
    base_rss = proc.memory_info().rss
    peak = [base_rss]
    stop = threading.Event()

    def sample() -> None:
        # ru_maxrss alone would hide the step behind the peak reached while importing modules.
        while not stop.wait(0.005):
            peak[0] = max(peak[0], proc.memory_info().rss)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    moved = 0
    if store_step is not None:
        moved = store_step()
    elif step != "idle":
        node = FileNode(state, exchange, role=role)
        if step == "export":
            files = sorted(Path(argv[5]).iterdir())
            folder = "audio" if role == "terminal" else "dossier"
            record = node.export(argv[4], [file_from_path(p, f"{folder}/{p.name}", "case-200mb") for p in files])
            moved = record.size
        else:
            report = node.import_incoming()
            assert report.count("applied") == 1, [(o.action, o.reason) for o in report.outcomes]
            applied = next(o.package_id for o in report.outcomes if o.action == "applied")
            moved = sum(r["size"] for r in node.received() if r["package_id"] == applied)
        node.close()
    seconds = time.perf_counter() - t0
    stop.set()
    sampler.join()
    # Not ru_maxrss: on Linux it carries over the forking parent's peak across exec.
    print(json.dumps({"seconds": seconds, "bytes": moved, "rss_before_mb": base_rss / 2**20,
                      "rss_peak_step_mb": peak[0] / 2**20}))
    return 0


def _run_step(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def throughput(work: Path, megabytes: int) -> dict:
    """Export and import a case of ``megabytes`` MB in both directions."""
    from engines.exchange.file_node import FileNode

    files = make_case(work / "case", megabytes * 1_000_000)
    exchange = work / "exchange"
    terminal = FileNode(work / "terminal", exchange, role="terminal")
    plat = FileNode(work / "platform", exchange, role="platform")
    plat.pin(terminal.ensure_keys("terminal-1").public())
    terminal.pin(plat.ensure_keys("platform").public())
    terminal.close()
    plat.close()
    idle = _run_step("idle", "-", "-", "-")
    steps = {
        "terminal export": _run_step("export", str(work / "terminal"), str(exchange), "terminal", "platform",
                                     str(work / "case")),
        "platform collect (verify, decrypt, store)": _run_step("import", str(work / "platform"), str(exchange),
                                                               "platform"),
        "platform assign": _run_step("export", str(work / "platform"), str(exchange), "platform", "terminal-1",
                                     str(work / "case")),
        "terminal import (verify, decrypt, store)": _run_step("import", str(work / "terminal"), str(exchange),
                                                              "terminal"),
    }
    steps.update(store_throughput(work / "store", files))
    total = sum(p.stat().st_size for p in files)
    return {"case_mb": round(total / 1e6, 1), "files": len(files), "idle_rss_mb": round(idle["rss_peak_step_mb"], 1),
            "steps": {k: {"seconds": round(v["seconds"], 2), "mb": round(v["bytes"] / 1e6, 1),
                          "mb_per_s": round(v["bytes"] / 1e6 / v["seconds"], 1),
                          "rss_before_mb": round(v["rss_before_mb"], 1), "peak_rss_mb": round(v["rss_peak_step_mb"], 1),
                          "rss_growth_mb": round(v["rss_peak_step_mb"] - v["rss_before_mb"], 1)}
                      for k, v in steps.items()}}


def store_throughput(world: Path, files: list[Path]) -> dict:
    """The same case through the application: platform assigns it to a store, IT imports it
    (blobs encrypted into the store), the judge exports it (blobs decrypted on the fly)."""
    from engines.exchange.file_node import FileNode
    from engines.exchange.package_writer import file_from_bytes, file_from_path

    build_store_world(world, 0, 0)
    platform = FileNode(world / "platform", world / "exchange", role="platform")
    terminal = next(k.key.node for k in platform.ledger.pinned_keys())
    case = {"case_id": "P-200MB", "case_number": "（2024）京0105民初200号", "cause": "民间借贷纠纷",
            "procedure": "普通", "filing_date": "2024-03-05", "status": "审理中", "claims": "归还借款",
            "parties": [{"role": "原告", "name": "张三", "kind": "自然人"}], "judge": "judge", "clerk": "clerk"}
    platform.export(terminal, [file_from_bytes(json.dumps(case).encode(), "case.json", "P-200MB")]
                    + [file_from_path(p, f"dossier/{p.stem}.pdf", "P-200MB") for p in files])
    platform.close()
    store_import = _run_step("store-import", str(world), "-", "-")
    store_export = _run_step("store-export", str(world), "-", "-")
    collect = _run_step("import", str(world / "platform"), str(world / "exchange"), "platform")
    return {"application import into the SQLCipher store (IT)": store_import,
            "application export from the store (judge)": store_export,
            "platform collect of that export": collect}


def write_report(results: dict, command: str) -> str:
    """Markdown section for docs/benchmarks/exchange.md."""
    lines = ["# Exchange benchmark", "",
             f"Machine: {os.cpu_count()}-core {cpu_model()}, Python {platform.python_version()}, "
             f"{platform.system()}. Command: `{command}` ({results['date']}).", ""]
    if "faults" not in results and OUT.exists():
        # Throughput-only run: keep the fault figures of the last full run.
        old = OUT.read_text(encoding="utf-8")
        if "## SIGKILL faults" in old:
            kept = old[old.index("## SIGKILL faults"):old.index("## Throughput") if "## Throughput" in old else len(old)]
            kept = "\n".join(line for line in kept.splitlines() if not line.startswith("(Fault figures kept"))
            lines += [kept.rstrip(), "", "(Fault figures kept from the last full run, "
                      "`python tests/bench/bench_exchange.py`.)", ""]
    if "faults" in results:
        lines += ["## SIGKILL faults", "",
                  "Each run copies a fresh world, starts the child, waits until its start-up (imports, login) is "
                  "over, SIGKILLs it at a uniformly random moment within the time an uninterrupted run works, "
                  "then a new node finishes the work and the invariants are checked. 'Done when killed' counts "
                  "packages already applied (importers) or recorded as sent (exporter) at the kill.",
                  "", "| child | runs | actually killed | packages x MB | uninterrupted work | done when killed "
                  "(count: runs) | invariant failures |", "|---|---|---|---|---|---|---|"]
        for f in results["faults"]:
            hist = ", ".join(f"{k}: {v}" for k, v in f["done_at_kill"].items())
            lines.append(f"| {LABELS[f['mode']]} | {f['runs']} | {f['killed']} | {f['packages']} x {f['package_mb']} | "
                         f"{f['full_run_s']} s | {hist} | {len(f['problems'])} |")
        lines += ["", "Invariants: every package applied exactly once or not at all (one `received_files` row per "
                  "file, ledger and rows agree), nothing left in inbox/ or processing/, every outbox package "
                  "verifies and decrypts with the platform's keys, outbox sequence numbers contiguous and equal "
                  "to the ledger's, no `.part` file left, SQLite `PRAGMA integrity_check` = ok, the platform "
                  "applies or acknowledges everything without quarantining. For the application's importer "
                  "(`ExchangeService.import_now` on the encrypted store, child logs in as IT): one case, one "
                  "dossier file row, one `exchange.case_applied` audit entry and two file rows per package, "
                  "`cipher_integrity_check` and `integrity_check` clean, audit hash chain intact.", ""]
        for f in results["faults"]:
            for p in f["problems"][:5]:
                lines.append(f"- {f['mode']} run {p['run']}: {p['problems']}")
    if "throughput" in results:
        t = results["throughput"]
        lines += ["", "## Throughput (200 MB case)", "",
                  f"Case: {t['case_mb']} MB in {t['files']} files (shared dossier PDFs and hearing FLAC copied "
                  f"under new names). Each step runs in its own child process whose RSS is sampled every 5 ms "
                  f"(an idle child that only imports the modules: {t['idle_rss_mb']} MB; the application steps "
                  f"log in and load the jieba dictionary before the step starts, as a running application has).",
                  "",
                  "| step | MB | seconds | MB/s | RSS before (MB) | peak RSS during the step (MB) | growth (MB) |",
                  "|---|---|---|---|---|---|---|"]
        for name, s in t["steps"].items():
            lines.append(f"| {name} | {s['mb']} | {s['seconds']} | {s['mb_per_s']} | {s['rss_before_mb']} | {s['peak_rss_mb']} "
                         f"| {s['rss_growth_mb']} |")
        lines += ["", "MB: package size for exports, content size for imports. The first four steps use the file node (SQLite ledger, plaintext blobs); the last three "
                  "go through the application service on the encrypted store (IT imports the platform's "
                  "assignment of the same case, the judge exports it, the platform collects it). Import reads the package twice (digest of the whole ciphertext before any decryption, then "
                  "decrypt and store); export reads the sources once "
                  "and writes the package twice (kept copy in archive/sent, then an atomic copy into outbox/). The two "
                  "cores are shared with other jobs; repeated runs of the same step varied up to about 3x."]
    return "\n".join(lines) + "\n"


def main() -> int:
    """Run the benchmark and write docs/benchmarks/exchange.md."""
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return _child(sys.argv[2:])
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--skip-faults", action="store_true")
    parser.add_argument("--skip-throughput", action="store_true")
    args = parser.parse_args()
    results: dict = {"date": time.strftime("%Y-%m-%d")}
    with tempfile.TemporaryDirectory(prefix="bench-exchange-") as tmp:
        work = Path(tmp)
        if not args.skip_faults:
            results["faults"] = [faults("import", args.kills, work, 10, 5_000_000),
                                 faults("export", args.kills, work, 10, 5_000_000),
                                 faults("store-import", args.kills, work, 6, 5_000_000)]
            print(json.dumps(results["faults"], indent=2))
        if not args.skip_throughput:
            results["throughput"] = throughput(work / "tp", args.mb)
            print(json.dumps(results["throughput"], indent=2))
    command = "python tests/bench/bench_exchange.py " + " ".join(sys.argv[1:])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(write_report(results, command.strip()), encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
