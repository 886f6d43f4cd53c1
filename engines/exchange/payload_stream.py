"""Chunked AEAD for the payload so a 200 MB case never sits in memory.

The payload key comes from a one-time agreement key of the sender and the recipient's
agreement key (ECIES style), salted with the package id. The plaintext is cut into chunks of
``chunk_size`` bytes; chunk *i* is sealed with nonce = *i* (11 bytes, big endian) followed by a
flag byte that is 1 only for the last chunk, so chunks cannot be reordered, dropped or the
stream cut short without an authentication failure. There is always at least one chunk.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from engines.exchange.crypto_suite import AuthenticationFailed, CryptoSuite
from engines.exchange.rejection import PackageRejected

DEFAULT_CHUNK = 1 << 20
_INFO = b"trial-exchange/1 payload\n"


def payload_key(suite: CryptoSuite, secret: bytes, package_id: str, ephemeral_public: bytes,
                recipient_public: bytes) -> bytes:
    """Derive the symmetric payload key bound to this package and both public keys."""
    return suite.derive_key(secret, package_id.encode("ascii"), _INFO + ephemeral_public + recipient_public)


def _nonce(suite: CryptoSuite, index: int, last: bool) -> bytes:
    return index.to_bytes(suite.nonce_size - 1, "big") + (b"\x01" if last else b"\x00")


def ciphertext_size(suite: CryptoSuite, plain_size: int, chunk_size: int) -> int:
    """Exact size of the encrypted stream for ``plain_size`` bytes of plaintext."""
    chunks = max(1, -(-plain_size // chunk_size))
    return plain_size + chunks * suite.tag_size


def encrypt_stream(suite: CryptoSuite, key: bytes, pieces: Iterable[bytes], chunk_size: int) -> Iterator[bytes]:
    """Yield sealed chunks for the concatenation of ``pieces`` (any sizes)."""
    buf = bytearray()
    index = 0
    for piece in pieces:
        buf += piece
        # Keep at least one byte back: only finalisation knows which chunk is the last.
        while len(buf) > chunk_size:
            yield suite.seal(key, _nonce(suite, index, False), bytes(buf[:chunk_size]), b"")
            del buf[:chunk_size]
            index += 1
    yield suite.seal(key, _nonce(suite, index, True), bytes(buf), b"")


def decrypt_stream(suite: CryptoSuite, key: bytes, sealed: Iterable[bytes], total_size: int,
                   chunk_size: int) -> Iterator[bytes]:
    """Yield plaintext chunks from ciphertext pieces (any sizes) of ``total_size`` bytes."""
    sealed_chunk = chunk_size + suite.tag_size
    buf = bytearray()
    index, consumed = 0, 0

    def open_chunk(data: bytes, last: bool) -> bytes:
        try:
            return suite.open(key, _nonce(suite, index, last), data, b"")
        except AuthenticationFailed:
            raise PackageRejected("decrypt_failed", f"chunk {index}") from None

    for piece in sealed:
        buf += piece
        while len(buf) >= sealed_chunk and consumed + sealed_chunk < total_size:
            yield open_chunk(bytes(buf[:sealed_chunk]), False)
            del buf[:sealed_chunk]
            consumed += sealed_chunk
            index += 1
    if consumed + len(buf) != total_size or not (suite.tag_size <= len(buf) <= sealed_chunk):
        raise PackageRejected("payload_mismatch", "encrypted stream length")
    yield open_chunk(bytes(buf), True)
