"""``trial-assistant policy show``: effective settings, their source, ignored policy entries."""
from __future__ import annotations

import argparse
import json

from app.cli import policy_cmd


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    policy_cmd.register(parser.add_subparsers())
    args = parser.parse_args(["policy", *argv])
    return args.func(args)


def test_sources_locks_and_ignored_entries(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(json.dumps({"deadline_warning_days": 20, "court_code": "京0105"}),
                                                       encoding="utf-8")
    policy = tmp_path / "policy.json"
    policy.write_text(json.dumps({"COURTNAME": "北京市朝阳区人民法院", "AUTOLOCKMINUTES": "0",
                                  "COURTNAMES": "typo", "courtcode": "京0106"}, ensure_ascii=False), encoding="utf-8")
    assert _run(["show", "--policy-file", str(policy), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    rows = {r["name"]: r for r in report["settings"]}
    assert report["policy_source"] == str(policy)
    assert rows["court_name"] == {**rows["court_name"], "value": "北京市朝阳区人民法院", "source": "policy", "locked": True}
    assert rows["court_code"]["value"] == "京0106" and rows["court_code"]["source"] == "policy"
    assert rows["deadline_warning_days"]["value"] == 20 and rows["deadline_warning_days"]["source"] == "user"
    assert rows["autolock_minutes"]["value"] == 10 and rows["autolock_minutes"]["source"] == "default"
    assert rows["autolock_minutes"]["locked"]  # the app locks it even though the value is ignored
    problems = {p["policy_name"]: p["problem"] for p in report["problems"]}
    assert set(problems) == {"COURTNAMES", "AUTOLOCKMINUTES"}
    assert "unknown" in problems["COURTNAMES"] and "invalid" in problems["AUTOLOCKMINUTES"]


def test_clean_policy_exits_zero_and_prints_a_table(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TRIAL_ASSISTANT_CONFIG", str(tmp_path / "config"))
    monkeypatch.setenv("TRIAL_ASSISTANT_POLICY", str(tmp_path / "machine.json"))
    (tmp_path / "machine.json").write_text('{"AUTOLOCKMINUTES": "5"}', encoding="utf-8")
    assert _run(["show"]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "machine.json") in out
    line = next(row for row in out.splitlines() if "AUTOLOCKMINUTES" in row)
    assert "5" in line and "policy" in line and "locked" in line
