"""Entry script of the frozen build (both executables of the PyInstaller bundle).

``trial-assistant`` (console) and ``TrialAssistant`` (windowed, no console on Windows) run
this same script: with no arguments it opens the window, otherwise it runs a subcommand.
What only the frozen build needs lives here, not in app/:

- ``multiprocessing.freeze_support()`` first, because transcription starts its child with the
  'spawn' method, which re-runs this executable;
- a windowed Windows executable has no stdout/stderr (they are None); messages then go to a
  log file in the cache folder instead of raising on the first write, and when the run fails
  (e.g. no store yet) they are shown in a message box, since nobody sees a log by chance;
- ``TRIAL_ASSISTANT_STARTUP_PROBE=1`` makes the login window announce itself on stdout and
  close at once, so the cold-start benchmark can time the frozen binary offscreen.
"""
from __future__ import annotations

import io
import multiprocessing
import os
import sys
import time
import traceback


class LogStream(io.TextIOBase):
    """Stands in for a missing stdout/stderr: appends to the log, remembers this run's text."""

    def __init__(self, file, path: str) -> None:
        super().__init__()
        self._file = file
        self.path = path
        self.written: list[str] = []

    def write(self, text: str) -> int:
        """Write to the log file and keep the text (for the start-up error dialog)."""
        self._file.write(text)
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        """Flush the log file."""
        self._file.flush()

    def close(self) -> None:
        """Close the log file (once)."""
        if not self.closed:
            super().close()  # flushes first
            self._file.close()

    @property
    def encoding(self) -> str:
        """Always UTF-8 (Chinese messages)."""
        return "utf-8"


def _redirect_missing_streams() -> LogStream | None:
    """Give a console-less process a log file as stdout/stderr; None when both exist."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    from app import paths

    log_path = paths.cache_dir() / "logs" / "trial-assistant.log"
    try:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        file = open(log_path, "a", encoding="utf-8", buffering=1)
    except OSError:
        file = open(os.devnull, "w", encoding="utf-8")
    file.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()} {sys.argv[1:]}\n")
    stream = LogStream(file, str(log_path))
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream
    return stream


def _show_failure(log: LogStream) -> None:
    """Tell the user of the windowed program why it stopped (what it wrote, and where the log is)."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication(["trial-assistant"])
    text = "".join(log.written).strip()[-1500:] or "程序异常退出 / the program stopped unexpectedly"
    QMessageBox.critical(None, "审判辅助系统 Trial Assistant", f"{text}\n\n日志 / log: {log.path}")


def _install_startup_probe() -> None:
    """Print 'login-window-shown SECONDS' when the login dialog appears, then close it."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()
    app = QApplication.instance() or QApplication(["trial-assistant"])

    class Probe(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Show and type(obj).__name__ == "LoginDialog":
                print(f"login-window-shown {time.perf_counter() - started:.3f}", flush=True)
                QTimer.singleShot(0, obj.reject)
            return False

    app._startup_probe = Probe(app)  # kept alive by the application
    app.installEventFilter(app._startup_probe)


def main() -> int:
    """Run the application as ``python -m app`` would."""
    multiprocessing.freeze_support()
    log = _redirect_missing_streams()
    if os.environ.get("TRIAL_ASSISTANT_STARTUP_PROBE") == "1":
        _install_startup_probe()
    from app.__main__ import main as app_main

    if log is None:
        return app_main()
    try:
        code = app_main()
    except SystemExit as exc:  # argparse errors and explicit exits
        code = exc.code if isinstance(exc.code, int) else int(exc.code is not None)
    except Exception:  # noqa: BLE001 - a windowed program must say why it stopped
        traceback.print_exc()
        code = 1
    if code:
        _show_failure(log)
    return code


if __name__ == "__main__":
    sys.exit(main())
