"""Pure-Python engines of the trial assistant.

Nothing under engines/ may import PySide6, app/ or widgets/: the engines are
called from the command line, from worker processes and from tests without a
GUI.  Each engine takes plain inputs, a ``progress(fraction, message)``
callback and a :class:`engines.common.CancelToken`, and returns dataclasses
that serialise to JSON.
"""
