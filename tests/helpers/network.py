"""Refuse socket creation so a test fails loudly if anything tries to open a connection."""
from __future__ import annotations

import contextlib
import socket

ALLOWED_FAMILIES = {getattr(socket, "AF_UNIX", None)}


class NetworkForbidden(AssertionError):
    """Raised when code under test tries to open an internet socket."""


attempts: list[tuple] = []


@contextlib.contextmanager
def forbid_network():
    """Patch ``socket.socket`` so any AF_INET/AF_INET6 socket raises :class:`NetworkForbidden`.

    AF_UNIX stays allowed: multiprocessing and Qt's local IPC use it on Linux.
    """
    real_socket = socket.socket
    real_create_connection = socket.create_connection

    class GuardedSocket(real_socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            fam = socket.AF_INET if family == -1 else family
            if fileno is None and fam not in ALLOWED_FAMILIES:
                attempts.append((fam, type))
                raise NetworkForbidden(f"network socket attempted (family={fam})")
            super().__init__(family, type, proto, fileno)

    def guarded_create_connection(address, *args, **kwargs):
        attempts.append(("create_connection", address))
        raise NetworkForbidden(f"connection attempted to {address!r}")

    socket.socket = GuardedSocket
    socket.create_connection = guarded_create_connection
    try:
        yield attempts
    finally:
        socket.socket = real_socket
        socket.create_connection = real_create_connection
