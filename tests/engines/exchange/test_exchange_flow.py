"""Both directions end to end: ordering, nacks and resends, acks, key rotation, rollback."""
from __future__ import annotations

import json
import os

import pytest

from engines.common import CancelToken, Cancelled, to_jsonable
from engines.exchange.folder import ExchangeFolder
from engines.exchange.keys import generate_node_keys
from engines.exchange.ledger import MemoryLedger
from engines.exchange.node import ExchangeNode
from engines.exchange.package_writer import file_from_bytes, file_from_path
from engines.exchange import platform_sim
from tests.helpers.exchange_builders import DOSSIER_PDF, small_files


def _inbox(pair):
    return sorted((pair.exchange / "inbox").glob("*.zip"))


def test_gap_is_held_nacked_resent_and_applied_in_order(pair, tmp_path):
    for tag in "abc":
        pair.platform.export("terminal-1", small_files(tag))
    first, second, third = _inbox(pair)
    aside = tmp_path / "aside"
    aside.mkdir()
    first.rename(aside / first.name)
    second.rename(aside / second.name)  # the gateway lost #1 and #2

    report = pair.terminal.import_incoming()
    assert [(o.action, o.sequence) for o in report.outcomes] == [("held", 3)]
    assert report.nacks_sent == 1 and pair.terminal.received() == []
    assert [h["sequence"] for h in pair.terminal.status().held] == [3]

    back = pair.platform.import_incoming()
    assert back.count("nack_received") == 1 and back.resent == 2
    report = pair.terminal.import_incoming()
    assert [(o.action, o.sequence) for o in report.outcomes] == [("applied", 1), ("applied", 2), ("applied", 3)]
    tags = [json.loads(pair.terminal.blob_path(r["digest"]).read_text())["tag"]
            for r in pair.terminal.received() if r["path"] == "case.json"]
    assert tags == ["a", "b", "c"]
    assert pair.terminal.status().held == []
    pair.platform.import_incoming()
    assert pair.platform.status().pending == [] and pair.platform.status().acknowledged == 3


def test_batch_delivered_in_reverse_order_needs_no_nack(pair):
    for tag in "abcd":
        pair.platform.export("terminal-1", small_files(tag))
    for i, p in enumerate(reversed(_inbox(pair))):
        p.rename(p.with_name(f"{i}.zip"))  # names no longer say the order
    report = pair.terminal.import_incoming()
    assert [o.sequence for o in report.outcomes] == [1, 2, 3, 4]
    assert report.nacks_sent == 0 and report.acks_sent == 4


def test_terminal_export_pending_until_acknowledged(pair):
    record = pair.terminal.export("platform", [file_from_path(DOSSIER_PDF, "record/笔录.pdf", "c9"),
                                               file_from_bytes("{}".encode(), "record/笔录.json", "c9")])
    assert [p["package_id"] for p in pair.terminal.status().pending] == [record.package_id]
    collected = pair.platform.import_incoming()
    assert collected.count("applied") == 1 and collected.acks_sent == 1
    got = {r["path"]: r for r in pair.platform.received()}
    assert pair.platform.blob_path(got["record/笔录.pdf"]["digest"]).read_bytes() == DOSSIER_PDF.read_bytes()
    assert got["record/笔录.pdf"]["case_id"] == "c9"
    pair.terminal.import_incoming()
    assert pair.terminal.status().pending == []
    assert pair.terminal.ledger.outgoing(record.package_id).state == "acknowledged"


def test_key_rotation_by_update_signed_with_the_old_key(pair):
    old_id = pair.platform_keys.key_id
    new = pair.platform.rotate_keys(["terminal-1"])
    pair.platform.export("terminal-1", small_files("after"))
    report = pair.terminal.import_incoming()
    assert [o.action for o in report.outcomes] == ["key_updated", "applied"]
    pinned = {p.key.key_id: p.retired for p in pair.terminal.ledger.pinned_keys("platform")}
    assert pinned == {old_id: True, new.key_id: False}
    # A data package still signed with the old key is now refused.
    from tests.helpers.exchange_builders import package_bytes
    (pair.exchange / "inbox" / "old.zip").write_bytes(
        package_bytes(pair.platform_keys, pair.terminal_keys.public(), sequence=3))
    assert pair.terminal.import_incoming().outcomes[0].reason == "retired_key"
    # The platform gets its acks, signed by the terminal, and decrypts with its new key.
    assert pair.platform.import_incoming().count("ack_received") == 2


