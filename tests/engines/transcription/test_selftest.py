"""The installation self-test of the transcription engine (used by ``trial-assistant selftest``)."""
from __future__ import annotations

import engines.transcription as transcription


def test_selftest_uses_the_cache_when_ready(monkeypatch, model_cache):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache))
    assert "whisper-base (int8) checksum ok" in transcription.selftest()


def test_selftest_leaves_an_empty_cache_empty(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(tmp_path / "cache"))
    assert "no text invented on silence" in transcription.selftest()
    assert not (tmp_path / "cache").exists()
