"""A real encrypted store facing the platform simulator's node, keys pinned both ways (shared by
the exchange service, platform-update and panel tests)."""
from __future__ import annotations

from pathlib import Path

from app.services.exchange import ExchangeService
from engines.exchange.file_node import FileNode
from engines.exchange.keys import PeerKey
from engines.exchange.platform_sim import case_assignment_files
from tests.helpers.stores import make_store


def make_world(tmp_path: Path):
    """(store fixture, platform node, exchange folder); IT pinned the platform key, the
    platform pinned the terminal's. The caller closes the platform node."""
    fx = make_store(tmp_path)
    exchange = tmp_path / "exchange"
    platform = FileNode(tmp_path / "platform", exchange, role="platform")
    platform.ensure_keys("platform")
    it = fx.it()
    service = ExchangeService(it)
    pinned = service.pin_platform_key(platform.keys.public().to_json(), platform.keys.key_id)
    assert pinned["node"] == "platform"
    platform.pin(PeerKey.from_json(service.own_key()))
    it.store.close()
    return fx, platform, exchange


def terminal_node(platform: FileNode) -> str:
    """The terminal the platform node has pinned."""
    return next(k.key.node for k in platform.ledger.pinned_keys())


def assign_case(platform: FileNode, record: dict, dossier=()):
    """The platform assigns a case (with dossier files) to the terminal; the outgoing record."""
    return platform.export(terminal_node(platform), case_assignment_files(record, list(dossier)))