def test_terminal_rotation_then_platform_encrypts_to_the_new_key(pair):
    pair.terminal.rotate_keys(["platform"])
    pair.platform.import_incoming()
    pair.platform.export("terminal-1", small_files("x"))
    assert pair.terminal.import_incoming().count("applied") == 1
    assert pair.platform.peer_key("terminal-1").key_id == pair.terminal.keys.key_id != pair.terminal_keys.key_id


def test_failing_applier_rolls_back_and_quarantines(pair):
    pair.platform.export("terminal-1", small_files("a"))

    def broken(package, cancel):
        pair.terminal._store_files(package, cancel)
        raise RuntimeError("disk full")

    pair.terminal.applier = broken
    report = pair.terminal.import_incoming()
    assert report.outcomes[0].reason == "apply_failed" and "disk full" in report.outcomes[0].detail
    assert pair.terminal.received() == [] and pair.terminal.ledger.incoming_list() == []
    assert report.acks_sent == 0


def test_requeued_package_is_checked_again_and_applied_once_the_cause_is_fixed(pair):
    pair.platform.export("terminal-1", small_files("a"))
    healthy = pair.terminal.applier

    def broken(package, cancel):
        raise RuntimeError("disk full")

    pair.terminal.applier = broken
    pair.terminal.import_incoming()
    (quarantined,) = pair.terminal.status().quarantined
    name = quarantined["quarantined_as"]
    assert (pair.exchange / "quarantine" / name).is_file()
    pair.terminal.applier = healthy
    events = []
    pair.terminal.on_event = lambda event, detail: events.append(event)
    assert pair.terminal.requeue_quarantined(name).parent == pair.exchange / "inbox"
    assert pair.terminal.status().quarantined == []
    assert not list((pair.exchange / "quarantine").iterdir())  # reason file gone too
    assert pair.terminal.import_incoming().count("applied") == 1
    assert "exchange.requeued" in events and "exchange.applied" in events
    with pytest.raises(FileNotFoundError):
        pair.terminal.requeue_quarantined(name)
    for bad in ("../inbox/x.zip", "", "notes.txt"):
        with pytest.raises(ValueError):
            pair.terminal.requeue_quarantined(bad)


def test_sender_is_told_about_a_refused_package_and_does_not_resend_it(pair):
    first = pair.platform.export("terminal-1", small_files("a"))
    healthy = pair.terminal.applier

    def broken(package, cancel):
        raise RuntimeError("record refused")

    pair.terminal.applier = broken
    report = pair.terminal.import_incoming()
    assert report.count("quarantined") == 1 and report.nacks_sent == 1
    second = pair.platform.export("terminal-1", small_files("b"))
    pair.terminal.applier = healthy
    assert pair.terminal.import_incoming().count("held") == 1  # waits for #1; nacks it as missing
    pair.platform.import_incoming()
    refused = pair.platform.ledger.outgoing(first.package_id)
    assert refused.state == "rejected" and refused.note == "apply_failed"
    assert not list((pair.exchange / "inbox").glob("*data_00000001*"))  # not sent again unchanged
    # The terminal's IT fixes the cause and retries: both apply, and the platform sees the acks.
    (quarantined,) = pair.terminal.status().quarantined
    pair.terminal.requeue_quarantined(quarantined["quarantined_as"])
    assert pair.terminal.import_incoming().count("applied") == 2
    pair.platform.import_incoming()
    assert pair.platform.ledger.outgoing(first.package_id).state == "acknowledged"
    assert pair.platform.ledger.outgoing(second.package_id).state == "acknowledged"


def test_damage_in_transit_is_not_reported_as_a_refusal(pair):
    pair.platform.export("terminal-1", small_files("a"))
    (package,) = (pair.exchange / "inbox").iterdir()
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0x01  # inside the encrypted payload: signature still good
    package.write_bytes(bytes(data))
    report = pair.terminal.import_incoming()
    assert report.count("quarantined") == 1 and report.nacks_sent == 0
    assert report.outcomes[0].reason in ("payload_mismatch", "decrypt_failed", "file_mismatch", "bad_crc")


