"""Helpers shared by subcommands: JSON printing and user-facing errors."""
from __future__ import annotations

import json
import sys
from typing import Any

from engines.common import to_jsonable


class CliError(Exception):
    """An error a subcommand reports as one clear line and a non-zero exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def print_json(obj: Any) -> None:
    """Print ``obj`` (dataclasses allowed) as UTF-8 JSON, Chinese kept readable."""
    text = json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def print_error(message: str, as_json: bool = False) -> None:
    """Report an error on stderr (and as JSON on stdout when ``--json`` was asked)."""
    if as_json:
        print_json({"error": message})
    sys.stderr.write(f"错误 / error: {message}\n")


def login(args):
    """Log in with ``args.data``/``args.user``; the password comes from the environment variable
    named by ``--password-env`` (scripts) or a prompt. Failures become a CliError."""
    import getpass
    import os

    from app.services import auth

    password = os.environ.get(args.password_env, "") if args.password_env else getpass.getpass("密码 / password: ")
    try:
        return auth.login(args.data, args.user, password)
    except auth.AuthError as exc:
        raise CliError(str(exc)) from exc


def stderr_progress(enabled: bool):
    """An engine progress callback that redraws one status line on stderr (or does nothing)."""

    def report(fraction: float, message: str = "") -> None:
        if enabled:
            sys.stderr.write(f"\r[{fraction * 100:5.1f}%] {message[:60]:<60}")
            sys.stderr.flush()
            if fraction >= 1.0:
                sys.stderr.write("\n")

    return report
