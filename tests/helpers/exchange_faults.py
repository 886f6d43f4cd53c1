"""Fault harness: run the importer or exporter as a real child process and SIGKILL it.

``python tests/helpers/exchange_faults.py import STATE EXCHANGE`` and ``... export STATE EXCHANGE
COUNT SIZE`` are the child processes. The functions below build a world (platform and terminal
state plus exchange folder), kill a child at a chosen moment, finish the work with a fresh
node, and check the invariants: every package applied exactly once or not at all, no outgoing
package half-written, the database's integrity check passes.
"""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engines.exchange.file_node import FileNode  # noqa: E402
from engines.exchange.package_reader import open_package  # noqa: E402
from engines.exchange.package_writer import OutgoingFile, file_from_bytes  # noqa: E402

CHUNK = 256 << 10


def _random_file(seed: int, size: int, path: str) -> OutgoingFile:
    rng = random.Random(seed)
    return file_from_bytes(rng.randbytes(size), path, f"case-{seed}")


def build_world(root: Path, packages: int, size: int) -> Path:
    """Platform and terminal with pinned keys; the platform has put ``packages`` data packages
    (two files each, ``size`` bytes in all) into the terminal's inbox."""
    exchange = root / "exchange"
    platform = FileNode(root / "platform", exchange, role="platform", chunk_size=CHUNK)
    terminal = FileNode(root / "terminal", exchange, role="terminal", chunk_size=CHUNK)
    pk, tk = platform.ensure_keys("platform"), terminal.ensure_keys("terminal-1")
    platform.pin(tk.public())
    terminal.pin(pk.public())
    for i in range(packages):
        platform.export("terminal-1", [_random_file(i, size // 2, "dossier/a.pdf"),
                                       _random_file(1000 + i, size - size // 2, "dossier/b.pdf")])
    platform.close()
    terminal.close()
    return root


def copy_world(template: Path, target: Path) -> Path:
    """A fresh copy of a world for one kill."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target


def child_command(mode: str, world: Path, *extra: object) -> list[str]:
    """The command line of an importer or exporter child for ``world``."""
    if mode == "store-import":
        return [sys.executable, str(Path(__file__).resolve()), mode, str(world)]
    return [sys.executable, str(Path(__file__).resolve()), mode, str(world / "terminal"), str(world / "exchange"),
            *map(str, extra)]


MARKER_ENV = "EXCHANGE_FAULT_MARKER"


def _mark_started() -> None:
    # Tells the parent that start-up (imports, login) is over and the real work begins.
    marker = os.environ.get(MARKER_ENV)
    if marker:
        Path(marker).write_text("started")


def run_child(cmd: list[str], kill_after: float | None) -> tuple[float, bool]:
    """Run ``cmd``; SIGKILL it ``kill_after`` seconds after it started working (its start-up,
    which touches nothing, is not counted). Returns (seconds of work, was_killed)."""
    marker = Path(tempfile.mkdtemp(prefix="fault-")) / "started"
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(os.environ, **{MARKER_ENV: str(marker)}))
    while not marker.exists() and proc.poll() is None:
        time.sleep(0.002)
    start = time.monotonic()
    shutil.rmtree(marker.parent, ignore_errors=True)
    if kill_after is None:
        _, err = proc.communicate(timeout=300)
        if proc.returncode != 0:
            raise RuntimeError(f"child failed: {err.decode(errors='replace')[-2000:]}")
        return time.monotonic() - start, False
    try:
        proc.wait(timeout=kill_after)
        killed = False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed = True
    proc.stderr.close()
    return time.monotonic() - start, killed


@dataclass
class Check:
    """Invariants found after finishing a killed run."""

    applied: int = 0
    before: int = 0  # packages applied (import) or recorded (export) when the child died
    problems: list[str] = field(default_factory=list)


def _integrity(node: FileNode) -> str:
    return node.conn.execute("PRAGMA integrity_check").fetchone()[0]


def _verify_outbox(world: Path, platform: FileNode, check: Check) -> list:
    manifests = []
    own = platform.ledger.own_keys()
    for p in sorted((world / "exchange" / "outbox").iterdir()):
        if not p.name.endswith(".zip"):
            check.problems.append(f"stray file in outbox: {p.name}")
            continue
        try:
            with open_package(p, own, platform.ledger) as pkg:
                pkg.verify_files()
                manifests.append(pkg.manifest)
        except Exception as exc:  # noqa: BLE001 - every failure is a finding
            check.problems.append(f"outbox package {p.name} unreadable: {exc!r}")
    return manifests


def finish_import(world: Path, packages: int, files_per_package: int = 2) -> Check:
    """Complete an interrupted import and check exactly-once application and the outbox."""
    check = Check()
    terminal = FileNode(world / "terminal", world / "exchange", role="terminal", partial_age=0)
    platform = FileNode(world / "platform", world / "exchange", role="platform", partial_age=0)
    try:
        check.before = sum(1 for r in terminal.ledger.incoming_list() if r.state == "applied")
        terminal.import_incoming()
        if _integrity(terminal) != "ok":
            check.problems.append("terminal database integrity check failed")
        rows = terminal.conn.execute("SELECT package_id, COUNT(*) FROM received_files GROUP BY package_id").fetchall()
        bad = [r for r in rows if r[1] != files_per_package]
        if bad:
            check.problems.append(f"packages applied more or less than once: {bad}")
        applied = {r.package_id for r in terminal.ledger.incoming_list() if r.state == "applied"}
        if {r[0] for r in rows} != applied:
            check.problems.append("received files and ledger disagree")
        check.applied = len(applied)
        if check.applied != packages:
            check.problems.append(f"{check.applied} of {packages} applied after recovery")
        leftovers = [p.name for d in ("inbox", "processing") for p in (world / "exchange" / d).iterdir()]
        if leftovers:
            check.problems.append(f"left over: {leftovers}")
        # Acks may be duplicated (a re-processed package re-sends its ack); each must verify.
        acks = {m.package_id for m in _verify_outbox(world, platform, check) if m.kind == "ack"}
        if check.applied and not acks:
            check.problems.append("no acks in the outbox")
        platform_report = platform.import_incoming()
        if platform_report.count("quarantined"):
            check.problems.append("platform quarantined an ack")
        if platform.status().pending:
            check.problems.append(f"{len(platform.status().pending)} platform packages not acknowledged")
    finally:
        terminal.close()
        platform.close()
    return check


def finish_export(world: Path) -> Check:
    """Complete an interrupted export run and check the outbox and sequence numbers."""
    check = Check()
    terminal = FileNode(world / "terminal", world / "exchange", role="terminal", partial_age=0)
    platform = FileNode(world / "platform", world / "exchange", role="platform", partial_age=0)
    try:
        check.before = len(terminal.ledger.outgoing_list())
        terminal.recover()
        if _integrity(terminal) != "ok":
            check.problems.append("terminal database integrity check failed")
        manifests = _verify_outbox(world, platform, check)
        recorded = sorted(r.sequence for r in terminal.ledger.outgoing_list())
        seqs = sorted(m.sequence for m in manifests)
        if seqs != recorded or seqs != list(range(1, len(seqs) + 1)):
            check.problems.append(f"outbox sequences {seqs} vs ledger {recorded}")
        parts = [p.name for p in (world / "exchange").rglob("*.part")]
        if parts:
            check.problems.append(f"temporary files left: {parts}")
        report = platform.import_incoming()
        check.applied = report.count("applied")
        if check.applied != len(recorded) or report.count("quarantined") or report.nacks_sent:
            check.problems.append(f"platform: {[(o.action, o.reason) for o in report.outcomes]}")
    finally:
        terminal.close()
        platform.close()
    return check


# -- the application's importer on a real encrypted store ----------------------------------------

def build_store_world(root: Path, packages: int, size: int) -> Path:
    """A SQLCipher store (it/judge/clerk) whose IT pinned the platform, and ``packages`` case
    assignments (``case.json`` plus one dossier file of ``size`` bytes) in its inbox."""
    from app.services.exchange import ExchangeService
    from engines.exchange.keys import PeerKey
    from tests.helpers.stores import make_store

    fx = make_store(root)
    exchange = root / "exchange"
    platform = FileNode(root / "platform", exchange, role="platform", chunk_size=CHUNK)
    pk = platform.ensure_keys("platform")
    ctx = fx.it()
    service = ExchangeService(ctx)
    service.pin_platform_key(pk.public().to_json())
    platform.pin(PeerKey.from_json(service.own_key()))
    terminal_node = service.own_key()["node"]
    ctx.store.close()
    for i in range(packages):
        case = {"case_id": f"P-{i}", "case_number": f"（2024）京0105民初{100 + i}号", "cause": "民间借贷纠纷",
                "procedure": "普通", "filing_date": "2024-03-05", "status": "审理中", "claims": "归还借款",
                "parties": [{"role": "原告", "name": f"原告{i}", "kind": "自然人"}], "judge": "judge", "clerk": "clerk"}
        platform.export(terminal_node, [file_from_bytes(__import__("json").dumps(case).encode(), "case.json", f"P-{i}"),
                                        _random_file(i, size, f"dossier/{i}.pdf")])
    platform.close()
    return root


def _store_login(world: Path):
    from app.services import auth
    from tests.helpers.stores import IT_PASSWORD, settings_for

    return auth.login(world / "store", "it", IT_PASSWORD, settings_for(world))


def finish_store_import(world: Path, packages: int) -> Check:
    """Complete an interrupted store import; check exactly-once, store integrity, audit chain."""
    from app.services.audit_service import AuditService
    from app.services.exchange import ExchangeService

    check = Check()
    ctx = _store_login(world)
    platform = FileNode(world / "platform", world / "exchange", role="platform", partial_age=0)
    try:
        q = lambda sql: ctx.store.query(sql)[0]["n"]  # noqa: E731
        check.before = q("SELECT count(*) AS n FROM exchange_incoming WHERE state='applied'")
        ExchangeService(ctx).import_now(world / "exchange")
        problems = ctx.store.database.integrity_check()
        if problems:
            check.problems.append(f"store integrity: {problems[:3]}")
        if not AuditService(ctx).verify().ok:
            check.problems.append("audit chain broken")
        counts = {"cases": q("SELECT count(*) AS n FROM cases"),
                  "dossier files": q("SELECT count(*) AS n FROM dossier_files"),
                  "applied packages": q("SELECT count(*) AS n FROM exchange_incoming WHERE state='applied'"),
                  "case_applied audit entries": q("SELECT count(*) AS n FROM audit_log WHERE action='exchange.case_applied'"),
                  "file rows / 2": q("SELECT count(*) AS n FROM exchange_files WHERE direction='in'") / 2}
        check.applied = counts["applied packages"]
        wrong = {k: v for k, v in counts.items() if v != packages}
        if wrong:
            check.problems.append(f"not exactly once: {wrong}")
        leftovers = [p.name for d in ("inbox", "processing") for p in (world / "exchange" / d).iterdir()]
        if leftovers:
            check.problems.append(f"left over: {leftovers}")
        _verify_outbox(world, platform, check)
        report = platform.import_incoming()
        if report.count("quarantined") or platform.status().pending:
            check.problems.append("platform did not get every ack")
    finally:
        ctx.store.close()
        platform.close()
    return check


def _child(argv: list[str]) -> int:
    if argv[0] == "store-import":
        from app.services.exchange import ExchangeService

        from app.store import search

        ctx = _store_login(Path(argv[1]))
        service = ExchangeService(ctx)
        search.segment_for_index("民间借贷纠纷")  # dictionary load is start-up, not import work
        _mark_started()
        service.import_now(Path(argv[1]) / "exchange")
        ctx.store.close()
        return 0
    mode, state, exchange = argv[:3]
    node = FileNode(state, exchange, role="terminal", chunk_size=CHUNK)
    _mark_started()
    if mode == "import":
        node.import_incoming()
    else:
        count, size = int(argv[3]), int(argv[4])
        for i in range(count):
            node.export("platform", [_random_file(5000 + i, size, f"record/{i}.bin")])
    node.close()
    return 0


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1:]))
