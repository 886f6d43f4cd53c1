"""Platform updates both ways on a real store: templates, catalogue rules and policy from the
platform are checked and installed; hearing records go to the platform with their 笔录 .docx."""
from __future__ import annotations

import io
import json
from decimal import Decimal

import docx
import pytest

from app.services.cases import CaseService
from app.services.cataloguing import CataloguingService
from app.services.drafting import DraftingService, DraftOptions
from app.services.exchange import ExchangeService
from app.settings import Settings
from engines.cataloguing.rules import DEFAULT_RULES
from engines.drafting.fill import DEFAULT_TEMPLATES_DIR
from engines.exchange import platform_sim
from engines.exchange.platform_sim import case_assignment_files, platform_update_files
from tests.helpers.exchange_world import make_world, terminal_node

CASE = {"case_id": "P-2024-0009", "case_number": "（2024）京0105民初778号", "cause": "民间借贷纠纷",
        "procedure": "普通", "filing_date": "2024-03-05", "claims": "归还借款五万元", "status": "审理中",
        "parties": [{"role": "原告", "name": "张三", "kind": "自然人"},
                    {"role": "被告", "name": "北京某某有限公司", "kind": "法人"}],
        "judge": "judge", "clerk": "clerk"}
JUDGMENT = "民事判决书_普通程序"
OPTIONS = DraftOptions(fee=Decimal(1050), fee_borne_by="被告北京某某有限公司", appeal_court="北京市第三中级人民法院")


@pytest.fixture
def world(tmp_path):
    """Store with users, a platform node, keys pinned both ways."""
    fx, platform, exchange = make_world(tmp_path)
    yield fx, platform, exchange
    platform.close()


def _send(platform, files):
    return platform.export(terminal_node(platform), files)


def _import(fx, exchange):
    it = fx.it()
    try:
        report = ExchangeService(it).import_now(exchange)
        actions = [r["action"] for r in it.store.query("SELECT action FROM audit_log ORDER BY id")]
        return report, actions, it.settings
    finally:
        it.store.close()


def _template(tmp_path, name: str, extra: str) -> object:
    """The bundled judgment template with one more paragraph, saved as ``<name>.docx``."""
    document = docx.Document(str(DEFAULT_TEMPLATES_DIR / f"{JUDGMENT}.docx"))
    document.add_paragraph(extra)
    path = tmp_path / "upload" / f"{name}.docx"
    path.parent.mkdir(exist_ok=True)
    document.save(str(path))
    return path


def test_template_is_installed_and_preferred_by_the_drafting_service(world, tmp_path):
    fx, platform, exchange = world
    _send(platform, case_assignment_files(CASE, []))
    _send(platform, platform_update_files([_template(tmp_path, JUDGMENT, "本院特制模板：{{case_number}}")]))
    report, actions, _ = _import(fx, exchange)
    assert [o.action for o in report.outcomes] == ["applied", "applied"] and report.acks_sent == 2
    assert "exchange.template_installed" in actions
    installed = fx.data_dir / "templates" / f"{JUDGMENT}.docx"
    assert installed.is_file() and not list(installed.parent.glob(".*.part"))
    judge = fx.judge()
    try:
        service = DraftingService(judge)
        listed = {t["name"]: t["path"] for t in service.templates()}
        assert listed[JUDGMENT] == str(installed) and "传票" in listed  # bundled ones not replaced stay
        case_id = CaseService(judge).list_cases()[0].id
        draft = service.create_draft(case_id, JUDGMENT, OPTIONS)
        assert draft.template == JUDGMENT
        assert "本院特制模板：（2024）京0105民初778号" in service.paragraphs(draft.id)
    finally:
        judge.store.close()
    assert platform.import_incoming().count("ack_received") == 2


