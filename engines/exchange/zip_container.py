"""A canonical, stored-only ZIP writer and a strict reader for it.

Packages are ordinary ZIP files (any unzip tool can list them) but every header field the
format does not use is fixed: no compression, no timestamps, no extra fields, no comments,
entries contiguous from offset 0, nothing after the end record. Because of that, any changed
byte either breaks a structural check here, breaks an entry's CRC, or changes signed or hashed
content, so no modification goes unnoticed. Nothing is ever decompressed, so a zip bomb cannot
expand; its headers are still checked against the size and ratio limits to say why it was
refused.
"""
from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterator

from engines.exchange.rejection import PackageRejected
from engines.exchange.safe_paths import path_problem

_LOCAL = struct.Struct("<IHHHHHIIIHH")  # signature .. extra length (30 bytes)
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")  # 46 bytes
_END = struct.Struct("<IHHHHIIH")  # 22 bytes
_SIG_LOCAL, _SIG_CENTRAL, _SIG_END = 0x04034B50, 0x02014B50, 0x06054B50
_VERSION = 20
_DOS_DATE = 0x21  # 1980-01-01, the earliest a ZIP can say: no timestamp leaks into packages
MAX_ZIP_BYTES = 0xFFFFFFFF  # no ZIP64: packages stay below 4 GiB


@dataclass(frozen=True)
class ZipLimits:
    """Bounds checked before anything is read from an untrusted archive."""

    max_package_bytes: int
    max_entries: int
    max_entry_bytes: int
    max_ratio: float


@dataclass(frozen=True)
class ZipEntry:
    """One stored entry: where its data lies in the file and its CRC-32."""

    name: str
    offset: int
    size: int
    crc: int


