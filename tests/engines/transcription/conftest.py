"""Fixtures for transcription tests: one loaded model for the whole session."""
from __future__ import annotations

import pytest

from tests.helpers.transcription import model_cache_dir


@pytest.fixture(scope="session")
def model_cache():
    """The shared model cache folder (model assembled there once)."""
    return model_cache_dir()


@pytest.fixture(scope="session")
def transcriber(model_cache):
    """The real Whisper base model, int8, loaded once."""
    from engines.transcription.pipeline import Transcriber

    return Transcriber(cache_dir=model_cache, cpu_threads=2)
