"""Exchange service on a real encrypted store against the platform simulator's node."""
from __future__ import annotations

import json

import pytest

from app.security.roles import PermissionDenied
from app.services.cases import CaseService
from app.services.exchange import ExchangeService
from app.store.errors import NotFoundError
from engines.exchange.file_node import FileNode
from engines.exchange.package_reader import open_package
from tests.helpers.exchange_builders import DOSSIER_PDF
from tests.helpers.exchange_world import assign_case, make_world
from tests.helpers.stores import make_store


CASE = {"case_id": "P-2024-0001", "case_number": "（2024）京0105民初777号", "cause": "民间借贷纠纷",
        "procedure": "普通", "filing_date": "2024-03-05", "claims": "归还借款五万元", "status": "审理中",
        "parties": [{"role": "原告", "name": "张三", "kind": "自然人"},
                    {"role": "被告", "name": "北京某某有限公司", "kind": "法人"}],
        "judge": "judge", "clerk": "clerk"}


@pytest.fixture
def world(tmp_path):
    """Store with users, a platform node, keys pinned both ways (IT pins the platform key)."""
    fx, platform, exchange = make_world(tmp_path)
    yield fx, platform, exchange
    platform.close()


def test_assignment_creates_case_with_dossier_and_acks(world):
    fx, platform, exchange = world
    assign_case(platform, CASE, [DOSSIER_PDF])
    it = fx.it()
    report = ExchangeService(it).import_now(exchange)
    assert [o.action for o in report.outcomes] == ["applied"] and report.acks_sent == 1
    actions = [r["action"] for r in it.store.query("SELECT action FROM audit_log ORDER BY id")]
    assert "exchange.applied" in actions and "exchange.case_applied" in actions
    it.store.close()
    judge = fx.judge()
    cases = CaseService(judge).list_cases()
    assert [c.case_number for c in cases] == ["（2024）京0105民初777号"]
    detail = CaseService(judge).get_case(cases[0].id)
    assert [p.name for p in detail.party_list] == ["张三", "北京某某有限公司"] and detail.claims == "归还借款五万元"
    files = judge.store.query("SELECT blob_sha256, name FROM dossier_files WHERE case_id=?", (cases[0].id,))
    assert [f["name"] for f in files] == ["dossier_page.pdf"]
    assert judge.store.blobs.read_bytes(files[0]["blob_sha256"]) == DOSSIER_PDF.read_bytes()
    judge.store.close()
    assert platform.import_incoming().count("ack_received") == 1
    assert platform.status().pending == []


def test_platform_update_applies_unchanged_fields_and_keeps_conflicts(world):
    fx, platform, exchange = world
    assign_case(platform, CASE)
    it = fx.it()
    ExchangeService(it).import_now(exchange)
    it.store.close()
    clerk = fx.clerk()
    cases = CaseService(clerk)
    case_id = cases.list_cases()[0].id
    detail = cases.get_case(case_id)
    from tests.helpers.stores import sample_case
    edit = sample_case(detail.judge_id, detail.clerk_id, number=detail.case_number)
    edit.cause, edit.claims = "借款合同纠纷", detail.claims
    edit.parties = [p for p in detail.party_list]
    cases.update_case(case_id, edit, detail.version)  # local change of the cause
    clerk.store.close()
    assign_case(platform, CASE | {"cause": "金融借款合同纠纷", "claims": "归还借款六万元"})
    it = fx.it()
    ExchangeService(it).import_now(exchange)
    it.store.close()
    judge = fx.judge()
    service = ExchangeService(judge)
    detail = CaseService(judge).get_case(case_id)
    assert detail.claims == "归还借款六万元"  # changed only by the platform: applied
    assert detail.cause == "借款合同纠纷"  # changed on both sides: local value kept
    (conflict,) = service.conflicts(case_id)
    assert (conflict.field, conflict.local_value, conflict.platform_value) == ("cause", "借款合同纠纷", "金融借款合同纠纷")
    service.resolve_conflict(conflict.id, "platform")
    assert CaseService(judge).get_case(case_id).cause == "金融借款合同纠纷"
    assert service.conflicts() == []
    judge.store.close()


