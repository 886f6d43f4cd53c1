"""Shared contracts for all engines: progress reporting, cancellation, errors.

Engines stay independent of Qt and of the application core; the task runner in
app/ adapts these plain callables to Qt signals.
"""
from __future__ import annotations

import dataclasses
import threading
from typing import Any, Callable, Protocol


class Cancelled(Exception):
    """Raised inside an engine when its cancel token was triggered."""


#: Set by the application (app.messages) to show engine errors in the user's language:
#: ``renderer(code, params)`` returns the text for a coded error, or None to keep the Chinese.
#: Engines never import the application; they only give each user-facing error a stable code.
_renderer: Callable[[str, dict], str | None] | None = None


def set_message_renderer(renderer: Callable[[str, dict], str | None] | None) -> None:
    """Install the function that renders a coded engine error in the user's language."""
    global _renderer
    _renderer = renderer


class EngineError(Exception):
    """An error an engine reports to its caller with a message fit for a user.

    ``message`` is Chinese (the source text); ``detail`` may carry technical
    context (file name, offset) for logs and the command line. ``code`` and ``params``
    (optional) name the message stably, so the application can show it in the user's
    language: ``str(exc)`` then renders through :func:`set_message_renderer`'s function.
    """

    def __init__(self, message: str, detail: str = "", *, code: str = "", params: dict | None = None) -> None:
        super().__init__(message if not detail else f"{message}（{detail}）")
        self.message = message
        self.detail = detail
        self.code = code
        self.params = dict(params or {})

    def text(self) -> str:
        """The message without the detail, in the user's language when it has a code."""
        if self.code and _renderer is not None:
            rendered = _renderer(self.code, self.params)
            if rendered is not None:
                return rendered
        return str(self.message)

    def __str__(self) -> str:
        text = self.text()
        if not self.detail:
            return text
        # The English UI gets ASCII brackets; a text with any Chinese keeps the full-width ones.
        english = not any("\u4e00" <= ch <= "\u9fff" for ch in text)
        return f"{text} ({self.detail})" if english else f"{text}（{self.detail}）"

    def __reduce__(self):
        # Keep code and params when the error crosses a process boundary (pickled); a
        # subclass with its own constructor pickles the ordinary way.
        if type(self).__init__ is not EngineError.__init__:
            return super().__reduce__()
        return (_rebuild, (type(self), self.message, self.detail, self.code, self.params))


def _rebuild(cls, message, detail, code, params):
    return cls(message, detail, code=code, params=params)


class InputError(EngineError):
    """The input itself is unusable: not audio, damaged PDF, unknown template field..."""


class ProgressText(str):
    """A progress message: the Chinese text (the ``str`` value) with a stable code and params.

    Built by :func:`say`; when the application has installed its renderer the ``str`` value is
    already in the user's language. The code travels with the text (it pickles), so a message
    made in a child process, where no renderer is installed, is rendered again by
    :func:`localised` in the parent.
    """

    code: str
    params: dict
    chinese: str

    def __new__(cls, text: str, code: str, params: dict, chinese: str | None = None) -> "ProgressText":
        """``text`` as shown now; ``chinese`` the engine's own text (``text`` when omitted)."""
        obj = super().__new__(cls, text)
        obj.code = code
        obj.params = params
        obj.chinese = text if chinese is None else chinese
        return obj

    def __reduce__(self):
        return (ProgressText, (str(self), self.code, self.params, self.chinese))


def say(code: str, chinese: str, **params: Any) -> ProgressText:
    """A progress text with a code (rendered as ``progress.<code>``), in the user's language.

    ``chinese`` is the engine's own text, kept exactly in the Chinese UI.
    """
    text = _renderer("progress." + code, params) if _renderer is not None else None
    return ProgressText(chinese if text is None else text, code, params, chinese)


def localised(message: str) -> str:
    """``message`` rendered again in the user's language if it carries a code (else unchanged)."""
    if isinstance(message, ProgressText):
        return say(message.code, message.chinese, **message.params)
    return message


class ProgressCallback(Protocol):
    """Signature of the progress callback every engine accepts."""

    def __call__(self, fraction: float, message: str = "") -> None:
        """Report ``fraction`` (0..1) of the work done, with a short message for the user."""


def no_progress(fraction: float, message: str = "") -> None:
    """Progress callback that ignores everything (default for callers that do not care)."""


class CancelToken:
    """Thread-safe flag a caller sets to ask a running engine to stop.

    Engines call :meth:`check` at convenient points; it raises :class:`Cancelled`.
    """

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the engine to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()


def scaled(progress: ProgressCallback, start: float, end: float) -> Callable[[float, str], None]:
    """Map a sub-step's 0..1 progress into ``start..end`` of the parent's progress."""

    def inner(fraction: float, message: str = "") -> None:
        progress(start + (end - start) * max(0.0, min(1.0, fraction)), message)

    return inner


def to_jsonable(obj: Any) -> Any:
    """Turn dataclasses (nested, in lists and dicts) into JSON-serialisable values."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_jsonable(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj
