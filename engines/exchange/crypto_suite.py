"""The one place that knows which algorithms protect an exchange package.

Everything else in engines/exchange talks to a :class:`CryptoSuite`, so a court that must use
the national algorithms (SM2 signatures and key agreement, SM3 hashing, SM4-GCM) registers a
suite with the same methods under a new name; the manifest records the suite's name and the
reader refuses names it does not know.
"""
from __future__ import annotations

import hashlib
from typing import Protocol

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF


class AuthenticationFailed(Exception):
    """An AEAD tag did not verify: the ciphertext, nonce or key is wrong."""


class Hasher(Protocol):
    """Incremental hash object (hashlib-like)."""

    def update(self, data: bytes) -> None:
        """Feed more data."""
        ...

    def hexdigest(self) -> str:
        """Digest so far, lower-case hex."""
        ...


class CryptoSuite(Protocol):
    """Signature, key agreement, key derivation, AEAD and hash used by one package format."""

    name: str
    nonce_size: int
    tag_size: int

    def generate_signing_key(self) -> tuple[bytes, bytes]:
        """Return a new (private, public) signing key pair as raw bytes."""
        ...

    def generate_agreement_key(self) -> tuple[bytes, bytes]:
        """Return a new (private, public) key-agreement pair as raw bytes."""
        ...

    def sign(self, private: bytes, data: bytes) -> bytes:
        """Sign ``data``."""
        ...

    def verify(self, public: bytes, data: bytes, signature: bytes) -> bool:
        """True when ``signature`` over ``data`` is valid for ``public``."""
        ...

    def agree(self, private: bytes, peer_public: bytes) -> bytes:
        """Shared secret between our agreement key and the peer's public key."""
        ...

    def derive_key(self, secret: bytes, salt: bytes, info: bytes) -> bytes:
        """Derive a 32-byte symmetric key from a shared secret."""
        ...

    def seal(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """AEAD-encrypt; the result carries the tag."""
        ...

    def open(self, key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
        """AEAD-decrypt or raise :class:`AuthenticationFailed`."""
        ...

    def hasher(self) -> Hasher:
        """A fresh incremental hash (file and payload digests)."""
        ...


class DefaultSuite:
    """Ed25519 signatures, X25519 + HKDF-SHA256 key agreement, AES-256-GCM, SHA-256."""

    name = "ed25519-x25519-hkdfsha256-aes256gcm-sha256"
    nonce_size = 12
    tag_size = 16

    def generate_signing_key(self) -> tuple[bytes, bytes]:
        """Return a new Ed25519 (private, public) pair as raw 32-byte strings."""
        key = Ed25519PrivateKey.generate()
        return _raw_private(key), key.public_key().public_bytes(*_RAW_PUBLIC)

    def generate_agreement_key(self) -> tuple[bytes, bytes]:
        """Return a new X25519 (private, public) pair as raw 32-byte strings."""
        key = X25519PrivateKey.generate()
        return _raw_private(key), key.public_key().public_bytes(*_RAW_PUBLIC)

    def sign(self, private: bytes, data: bytes) -> bytes:
        """Ed25519 signature (64 bytes)."""
        return Ed25519PrivateKey.from_private_bytes(private).sign(data)

    def verify(self, public: bytes, data: bytes, signature: bytes) -> bool:
        """True when the Ed25519 signature is valid; malformed keys count as invalid."""
        try:
            Ed25519PublicKey.from_public_bytes(public).verify(signature, data)
        except (InvalidSignature, ValueError):
            return False
        return True

    def agree(self, private: bytes, peer_public: bytes) -> bytes:
        """X25519 shared secret."""
        return X25519PrivateKey.from_private_bytes(private).exchange(
            X25519PublicKey.from_public_bytes(peer_public)
        )

    def derive_key(self, secret: bytes, salt: bytes, info: bytes) -> bytes:
        """HKDF-SHA256 to 32 bytes."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(secret)

    def seal(self, key: bytes, nonce: bytes, plaintext: bytes, aad: bytes) -> bytes:
        """AES-256-GCM encryption."""
        return AESGCM(key).encrypt(nonce, plaintext, aad)

    def open(self, key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
        """AES-256-GCM decryption."""
        try:
            return AESGCM(key).decrypt(nonce, ciphertext, aad)
        except InvalidTag as exc:
            raise AuthenticationFailed() from exc

    def hasher(self) -> Hasher:
        """SHA-256."""
        return hashlib.sha256()


_RAW_PUBLIC = (serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _raw_private(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


DEFAULT_SUITE = DefaultSuite()
_SUITES: dict[str, CryptoSuite] = {DEFAULT_SUITE.name: DEFAULT_SUITE}


def register_suite(suite: CryptoSuite) -> None:
    """Make another suite (e.g. an SM2/SM3/SM4 implementation) known to readers and writers."""
    _SUITES[suite.name] = suite


def get_suite(name: str) -> CryptoSuite | None:
    """The registered suite called ``name``, or None."""
    return _SUITES.get(name)
