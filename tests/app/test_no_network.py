"""The application opens no network connection: a full service workflow under a socket guard."""
from __future__ import annotations

import socket

import pytest

from app.services.cases import CaseService
from tests.helpers import network
from tests.helpers.stores import create_sample_case, make_store


def test_guard_really_refuses_internet_sockets():
    with pytest.raises(network.NetworkForbidden):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(network.NetworkForbidden):
        socket.create_connection(("127.0.0.1", 9))


def test_full_workflow_opens_no_socket(tmp_path):
    before = len(network.attempts)
    fx = make_store(tmp_path)
    case_id = create_sample_case(fx)
    ctx = fx.judge()
    service = CaseService(ctx)
    assert service.list_cases("借贷")
    service.get_case(case_id)
    sha = ctx.store.blobs.put_bytes(b"hearing audio" * 1000)
    assert ctx.store.blobs.read_bytes(sha).startswith(b"hearing")
    ctx.store.close()
    it = fx.it()
    assert it.audit_log.verify().ok
    it.store.close()
    assert network.attempts[before:] == []
