"""Hostile or misdirected packages: each is refused for the right reason and quarantined."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

from engines.exchange import package_writer
from engines.exchange.package_reader import Limits, open_package
from engines.exchange.package_writer import ENTRY_ORDER, file_from_bytes
from engines.exchange.rejection import PackageRejected
from engines.exchange.zip_container import ZipLimits, ZipReader, ZipWriter
from tests.helpers.exchange_builders import DictKeyring, fresh_keys, package_bytes, small_files


@pytest.fixture(scope="module")
def keys():
    """Sender, recipient and the recipient's keyring."""
    sender, recipient = fresh_keys("platform"), fresh_keys("terminal-1")
    return sender, recipient, DictKeyring(sender.public())


def _open(data: bytes, tmp_path, recipient, keyring, limits: Limits = Limits()) -> str | None:
    path = tmp_path / "p.zip"
    path.write_bytes(data)
    try:
        with open_package(path, [recipient], keyring, limits) as pkg:
            pkg.verify_files()
    except PackageRejected as exc:
        return exc.reason
    return None


def _stored_zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    zw = ZipWriter(out)
    for name, content in entries:
        zw.add(name, [content])
    zw.close()
    return out.getvalue()


def test_wrong_recipient(keys, tmp_path):
    sender, recipient, keyring = keys
    other = fresh_keys("terminal-2")
    assert _open(package_bytes(sender, other.public()), tmp_path, recipient, keyring) == "wrong_recipient"
    # Same node name but a key we never had.
    impostor = fresh_keys("terminal-1")
    assert _open(package_bytes(sender, impostor.public()), tmp_path, recipient, keyring) == "wrong_recipient"


def test_older_own_key_still_opens(keys, tmp_path):
    sender, recipient, keyring = keys
    newer = fresh_keys("terminal-1")
    path = tmp_path / "p.zip"
    path.write_bytes(package_bytes(sender, recipient.public()))
    with open_package(path, [newer, recipient], keyring) as pkg:
        assert {s.entry.path: s.read() for s in pkg.iter_files()}["case.json"].startswith(b"{")


def test_unknown_signer(keys, tmp_path):
    _, recipient, keyring = keys
    stranger = fresh_keys("platform")  # claims the platform's name with its own key
    assert _open(package_bytes(stranger, recipient.public()), tmp_path, recipient, keyring) == "unknown_signer"


def test_retired_signer_refused_for_data_but_not_for_acks(keys, tmp_path):
    sender, recipient, _ = keys
    keyring = DictKeyring(retired=(sender.public(),))
    assert _open(package_bytes(sender, recipient.public()), tmp_path, recipient, keyring) == "retired_key"
    ack = package_bytes(sender, recipient.public(), kind="ack", sequence=0,
                        files=[file_from_bytes(b'{"type": "ack"}', "control.json")])
    assert _open(ack, tmp_path, recipient, keyring) is None


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/passwd", "C:/x.txt", "a/../../b", "CON", "nul.txt",
                                  "a\\..\\b", "dir/aux.pdf", "trailing. ", "x/"])
def test_zip_slip_entry_names(keys, tmp_path, name):
    sender, recipient, keyring = keys
    data = _stored_zip([(n, b"x") for n in ENTRY_ORDER[:2]] + [(name, b"x")])
    assert _open(data, tmp_path, recipient, keyring) == "unsafe_path"


@pytest.mark.parametrize("paths", [["../evil.pdf"], ["a.pdf", "A.PDF"], ["COM1.txt"], ["d", "d/x.pdf"],
                                   ["C:evil"], ["é.pdf", "e\u0301.pdf"]])
def test_unsafe_paths_inside_a_signed_manifest(keys, tmp_path, monkeypatch, paths):
    """Even a trusted signer cannot make us handle unsafe names (the writer refuses them too)."""
    sender, recipient, keyring = keys
    files = [file_from_bytes(b"x", p) for p in paths]
    with pytest.raises(Exception):
        package_bytes(sender, recipient.public(), files=files)
    monkeypatch.setattr(package_writer, "check_paths", lambda paths: None)
    data = package_bytes(sender, recipient.public(), files=files)
    assert _open(data, tmp_path, recipient, keyring) == "unsafe_path"


