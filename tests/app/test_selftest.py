"""app.selftest: the check of a speech model folder IT configured by policy (MODELDIR)."""
from __future__ import annotations

import json

import pytest

from app import selftest
from engines.common import InputError
from engines.transcription.model_store import resolve_model
from tests.helpers.transcription import model_cache_dir


def _policy(monkeypatch, tmp_path, **values):
    path = tmp_path / "policy.json"
    path.write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("TRIAL_ASSISTANT_POLICY", str(path))


def test_no_model_dir_no_extra_check(monkeypatch, tmp_path):
    _policy(monkeypatch, tmp_path)
    assert selftest._configured_model_dir() == ""


def test_configured_model_folder_is_loaded_and_reads_the_clip(monkeypatch, tmp_path):
    folder = resolve_model(None, model_cache_dir()).path
    _policy(monkeypatch, tmp_path, MODELDIR=str(folder))
    assert selftest._configured_model_dir() == str(folder)
    detail = selftest.check_policy_model()
    assert f"from {folder}" in detail and "character error rate 0%" in detail


def test_a_folder_without_a_model_fails_the_check_clearly(monkeypatch, tmp_path):
    (tmp_path / "empty-model").mkdir()
    _policy(monkeypatch, tmp_path, MODELDIR=str(tmp_path / "empty-model"))
    with pytest.raises(InputError, match="CTranslate2"):
        selftest.check_policy_model()
