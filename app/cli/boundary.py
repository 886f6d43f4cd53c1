"""The command line's one error boundary: every known error becomes a sentence and an exit code.

Known errors (wrong password, damaged or missing store, full or read-only disk, refused role,
bad input) are printed as one line in the user's language (Chinese, or English when the
``language`` setting says ``en``) with the exit code of :mod:`app.cli.exit_codes`.  Anything
else is a bug: its traceback goes to the log file (:func:`app.paths.log_dir`) under a short
reference number, and the user sees one line with that number, never a traceback.
"""
from __future__ import annotations

import errno
import logging
import secrets
import traceback
from datetime import datetime, timezone

from app import messages
from app.cli import exit_codes as codes
from app.messages import Message

ENGLISH = {
    codes.AUTH: "authentication failed",
    codes.STORE: "the store cannot be opened: it is missing, foreign, half-made or damaged (nothing was changed)",
    codes.DISK_FULL: "the disk is full; this change was not saved and saved data is intact. Free space and retry",
    codes.DENIED: "your role does not allow this action",
    codes.FILE_ACCESS: "a file or folder cannot be written (read-only disk or no permission)",
    codes.USAGE: "the input cannot be used",
    codes.QUARANTINED: "files were quarantined",
}


def language() -> str:
    """The user's language setting ('zh_CN' or 'en'); Chinese when settings cannot be read."""
    try:
        from app.settings import Settings

        return str(Settings()["language"])
    except Exception:  # noqa: BLE001 - the boundary itself must never fail
        return "zh_CN"


def _os_error(exc: OSError) -> tuple[int, str]:
    name = f" {exc.filename}" if getattr(exc, "filename", None) else ""
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return codes.DISK_FULL, str(Message("store.disk_full"))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return codes.FILE_ACCESS, str(Message("cli.read_only", name=name))
    if exc.errno == errno.ENOENT:
        return codes.USAGE, str(Message("cli.not_found", name=name))
    return codes.FILE_ACCESS, str(Message("cli.file_failed", name=name, reason=exc.strerror or exc))


def classify(exc: BaseException) -> tuple[int, str] | None:
    """(exit code, message in the current language) for a known error, None for an unexpected one."""
    from app.cli.output import CliError
    from app.security.keys import KeyringCorruptError, KeyringError
    from app.security.roles import PermissionDenied
    from app.services.auth import AuthError, RequestError
    from app.store.errors import ConflictError, DiskFullError, NotFoundError, StoreError, is_disk_full
    from app.store.sqlite import dbapi2
    from engines.common import EngineError

    if isinstance(exc, CliError):
        cause = exc.__cause__
        if exc.code == codes.USAGE and cause is not None and not isinstance(cause, CliError):
            known = classify(cause)
            if known is not None and known[0] not in (codes.USAGE, codes.INTERNAL):
                return known[0], str(exc)
        return exc.code, str(exc)
    if isinstance(exc, RequestError):
        return codes.USAGE, str(exc)
    if isinstance(exc, AuthError):
        cause = exc.__cause__
        if isinstance(cause, (StoreError, KeyringCorruptError, OSError)):
            return classify(cause)[0], str(exc)
        return codes.AUTH, str(exc)
    if isinstance(exc, DiskFullError) or (isinstance(exc, (OSError, dbapi2.Error)) and is_disk_full(exc)):
        return codes.DISK_FULL, str(exc) if isinstance(exc, DiskFullError) else str(Message("store.disk_full"))
    if isinstance(exc, KeyringCorruptError):
        return codes.STORE, str(exc)
    if isinstance(exc, KeyringError):
        return codes.AUTH, str(exc)
    if isinstance(exc, (NotFoundError, ConflictError)) or type(exc).__name__ == "AssignmentError":
        return codes.USAGE, str(exc)  # about the request (no such case, edited meanwhile), not the store
    if isinstance(exc, StoreError):
        return codes.STORE, str(exc)
    if isinstance(exc, PermissionDenied):
        return codes.DENIED, str(exc)
    if isinstance(exc, OSError):
        return _os_error(exc)
    if isinstance(exc, dbapi2.Error):
        text = str(exc)
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return codes.FILE_ACCESS, str(Message("cli.store_read_only"))
        if any(w in text for w in ("malformed", "not a database", "HMAC", "encrypted", "corrupt")):
            return codes.STORE, str(Message("cli.store_damaged", reason=text))
        return None
    if isinstance(exc, EngineError):
        return codes.USAGE, str(exc)
    if isinstance(exc, EOFError):
        return codes.USAGE, str(Message("cli.no_input"))
    return None


def log_unexpected(exc: BaseException, where: str = "cli") -> str:
    """Write ``exc`` with its traceback to the log file; returns the short reference number."""
    ref = secrets.token_hex(4).upper()
    try:
        from app.paths import log_file

        path = log_file()
        logger = logging.getLogger("trial_assistant.errors")
        if not any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
            handler = logging.FileHandler(path, encoding="utf-8")
            handler.setFormatter(logging.Formatter("%(message)s"))
            logger.addHandler(handler)
            logger.propagate = False
            logger.setLevel(logging.ERROR)
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        logger.error("[%s] %s %s\n%s", ref, stamp, where, text)
    except Exception:  # noqa: BLE001 - never let logging turn into a traceback on screen
        pass
    return ref


def report(exc: BaseException, as_json: bool = False) -> int:
    """Print ``exc`` as one line for the user and return its exit code."""
    from app.cli.output import print_error

    if isinstance(exc, KeyboardInterrupt):
        print_error("已中断 / interrupted", as_json)
        return codes.INTERRUPTED
    english = language() == "en"
    # The errors' own messages (services, store, engines) then render in the same language.
    messages.set_language("en" if english else "zh_CN")
    known = classify(exc)
    if known is None:
        ref = log_unexpected(exc)
        from app.paths import log_file

        try:
            where = str(log_file())
        except Exception:  # noqa: BLE001
            where = "log"
        if english:
            message = f"internal error, reference {ref} (details in {where}); please tell IT this number"
        else:
            message = f"内部错误，编号 {ref}（详情已记入 {where}），请把编号告诉信息技术人员"
        print_error(message, as_json, english)
        return codes.INTERNAL
    code, message = known
    if english:
        message = f"{ENGLISH.get(code, 'error')}: {message}" if code in ENGLISH else message
    print_error(message, as_json, english)
    return code
