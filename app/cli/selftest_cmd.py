"""``trial-assistant selftest``: check what this installation can do."""
from __future__ import annotations

from app.cli.output import print_json


def register(sub) -> None:
    """Add the ``selftest`` subcommand."""
    p = sub.add_parser("selftest", help="自检 / check what this installation can do")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args) -> int:
    """Exit non-zero when any check fails."""
    from app.selftest import run_selftest

    report = run_selftest()
    if args.json:
        print_json(report)
    else:
        for c in report.checks:
            print(f"[{'通过 ok' if c.ok else '失败 FAIL'}] {c.name:<10} {c.seconds:6.2f}s  {c.detail}")
        print("自检通过 / selftest passed" if report.ok else "自检失败 / selftest FAILED")
    return 0 if report.ok else 1
