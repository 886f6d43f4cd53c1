"""Every single-byte change, every truncation and every swapped entry is refused with a reason."""
from __future__ import annotations

import collections
import io

import pytest

from engines.exchange.package_reader import open_package
from engines.exchange.package_writer import ENTRY_ORDER
from engines.exchange.rejection import REASONS, PackageRejected
from engines.exchange.zip_container import ZipLimits, ZipReader, ZipWriter
from tests.helpers.exchange_builders import DictKeyring, fresh_keys, package_bytes, small_files

LIMITS = ZipLimits(1 << 30, 8, 1 << 30, 100.0)


@pytest.fixture(scope="module")
def keys():
    """Sender, recipient and the recipient's keyring."""
    sender, recipient = fresh_keys("platform"), fresh_keys("terminal-1")
    return sender, recipient, DictKeyring(sender.public())


def _reason(data: bytes, tmp_path, keys) -> str | None:
    sender, recipient, keyring = keys
    path = tmp_path / "p.zip"
    path.write_bytes(data)
    try:
        with open_package(path, [recipient], keyring) as pkg:
            pkg.verify_files()
    except PackageRejected as exc:
        assert exc.reason in REASONS and exc.message
        return exc.reason
    return None


def test_untouched_package_is_accepted(keys, tmp_path):
    sender, recipient, _ = keys
    assert _reason(package_bytes(sender, recipient.public()), tmp_path, keys) is None


@pytest.mark.parametrize("mask", [0x01, 0xFF])
def test_every_single_byte_flip_is_rejected(keys, tmp_path, mask):
    sender, recipient, _ = keys
    data = package_bytes(sender, recipient.public())
    reasons = collections.Counter()
    accepted = []
    for i in range(len(data)):
        changed = bytearray(data)
        changed[i] ^= mask
        reason = _reason(bytes(changed), tmp_path, keys)
        if reason is None:
            accepted.append(i)
        reasons[reason] += 1
    assert accepted == [], f"flips accepted at offsets {accepted[:20]}"
    # Accidental damage is caught by the container checks before any cryptography runs.
    assert {"bad_structure", "bad_crc"} <= set(reasons)


@pytest.mark.parametrize("entry", ENTRY_ORDER)
def test_deliberate_changes_with_fixed_crc_are_rejected(keys, tmp_path, entry):
    """An attacker recomputes the CRC: the signature or the signed payload digest still fails."""
    sender, recipient, _ = keys
    entries = _entries(package_bytes(sender, recipient.public()))
    content = entries[entry]
    seen = collections.Counter()
    for i in range(0, len(content), max(1, len(content) // 97)):
        changed = bytearray(content)
        changed[i] ^= 0x01
        rebuilt = [(n, bytes(changed) if n == entry else entries[n]) for n in ENTRY_ORDER]
        reason = _reason(_assemble(rebuilt), tmp_path, keys)
        # Changed manifest bytes may already break its JSON or name another signer/suite.
        assert reason in {"bad_signature", "payload_mismatch", "bad_manifest", "unknown_signer",
                          "unsupported_format"}, (entry, i, reason)
        seen[reason] += 1
    assert seen.most_common(1)[0][0] == ("payload_mismatch" if entry == "payload.bin" else "bad_signature")


def test_every_truncation_is_rejected(keys, tmp_path):
    sender, recipient, _ = keys
    data = package_bytes(sender, recipient.public())
    for n in range(len(data)):
        assert _reason(data[:n], tmp_path, keys) is not None, n
    assert _reason(data + b"\0", tmp_path, keys) is not None


def _entries(data: bytes) -> dict[str, bytes]:
    zr = ZipReader(io.BytesIO(data), len(data), LIMITS)
    return {e.name: b"".join(zr.iter_data(e)) for e in zr.entries}


def _assemble(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    zw = ZipWriter(out)
    for name, content in entries:
        zw.add(name, [content])
    zw.close()
    return out.getvalue()


def test_rebuilt_container_is_byte_identical(keys):
    sender, recipient, _ = keys
    data = package_bytes(sender, recipient.public())
    assert _assemble(list(_entries(data).items())) == data


@pytest.mark.parametrize("swapped", ENTRY_ORDER)
def test_each_entry_swapped_from_another_package_is_rejected(keys, tmp_path, swapped):
    sender, recipient, _ = keys
    a = _entries(package_bytes(sender, recipient.public(), sequence=1, files=small_files("a")))
    b = _entries(package_bytes(sender, recipient.public(), sequence=1, files=small_files("b")))
    mixed = [(name, b[name] if name == swapped else a[name]) for name in ENTRY_ORDER]
    assert _reason(_assemble(mixed), tmp_path, keys) in {"bad_signature", "payload_mismatch"}


def test_reordered_or_extra_entries_are_rejected(keys, tmp_path):
    sender, recipient, _ = keys
    a = _entries(package_bytes(sender, recipient.public()))
    reordered = [(n, a[n]) for n in reversed(ENTRY_ORDER)]
    assert _reason(_assemble(reordered), tmp_path, keys) == "unexpected_entry"
    extra = [(n, a[n]) for n in ENTRY_ORDER] + [("readme.txt", b"hi")]
    assert _reason(_assemble(extra), tmp_path, keys) == "unexpected_entry"


def test_flipped_package_is_quarantined_and_nothing_applied(pair):
    """Through the whole import path: a sample of flips each end in quarantine with a reason."""
    pair.platform.export("terminal-1", small_files())
    original = next((pair.exchange / "inbox").iterdir())
    data = original.read_bytes()
    original.unlink()
    offsets = list(range(0, len(data), max(1, len(data) // 40)))
    for i in offsets:
        changed = bytearray(data)
        changed[i] ^= 0x01
        (pair.exchange / "inbox" / f"flip{i:05d}.zip").write_bytes(bytes(changed))
    report = pair.terminal.import_incoming()
    assert report.count("quarantined") == len(offsets)
    assert pair.terminal.received() == []
    assert pair.terminal.ledger.incoming_list() == []
    reason_files = sorted((pair.exchange / "quarantine").glob("*.reason.json"))
    assert len(reason_files) == len(offsets)
    assert list((pair.exchange / "inbox").iterdir()) == []
    assert list((pair.exchange / "outbox").glob("*.zip")) == []  # no ack for anything
