"""``trial-assistant exchange ...`` against a real store and the platform simulator."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli.main import run
from engines.exchange import platform_sim
from tests.helpers.exchange_builders import DOSSIER_PDF
from tests.helpers.stores import IT_PASSWORD, JUDGE_PASSWORD, create_sample_case, make_store

ROOT = Path(__file__).resolve().parents[3]


def _cli(capsys, *args, user="it", password=IT_PASSWORD):
    os.environ["EXCHANGE_TEST_PW"] = password
    code = run(["exchange", *args, "--user", user, "--password-env", "EXCHANGE_TEST_PW", "--json"])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if out.out.strip() else None), out.err


def _sim(capsys, state, exchange, *args):
    assert platform_sim.main(["--state", str(state), "--exchange", str(exchange), *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_round_trip_with_the_simulator(tmp_path, capsys):
    fx = make_store(tmp_path)
    data, exchange, sim = str(fx.data_dir), tmp_path / "exchange", tmp_path / "sim"
    info = _sim(capsys, sim, exchange, "init")
    code, pinned, _ = _cli(capsys, "pin", info["public_key_file"], "--fingerprint", info["fingerprint"],
                           "--data", data, "--exchange", str(exchange))
    assert code == 0 and pinned["node"] == "platform"
    code, key, _ = _cli(capsys, "key", "--out", str(tmp_path / "terminal.json"), "--data", data)
    assert code == 0 and key["node"].startswith("terminal-")
    _sim(capsys, sim, exchange, "pin", str(tmp_path / "terminal.json"))
    sent = _sim(capsys, sim, exchange, "assign", "--to", key["node"], "--case-number", "（2024）京0105民初12345号",
                "--filing-date", "2024-03-05", "--cause", "民间借贷纠纷", "--plaintiff", "张三",
                "--defendant", "某某有限公司", "--judge", "judge", "--clerk", "clerk", "--dossier", str(DOSSIER_PDF))
    code, imported, _ = _cli(capsys, "import", "--data", data, "--exchange", str(exchange))
    assert code == 0 and [o["action"] for o in imported["outcomes"]] == ["applied"]
    assert imported["outcomes"][0]["package_id"] == sent["package_id"]
    code, exported, _ = _cli(capsys, "export", "--case", "1", "--data", data, "--exchange", str(exchange),
                             user="judge", password=JUDGE_PASSWORD)
    assert code == 0 and exported["exported"][0]["sequence"] == 1
    collected = _sim(capsys, sim, exchange, "collect")
    assert sorted(o["action"] for o in collected["outcomes"]) == ["ack_received", "applied"]
    code, status, _ = _cli(capsys, "status", "--data", data, "--exchange", str(exchange))
    assert code == 0 and status["waiting_incoming"] == 1 and len(status["pending"]) == 1
    code, imported, _ = _cli(capsys, "import", "--data", data, "--exchange", str(exchange))
    code, status, _ = _cli(capsys, "status", "--data", data, "--exchange", str(exchange))
    assert status["pending"] == [] and status["acknowledged"] == 1 and status["applied"] == 1
    code, rotated, _ = _cli(capsys, "rotate-key", "--data", data, "--exchange", str(exchange))
    assert code == 0 and rotated["key_id"] != key["key_id"] and rotated["node"] == key["node"]
    collected = _sim(capsys, sim, exchange, "collect")
    assert [o["action"] for o in collected["outcomes"]] == ["key_updated"]
    _sim(capsys, sim, exchange, "assign", "--to", key["node"], "--case-id", sent["case_id"], "--case-number",
         "（2024）京0105民初12345号", "--filing-date", "2024-03-05", "--cause", "民间借贷纠纷", "--claims", "新的诉讼请求",
         "--plaintiff", "张三", "--defendant", "某某有限公司", "--judge", "judge", "--clerk", "clerk")
    code, imported, _ = _cli(capsys, "import", "--data", data, "--exchange", str(exchange))
    assert [o["action"] for o in imported["outcomes"]] == ["ack_received", "applied"]  # encrypted to the new key


def test_cli_errors_are_clear(tmp_path, capsys):
    fx = make_store(tmp_path)
    case_id = create_sample_case(fx)
    code, out, err = _cli(capsys, "export", "--case", str(case_id), "--data", str(fx.data_dir), "--exchange",
                          str(tmp_path / "ex"), user="judge", password=JUDGE_PASSWORD)
    assert code == 2 and "平台公钥" in out["error"]
    code, out, err = _cli(capsys, "export", "--case", "99", "--data", str(fx.data_dir), "--exchange",
                          str(tmp_path / "ex"), user="judge", password=JUDGE_PASSWORD)
    assert code == 2 and "案件不存在" in err
    code, out, err = _cli(capsys, "status", "--data", str(fx.data_dir))
    assert code == 2 and "交换目录" in err
    code, out, err = _cli(capsys, "pin", str(tmp_path / "missing.json"), "--data", str(fx.data_dir),
                          user="judge", password=JUDGE_PASSWORD)
    assert code == 6 and "无权" in err  # app.cli.exit_codes.DENIED


def test_cli_entry_point_help():
    proc = subprocess.run([sys.executable, "-m", "app", "exchange", "status", "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert proc.returncode == 0 and "--exchange" in proc.stdout


def test_package_that_arrived_before_the_key_was_pinned_is_retried(tmp_path, capsys):
    fx = make_store(tmp_path)
    data, exchange, sim = str(fx.data_dir), tmp_path / "exchange", tmp_path / "sim"
    info = _sim(capsys, sim, exchange, "init")
    code, key, _ = _cli(capsys, "key", "--out", str(tmp_path / "terminal.json"), "--data", data)
    _sim(capsys, sim, exchange, "pin", str(tmp_path / "terminal.json"))
    _sim(capsys, sim, exchange, "assign", "--to", key["node"], "--case-number", "（2024）京0105民初12345号",
         "--filing-date", "2024-03-05", "--cause", "民间借贷纠纷", "--plaintiff", "张三",
         "--defendant", "某某有限公司", "--judge", "judge", "--clerk", "clerk")
    code, imported, _ = _cli(capsys, "import", "--data", data, "--exchange", str(exchange))
    assert [o["action"] for o in imported["outcomes"]] == ["quarantined"]  # signer not pinned yet
    assert code == 8  # app.cli.exit_codes.QUARANTINED
    _cli(capsys, "pin", info["public_key_file"], "--fingerprint", info["fingerprint"],
         "--data", data, "--exchange", str(exchange))
    os.environ["EXCHANGE_TEST_PW"] = IT_PASSWORD
    assert run(["exchange", "status", "--data", data, "--exchange", str(exchange), "--user", "it",
                "--password-env", "EXCHANGE_TEST_PW"]) == 0
    text = capsys.readouterr().out
    (line,) = [row for row in text.splitlines() if "quarantined:" in row]
    name = line.split("quarantined:")[1].split()[0]
    code, retried, _ = _cli(capsys, "retry", name, "--data", data, "--exchange", str(exchange))
    assert code == 0 and [o["action"] for o in retried["outcomes"]] == ["applied"]
    code, out, err = _cli(capsys, "retry", name, "--data", data, "--exchange", str(exchange))
    assert code == 2 and "隔离区中没有这个交换包" in err
