"""Open an untrusted package: structure and limits, pinned signature, then the payload.

Order matters: nothing from the manifest is believed until its signature verified against a
pinned key, and nothing is decrypted until the whole ciphertext matched the signed digest.
Decrypted content is handed to the caller as streams and never written to disk here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterator, Protocol, Sequence

from engines.common import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress, say
from engines.exchange.crypto_suite import get_suite
from engines.exchange.keys import NodeKeys, PeerKey
from engines.exchange.manifest import (FORMAT, SEQUENCED_KINDS, SIGNATURE_CONTEXT, FileEntry, Manifest,
                                       parse_manifest, peek_signer)
from engines.exchange.package_writer import ENTRY_MANIFEST, ENTRY_ORDER, ENTRY_PAYLOAD, ENTRY_SIGNATURE
from engines.exchange.payload_stream import ciphertext_size, decrypt_stream, payload_key
from engines.exchange.rejection import PackageRejected
from engines.exchange.safe_paths import check_paths
from engines.exchange.zip_container import ZipLimits, ZipReader


@dataclass(frozen=True)
class Limits:
    """What an incoming package may be at most (IT may tighten these by policy)."""

    max_package_bytes: int = 1 << 30
    max_entries: int = 8
    max_manifest_bytes: int = 4 << 20
    max_files: int = 20000
    max_ratio: float = 100.0
    min_chunk: int = 1 << 10
    max_chunk: int = 16 << 20


@dataclass(frozen=True)
class PinnedKey:
    """A peer key as the ledger holds it; retired keys still verify acks and nacks."""

    key: PeerKey
    retired: bool = False


class Keyring(Protocol):
    """Look up a pinned peer key by node and key id."""

    def find_key(self, node: str, key_id: str) -> PinnedKey | None:
        """The pinned key, or None if this signer is unknown."""
        ...


class FileStream:
    """Decrypted content of one file, read once in order; the digest is checked at the end."""

    def __init__(self, entry: FileEntry, chunks: Iterator[bytes]) -> None:
        self.entry = entry
        self._chunks = chunks
        self._buf = b""
        self.exhausted = False

    def chunks(self) -> Iterator[bytes]:
        """Yield the remaining content; raises ``file_mismatch`` at the end if it was altered."""
        if self._buf:
            buf, self._buf = self._buf, b""
            yield buf
        for chunk in self._chunks:
            yield chunk
        self.exhausted = True

    def read(self, n: int = -1) -> bytes:
        """File-like read (for consumers such as PDF parsers that want ``read``)."""
        if n is None or n < 0:
            return b"".join(self.chunks())
        while len(self._buf) < n and not self.exhausted:
            try:
                self._buf += next(self._chunks)
            except StopIteration:
                self.exhausted = True
        out, self._buf = self._buf[:n], self._buf[n:]
        return out

    def read_all(self, limit: int) -> bytes:
        """Whole content of a small file (records, control messages)."""
        if self.entry.size > limit:
            raise PackageRejected("too_large", f"{self.entry.path}: {self.entry.size} bytes")
        return self.read()


class VerifiedPackage:
    """A package whose signature and payload digest checked out; decrypt with :meth:`iter_files`."""

    def __init__(self, path: Path, f: BinaryIO, zr: ZipReader, manifest: Manifest, signer: PeerKey,
                 key: bytes) -> None:
        self.path = path
        self.manifest = manifest
        self.signer = signer
        self._f, self._zr, self._key = f, zr, key
        self.fully_verified = False  # set once every file's digest has been checked
        self.staged: object = None  # what a stager prepared before the ledger transaction
        self.manifest_raw = b""  # the signed manifest bytes and their signature (set by open_package)
        self.signature = b""

    def iter_files(self, cancel: CancelToken = NEVER_CANCELLED) -> Iterator[FileStream]:
        """Yield each file's stream in manifest order; unread rest is drained (and checked)."""
        m = self.manifest
        suite = get_suite(m.suite)
        key = self._key
        entry = self._zr.entries[ENTRY_ORDER.index(ENTRY_PAYLOAD)]
        plain = decrypt_stream(suite, key, self._zr.iter_data(entry), m.payload_size, m.chunk_size)
        carry = bytearray()

        def file_chunks(fe: FileEntry) -> Iterator[bytes]:
            nonlocal carry
            h, remaining = suite.hasher(), fe.size
            while remaining:
                cancel.check()
                if not carry:
                    carry = bytearray(next(plain, b""))
                    if not carry:
                        raise PackageRejected("payload_mismatch", "payload ended early")
                piece = bytes(carry[:remaining])
                del carry[:len(piece)]
                remaining -= len(piece)
                h.update(piece)
                yield piece
            if h.hexdigest() != fe.digest:
                raise PackageRejected("file_mismatch", fe.path)

        for fe in m.files:
            stream = FileStream(fe, file_chunks(fe))
            yield stream
            for _ in stream.chunks():
                pass
        if carry or next(plain, b""):
            raise PackageRejected("payload_mismatch", "payload longer than its files")
        self.fully_verified = True

    def verify_files(self, cancel: CancelToken = NEVER_CANCELLED) -> None:
        """Decrypt everything once just to check every file digest (if no consumer did)."""
        if not self.fully_verified:
            for _ in self.iter_files(cancel):
                pass

    def read_small_files(self, limit: int = 1 << 20) -> dict[str, bytes]:
        """All files as bytes (control packages only; each at most ``limit`` bytes)."""
        return {s.entry.path: s.read_all(limit) for s in self.iter_files()}

    def close(self) -> None:
        """Release the file handle."""
        self._f.close()

    def __enter__(self) -> "VerifiedPackage":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_package(
    path: str | Path,
    own_keys: Sequence[NodeKeys],
    keyring: Keyring,
    limits: Limits = Limits(),
    progress: ProgressCallback = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> VerifiedPackage:
    """Check a package completely except decryption; raise :class:`PackageRejected` on any fault.

    ``own_keys`` are our key pairs, current first; older ones still open packages that were
    encrypted before the peer learned of a rotation.
    """
    path = Path(path)
    f = open(path, "rb")
    try:
        return _verify(path, f, own_keys, keyring, limits, progress, cancel)
    except BaseException:
        f.close()
        raise


def _verify(path, f, own_keys, keyring, limits, progress, cancel) -> VerifiedPackage:
    size = os.fstat(f.fileno()).st_size
    zr = ZipReader(f, size, ZipLimits(limits.max_package_bytes, limits.max_entries,
                                      limits.max_package_bytes, limits.max_ratio))
    names = tuple(e.name for e in zr.entries)
    if names != ENTRY_ORDER:
        raise PackageRejected("unexpected_entry", f"entries {list(names)}")
    by_name = {e.name: e for e in zr.entries}
    raw = zr.read_small(by_name[ENTRY_MANIFEST], limits.max_manifest_bytes)
    signature = zr.read_small(by_name[ENTRY_SIGNATURE], 4096)
    fmt, suite_name, node, key_id = peek_signer(raw)
    suite = get_suite(suite_name)
    if fmt != FORMAT or suite is None:
        raise PackageRejected("unsupported_format", f"{fmt} / {suite_name}")
    pinned = keyring.find_key(node, key_id)
    if pinned is None:
        raise PackageRejected("unknown_signer", f"{node} {key_id}")
    if pinned.key.suite != suite_name:
        raise PackageRejected("unsupported_format", f"pinned key is for {pinned.key.suite}")
    if not suite.verify(pinned.key.sign_public, SIGNATURE_CONTEXT + raw, signature):
        raise PackageRejected("bad_signature", f"{node} {key_id}")
    # From here on the manifest is the signer's word.
    m = parse_manifest(raw, limits.max_files)
    if pinned.retired and m.kind in SEQUENCED_KINDS:
        raise PackageRejected("retired_key", f"{node} {key_id}")
    recipient = next((k for k in own_keys if k.key_id == m.recipient_key and k.node == m.recipient_node), None)
    if recipient is None:
        raise PackageRejected("wrong_recipient", f"{m.recipient_node} {m.recipient_key}")
    check_paths([fe.path for fe in m.files])
    if not (limits.min_chunk <= m.chunk_size <= limits.max_chunk):
        raise PackageRejected("bad_manifest", f"chunk size {m.chunk_size}")
    payload = by_name[ENTRY_PAYLOAD]
    if payload.size != m.payload_size or m.payload_size != ciphertext_size(suite, m.payload_plain_size, m.chunk_size):
        raise PackageRejected("payload_mismatch", f"{payload.size} bytes, manifest says {m.payload_size}")
    h, done = suite.hasher(), 0
    for chunk in zr.iter_data(payload):
        cancel.check()
        h.update(chunk)
        done += len(chunk)
        progress(done / max(1, payload.size), say("exchange.verify", "校验交换包"))
    if h.hexdigest() != m.payload_digest:
        raise PackageRejected("payload_mismatch", "digest")
    eph = bytes.fromhex(m.ephemeral_key)
    try:
        secret = suite.agree(recipient.agree_private, eph)
    except ValueError:
        raise PackageRejected("bad_manifest", "ephemeral key") from None
    key = payload_key(suite, secret, m.package_id, eph, recipient.agree_public)
    package = VerifiedPackage(path, f, zr, m, pinned.key, key)
    # Kept so that a file installed from the package (the platform policy) can be verified
    # again later against the pinned key, without the package.
    package.manifest_raw, package.signature = raw, signature
    return package
