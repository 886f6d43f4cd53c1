"""The platform policy layer is used only when its signature verifies against a pinned key."""
from __future__ import annotations

import base64
import json

import pytest

from app.security.platform_policy import machine_verifier, verifier
from app.services import auth
from app.services.exchange import ExchangeService
from app.settings import Settings
from engines.exchange.platform_sim import platform_update_files
from tests.helpers.exchange_world import make_world, terminal_node
from tests.helpers.stores import JUDGE_PASSWORD, settings_for


@pytest.fixture
def installed(tmp_path):
    fx, platform, exchange = make_world(tmp_path)
    platform.export(terminal_node(platform), platform_update_files(policy={"lockout_attempts": 3,
                                                                            "autolock_minutes": 7}))
    it = fx.it()
    try:
        ExchangeService(it).import_now(exchange)
    finally:
        it.store.close()
    yield fx, platform, fx.data_dir / "platform_policy.json"
    platform.close()


def _login_settings(fx, tmp_path, **policy):
    settings = settings_for(tmp_path, **policy)
    ctx = auth.login(fx.data_dir, "judge", JUDGE_PASSWORD, settings)
    ctx.store.close()
    return settings


def test_a_signed_policy_applies_after_unlock(installed, tmp_path):
    fx, platform, path = installed
    assert "proof" in json.loads(path.read_text(encoding="utf-8"))
    settings = _login_settings(fx, tmp_path)
    assert settings["autolock_minutes"] == 7 and settings.source("autolock_minutes") == "platform"


def test_before_unlock_only_a_key_named_by_machine_policy_vouches(installed, tmp_path):
    fx, platform, path = installed
    key_id = platform.ledger.own_keys()[0].key_id
    deployed = Settings(policy={"PLATFORMKEY": key_id}, user_file=tmp_path / "u.json", platform_file=path,
                        platform_verify=machine_verifier(Settings(policy={"PLATFORMKEY": key_id},
                                                                  user_file=tmp_path / "u.json")))
    assert deployed["lockout_attempts"] == 3
    user_only = Settings(policy={}, user_file=tmp_path / "u2.json")
    user_only.set("platform_key", key_id)  # a user's own settings cannot name the trusted key
    assert Settings(policy={}, user_file=tmp_path / "u2.json", platform_file=path,
                    platform_verify=machine_verifier(user_only))["lockout_attempts"] == 5


@pytest.mark.parametrize("edit", ["hand_written", "settings_changed", "policy_bytes_changed", "other_signer"])
def test_an_unsigned_or_edited_policy_is_not_used(installed, tmp_path, edit):
    fx, platform, path = installed
    record = json.loads(path.read_text(encoding="utf-8"))
    if edit == "hand_written":
        record = {"settings": {"lockout_attempts": 20, "autolock_minutes": 240}}
    elif edit == "settings_changed":
        record["settings"]["lockout_attempts"] = 20
    elif edit == "policy_bytes_changed":
        record["proof"]["policy"] = base64.b64encode(json.dumps(
            {"settings": {"lockout_attempts": 20}}).encode()).decode()
    else:
        from engines.exchange.keys import generate_node_keys

        record["proof"]["signer"] = generate_node_keys(platform.ledger.own_keys()[0].node).public().to_json()
    path.write_text(json.dumps(record), encoding="utf-8")
    settings = _login_settings(fx, tmp_path)
    assert settings["lockout_attempts"] != 20
    if edit != "settings_changed":
        assert settings.source("autolock_minutes") == "default"
    else:  # the signed bytes still say 3 and 7: the edited copy of the values is ignored
        assert settings["lockout_attempts"] == 3 and settings["autolock_minutes"] == 7


def test_verifier_refuses_records_without_proof():
    assert verifier()({"settings": {"lockout_attempts": 20}}) is None