def test_bad_template_is_refused_with_a_reason_and_not_used(world, tmp_path):
    fx, platform, exchange = world
    bad = _template(tmp_path, JUDGMENT, "{{no_such_field}}")
    junk = tmp_path / "upload" / "传票.docx"
    junk.write_bytes(b"not a word document")
    _send(platform, platform_update_files([bad, junk]))
    report, actions, _ = _import(fx, exchange)
    # The package is applied (the channel goes on); the two templates are refused, not installed.
    assert [o.action for o in report.outcomes] == ["applied"]
    assert actions.count("exchange.template_refused") == 2 and "exchange.template_installed" not in actions
    assert not list((fx.data_dir / "templates").glob("*.docx"))
    reasons = {json.loads(p.read_text(encoding="utf-8"))["file"]: json.loads(p.read_text(encoding="utf-8"))["reason"]
               for p in (fx.data_dir / "templates" / "refused").glob("*.reason.json")}
    assert "{{no_such_field}}" in reasons[f"{JUDGMENT}.docx"] and "未知字段" in reasons[f"{JUDGMENT}.docx"]
    assert "不是有效的Word文档" in reasons["传票.docx"]
    it = fx.it()
    try:
        status = ExchangeService(it).status(exchange)["platform_updates"]
        assert status["templates"] == [] and {r["file"] for r in status["refused"]} == set(reasons)
        audit = it.store.query("SELECT detail FROM audit_log WHERE action='exchange.template_refused'")
        assert any("no_such_field" in r["detail"] for r in audit)
    finally:
        it.store.close()
    judge = fx.judge()
    try:  # drafting still uses the bundled template
        assert {t["name"]: t["path"] for t in DraftingService(judge).templates()}[JUDGMENT] == str(
            DEFAULT_TEMPLATES_DIR / f"{JUDGMENT}.docx")
    finally:
        judge.store.close()
    # A good version later replaces the refusal.
    _send(platform, platform_update_files([_template(tmp_path, JUDGMENT, "更正后的模板")]))
    _import(fx, exchange)
    assert (fx.data_dir / "templates" / f"{JUDGMENT}.docx").is_file()
    assert not (fx.data_dir / "templates" / "refused" / f"{JUDGMENT}.docx.reason.json").exists()


def test_rule_file_is_installed_and_used_by_cataloguing(world, tmp_path):
    fx, platform, exchange = world
    _send(platform, case_assignment_files(CASE, []))
    rules = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    for c in rules["categories"]:
        if c["label"] == "送达回证":
            c["order"] = 3.5
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    _send(platform, platform_update_files(rules=path))
    report, actions, _ = _import(fx, exchange)
    assert [o.action for o in report.outcomes] == ["applied", "applied"] and "exchange.rules_installed" in actions
    clerk = fx.clerk()
    try:
        labels = CataloguingService(clerk).categories()
        assert labels.index("送达回证") == labels.index("起诉状") + 1
    finally:
        clerk.store.close()
    # A rule file of the wrong shape is refused; the installed one stays.
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"categories": [{"label": "起诉状"}]}, ensure_ascii=False), encoding="utf-8")
    _send(platform, platform_update_files(rules=broken))
    report, actions, _ = _import(fx, exchange)
    assert [o.action for o in report.outcomes] == ["applied"] and "exchange.rules_refused" in actions
    assert json.loads((fx.data_dir / "catalogue" / "categories.json").read_text(encoding="utf-8")) == rules
    reason = json.loads((fx.data_dir / "catalogue" / "refused" / "categories.json.reason.json").read_text("utf-8"))
    assert "code 或 label" in reason["reason"]


def test_rules_take_effect_in_the_importing_session(world, tmp_path):
    fx, platform, exchange = world
    rules = json.loads(DEFAULT_RULES.read_text(encoding="utf-8"))
    rules["categories"] = [c for c in rules["categories"] if c["label"] != "送达回证"]
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules, ensure_ascii=False), encoding="utf-8")
    it = fx.it()
    try:
        assert "送达回证" in it.cataloguing.categories()  # cached service with the bundled rules
        _send(platform, platform_update_files(rules=path))
        ExchangeService(it).import_now(exchange)
        assert "送达回证" not in it.cataloguing.categories()
    finally:
        it.store.close()


def test_policy_layer_applies_but_machine_policy_wins(world, tmp_path):
    fx, platform, exchange = world
    _send(platform, platform_update_files(policy={"autolock_minutes": 7, "deadline_warning_days": "20",
                                                  "data_dir": "/elsewhere", "no_such_setting": 1,
                                                  "lockout_attempts": 999}))
    report, actions, session_settings = _import(fx, exchange)
    assert [o.action for o in report.outcomes] == ["applied"] and "exchange.policy_installed" in actions
    assert session_settings["deadline_warning_days"] == 20  # the importing session sees it at once
    stored = json.loads((fx.data_dir / "platform_policy.json").read_text(encoding="utf-8"))
    assert stored["settings"] == {"autolock_minutes": 7, "deadline_warning_days": 20}
    assert {r["name"] for r in stored["refused"]} == {"data_dir", "no_such_setting", "lockout_attempts"}
    # Machine policy (MSI) sets the auto-lock: it wins over the platform; the rest comes from the platform.
    from app.security.platform_policy import verifier

    settings = Settings(policy={"AUTOLOCKMINUTES": 5}, user_file=tmp_path / "user.json",
                        platform_file=fx.data_dir / "platform_policy.json",
                        platform_verify=verifier(keys=[platform.ledger.own_keys()[0].public()]))
    assert settings["autolock_minutes"] == 5 and settings.source("autolock_minutes") == "policy"
    assert settings["deadline_warning_days"] == 20 and settings.source("deadline_warning_days") == "platform"
    assert settings.is_locked("deadline_warning_days") and settings["data_dir"] == ""
    with pytest.raises(PermissionError):
        settings.set("deadline_warning_days", 30)
    settings.set("inbox_scan_seconds", 120)  # not set by any policy: the user's value
    assert settings.source("inbox_scan_seconds") == "user"
    # Without the layer, behaviour is as before.
    plain = Settings(policy={"AUTOLOCKMINUTES": 5}, user_file=tmp_path / "user2.json")
    assert plain["deadline_warning_days"] == 15 and not plain.is_locked("deadline_warning_days")
    # A later login picks the layer up from the data folder.
    judge = fx.judge()
    try:
        assert judge.settings["autolock_minutes"] == 7 and judge.settings.source("autolock_minutes") == "platform"
        status = ExchangeService(judge).status(exchange)["platform_updates"]
        assert status["policy"]["settings"]["deadline_warning_days"] == 20
    finally:
        judge.store.close()


