"""Exchange packages and the exchange folder (sync with the central platform, offline).

Format (``trial-exchange/1``): a ZIP holding exactly ``payload.bin``, ``manifest.json`` and
``manifest.sig`` in that order, stored without compression and with every unused header field
fixed (see :mod:`.zip_container`). The signature covers the manifest; the manifest carries the
ciphertext digest and each file's path, size, digest and case id; the payload is the files
concatenated and encrypted to the recipient in authenticated chunks (:mod:`.payload_stream`).
Algorithms sit behind :class:`.crypto_suite.CryptoSuite`.

Entry points: :class:`.node.ExchangeNode` (export, import, recover, status),
:class:`.file_node.FileNode` (a node kept in a state folder) and ``python -m
engines.exchange.platform_sim`` (the central platform, simulated).
"""


def selftest() -> str:
    """Two throw-away nodes send a signed, encrypted package and its acknowledgement both ways."""
    import hashlib
    import tempfile
    import time
    from pathlib import Path

    from engines.exchange.file_node import FileNode
    from engines.exchange.package_writer import file_from_bytes

    started = time.perf_counter()
    data = "（2024）京0105民初12345号 自检数据".encode("utf-8") * 100
    with tempfile.TemporaryDirectory(prefix="ta-selftest-") as tmp:
        root = Path(tmp)
        platform = FileNode(root / "platform", root / "exchange", role="platform")
        terminal = FileNode(root / "terminal", root / "exchange", role="terminal")
        try:
            platform.pin(terminal.ensure_keys("selftest-terminal").public())
            terminal.pin(platform.ensure_keys("selftest-platform").public())
            platform.export("selftest-terminal", [file_from_bytes(data, "case.json", "1")])
            applied = terminal.import_incoming().count("applied")
            received = terminal.received()
            acked = platform.import_incoming()
            if applied != 1 or len(received) != 1:
                raise RuntimeError(f"package was not applied exactly once (applied={applied})")
            got = terminal.blob_path(received[0]["digest"]).read_bytes()
            if hashlib.sha256(got).digest() != hashlib.sha256(data).digest():
                raise RuntimeError("received file differs from what was sent")
            if platform.status().pending:
                raise RuntimeError(f"acknowledgement did not arrive ({acked})")
        finally:
            platform.close()
            terminal.close()
    return f"signed + encrypted package and ack round trip in {time.perf_counter() - started:.2f} s"
