"""Reject file names that could escape a folder or misbehave on Windows or Linux.

Names inside a package are relative POSIX paths such as ``dossier/起诉状.pdf``. They are
checked for the union of what Windows and Linux treat specially, because a package written on
one system is read on the other.
"""
from __future__ import annotations

import re
import unicodedata

from engines.exchange.rejection import PackageRejected

MAX_PATH_CHARS = 240
_RESERVED = re.compile(r"^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)
_FORBIDDEN_CHARS = set('<>:"|?*\\')


def path_problem(path: object) -> str | None:
    """Return why ``path`` is unsafe, or None when it is an acceptable relative name."""
    if not isinstance(path, str) or not path:
        return "empty or not text"
    if len(path) > MAX_PATH_CHARS:
        return "too long"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in path):
        return "control character"
    if path.startswith("/") or path.startswith("\\"):
        return "absolute path"
    if re.match(r"^[A-Za-z]:", path):
        return "drive letter"
    bad = _FORBIDDEN_CHARS.intersection(path)
    if bad:
        return f"forbidden character {''.join(sorted(bad))!r}"
    for part in path.split("/"):
        if part in ("", ".", ".."):
            return f"bad component {part!r}"
        if part[-1] in ". ":
            return "component ends with dot or space"
        if _RESERVED.match(part.split(".")[0].rstrip(" ")):
            return f"reserved device name {part!r}"
    return None


def check_paths(paths: list[str]) -> None:
    """Raise :class:`PackageRejected` (``unsafe_path``) unless every path is safe and no two
    collide on a case-insensitive, Unicode-normalising file system (including a file that is
    also used as a folder)."""
    seen: dict[str, str] = {}
    for path in paths:
        problem = path_problem(path)
        if problem:
            raise PackageRejected("unsafe_path", f"{path!r}: {problem}")
        key = unicodedata.normalize("NFC", path).casefold()
        if key in seen:
            raise PackageRejected("unsafe_path", f"{path!r} collides with {seen[key]!r}")
        seen[key] = path
    for key, path in seen.items():
        parts = key.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            if prefix in seen:
                raise PackageRejected("unsafe_path", f"{seen[prefix]!r} is both a file and a folder of {path!r}")