def test_cancel_leaves_the_package_claimed_for_the_next_run(pair):
    pair.platform.export("terminal-1", small_files("a"))
    token = CancelToken()

    def cancelling(package, cancel):
        token.cancel()
        cancel.check()

    pair.terminal.applier = cancelling
    with pytest.raises(Cancelled):
        pair.terminal.import_incoming(cancel=token)
    assert len(list((pair.exchange / "processing").glob("*.zip"))) == 1
    pair.terminal.applier = pair.terminal._store_files
    assert pair.terminal.import_incoming().count("applied") == 1


@pytest.mark.parametrize("size", [0, 1, 1023, 1024, 1025, 4096, 5000])
def test_payload_chunk_boundaries(tmp_path, size):
    """Memory ledger node, 1 KiB chunks: sizes around chunk edges survive the round trip."""
    nodes = {}
    for name in ("platform", "terminal-1"):
        ledger = MemoryLedger()
        with ledger.transaction():
            ledger.add_own_key(generate_node_keys(name))
        nodes[name] = ledger
    for a, b in (("platform", "terminal-1"), ("terminal-1", "platform")):
        with nodes[a].transaction():
            nodes[a].pin_key(nodes[b].own_keys()[0].public())
    got = {}

    def keep(package, cancel):
        got.update({s.entry.path: s.read() for s in package.iter_files(cancel)})

    sender = ExchangeNode(ExchangeFolder.platform(tmp_path / "ex", tmp_path / "p"), nodes["platform"], chunk_size=1024)
    receiver = ExchangeNode(ExchangeFolder.terminal(tmp_path / "ex"), nodes["terminal-1"], applier=keep)
    content = os.urandom(size)
    sender.export("terminal-1", [file_from_bytes(content, "a.bin"), file_from_bytes(b"tail", "b.bin")])
    assert receiver.import_incoming().count("applied") == 1
    assert got == {"a.bin": content, "b.bin": b"tail"}


def test_platform_simulator_commands(tmp_path, capsys):
    state, exchange = str(tmp_path / "sim"), str(tmp_path / "ex")
    def run(*args):
        return (platform_sim.main(["--state", state, "--exchange", exchange, *args]),
                json.loads(capsys.readouterr().out or "null"))
    code, info = run("init")
    assert code == 0 and len(info["fingerprint"].split()) == 10
    from engines.exchange.file_node import FileNode
    from engines.exchange.keys import PeerKey
    terminal = FileNode(tmp_path / "term", exchange, role="terminal")
    terminal.ensure_keys("terminal-1")
    terminal.pin(PeerKey.from_json(json.loads((tmp_path / "sim" / "public_key.json").read_text())))
    keyfile = tmp_path / "terminal.json"
    keyfile.write_text(json.dumps(terminal.keys.public().to_json()))
    assert run("pin", str(keyfile))[0] == 0
    code, sent = run("assign", "--to", "terminal-1", "--case-number", "（2024）京0105民初12345号",
                     "--cause", "民间借贷纠纷", "--plaintiff", "张三", "--defendant", "李四",
                     "--dossier", str(DOSSIER_PDF))
    assert code == 0 and sent["sequence"] == 1 and sent["files"] == 2
    assert terminal.import_incoming().count("applied") == 1
    case = json.loads(terminal.blob_path(next(r["digest"] for r in terminal.received()
                                               if r["path"] == "case.json")).read_text(encoding="utf-8"))
    assert case["case_number"] == "（2024）京0105民初12345号" and case["parties"][0]["name"] == "张三"
    code, collected = run("collect")
    assert code == 0 and [o["action"] for o in collected["outcomes"]] == ["ack_received"]
    code, status = run("status")
    assert status["pending"] == [] and status["acknowledged"] == 1
    assert run("assign", "--to", "nobody", "--case-number", "x")[0] == 2
    terminal.close()
    assert to_jsonable(status)["node"] == "platform"


def test_one_importer_or_exporter_at_a_time(pair):
    from engines.common import EngineError

    pair.platform.export("terminal-1", small_files("a"))
    pair.terminal.lock_wait = 0.0
    with pair.terminal.folder.lock():
        with pytest.raises(EngineError, match="另一个导入或导出"):
            pair.terminal.import_incoming()
        with pytest.raises(EngineError):
            pair.terminal.export("platform", small_files("b"))
    assert list((pair.exchange / "inbox").glob("*.zip"))  # untouched while locked
    assert pair.terminal.import_incoming().count("applied") == 1


