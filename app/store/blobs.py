"""Content-addressed files encrypted with AES-256-GCM, streamed in chunks.

A blob is named by the SHA-256 of its plaintext; on disk it is stored under an HMAC of that
hash (so the folder does not reveal which known files it holds).  Each blob has its own key
derived with HKDF from the store's data key and a random salt in the blob header.  The
plaintext is processed in 1 MiB chunks, each sealed with AES-GCM; the chunk index and a
"last chunk" flag are authenticated so chunks cannot be reordered, dropped or truncated.
Memory use stays at about two chunks whatever the file size.
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import struct
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from app.messages import Message
from app.store.errors import BlobIntegrityError, DiskFullError, NotFoundError, is_disk_full

MAGIC = b"TAB1"
CHUNK = 1 << 20
_HEADER = struct.Struct(">4sB16s8sI")  # magic, version, salt, nonce prefix, chunk size
_TAG = 16


def _hkdf(key: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def _aad(index: int, last: bool) -> bytes:
    return struct.pack(">QB", index, 1 if last else 0)


class BlobStore:
    """Encrypted content-addressed file store in one folder."""

    def __init__(self, root: Path | str, data_key: bytes) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            os.chmod(self.root, 0o700)  # private even when made by an earlier version
        self._master = _hkdf(data_key, b"trial-assistant blob master v1")
        self._name_key = _hkdf(data_key, b"trial-assistant blob names v1")

    def path_for(self, sha256: str) -> Path:
        """Where the blob with this plaintext hash lives on disk."""
        name = hmac.new(self._name_key, sha256.encode("ascii"), hashlib.sha256).hexdigest()
        return self.root / name[:2] / name

    def exists(self, sha256: str) -> bool:
        """True when this blob is stored."""
        return self.path_for(sha256).exists()

    # -- writing -------------------------------------------------------------------------

    def put_bytes(self, data: bytes) -> str:
        """Store ``data``; returns its SHA-256."""
        return self.put_chunks([data])

    def put_file(self, path: Path | str) -> str:
        """Store a file from disk, streaming; returns its SHA-256."""
        with open(path, "rb") as fh:
            return self.put_stream(fh)

    def put_stream(self, fh: BinaryIO) -> str:
        """Store everything readable from ``fh``, streaming; returns its SHA-256."""
        return self.put_chunks(iter(lambda: fh.read(CHUNK), b""))

    def put_chunks(self, chunks: Iterable[bytes]) -> str:
        """Store the concatenation of ``chunks``; returns its SHA-256.

        Written to a temporary file in the blob folder, fsynced, then renamed into place, so
        a crash or a full disk never leaves a half-written blob under a real name.
        """
        salt, prefix = os.urandom(16), os.urandom(8)
        aes = AESGCM(_hkdf(self._master, b"blob", salt))
        digest = hashlib.sha256()
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_HEADER.pack(MAGIC, 1, salt, prefix, CHUNK))
                index = 0
                pending = b""
                for piece in _rechunk(chunks):
                    if index or pending:
                        out.write(aes.encrypt(prefix + struct.pack(">I", index), pending, _aad(index, False)))
                        index += 1
                    pending = piece
                    digest.update(piece)
                out.write(aes.encrypt(prefix + struct.pack(">I", index), pending, _aad(index, True)))
                out.flush()
                os.fsync(out.fileno())
            sha = digest.hexdigest()
            final = self.path_for(sha)
            if final.exists():
                os.unlink(tmp_name)
            else:
                final.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.replace(tmp_name, final)
            return sha
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
            if isinstance(exc, OSError) and is_disk_full(exc):
                raise DiskFullError(Message("store.disk_full")) from exc
            raise

    # -- reading -------------------------------------------------------------------------

    def iter_chunks(self, sha256: str) -> Iterator[bytes]:
        """Yield the plaintext in chunks; raises BlobIntegrityError on any tampering."""
        path = self.path_for(sha256)
        if not path.exists():
            raise NotFoundError(Message("store.blob_missing", name=sha256[:12]))
        digest = hashlib.sha256()
        with open(path, "rb") as fh:
            header = fh.read(_HEADER.size)
            if len(header) != _HEADER.size:
                raise BlobIntegrityError(Message("store.blob_damaged", name=sha256[:12],
                                                 problem=Message("store.blob_header_short")))
            magic, version, salt, prefix, chunk = _HEADER.unpack(header)
            if magic != MAGIC or version != 1 or chunk <= 0 or chunk > 64 * CHUNK:
                raise BlobIntegrityError(Message("store.blob_damaged", name=sha256[:12],
                                                 problem=Message("store.blob_header_bad")))
            aes = AESGCM(_hkdf(self._master, b"blob", salt))
            index = 0
            current = fh.read(chunk + _TAG)
            while True:
                following = fh.read(chunk + _TAG)
                last = not following
                try:
                    plain = aes.decrypt(prefix + struct.pack(">I", index), current, _aad(index, last))
                except InvalidTag:
                    raise BlobIntegrityError(
                        f"存储的文件 {sha256[:12]}… 校验失败：内容被篡改或损坏（第 {index + 1} 块）"
                    ) from None
                digest.update(plain)
                yield plain
                if last:
                    break
                current, index = following, index + 1
        if digest.hexdigest() != sha256:
            raise BlobIntegrityError(Message("store.blob_digest", name=sha256[:12]))

    def read_bytes(self, sha256: str) -> bytes:
        """The whole plaintext (for small blobs; use iter_chunks/export_to for big ones)."""
        return b"".join(self.iter_chunks(sha256))

    def export_to(self, sha256: str, dest: Path | str) -> Path:
        """Decrypt to ``dest`` (only on the user's explicit export); written atomically."""
        dest = Path(dest)
        tmp = dest.with_name(dest.name + ".part")
        try:
            with open(tmp, "wb") as out:
                for piece in self.iter_chunks(sha256):
                    out.write(piece)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, dest)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            if isinstance(exc, OSError) and is_disk_full(exc):
                raise DiskFullError(Message("store.disk_full")) from exc
            raise
        return dest

    def verify(self, sha256: str) -> None:
        """Read the blob through once; raises BlobIntegrityError when it does not check out."""
        for _ in self.iter_chunks(sha256):
            pass


def _rechunk(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """Re-cut arbitrary pieces into CHUNK-sized pieces (the last may be shorter)."""
    buf = bytearray()
    for piece in chunks:
        buf += piece
        while len(buf) >= CHUNK:
            yield bytes(buf[:CHUNK])
            del buf[:CHUNK]
    if buf:
        yield bytes(buf)
