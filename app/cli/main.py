"""Assemble the ``trial-assistant`` argument parser from the subcommand modules and run it."""
from __future__ import annotations

import argparse
import importlib
import sys

from app.cli.output import CliError, print_error

# Each module defines ``register(subparsers)`` which adds its subcommand(s) and sets
# ``func(args) -> int`` as the parser default.
SUBCOMMAND_MODULES = (
    "app.cli.init_cmd",
    "app.cli.transcribe_cmd",
    "app.cli.catalogue_cmd",
    "app.cli.draft_cmd",
    "app.cli.exchange_cmd",
    "app.cli.audit_cmd",
    "app.cli.recover_cmd",
    "app.cli.policy_cmd",
    "app.cli.selftest_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the full parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="trial-assistant",
        description="离线审判辅助系统 / offline trial assistant. 不带参数时打开窗口。",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def _force_utf8_stdio() -> None:
    # Windows consoles default to a legacy code page; JSON with Chinese must not crash there.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(encoding="utf-8")
            except (ValueError, OSError):
                pass


def run(argv: list[str]) -> int:
    """Entry point used by ``python -m app``: returns the process exit code."""
    _force_utf8_stdio()
    if not argv or argv[0] in ("gui", "--demo", "--data"):
        from app.gui import run_gui

        return run_gui(argv[1:] if argv and argv[0] == "gui" else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except CliError as exc:
        print_error(str(exc), getattr(args, "json", False))
        return exc.code
    except KeyboardInterrupt:
        print_error("已中断 / interrupted")
        return 130
