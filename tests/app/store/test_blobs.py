"""Encrypted blob store: streaming round trip, tamper/truncation detection, disk full."""
from __future__ import annotations

import errno
import os

import pytest

from app.store.blobs import CHUNK, BlobStore
from app.store.errors import BlobIntegrityError, DiskFullError, NotFoundError


@pytest.fixture
def store(tmp_path):
    return BlobStore(tmp_path / "blobs", os.urandom(32))


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, 3 * CHUNK + 17])
def test_round_trip_and_content_address(store, size):
    import hashlib

    data = os.urandom(size)
    sha = store.put_bytes(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.read_bytes(sha) == data
    if size >= 16:  # a shorter run of bytes may occur in any ciphertext by chance
        assert data[:64] not in store.path_for(sha).read_bytes()


def test_big_file_streams_from_disk(store, tmp_path):
    src = tmp_path / "hearing.wav"
    with open(src, "wb") as fh:
        for _ in range(5):
            fh.write(os.urandom(CHUNK))
    sha = store.put_file(src)
    out = store.export_to(sha, tmp_path / "out.wav")
    assert out.read_bytes() == src.read_bytes()


def test_same_content_is_stored_once(store):
    a = store.put_bytes(b"same")
    b = store.put_bytes(b"same")
    assert a == b
    assert len([p for p in store.root.rglob("*") if p.is_file()]) == 1


@pytest.mark.parametrize("where", ["header", "middle", "tag"])
def test_any_altered_byte_is_detected(store, where):
    sha = store.put_bytes(os.urandom(2 * CHUNK + 5))
    path = store.path_for(sha)
    raw = bytearray(path.read_bytes())
    index = {"header": 10, "middle": len(raw) // 2, "tag": len(raw) - 1}[where]
    raw[index] ^= 0x01
    path.write_bytes(bytes(raw))
    with pytest.raises(BlobIntegrityError) as info:
        store.read_bytes(sha)
    assert "篡改" in str(info.value) or "损坏" in str(info.value)


def test_dropping_the_last_chunk_is_detected(store):
    sha = store.put_bytes(os.urandom(2 * CHUNK + 5))
    path = store.path_for(sha)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - (5 + 16)])
    with pytest.raises(BlobIntegrityError):
        store.read_bytes(sha)


def test_wrong_data_key_cannot_read(store, tmp_path):
    sha = store.put_bytes(b"secret")
    other = BlobStore(store.root, os.urandom(32))
    with pytest.raises(NotFoundError):
        other.read_bytes(sha)


def test_disk_full_leaves_no_partial_blob(store, monkeypatch):
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    with pytest.raises(DiskFullError):
        store.put_bytes(b"x" * 1000)
    monkeypatch.undo()
    assert [p for p in store.root.rglob("*") if p.is_file()] == []
    sha = store.put_bytes(b"after")
    assert store.read_bytes(sha) == b"after"
