"""Build one package: encrypt the files to the recipient, then sign the manifest.

The writer streams: each file is read in chunks, hashed, encrypted and written straight into
the ZIP, and the manifest (which needs the digests) is written after the payload.
"""
from __future__ import annotations

import datetime as _dt
import io
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable

from engines.common import NEVER_CANCELLED, CancelToken, InputError, ProgressCallback, no_progress
from engines.exchange.crypto_suite import CryptoSuite
from engines.exchange.keys import NodeKeys, PeerKey, suite_for
from engines.exchange.manifest import KINDS, SEQUENCED_KINDS, SIGNATURE_CONTEXT, FileEntry, Manifest
from engines.exchange.payload_stream import DEFAULT_CHUNK, encrypt_stream, payload_key
from engines.exchange.rejection import PackageRejected
from engines.exchange.safe_paths import check_paths
from engines.exchange.zip_container import ZipWriter

ENTRY_PAYLOAD, ENTRY_MANIFEST, ENTRY_SIGNATURE = "payload.bin", "manifest.json", "manifest.sig"
ENTRY_ORDER = (ENTRY_PAYLOAD, ENTRY_MANIFEST, ENTRY_SIGNATURE)
_READ = 1 << 20


@dataclass
class OutgoingFile:
    """A file to send: its name inside the package, how to open it, and the case it belongs to.

    ``open`` returns a binary reader; the app passes one that decrypts a blob on the fly so
    plaintext never lands on disk.
    """

    path: str
    open: Callable[[], BinaryIO]
    size: int = 0  # expected size, for progress only
    case_id: str | None = None


def file_from_path(source: str | Path, path: str, case_id: str | None = None) -> OutgoingFile:
    """An :class:`OutgoingFile` read from ``source`` on disk."""
    source = Path(source)
    return OutgoingFile(path, lambda: open(source, "rb"), source.stat().st_size, case_id)


def file_from_bytes(data: bytes, path: str, case_id: str | None = None) -> OutgoingFile:
    """An :class:`OutgoingFile` held in memory (records, control messages)."""
    return OutgoingFile(path, lambda: io.BytesIO(data), len(data), case_id)


def write_package(
    out: BinaryIO,
    keys: NodeKeys,
    recipient: PeerKey,
    kind: str,
    sequence: int,
    files: list[OutgoingFile],
    audit_head: str = "",
    package_id: str | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Manifest:
    """Write a complete package to the seekable file ``out`` and return its manifest."""
    if kind not in KINDS or (kind in SEQUENCED_KINDS) != (sequence > 0):
        raise InputError("交换包类型与序号不符", f"{kind} #{sequence}")
    if recipient.suite != keys.suite:
        raise InputError("收发双方的算法套件不一致", f"{keys.suite} / {recipient.suite}")
    try:
        check_paths([f.path for f in files])
    except PackageRejected as exc:
        raise InputError("待发送文件名不安全", exc.detail) from None
    suite: CryptoSuite = suite_for(keys.suite)
    package_id = package_id or str(uuid.uuid4())
    eph_private, eph_public = suite.generate_agreement_key()
    key = payload_key(suite, suite.agree(eph_private, recipient.agree_public), package_id, eph_public,
                      recipient.agree_public)
    total_expected = max(1, sum(f.size for f in files))
    entries: list[FileEntry] = []
    done = 0

    def plaintext():
        nonlocal done
        for f in files:
            h, size = suite.hasher(), 0
            with f.open() as reader:
                while True:
                    cancel.check()
                    chunk = reader.read(_READ)
                    if not chunk:
                        break
                    h.update(chunk)
                    size += len(chunk)
                    done += len(chunk)
                    progress(min(0.99, done / total_expected), f.path)
                    yield chunk
            entries.append(FileEntry(f.path, size, h.hexdigest(), f.case_id))

    cipher_hash, cipher_size = suite.hasher(), 0

    def ciphertext():
        nonlocal cipher_size
        for sealed in encrypt_stream(suite, key, plaintext(), chunk_size):
            cipher_hash.update(sealed)
            cipher_size += len(sealed)
            yield sealed

    zw = ZipWriter(out)
    zw.add(ENTRY_PAYLOAD, ciphertext())
    manifest = Manifest(
        package_id=package_id, kind=kind, sender_node=keys.node, sender_key=keys.key_id,
        recipient_node=recipient.node, recipient_key=recipient.key_id, sequence=sequence,
        created=_dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"), suite=suite.name,
        ephemeral_key=eph_public.hex(), payload_size=cipher_size,
        payload_plain_size=sum(e.size for e in entries), payload_digest=cipher_hash.hexdigest(),
        chunk_size=chunk_size, files=entries, audit_head=audit_head,
    )
    raw = manifest.to_bytes()
    zw.add(ENTRY_MANIFEST, [raw])
    zw.add(ENTRY_SIGNATURE, [suite.sign(keys.sign_private, SIGNATURE_CONTEXT + raw)])
    zw.close()
    progress(1.0, "")
    return manifest
