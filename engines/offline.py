"""No network and no telemetry: the off switches of every native dependency, in one place.

The application opens no network connection (DESIGN: the workstation is offline, data leaves
only through the exchange folder). Python sockets are refused in the tests, but native
libraries do their own I/O, so each one that could phone home is switched off here:

- onnxruntime (OCR through rapidocr, Silero VAD through faster-whisper): its POSIX builds
  start a 1DS telemetry client that writes a device id and an event queue under
  ``~/.cache/Microsoft/DeveloperTools/.onnxruntime`` and uploads to
  ``mobile.events.data.microsoft.com``; Windows builds log through ETW. The variable must be set
  before the runtime initialises (it is latched for the life of the process), and
  :func:`quiet_onnxruntime` also calls the runtime's own switch, which covers ETW on Windows.
  onnxruntime 1.2x-1.32 reads ``ORT_DISABLE_TELEMETRY``; later releases read
  ``ORT_TELEMETRY_DISABLED``: both are set.
- huggingface_hub (imported by faster-whisper): models are only ever loaded from local
  folders, so the hub is put offline and its telemetry off; these are read when the hub is
  imported, hence they are set before any engine runs.
- ``DO_NOT_TRACK``: the cross-tool convention, for anything else that honours it.

CTranslate2, PortAudio/sounddevice, pdfium, SQLCipher and Qt have no telemetry; Qt opens
sockets only through QtNetwork, which the application does not use. The strace test
(tests/app/test_no_network_strace.py) proves the result for whole commands.

The switches are applied when the ``engines`` package is imported (engines/__init__.py), which
every process that runs an engine does first - the command line, the window, and the
transcription children started with 'spawn' (they also inherit the environment).
"""
from __future__ import annotations

import os
import threading

# Values are forced, not defaulted: an inherited "0" must not switch telemetry back on.
OFFLINE_ENVIRONMENT = {
    "ORT_DISABLE_TELEMETRY": "1",
    "ORT_TELEMETRY_DISABLED": "1",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "DO_NOT_TRACK": "1",
}

_lock = threading.Lock()
_onnxruntime_quiet = False


def apply_offline_environment() -> None:
    """Set the off switches in this process's environment (inherited by its children)."""
    for name, value in OFFLINE_ENVIRONMENT.items():
        if os.environ.get(name) != value:
            os.environ[name] = value


def quiet_onnxruntime() -> None:
    """Switch onnxruntime's telemetry off through its API; call before creating a session.

    The environment variable already stops the POSIX client; this covers the Windows ETW
    provider, which the variable does not govern in every release.
    """
    global _onnxruntime_quiet
    with _lock:
        if _onnxruntime_quiet:
            return
        apply_offline_environment()
        import onnxruntime

        onnxruntime.disable_telemetry_events()
        _onnxruntime_quiet = True