def test_judge_exports_case_platform_verifies_and_acknowledges(world):
    fx, platform, exchange = world
    assign_case(platform, CASE, [DOSSIER_PDF])
    it = fx.it()
    ExchangeService(it).import_now(exchange)
    it.store.close()
    judge = fx.judge()
    service = ExchangeService(judge)
    case_id = CaseService(judge).list_cases()[0].id
    sent = service.export_case(case_id, exchange)
    assert sent["sequence"] == 1 and [p["package_id"] for p in service.status(exchange)["pending"]] == [sent["package_id"]]
    hashes = {r["hash"] for r in judge.store.query("SELECT hash FROM audit_log")}
    judge.store.close()
    report = platform.import_incoming()
    assert report.count("applied") == 1
    got = {r["path"]: r for r in platform.received() if r["package_id"] == sent["package_id"]}
    record = json.loads(platform.blob_path(got["case.json"]["digest"]).read_text(encoding="utf-8"))
    assert record["case_id"] == "P-2024-0001" and record["cause"] == "民间借贷纠纷"
    assert platform.blob_path(got["dossier/00001.pdf"]["digest"]).read_bytes() == DOSSIER_PDF.read_bytes()
    archived = next(p for p in platform.folder.archive_in.glob("*.zip") if sent["package_id"] in p.name)
    with open_package(archived, platform.ledger.own_keys(), platform.ledger) as pkg:
        assert pkg.manifest.audit_head in hashes  # the platform now holds an outside anchor of the audit trail
    judge = fx.judge()
    service = ExchangeService(judge)
    service.import_now(exchange)
    assert service.status(exchange)["pending"] == [] and service.status(exchange)["acknowledged"] == 1
    assert service.export_pending(exchange) == []  # nothing changed since
    judge.store.close()


def test_roles(world):
    fx, platform, exchange = world
    it = fx.it()
    with pytest.raises(PermissionDenied):
        ExchangeService(it).export_case(1, exchange)
    it.store.close()
    judge = fx.judge()
    with pytest.raises(PermissionDenied):
        ExchangeService(judge).pin_platform_key(platform.keys.public().to_json())
    judge.store.close()


def test_bad_case_record_is_quarantined_nothing_applied(world):
    fx, platform, exchange = world
    assign_case(platform, CASE | {"case_number": "not a case number"})
    it = fx.it()
    service = ExchangeService(it)
    report = service.import_now(exchange)
    assert report.outcomes[0].reason == "apply_failed"
    assert it.store.query("SELECT count(*) AS n FROM cases")[0]["n"] == 0
    assert it.store.query("SELECT count(*) AS n FROM exchange_incoming")[0]["n"] == 0
    assert it.store.query("SELECT count(*) AS n FROM audit_log WHERE action='exchange.quarantined'")[0]["n"] == 1
    assert service.status(exchange)["quarantined"][0]["reason"] == "apply_failed"
    assert it.store.database.integrity_check() == []
    it.store.close()


def test_platform_key_from_policy_file_and_fingerprint(tmp_path):
    from tests.helpers.stores import settings_for

    fx = make_store(tmp_path)
    platform = FileNode(tmp_path / "platform", tmp_path / "exchange", role="platform")
    platform.ensure_keys("platform")
    key_file = tmp_path / "platform_key.json"
    key_file.write_text(json.dumps(platform.keys.public().to_json()), encoding="utf-8")
    ctx = fx.it()
    ctx.settings = settings_for(tmp_path / "p1", PLATFORMKEY=str(key_file))
    service = ExchangeService(ctx)
    assert service.platform_node() == "platform"  # pinned from policy on first use
    assert ctx.store.query("SELECT count(*) AS n FROM audit_log WHERE action='exchange.platform_key_pinned'")[0]["n"] == 1
    other = FileNode(tmp_path / "other", tmp_path / "exchange", role="platform")
    other.ensure_keys("platform")
    ctx.settings = settings_for(tmp_path / "p2", PLATFORMKEY=platform.keys.key_id)
    with pytest.raises(Exception, match="指纹"):
        ExchangeService(ctx).pin_platform_key(other.keys.public().to_json())  # policy fingerprint must match
    ctx.store.close()
    platform.close()
    other.close()


def test_export_carries_the_catalogue_and_hearing_records(world):
    fx, platform, exchange = world
    assign_case(platform, CASE, [DOSSIER_PDF])
    it = fx.it()
    ExchangeService(it).import_now(exchange)
    it.store.close()
    judge = fx.judge()
    case_id = CaseService(judge).list_cases()[0].id
    with judge.store.write() as db:
        db.execute("INSERT INTO dossier_documents (case_id, category, title, start_page, end_page, position)"
                   " VALUES (?, '起诉状', '民事起诉状', 1, 3, 1)", (case_id,))
        hearing = db.execute("INSERT INTO hearings (case_id, title, started_at) VALUES (?, '第一次开庭', "
                             "'2024-04-01 09:00')", (case_id,)).lastrowid
        db.execute("INSERT INTO hearing_segments (hearing_id, position, start, end, speaker, text)"
                   " VALUES (?, 0, 0.0, 2.5, '审判长', '现在开庭。')", (hearing,))
    sent = ExchangeService(judge).export_case(case_id, exchange)
    judge.store.close()
    platform.import_incoming()
    got = {r["path"]: r for r in platform.received() if r["package_id"] == sent["package_id"]}
    read = lambda path: json.loads(platform.blob_path(got[path]["digest"]).read_text(encoding="utf-8"))  # noqa: E731
    assert read("catalogue.json") == {
        "files": [{"file": "dossier/00001.pdf", "name": "dossier_page.pdf", "pages": 0}],
        "documents": [{"category": "起诉状", "title": "民事起诉状", "start_page": 1, "end_page": 3}]}
    record = read(f"hearings/{hearing:05d}.json")
    assert record["title"] == "第一次开庭"
    assert record["segments"] == [{"start": 0.0, "end": 2.5, "speaker": "审判长", "text": "现在开庭。",
                                   "confidence": 0.0, "edited": 0}]
    assert platform.blob_path(got["dossier/00001.pdf"]["digest"]).read_bytes() == DOSSIER_PDF.read_bytes()