def _deflated_zip(name: str, size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(name, "w") as f:
            block = b"\0" * (1 << 20)
            for _ in range(size // len(block)):
                f.write(block)
    return out.getvalue()


def test_zip_bomb_ratio_and_declared_size(keys, tmp_path):
    sender, recipient, keyring = keys
    bomb = _deflated_zip("payload.bin", 20 << 20)
    assert len(bomb) < 100_000
    assert _open(bomb, tmp_path, recipient, keyring) == "zip_bomb"
    small_limit = Limits(max_package_bytes=10 << 20)
    assert _open(bomb, tmp_path, recipient, keyring, small_limit) == "too_large"  # declared 20 MB > 10 MB


def test_compressed_entries_are_never_inflated(keys, tmp_path):
    sender, recipient, keyring = keys
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("payload.bin", b"abc" * 10)
    assert _open(out.getvalue(), tmp_path, recipient, keyring) == "bad_structure"


def test_package_at_the_size_limit(keys, tmp_path):
    sender, recipient, keyring = keys
    data = package_bytes(sender, recipient.public())
    assert _open(data, tmp_path, recipient, keyring, Limits(max_package_bytes=len(data))) is None
    assert _open(data, tmp_path, recipient, keyring, Limits(max_package_bytes=len(data) - 1)) == "too_large"


def test_too_many_entries_refused_before_reading_them(keys, tmp_path):
    sender, recipient, keyring = keys
    data = _stored_zip([(f"f{i}.txt", b"x") for i in range(9)])
    assert _open(data, tmp_path, recipient, keyring) == "too_many_entries"
    zr_limits = ZipLimits(1 << 20, 9, 1 << 20, 100)
    assert len(ZipReader(io.BytesIO(data), len(data), zr_limits).entries) == 9


def test_not_a_zip(keys, tmp_path):
    _, recipient, keyring = keys
    assert _open(b"", tmp_path, recipient, keyring) == "not_a_package"
    assert _open(b"%PDF-1.4\n" * 100, tmp_path, recipient, keyring) == "not_a_package"


def test_manifest_with_too_many_files(keys, tmp_path):
    sender, recipient, keyring = keys
    files = [file_from_bytes(b"", f"f{i}.txt") for i in range(30)]
    data = package_bytes(sender, recipient.public(), files=files)
    assert _open(data, tmp_path, recipient, keyring, Limits(max_files=29)) == "bad_manifest"
    assert _open(data, tmp_path, recipient, keyring, Limits(max_files=30)) is None


# -- through the node: quarantine with a reason file, nothing applied ----------------------------

def _drop(pair, data: bytes, name: str = "x.zip"):
    (pair.exchange / "inbox" / name).write_bytes(data)


def test_replay_of_an_old_sequence_is_quarantined(pair):
    pair.platform.export("terminal-1", small_files("a"))
    assert pair.terminal.import_incoming().count("applied") == 1
    replay = package_bytes(pair.platform_keys, pair.terminal_keys.public(), sequence=1, files=small_files("z"))
    _drop(pair, replay)
    report = pair.terminal.import_incoming()
    assert [(o.action, o.reason) for o in report.outcomes] == [("quarantined", "replay")]
    assert len(pair.terminal.received()) == 2  # only the first package's two files
    info = json.loads((pair.exchange / "quarantine" / "x.zip.reason.json").read_text(encoding="utf-8"))
    assert info["reason"] == "replay" and info["message"] and info["package_id"]


def test_known_package_id_is_a_noop_that_resends_its_ack(pair):
    record = pair.platform.export("terminal-1", small_files("a"))
    pair.terminal.import_incoming()
    archived = next((pair.exchange / "archive" / "in").glob("*.zip"))
    _drop(pair, archived.read_bytes(), "again.zip")
    report = pair.terminal.import_incoming()
    assert [(o.action, o.package_id) for o in report.outcomes] == [("duplicate", record.package_id)]
    assert report.acks_sent == 1
    assert len(pair.terminal.received()) == 2
    acks = pair.platform.import_incoming()
    assert acks.count("ack_received") == 2
    assert pair.platform.ledger.outgoing(record.package_id).state == "acknowledged"


@pytest.mark.parametrize("case", ["wrong_recipient", "unknown_signer"])
def test_misdirected_packages_are_quarantined(pair, case):
    if case == "wrong_recipient":
        data = package_bytes(pair.platform_keys, fresh_keys("terminal-2").public())
    else:
        data = package_bytes(fresh_keys("platform"), pair.terminal_keys.public())
    _drop(pair, data)
    report = pair.terminal.import_incoming()
    assert report.outcomes[0].reason == case
    assert (pair.exchange / "quarantine" / "x.zip").exists()
    assert pair.terminal.received() == [] and pair.terminal.ledger.incoming_list() == []
    assert pair.terminal.status().quarantined[0]["reason"] == case
