"""The installation self-test of the transcription engine (used by ``trial-assistant selftest``)."""
from __future__ import annotations

import json

import numpy as np
import pytest
import soundfile

import engines.transcription as transcription
from engines.common import EngineError


def test_selftest_reads_the_bundled_clip_exactly(monkeypatch, model_cache):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache))
    detail = transcription.selftest()
    assert "(int8, cache) SHA-256 ok" in detail
    assert "本庭宣布休庭。下午继续审理。" in detail
    assert "character error rate 0%" in detail


def test_bundled_clip_is_short_mono_16k_speech():
    clip, text = transcription.selftest_clip()
    audio, rate = soundfile.read(clip)
    assert rate == 16000 and audio.ndim == 1
    assert 2.0 < len(audio) / rate < 8.0
    assert np.abs(audio).max() > 0.1
    assert text == "本庭宣布休庭，下午继续审理。"
    meta = json.loads(clip.with_suffix(".json").read_text(encoding="utf-8"))
    assert "Apache-2.0" in meta["licence"]


def test_selftest_fails_when_the_clip_is_not_that_speech(monkeypatch, model_cache, tmp_path):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache))
    clip, _ = transcription.selftest_clip()
    monkeypatch.setattr(transcription, "selftest_clip", lambda: (clip, "现在开庭请原告陈述诉讼请求"))
    with pytest.raises(RuntimeError, match="Mandarin clip misread"):
        transcription.selftest()


def test_selftest_leaves_an_empty_cache_empty(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(tmp_path / "cache"))
    detail = transcription.selftest()
    assert "joined from the packages" in detail and "no text invented on silence" in detail
    assert not (tmp_path / "cache").exists()


def test_selftest_prefers_and_rehashes_the_installed_copy(monkeypatch, model_cache, tmp_path):
    from engines.transcription import model_store

    installed = tmp_path / "models" / "whisper-base"
    installed.mkdir(parents=True)
    items = list(model_store.resolve_model(None, model_cache).path.iterdir())
    assert items, "the test model cache is empty"
    for item in items:
        (installed / item.name).symlink_to(item)
    monkeypatch.setattr(model_store, "shipped_model_dir", lambda: installed)
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(tmp_path / "cache"))
    assert "(int8, installed copy) SHA-256 ok" in transcription.selftest()
    assert not (tmp_path / "cache").exists()
    # Same size and marker, one flipped byte: only the re-hash can notice.
    model = installed / "model.bin"
    data = bytearray(model.read_bytes())
    model.unlink()
    data[len(data) // 2] ^= 0xFF
    model.write_bytes(bytes(data))
    with pytest.raises(EngineError, match="校验失败"):
        transcription.selftest()
