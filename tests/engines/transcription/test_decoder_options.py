"""Decoding settings reach faster-whisper as measured (docs/benchmarks/transcription.md)."""
from __future__ import annotations

import numpy as np

from engines.transcription.decoder import DecodeOptions, decode_turns
from engines.transcription.pipeline import TranscriptionRequest
from engines.transcription.seats import Turn


class _Info:
    duration = 1.0


class _FakeWhisper:
    """Records the keyword arguments of each ``transcribe`` call; hears nothing."""

    def __init__(self):
        self.calls: list[dict] = []

    def transcribe(self, audio, **kwargs):
        self.calls.append(kwargs)
        return iter([]), _Info()


def _decode(options: DecodeOptions) -> dict:
    model = _FakeWhisper()
    turns = [Turn(0.0, 0.3, None, "未识别")]
    list(decode_turns(model, turns, lambda turn: np.zeros(4800, np.float32), 16000, options))
    return model.calls[0]


def test_request_defaults_are_the_measured_settings():
    request = TranscriptionRequest()
    assert request.beam_size == 16
    assert request.vad_pad_ms == 1000
    assert request.vad_threshold == 0.3
    assert request.decode_min_silence_ms == 2000
    assert request.mono_min_silence_ms == 300
    assert request.lm_weight == 0.6
    assert request.patience == 1.0
    assert request.length_penalty == 1.0
    assert request.condition_on_previous_text is False
    assert request.rescore_sampling is False


def test_decoding_options_are_passed_to_whisper():
    kwargs = _decode(DecodeOptions(beam_size=10, patience=2.0, length_penalty=0.5,
                                   condition_on_previous_text=True, style_prompt="你好。"))
    assert kwargs["beam_size"] == 10
    assert kwargs["patience"] == 2.0
    assert kwargs["length_penalty"] == 0.5
    assert kwargs["condition_on_previous_text"] is True
    assert kwargs["initial_prompt"] == "你好。"
    assert kwargs["language"] == "zh" and kwargs["vad_filter"] is False


def test_hearing_defaults_do_not_condition_on_previous_text():
    kwargs = _decode(DecodeOptions())
    assert kwargs["condition_on_previous_text"] is False
    assert "initial_prompt" not in kwargs
