"""Assemble the ``trial-assistant`` argument parser from the subcommand modules and run it."""
from __future__ import annotations

import argparse
import importlib
import sys

from app.cli.boundary import report

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

        try:
            return run_gui(argv[1:] if argv and argv[0] == "gui" else argv)
        except BaseException as exc:  # noqa: BLE001 - errors before the window's own boundary is up
            if isinstance(exc, SystemExit):
                raise
            return report(exc)
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # Messages from the services, store and engines follow the language setting, as in the window.
    from app import messages
    from app.cli.boundary import language

    messages.set_language(language())
    # The one error boundary: known errors become a sentence and an exit code (app.cli.exit_codes),
    # anything else is logged with a reference number; the user never sees a traceback.
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:
        return 0  # the reader of our output went away (e.g. `| head`): nothing to report
    except BaseException as exc:  # noqa: BLE001 - this is the boundary
        if isinstance(exc, SystemExit):
            raise
        return report(exc, getattr(args, "json", False))
