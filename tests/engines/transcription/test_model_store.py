"""Model location: joining the shipped parts, checksum, reuse, directory override."""
from __future__ import annotations

import os
import shutil

import pytest

from engines.common import EngineError, InputError
from engines.transcription import model_store
from engines.transcription.model_store import (BASE_MODEL_SHA256, assemble_base_model,
                                               default_cache_dir, resolve_model)


def test_assembles_once_verifies_and_reuses(tmp_path):
    target = assemble_base_model(tmp_path)
    assert target == tmp_path / "models" / "whisper-base"
    assert (target / "model.bin").stat().st_size == model_store.BASE_MODEL_SIZE
    assert (target / "model.sha256").read_text().strip() == BASE_MODEL_SHA256
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        assert (target / name).is_file()
    # No half-finished work folders are left behind.
    assert [p.name for p in target.parent.iterdir()] == ["whisper-base"]
    before = (target / "model.bin").stat().st_mtime_ns
    assert assemble_base_model(tmp_path) == target
    assert (target / "model.bin").stat().st_mtime_ns == before


def test_damaged_cache_is_rebuilt(tmp_path):
    target = assemble_base_model(tmp_path)
    with open(target / "model.bin", "r+b") as fh:
        fh.truncate(1000)
    assemble_base_model(tmp_path)
    assert (target / "model.bin").stat().st_size == model_store.BASE_MODEL_SIZE


def test_wrong_checksum_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(model_store, "BASE_MODEL_SHA256", "0" * 64)
    with pytest.raises(EngineError, match="校验失败"):
        assemble_base_model(tmp_path)
    assert not (tmp_path / "models" / "whisper-base").exists()


def test_model_directory_override(model_cache, tmp_path):
    base = resolve_model(None, model_cache)
    assert base.name == "whisper-base"
    other = resolve_model(str(base.path), tmp_path)
    assert other.path == base.path
    assert not (tmp_path / "models").exists()  # an override never touches the cache


def test_bad_model_names_and_dirs(tmp_path):
    with pytest.raises(InputError, match="模型目录"):
        resolve_model(str(tmp_path))
    with pytest.raises(InputError, match="找不到语音模型"):
        resolve_model("large-v3", tmp_path)  # never downloaded


def test_cache_dir_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(tmp_path))
    assert default_cache_dir() == tmp_path
    monkeypatch.delenv("TRIAL_ASSISTANT_CACHE")
    assert default_cache_dir().name in ("trial-assistant", "cache")
    assert os.path.isabs(default_cache_dir())


def _installed_copy(model_cache, folder):
    """An installed build's joined model, linked (or copied) from the test cache."""
    source = resolve_model(None, model_cache).path
    folder.mkdir(parents=True)
    for item in source.iterdir():
        try:
            os.link(item, folder / item.name)
        except OSError:
            shutil.copyfile(item, folder / item.name)
    return folder


def test_installed_copy_is_used_without_a_cache_copy(model_cache, tmp_path, monkeypatch):
    installed = _installed_copy(model_cache, tmp_path / "bundle" / "models" / "whisper-base")
    monkeypatch.setattr(model_store, "shipped_model_dir", lambda: installed)
    assert resolve_model(None, tmp_path / "cache").path == installed
    assert not (tmp_path / "cache").exists()
    assert model_store.verify_model(installed) == BASE_MODEL_SHA256


def test_incomplete_installed_copy_falls_back_to_the_parts(model_cache, tmp_path, monkeypatch):
    installed = _installed_copy(model_cache, tmp_path / "bundle" / "models" / "whisper-base")
    (installed / "model.sha256").unlink()
    monkeypatch.setattr(model_store, "shipped_model_dir", lambda: installed)
    assert resolve_model(None, tmp_path / "cache").path == tmp_path / "cache" / "models" / "whisper-base"


def test_verify_model_names_a_damaged_copy(model_cache, monkeypatch):
    monkeypatch.setattr(model_store, "BASE_MODEL_SHA256", "0" * 64)
    with pytest.raises(EngineError, match="校验失败"):
        model_store.verify_model(resolve_model(None, model_cache).path)