def test_hearing_record_export_carries_the_record_docx(world):
    fx, platform, exchange = world
    _send(platform, case_assignment_files(CASE, []))
    _import(fx, exchange)
    judge = fx.judge()
    try:
        case_id = CaseService(judge).list_cases()[0].id
        with judge.store.write() as db:
            hearing = db.execute("INSERT INTO hearings (case_id, title, started_at) VALUES (?, '第一次开庭', "
                                 "'2024-04-01 09:00')", (case_id,)).lastrowid
            db.execute("INSERT INTO hearing_segments (hearing_id, position, start, end, speaker, text)"
                       " VALUES (?, 0, 0.0, 2.5, '审判长', '现在开庭。')", (hearing,))
        sent = ExchangeService(judge).export_case(case_id, exchange)
    finally:
        judge.store.close()
    assert not [p for p in (fx.data_dir / "tmp").iterdir()]  # the plaintext export is gone
    assert platform.import_incoming().count("applied") == 1
    got = {r["path"]: r for r in platform.received() if r["package_id"] == sent["package_id"]}
    assert f"hearings/{hearing:05d}.json" in got
    document = docx.Document(io.BytesIO(platform.blob_path(got[f"hearings/{hearing:05d}.docx"]["digest"]).read_bytes()))
    texts = [p.text for p in document.paragraphs]
    assert "庭 审 笔 录" in texts and "案号：（2024）京0105民初778号" in texts
    assert any("审判长：" in t and "现在开庭。" in t for t in texts)


def test_simulator_sends_an_update_from_the_command_line(world, tmp_path, capsys):
    fx, platform, exchange = world
    template = _template(tmp_path, "本院传票", "特制：{{court}}")
    terminal = terminal_node(platform)
    code = platform_sim.main(["--state", str(tmp_path / "platform"), "--exchange", str(exchange), "update",
                              "--to", terminal, "--template", str(template), "--set", "deadline_warning_days=30"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["files"] == 2
    report, _, settings = _import(fx, exchange)
    assert [o.action for o in report.outcomes] == ["applied"]
    assert (fx.data_dir / "templates" / "本院传票.docx").is_file() and settings["deadline_warning_days"] == 30
    assert platform_sim.main(["--state", str(tmp_path / "platform"), "--exchange", str(exchange), "update",
                              "--to", "x"]) == 2


def test_policy_show_lists_the_platform_layer(world, tmp_path, monkeypatch, capsys):
    import argparse

    from app.cli import policy_cmd

    fx, platform, exchange = world
    _send(platform, platform_update_files(policy={"autolock_minutes": 7, "deadline_warning_days": 20}))
    _import(fx, exchange)
    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    machine = tmp_path / "machine-policy.json"
    machine.write_text(json.dumps({"AUTOLOCKMINUTES": 5,  # IT deploys the platform key's fingerprint
                                   "PLATFORMKEY": platform.ledger.own_keys()[0].key_id}), encoding="utf-8")
    parser = argparse.ArgumentParser()
    policy_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["policy", "show", "--policy-file", str(machine), "--data", str(fx.data_dir), "--json"])
    assert args.func(args) == 0
    report = json.loads(capsys.readouterr().out)
    rows = {r["name"]: r for r in report["settings"]}
    assert report["platform_policy"] == str(fx.data_dir / "platform_policy.json")
    assert (rows["autolock_minutes"]["value"], rows["autolock_minutes"]["source"]) == (5, "policy")
    assert rows["deadline_warning_days"] == {**rows["deadline_warning_days"], "value": 20, "source": "platform",
                                             "locked": True}
