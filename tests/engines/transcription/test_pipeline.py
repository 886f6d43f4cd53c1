"""The real model on short hearing clips: text, seats, mono, streaming, cancel, silence."""
from __future__ import annotations

import numpy as np
import pytest

from engines.common import CancelToken, Cancelled, to_jsonable
from engines.transcription.audio import from_array
from engines.transcription.pipeline import TranscriptionRequest
from engines.transcription.scoring import character_error_rate
from engines.transcription.vocabulary import CaseVocabulary
from tests.helpers.transcription import MONO_CLIP, MULTI_CLIP, clip_reference


def _request(ref, channels=True):
    vocab = CaseVocabulary(parties=ref["parties"], cause=ref["cause"], court=ref["court"])
    return TranscriptionRequest(channels=ref["channels"] if channels else None, vocabulary=vocab)


def test_four_channel_clip_by_seat(transcriber):
    ref = clip_reference()
    streamed, fractions = [], []
    result = transcriber.transcribe_file(
        MULTI_CLIP, _request(ref), progress=lambda f, m="": fractions.append(f),
        on_segment=streamed.append)
    assert result.model == "whisper-base" and result.channels == 4
    assert result.speaker_source == "seats"
    assert [s.speaker for s in result.segments] == [s["speaker"] for s in ref["segments"]]
    assert streamed == result.segments
    assert fractions[-1] == 1.0 and fractions == sorted(fractions)
    hyp = "".join(s.text for s in result.segments)
    assert character_error_rate("".join(s["text"] for s in ref["segments"]), hyp) < 0.25
    for seg in result.segments:
        assert 0.0 < seg.confidence <= 1.0
        assert seg.words and seg.start <= seg.words[0].start <= seg.words[-1].end <= seg.end
        assert seg.text[-1] in "。？！"
        assert seg.channel in (1, 2, 3)
    data = to_jsonable(result)
    assert set(data) >= {"duration", "model", "segments"}
    assert set(data["segments"][0]) >= {"start", "end", "speaker", "text", "confidence"}


def test_mono_clip_has_unknown_speakers(transcriber):
    ref = clip_reference()
    result = transcriber.transcribe_file(MONO_CLIP, _request(ref, channels=False))
    assert result.speaker_source == "mono" and result.segments
    assert {s.speaker for s in result.segments} == {"未识别"}
    # Whisper hears the clip's talk as one stretch, but the rows stay one per utterance.
    assert len(ref["segments"]) > 1 and len(result.segments) > 1
    assert all(a.end <= b.start + 0.5 for a, b in zip(result.segments, result.segments[1:]))
    hyp = "".join(s.text for s in result.segments)
    assert character_error_rate("".join(s["text"] for s in ref["segments"]), hyp) < 0.3


def test_silence_and_noise_give_no_text(transcriber):
    rng = np.random.default_rng(3)
    noise = (0.0005 * rng.standard_normal(16000 * 4)).astype(np.float32)
    result = transcriber.transcribe_audio(from_array(noise))
    assert result.segments == []


def test_cancel_before_decoding(transcriber):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        transcriber.transcribe_file(MULTI_CLIP, _request(clip_reference()), cancel=token)
