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