class ZipWriter:
    """Write stored entries to a seekable binary file; sizes and CRC are patched in after."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._entries: list[ZipEntry] = []
        self._pos = 0

    def add(self, name: str, chunks: Iterator[bytes] | list[bytes]) -> ZipEntry:
        """Write one entry from an iterable of byte chunks and return where it went."""
        raw_name = name.encode("ascii")
        header_at = self._pos
        self._out.write(_LOCAL.pack(_SIG_LOCAL, _VERSION, 0, 0, 0, _DOS_DATE, 0, 0, 0, len(raw_name), 0))
        self._out.write(raw_name)
        data_at = header_at + _LOCAL.size + len(raw_name)
        crc, size = 0, 0
        for chunk in chunks:
            self._out.write(chunk)
            crc = zlib.crc32(chunk, crc)
            size += len(chunk)
        end = data_at + size
        if end > MAX_ZIP_BYTES:
            raise ValueError("package would exceed 4 GiB")
        self._out.seek(header_at)
        self._out.write(_LOCAL.pack(_SIG_LOCAL, _VERSION, 0, 0, 0, _DOS_DATE, crc, size, size, len(raw_name), 0))
        self._out.seek(end)
        self._pos = end
        entry = ZipEntry(name, header_at, size, crc)
        self._entries.append(entry)
        return entry

    def close(self) -> None:
        """Write the central directory and the end record."""
        cd_at = self._pos
        for e in self._entries:
            raw = e.name.encode("ascii")
            self._out.write(
                _CENTRAL.pack(_SIG_CENTRAL, _VERSION, _VERSION, 0, 0, 0, _DOS_DATE, e.crc, e.size, e.size,
                              len(raw), 0, 0, 0, 0, 0, e.offset)
            )
            self._out.write(raw)
        cd_size = self._out.tell() - cd_at
        n = len(self._entries)
        self._out.write(_END.pack(_SIG_END, 0, 0, n, n, cd_size, cd_at, 0))


class ZipReader:
    """Strictly parse a package file; every deviation raises :class:`PackageRejected`."""

    def __init__(self, f: BinaryIO, file_size: int, limits: ZipLimits) -> None:
        self._f = f
        self.entries: list[ZipEntry] = []
        if file_size > min(limits.max_package_bytes, MAX_ZIP_BYTES):
            raise PackageRejected("too_large", f"{file_size} bytes > {limits.max_package_bytes}")
        if file_size < _END.size:
            raise PackageRejected("not_a_package", f"only {file_size} bytes")
        f.seek(file_size - _END.size)
        sig, disk, cd_disk, n_disk, n, cd_size, cd_at, comment = _END.unpack(f.read(_END.size))
        if sig != _SIG_END:
            raise PackageRejected("not_a_package", "no end record at the end of the file")
        if n > limits.max_entries or n_disk > limits.max_entries:
            raise PackageRejected("too_many_entries", f"{n} entries > {limits.max_entries}")
        if (disk, cd_disk, comment) != (0, 0, 0) or n_disk != n or cd_at + cd_size != file_size - _END.size:
            raise PackageRejected("bad_structure", "end record")
        f.seek(cd_at)
        directory = f.read(cd_size)
        pos, expected_offset = 0, 0
        for _ in range(n):
            if pos + _CENTRAL.size > len(directory):
                raise PackageRejected("bad_structure", "central directory truncated")
            fields = _CENTRAL.unpack_from(directory, pos)
            (sig, made_by, needed, flags, method, mtime, mdate, crc, csize, usize,
             name_len, extra_len, comment_len, disk_start, int_attr, ext_attr, offset) = fields
            raw_name = directory[pos + _CENTRAL.size: pos + _CENTRAL.size + name_len]
            pos += _CENTRAL.size + name_len + extra_len + comment_len
            if sig != _SIG_CENTRAL or len(raw_name) != name_len:
                raise PackageRejected("bad_structure", "central directory entry")
            name = raw_name.decode("utf-8", "replace")
            problem = path_problem(name)
            if problem:
                raise PackageRejected("unsafe_path", f"entry {name!r}: {problem}")
            if usize > limits.max_entry_bytes:
                raise PackageRejected("too_large", f"entry {name!r} declares {usize} bytes")
            if usize > limits.max_ratio * max(csize, 1):
                raise PackageRejected("zip_bomb", f"entry {name!r}: {usize}/{csize}")
            if method != 0 or csize != usize:
                raise PackageRejected("bad_structure", f"entry {name!r} is compressed (method {method})")
            if (made_by, needed, flags, mtime, mdate, extra_len, comment_len, disk_start, int_attr,
                    ext_attr) != (_VERSION, _VERSION, 0, 0, _DOS_DATE, 0, 0, 0, 0, 0):
                raise PackageRejected("bad_structure", f"entry {name!r}: non-canonical header")
            if offset != expected_offset:
                raise PackageRejected("bad_structure", f"entry {name!r} not contiguous")
            f.seek(offset)
            local = f.read(_LOCAL.size + name_len)
            if len(local) != _LOCAL.size + name_len or local[_LOCAL.size:] != raw_name or _LOCAL.unpack_from(
                local
            ) != (_SIG_LOCAL, _VERSION, 0, 0, 0, _DOS_DATE, crc, csize, usize, name_len, 0):
                raise PackageRejected("bad_structure", f"local header of {name!r} differs")
            data_at = offset + _LOCAL.size + name_len
            expected_offset = data_at + usize
            self.entries.append(ZipEntry(name, data_at, usize, crc))
        if pos != cd_size or expected_offset != cd_at:
            raise PackageRejected("bad_structure", "central directory size or position")

    def iter_data(self, entry: ZipEntry, chunk_size: int = 1 << 20) -> Iterator[bytes]:
        """Yield an entry's bytes in chunks, then check its CRC (raise ``bad_crc``)."""
        self._f.seek(entry.offset)
        remaining, crc = entry.size, 0
        while remaining:
            chunk = self._f.read(min(chunk_size, remaining))
            if not chunk:
                raise PackageRejected("not_a_package", f"{entry.name} truncated")
            crc = zlib.crc32(chunk, crc)
            remaining -= len(chunk)
            yield chunk
        if crc != entry.crc:
            raise PackageRejected("bad_crc", entry.name)

    def read_small(self, entry: ZipEntry, limit: int) -> bytes:
        """Read a whole entry known to be small (manifest, signature), CRC-checked."""
        if entry.size > limit:
            raise PackageRejected("too_large", f"{entry.name}: {entry.size} bytes > {limit}")
        return b"".join(self.iter_data(entry))
