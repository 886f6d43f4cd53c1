"""With the language setting on English the command line's error lines are English throughout:
the boundary's category and the service's, store's or keyring's own message."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from app.cli import exit_codes
from tests.helpers.stores import JUDGE_PASSWORD

ROOT = Path(__file__).resolve().parents[3]


def _verify(fx, tmp_path, user, password):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PW=password, TRIAL_ASSISTANT_LOG_DIR=str(tmp_path / "logs"),
               TRIAL_ASSISTANT_CONFIG=str(tmp_path / "config"))
    proc = subprocess.run([sys.executable, "-m", "app", "audit", "verify", "--data", str(fx.data_dir), "--user", user,
                           "--password-env", "PW"], cwd=ROOT, capture_output=True, text=True, timeout=180, env=env,
                          stdin=subprocess.DEVNULL)
    assert "Traceback" not in proc.stderr + proc.stdout, proc.stderr
    return proc


def test_english_setting_gives_english_messages(fx, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")
    proc = _verify(fx, tmp_path, "judge", "Wrong-pass-1")
    assert proc.returncode == exit_codes.AUTH
    assert "authentication failed: Wrong user name or password" in proc.stderr
    proc = _verify(fx, tmp_path, "judge", JUDGE_PASSWORD)
    assert proc.returncode == exit_codes.DENIED and "A judge may not view the audit log" in proc.stderr
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in proc.stderr)
