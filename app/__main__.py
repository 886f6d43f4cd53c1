"""``python -m app`` / ``trial-assistant``: the command line, or the window with no arguments."""
from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run a subcommand, or open the window when there is none."""
    # First of all: the native libraries' telemetry and network switches (engines/offline.py),
    # set before any of them loads and inherited by every child process.
    from engines.offline import apply_offline_environment

    apply_offline_environment()
    from app.cli.main import run

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
