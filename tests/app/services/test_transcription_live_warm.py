"""The live panel warms the decoder child before 开始, and a warmed child nobody uses is ended."""
from __future__ import annotations

import time

import psutil
import pytest

from app.services.transcription_live import LiveHearingService
from engines.transcription.live_inputs import WavPlaybackInput
from tests.helpers.stores import create_sample_case
from tests.helpers.transcription import MULTI_CLIP, clip_reference, model_cache_dir

CHANNELS = clip_reference()["channels"]


@pytest.fixture(autouse=True)
def _cache(monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache_dir()))


def _gone(pid: int) -> bool:
    """The process is neither running nor a zombie waiting to be reaped."""
    try:
        return psutil.Process(pid).status() == psutil.STATUS_DEAD
    except psutil.NoSuchProcess:
        return True


def test_a_warmed_child_is_used_by_the_next_hearing(fx, clerk):
    case_id = create_sample_case(fx)
    service = LiveHearingService(clerk)
    assert service.warm()
    pid = service.warm_pid
    assert pid is not None and not _gone(pid)  # loading before 开始
    service._warm.start()  # wait for the model, as while the clerk prepares the hearing
    live = service.start(case_id, WavPlaybackInput(MULTI_CLIP, speed=4.0), CHANNELS)
    assert live.session.decoder.pid == pid and live.session.decoder.starts == 1
    assert service.warm_pid is None  # the hearing owns it now
    assert live.session.wait_until_source_finished(20)
    assert live.stop() == 3
    assert _gone(pid)


def test_a_warmed_child_nobody_uses_is_ended(fx, clerk):
    service = LiveHearingService(clerk)
    assert service.warm()
    loading = service.warm_pid
    started = time.monotonic()
    service.release()  # still loading: ended at once, not waited for
    assert time.monotonic() - started < 5 and _gone(loading) and service.warm_pid is None
    service.warm()
    service._warm.start()  # loaded and idle
    loaded = service.warm_pid
    service.release()
    assert _gone(loaded)
    service.release()  # twice is harmless


def test_no_warming_when_the_assistant_is_off(fx, clerk):
    clerk.settings.set("assist_transcription", False)
    service = LiveHearingService(clerk)
    assert not service.warm() and service.warm_pid is None
