"""Entry script of the frozen build (both executables of the PyInstaller bundle).

``trial-assistant`` (console) and ``TrialAssistant`` (windowed, no console on Windows) run
this same script: with no arguments it opens the window, otherwise it runs a subcommand.
What only the frozen build needs lives here, not in app/:

- ``multiprocessing.freeze_support()`` first, because transcription starts its child with the
  'spawn' method, which re-runs this executable;
- a windowed Windows executable has no stdout/stderr (they are None); messages then go to a
  log file in the cache folder instead of raising on the first write;
- ``TRIAL_ASSISTANT_STARTUP_PROBE=1`` makes the login window announce itself on stdout and
  close at once, so the cold-start benchmark can time the frozen binary offscreen.
"""
from __future__ import annotations

import multiprocessing
import os
import sys
import time


def _redirect_missing_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    from app import paths

    log_dir = paths.cache_dir() / "logs"
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        stream = open(log_dir / "trial-assistant.log", "a", encoding="utf-8", buffering=1)
    except OSError:
        stream = open(os.devnull, "w", encoding="utf-8")
    stream.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} pid {os.getpid()} {sys.argv[1:]}\n")
    if sys.stdout is None:
        sys.stdout = stream
    if sys.stderr is None:
        sys.stderr = stream


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
    _redirect_missing_streams()
    if os.environ.get("TRIAL_ASSISTANT_STARTUP_PROBE") == "1":
        _install_startup_probe()
    from app.__main__ import main as app_main

    return app_main()


if __name__ == "__main__":
    sys.exit(main())
