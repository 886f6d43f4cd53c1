"""Placeholder for the `catalogue` subcommand; replaced by its capability's implementation."""
from __future__ import annotations


def register(sub) -> None:
    """Register nothing until the capability lands."""
