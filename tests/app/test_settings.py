"""Settings registry: policy > user > default, locked values, validation."""
from __future__ import annotations

import json

import pytest

from app.settings import REGISTRY, Settings, read_policy


def test_defaults_user_values_and_policy_order(tmp_path):
    user_file = tmp_path / "u.json"
    s = Settings(policy={}, user_file=user_file)
    assert s["autolock_minutes"] == 10
    s.set("autolock_minutes", 20)
    assert Settings(policy={}, user_file=user_file)["autolock_minutes"] == 20
    locked = Settings(policy={"AUTOLOCKMINUTES": "5"}, user_file=user_file)
    assert locked["autolock_minutes"] == 5 and locked.is_locked("autolock_minutes")
    with pytest.raises(PermissionError) as info:
        locked.set("autolock_minutes", 30)
    assert "管理策略" in str(info.value)


def test_invalid_values_are_refused_or_ignored(tmp_path):
    s = Settings(policy={"LOCKOUTATTEMPTS": "many"}, user_file=tmp_path / "u.json")
    assert s["lockout_attempts"] == 5  # a broken policy value falls back to the default
    with pytest.raises(ValueError):
        s.set("autolock_minutes", 0)
    with pytest.raises(ValueError):
        s.set("language", "fr")
    assert s.get("assist_review") is True
    s.set("assist_review", "false")
    assert s.get("assist_review") is False


def test_policy_file_is_read_and_broken_file_ignored(tmp_path, capsys):
    good = tmp_path / "policy.json"
    good.write_text(json.dumps({"courtname": "测试法院", "AUTOLOCKMINUTES": 3}), encoding="utf-8")
    assert read_policy(good) == {"COURTNAME": "测试法院", "AUTOLOCKMINUTES": 3}
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert read_policy(bad) == {}
    assert "策略文件无法读取" in capsys.readouterr().err


def test_every_setting_has_a_label_and_valid_default():
    for name, setting in REGISTRY.items():
        assert setting.label, name
        assert setting.coerce(setting.default) == setting.default


def test_an_invalid_policy_value_neither_applies_nor_locks(tmp_path):
    s = Settings(policy={"AUTOLOCKMINUTES": "soon", "LOCKOUTMINUTES": ""}, user_file=tmp_path / "u.json")
    assert s["autolock_minutes"] == 10 and not s.is_locked("autolock_minutes")
    assert not s.is_locked("lockout_minutes")
    s.set("autolock_minutes", 12)
    assert s["autolock_minutes"] == 12