def test_platform_reassignment_gives_the_new_clerk_the_case(world):
    fx, platform, exchange = world
    assign_case(platform, CASE | {"clerk": ""})
    it = fx.it()
    ExchangeService(it).import_now(exchange)
    it.store.close()
    clerk = fx.clerk()
    assert CaseService(clerk).list_cases() == []
    clerk.store.close()
    assign_case(platform, CASE)  # the platform now names the clerk
    it = fx.it()
    ExchangeService(it).import_now(exchange)
    it.store.close()
    clerk = fx.clerk()
    assert [c.case_number for c in CaseService(clerk).list_cases()] == ["（2024）京0105民初777号"]
    clerk.store.close()


def test_package_over_the_policy_size_cap_is_quarantined_unread(world, tmp_path):
    import os

    from tests.helpers.stores import settings_for

    fx, platform, exchange = world
    big = tmp_path / "scan.pdf"
    big.write_bytes(b"%PDF-1.4\n" + os.urandom(3 << 20))  # does not compress
    assign_case(platform, CASE, [big])
    it = fx.it()
    it.settings = settings_for(tmp_path / "policy", EXCHANGEMAXMB="2")
    service = ExchangeService(it)
    assert service.limits().max_package_bytes == 2 << 20
    report = service.import_now(exchange)
    assert [o.reason for o in report.outcomes] == ["too_large"]
    assert it.store.query("SELECT count(*) AS n FROM cases")[0]["n"] == 0
    assert service.status(exchange)["quarantined"][0]["reason"] == "too_large"
    # The next package waits for the refused one (sequence gap) ...
    assign_case(platform, CASE | {"case_id": "P-2024-0002", "case_number": "（2024）京0105民初778号"})
    assert [o.action for o in service.import_now(exchange).outcomes] == ["held"]
    # ... until IT raises the cap and retries the quarantined package: both apply, in order.
    it.settings = settings_for(tmp_path / "policy-default")
    name = service.status(exchange)["quarantined"][0]["quarantined_as"]
    report = service.retry_quarantined(name, exchange)
    assert [o.action for o in report.outcomes] == ["applied", "applied"]
    assert service.status(exchange)["quarantined"] == [] and service.status(exchange)["held"] == []
    numbers = [r["case_number"] for r in it.store.query("SELECT case_number FROM cases ORDER BY id")]
    assert numbers == ["（2024）京0105民初777号", "（2024）京0105民初778号"]
    assert it.store.query("SELECT count(*) AS n FROM audit_log WHERE action='exchange.requeued'")[0]["n"] == 1
    with pytest.raises(NotFoundError):
        service.retry_quarantined(name, exchange)
    with pytest.raises(NotFoundError):
        service.retry_quarantined("../store.db", exchange)
    it.store.close()


def test_an_undecodable_inbox_name_is_quarantined_audited_and_the_batch_goes_on(world):
    import os
    import sys

    if sys.platform == "win32":
        pytest.skip("Windows file names are always Unicode")
    fx, platform, exchange = world
    assign_case(platform, CASE, [DOSSIER_PDF])
    inbox = next(p for p in exchange.iterdir() if p.is_dir() and list(p.glob("*.zip")))
    with open(os.path.join(os.fsencode(inbox), b"\xc3\x28-bad.zip"), "wb") as fh:
        fh.write(b"PK\x03\x04 not really")
    it = fx.it()
    try:
        report = ExchangeService(it).import_now(exchange)
        rows = it.store.query("SELECT detail FROM audit_log WHERE action='exchange.quarantined'")
    finally:
        it.store.close()
    assert sorted(o.action for o in report.outcomes) == ["applied", "quarantined"]
    (row,) = rows
    detail = json.loads(row["detail"])
    assert detail["reason"] == "bad_name" and bytes.fromhex(detail["original_name_hex"]) == b"\xc3\x28-bad.zip"
