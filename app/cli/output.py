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


def print_error(message: str, as_json: bool = False, english: bool = False) -> None:
    """Report an error on stderr (and as JSON on stdout when ``--json`` was asked)."""
    if as_json:
        print_json({"error": message})
    sys.stderr.write(f"{'error' if english else '错误'}: {message}\n")
    sys.stderr.flush()


def prompt_secret(prompt: str, option: str) -> str:
    """Ask for a secret on the terminal; without a terminal, say which option to use instead."""
    import getpass

    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"没有终端，无法输入密码：请用 {option} 指定存放它的环境变量 / "
                       f"no terminal to type a secret: use {option} ENVVAR", 2)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CliError(f"输入已结束：请用 {option} 指定存放密码的环境变量 / input closed: use {option}", 2) from None


def secret_from_env(name: str) -> str:
    """The secret in environment variable ``name``; an unset or empty variable is a clear error."""
    import os

    value = os.environ.get(name, "")
    if not value:
        raise CliError(f"环境变量 {name} 未设置或为空 / environment variable {name} is empty", 2)
    return value


def login(args):
    """Log in with ``args.data``/``args.user``; the password comes from the environment variable
    named by ``--password-env`` (scripts) or a prompt.  Failures become a CliError carrying the
    exit code of their kind (wrong password 3, damaged store 4, full disk 5, ...)."""
    from app.cli.boundary import classify
    from app.services import auth

    password = secret_from_env(args.password_env) if args.password_env else prompt_secret(
        "密码 / password: ", "--password-env")
    try:
        return auth.login(args.data, args.user, password)
    except auth.AuthError as exc:
        raise CliError(str(exc), classify(exc)[0]) from exc


def stderr_progress(enabled: bool):
    """An engine progress callback that redraws one status line on stderr (or does nothing)."""

    def report(fraction: float, message: str = "") -> None:
        if enabled:
            sys.stderr.write(f"\r[{fraction * 100:5.1f}%] {message[:60]:<60}")
            sys.stderr.flush()
            if fraction >= 1.0:
                sys.stderr.write("\n")

    return report
