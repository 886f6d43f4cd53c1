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
