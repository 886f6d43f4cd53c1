"""Shared pieces for transcription tests: the model cache folder and the test clips."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "transcription"
MULTI_CLIP = DATA / "d1_turns.multi.flac"
MONO_CLIP = DATA / "d1_turns.mono.flac"


def model_cache_dir() -> Path:
    """One cache folder under the system temp dir, reused across test runs.

    Joining and hashing the 145 MB model takes a few seconds; the engine's own checksum
    marker makes reuse safe, and nothing is written to the user's real cache.
    """
    path = Path(tempfile.gettempdir()) / "trial-assistant-test-cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def clip_reference() -> dict:
    """Reference segments of the test clips (times relative to the clip)."""
    return json.loads((DATA / "d1_turns.json").read_text(encoding="utf-8"))
