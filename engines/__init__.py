"""Pure-Python engines of the trial assistant.

Nothing under engines/ may import PySide6, app/ or widgets/: the engines are
called from the command line, from worker processes and from tests without a
GUI.  Each engine takes plain inputs, a ``progress(fraction, message)``
callback and a :class:`engines.common.CancelToken`, and returns dataclasses
that serialise to JSON.
"""

# Before anything else: no engine may phone home (see engines/offline.py for why here).
from engines.offline import apply_offline_environment as _apply_offline_environment

_apply_offline_environment()
