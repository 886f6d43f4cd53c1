"""Builders for exchange tests: key pairs, packages as bytes, paired platform/terminal nodes."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from engines.exchange.file_node import FileNode
from engines.exchange.keys import NodeKeys, PeerKey, generate_node_keys
from engines.exchange.package_reader import PinnedKey
from engines.exchange.package_writer import OutgoingFile, file_from_bytes, write_package

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "exchange"
DOSSIER_PDF = DATA_DIR / "dossier_page.pdf"


class DictKeyring:
    """Keyring over a plain dict, for reader-only tests."""

    def __init__(self, *keys: PeerKey, retired: tuple[PeerKey, ...] = ()) -> None:
        self.keys = {(k.node, k.key_id): PinnedKey(k) for k in keys}
        self.keys.update({(k.node, k.key_id): PinnedKey(k, True) for k in retired})

    def find_key(self, node: str, key_id: str) -> PinnedKey | None:
        """Pinned key or None."""
        return self.keys.get((node, key_id))


def small_files(tag: str = "a") -> list[OutgoingFile]:
    """Two small files of a case."""
    return [file_from_bytes(('{"case_number": "（2024）京0105民初1号", "tag": "%s"}' % tag).encode(), "case.json", "c1"),
            file_from_bytes(b"%PDF-1.4 tiny " + tag.encode() * 40, "dossier/起诉状.pdf", "c1")]


def package_bytes(sender: NodeKeys, recipient: PeerKey, kind: str = "data", sequence: int = 1,
                  files: list[OutgoingFile] | None = None, **kwargs) -> bytes:
    """A complete package in memory."""
    out = io.BytesIO()
    write_package(out, sender, recipient, kind, sequence, small_files() if files is None else files, **kwargs)
    return out.getvalue()


@dataclass
class Pair:
    """A platform and a terminal sharing one exchange folder, keys pinned both ways."""

    exchange: Path
    platform: FileNode
    terminal: FileNode
    platform_keys: NodeKeys
    terminal_keys: NodeKeys

    def close(self) -> None:
        """Close both databases."""
        self.platform.close()
        self.terminal.close()


def make_pair(tmp_path: Path, **node_kwargs) -> Pair:
    """Create both nodes in ``tmp_path`` (``platform/``, ``terminal/``, ``exchange/``)."""
    exchange = tmp_path / "exchange"
    platform = FileNode(tmp_path / "platform", exchange, role="platform", **node_kwargs)
    terminal = FileNode(tmp_path / "terminal", exchange, role="terminal", **node_kwargs)
    pk, tk = platform.ensure_keys("platform"), terminal.ensure_keys("terminal-1")
    platform.pin(tk.public())
    terminal.pin(pk.public())
    return Pair(exchange, platform, terminal, pk, tk)


def fresh_keys(node: str) -> NodeKeys:
    """New keys for ``node``."""
    return generate_node_keys(node)
