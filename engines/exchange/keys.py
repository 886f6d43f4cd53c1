"""Node identities: our own key pairs and the peers' public keys we pin.

A node (the terminal, the platform) has one signing pair and one key-agreement pair. The key id
is a hash over the suite name and both public keys, so it names exactly one pair of public keys
and doubles as the fingerprint IT compares by phone or on paper.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from engines.common import InputError
from engines.exchange.crypto_suite import DEFAULT_SUITE, CryptoSuite, get_suite


def compute_key_id(suite_name: str, sign_public: bytes, agree_public: bytes) -> str:
    """Key id: first 20 bytes of SHA-256 over suite name and both public keys, in hex."""
    h = hashlib.sha256(suite_name.encode("utf-8") + b"\0" + sign_public + agree_public)
    return h.hexdigest()[:40]


def fingerprint(key_id: str) -> str:
    """Human-readable grouping of a key id, e.g. ``3F2A 9C01 ...``."""
    return " ".join(key_id[i:i + 4].upper() for i in range(0, len(key_id), 4))


@dataclass(frozen=True)
class PeerKey:
    """A node's public keys, as pinned by the other side."""

    node: str
    key_id: str
    suite: str
    sign_public: bytes
    agree_public: bytes

    def to_json(self) -> dict:
        """Plain dict for files and the command line (hex-encoded keys)."""
        return {"node": self.node, "key_id": self.key_id, "suite": self.suite,
                "sign_public": self.sign_public.hex(), "agree_public": self.agree_public.hex(),
                "fingerprint": fingerprint(self.key_id)}

    @classmethod
    def from_json(cls, obj: dict) -> "PeerKey":
        """Parse and check that the key id matches the keys (raises :class:`InputError`)."""
        try:
            key = cls(node=str(obj["node"]), key_id=str(obj["key_id"]), suite=str(obj["suite"]),
                      sign_public=bytes.fromhex(obj["sign_public"]),
                      agree_public=bytes.fromhex(obj["agree_public"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError("公钥文件格式错误", str(exc)) from None
        if compute_key_id(key.suite, key.sign_public, key.agree_public) != key.key_id:
            raise InputError("公钥文件的密钥标识与公钥不符", key.key_id)
        return key


@dataclass(frozen=True)
class NodeKeys:
    """Our own private keys (kept only in the encrypted store or the simulator's state)."""

    node: str
    suite: str
    sign_private: bytes
    sign_public: bytes
    agree_private: bytes
    agree_public: bytes

    @property
    def key_id(self) -> str:
        """Id of this key pair."""
        return compute_key_id(self.suite, self.sign_public, self.agree_public)

    def public(self) -> PeerKey:
        """What the other side pins."""
        return PeerKey(self.node, self.key_id, self.suite, self.sign_public, self.agree_public)

    def to_json(self) -> dict:
        """Dict with private material (hex); store it only encrypted or in a test folder."""
        return {"node": self.node, "suite": self.suite, "sign_private": self.sign_private.hex(),
                "sign_public": self.sign_public.hex(), "agree_private": self.agree_private.hex(),
                "agree_public": self.agree_public.hex()}

    @classmethod
    def from_json(cls, obj: dict) -> "NodeKeys":
        """Inverse of :meth:`to_json`."""
        try:
            return cls(node=str(obj["node"]), suite=str(obj["suite"]),
                       **{k: bytes.fromhex(obj[k]) for k in
                          ("sign_private", "sign_public", "agree_private", "agree_public")})
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError("密钥文件格式错误", str(exc)) from None


def generate_node_keys(node: str, suite: CryptoSuite = DEFAULT_SUITE) -> NodeKeys:
    """Create fresh signing and agreement key pairs for ``node``."""
    sign_private, sign_public = suite.generate_signing_key()
    agree_private, agree_public = suite.generate_agreement_key()
    return NodeKeys(node, suite.name, sign_private, sign_public, agree_private, agree_public)


def suite_for(name: str) -> CryptoSuite:
    """The registered suite ``name`` or :class:`InputError`."""
    suite = get_suite(name)
    if suite is None:
        raise InputError("不支持的算法套件", name)
    return suite


def dumps(obj: dict) -> bytes:
    """Stable JSON bytes for key files."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=2).encode("utf-8")
