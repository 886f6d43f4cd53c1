"""The algorithms really are swappable: a second suite (ChaCha20-Poly1305, SHA-512, HKDF-SHA512)
registered beside the default one carries packages end to end, and a reader refuses a suite it
does not know. A court needing SM2/SM3/SM4 registers such a suite the same way."""
from __future__ import annotations

import hashlib

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from engines.exchange import crypto_suite
from engines.exchange.crypto_suite import AuthenticationFailed, DefaultSuite, register_suite
from engines.exchange.keys import generate_node_keys
from engines.exchange.package_reader import open_package
from engines.exchange.rejection import PackageRejected
from tests.helpers.exchange_builders import DictKeyring, package_bytes, small_files


class OtherSuite(DefaultSuite):
    """Same key types, different AEAD, KDF and hash."""

    name = "test-ed25519-x25519-hkdfsha512-chacha20poly1305-sha512"

    def derive_key(self, secret: bytes, salt: bytes, info: bytes) -> bytes:
        """HKDF-SHA512."""
        return HKDF(algorithm=hashes.SHA512(), length=32, salt=salt, info=info).derive(secret)

    def seal(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """ChaCha20-Poly1305."""
        return ChaCha20Poly1305(key).encrypt(nonce, plaintext, aad)

    def open(self, key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
        """ChaCha20-Poly1305."""
        try:
            return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, aad)
        except InvalidTag as exc:
            raise AuthenticationFailed() from exc

    def hasher(self):
        """SHA-512."""
        return hashlib.sha512()


@pytest.fixture
def other_suite(monkeypatch):
    monkeypatch.setattr(crypto_suite, "_SUITES", dict(crypto_suite._SUITES))
    suite = OtherSuite()
    register_suite(suite)
    return suite


def test_package_round_trip_under_another_suite(other_suite, tmp_path):
    sender, recipient = generate_node_keys("platform", other_suite), generate_node_keys("terminal-1", other_suite)
    path = tmp_path / "p.zip"
    path.write_bytes(package_bytes(sender, recipient.public(), files=small_files("x")))
    with open_package(path, [recipient], DictKeyring(sender.public())) as pkg:
        assert pkg.manifest.suite == other_suite.name
        assert len(pkg.manifest.files[0].digest) == 128  # SHA-512 digests in the manifest
        contents = {s.entry.path: s.read() for s in pkg.iter_files()}
    assert contents["dossier/起诉状.pdf"].startswith(b"%PDF")


def test_reader_refuses_an_unknown_suite(other_suite, tmp_path, monkeypatch):
    sender, recipient = generate_node_keys("platform", other_suite), generate_node_keys("terminal-1", other_suite)
    path = tmp_path / "p.zip"
    path.write_bytes(package_bytes(sender, recipient.public()))
    monkeypatch.setattr(crypto_suite, "_SUITES", {crypto_suite.DEFAULT_SUITE.name: crypto_suite.DEFAULT_SUITE})
    with pytest.raises(PackageRejected) as info:
        open_package(path, [recipient], DictKeyring(sender.public()))
    assert info.value.reason == "unsupported_format"
