"""Live hearings through the service: chunks encrypted as recorded, segments saved as they
come, 休庭/继续 logged, the recording joined at the end or recovered after a crash."""
from __future__ import annotations

import io

import numpy as np
import pytest
import soundfile as sf

from app.services.transcription import TranscriptionService
from app.services.transcription_live import CHUNK_EVENT, LiveHearingService
from engines.transcription.audio import load_audio
from engines.transcription.live_inputs import WavPlaybackInput
from tests.helpers.stores import create_sample_case
from tests.helpers.transcription import MULTI_CLIP, clip_reference, model_cache_dir

CHANNELS = clip_reference()["channels"]


@pytest.fixture(autouse=True)
def _cache(monkeypatch):
    monkeypatch.setenv("TRIAL_ASSISTANT_CACHE", str(model_cache_dir()))


def test_live_hearing_end_to_end(fx, clerk):
    case_id = create_sample_case(fx)
    service = LiveHearingService(clerk)
    shown = []
    live = service.start(case_id, WavPlaybackInput(MULTI_CLIP, speed=4.0), CHANNELS, title="第一次开庭",
                         on_segment=shown.append)
    assert live.session.wait_until_source_finished(20)
    live.pause("休息十分钟")
    live.resume()
    assert live.stop() == 3
    transcripts = TranscriptionService(clerk)
    info = transcripts.list_hearings(case_id)[0]
    assert (info.status, info.segments, info.model) == ("待核对", 3, "whisper-base")
    assert info.duration == pytest.approx(5.8, abs=0.01)
    assert [s.speaker for s in transcripts.segments(live.hearing_id)] == ["原告", "被告", "审判长"]
    assert [s.text for s in shown] == [s.text for s in transcripts.segments(live.hearing_id)]
    kinds = [r["kind"] for r in clerk.store.query(
        "SELECT kind FROM hearing_events WHERE hearing_id = ? ORDER BY id", (live.hearing_id,))]
    assert kinds.count(CHUNK_EVENT) == 3
    assert [k for k in kinds if k != CHUNK_EVENT] == ["开始", "休庭", "继续", "结束"]
    joined, rate = sf.read(io.BytesIO(transcripts.audio_bytes(live.hearing_id)), dtype="float32", always_2d=True)
    original = load_audio(MULTI_CLIP).samples
    assert rate == 16000 and joined.shape == original.shape
    assert np.abs(joined - original).max() < 1e-3


def test_crash_during_live_hearing_is_recovered_from_chunks(fx, clerk):
    case_id = create_sample_case(fx)
    service = LiveHearingService(clerk)
    live = service.start(case_id, WavPlaybackInput(MULTI_CLIP, speed=4.0), CHANNELS)
    assert live.session.wait_until_source_finished(20)
    # Simulate the application dying: the session is abandoned without stop().
    live.session.abandon()
    assert not live.session.decoder.alive
    assert service.interrupted(case_id) == [live.hearing_id]
    seconds = LiveHearingService(clerk).recover(live.hearing_id)
    assert seconds == pytest.approx(5.8, abs=0.01)
    info = TranscriptionService(clerk).list_hearings(case_id)[0]
    assert info.status == "录音中断" and info.duration == pytest.approx(5.8, abs=0.01)
    assert service.interrupted(case_id) == []