def test_nack_is_repeated_while_the_gap_stays_open(pair, tmp_path):
    for tag in "ab":
        pair.platform.export("terminal-1", small_files(tag))
    first = _inbox(pair)[0]
    first.rename(tmp_path / first.name)  # lost, and so will be the first nack
    assert pair.terminal.import_incoming().nacks_sent == 1
    assert pair.terminal.import_incoming().nacks_sent == 0  # too soon to ask again
    pair.terminal.nack_interval = 0
    assert pair.terminal.import_incoming().nacks_sent == 1
    lost = list((pair.exchange / "outbox").glob("*.zip"))
    assert lost, "nothing was sent to lose"
    for p in lost:
        p.unlink()  # the gateway lost everything so far
    pair.terminal.import_incoming()
    assert pair.platform.import_incoming().resent == 1
    assert [o.sequence for o in pair.terminal.import_incoming().outcomes if o.action == "applied"] == [1, 2]


def test_unacknowledged_package_is_published_again(pair):
    record = pair.platform.export("terminal-1", small_files("a"))
    for p in _inbox(pair):
        p.unlink()  # lost on the way, and it was the last one: no gap will ever show
    assert pair.platform.recover()["resent"] == 0  # not yet stale
    pair.platform.resend_after = 0
    assert pair.platform.recover()["resent"] == 1
    assert pair.terminal.import_incoming().count("applied") == 1
    pair.platform.resend_after = 3600
    pair.platform.import_incoming()
    assert pair.platform.ledger.outgoing(record.package_id).state == "acknowledged"
    assert pair.platform.recover()["resent"] == 0


def test_file_still_being_copied_waits_for_the_next_scan(pair):
    pair.platform.export("terminal-1", small_files("a"))
    (complete,) = _inbox(pair)
    data = complete.read_bytes()
    complete.write_bytes(data[: len(data) // 2])  # the gateway has copied half so far
    pair.terminal.settle_seconds = 60
    report = pair.terminal.import_incoming()
    assert [(o.action, o.reason) for o in report.outcomes] == [("not_ready", "not_a_package")]
    assert _inbox(pair) == [complete] and not list((pair.exchange / "quarantine").iterdir())
    complete.write_bytes(data)  # copy finished
    assert pair.terminal.import_incoming().count("applied") == 1
    # A file that stays broken is quarantined once it is old enough.
    (pair.exchange / "inbox" / "broken.zip").write_bytes(b"PK\x03\x04 cut")
    assert pair.terminal.import_incoming().outcomes[0].action == "not_ready"
    pair.terminal.settle_seconds = 0
    assert pair.terminal.import_incoming().outcomes[0].reason == "not_a_package"


def test_stager_runs_outside_the_transaction_and_applier_gets_its_result(tmp_path):
    ledgers = {}
    for name in ("platform", "terminal-1"):
        ledger = MemoryLedger()
        with ledger.transaction():
            ledger.add_own_key(generate_node_keys(name))
        ledgers[name] = ledger
    for a, b in (("platform", "terminal-1"), ("terminal-1", "platform")):
        with ledgers[a].transaction():
            ledgers[a].pin_key(ledgers[b].own_keys()[0].public())
    seen = {}

    def stage(package, cancel):
        seen["stage_in_txn"] = ledgers["terminal-1"]._depth > 0
        return {s.entry.path: s.read() for s in package.iter_files(cancel)}

    def apply(package, cancel):
        seen["apply_in_txn"] = ledgers["terminal-1"]._depth > 0
        seen["staged"] = package.staged

    sender = ExchangeNode(ExchangeFolder.platform(tmp_path / "ex", tmp_path / "p"), ledgers["platform"])
    receiver = ExchangeNode(ExchangeFolder.terminal(tmp_path / "ex"), ledgers["terminal-1"], applier=apply,
                            stager=stage)
    sender.export("terminal-1", [file_from_bytes(b"content", "a.bin")])
    assert receiver.import_incoming().count("applied") == 1
    assert seen == {"stage_in_txn": False, "apply_in_txn": True, "staged": {"a.bin": b"content"}}
