"""Transcribe one hearing recording: turns by seat (or VAD), Whisper, clean-up, corrections.

Hearing settings, and why:
- language fixed to zh: detection on short turns is unreliable and wastes a pass;
- VAD/seat turns instead of decoding silence: Whisper invents text on silence;
- no conditioning on previous text: a wrong sentence must not steer the next one;
- case words through post-correction, not hotwords: names and 案由 are what the base model
  gets wrong most, but hints made it recite them; the correction fires only on strong
  evidence (a case term, or a hearing term in legal talk; a close sound; a word-model gain)
  and never turns an everyday word into a legal one;
- n-best rescoring: the beam's hypotheses reranked with jieba's word frequencies plus the
  case's terms and text (rescoring.py); a beam of 16, because Whisper's five best mostly
  differ only in timestamps and punctuation, leaving the language model nothing to choose
  (16 beat 10 on the clean real set and its quiet copy, tied on the noisy ones; 24 lost on
  the telephone copy and costs more);
- mono recordings: Whisper hears a stretch of talk whole, cut only at silences of 2 s by a
  VAD that errs towards keeping audio (threshold 0.3, 1 s padding); rows of the transcript
  are still cut at 300 ms pauses. Cutting at every pause lost to plain faster-whisper on
  noisy, reverberant and telephone copies of the real set;
- temperature fallback with a compression-ratio check, plus our own repetition and
  hallucination filter (text_cleanup), against loops.
Each of these was measured on real recordings against plain faster-whisper
(docs/benchmarks/transcription.md).
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from engines.common import NEVER_CANCELLED, CancelToken, ProgressCallback, no_progress, say
from engines.transcription.audio import Audio, load_audio
from engines.transcription.case_text import CaseLanguageModel
from engines.transcription.confidence import calibrate, line_accuracy
from engines.transcription.decoder import DecodeOptions, TurnText, decode_turns, split_rows
from engines.transcription.model_store import ModelLocation, load_whisper, resolve_model
from engines.transcription.rescoring import make_scorer
from engines.transcription.results import UNKNOWN_SPEAKER, Segment, Transcript
from engines.transcription.seats import (SeatSettings, Turn, parse_channel_map, seat_turns,
                                         split_long_turns, vad_turns)
from engines.transcription.text_cleanup import clean_text
from engines.transcription.vocabulary import CaseVocabulary, correct_text, is_legal_text

SegmentCallback = Callable[[Segment], None]


@dataclass
class TranscriptionRequest:
    """What to transcribe and how. ``channels`` is the ``1=审判长,2=原告`` map (or None)."""

    channels: str | dict[int, str] | None = None
    vocabulary: CaseVocabulary = field(default_factory=CaseVocabulary)
    correct: bool = True
    # A wider beam gives the rescoring more distinct hypotheses: Whisper's five best mostly
    # differ in timestamps and punctuation only. Measured on the real set and its degraded
    # copies (docs/benchmarks/transcription.md): 10 beat 5; 16 beat 10 on clean and quiet
    # audio and tied on noisy, reverberant and telephone audio, for about a fifth more CPU
    # time on long recordings; 24 was worse on telephone audio.
    beam_size: int = 16
    use_seats: bool = True
    # Mono recordings: a pause this long ends a row of the transcript (an utterance)...
    mono_min_silence_ms: int = 300
    # ...but Whisper hears a stretch of talk whole, cut only at silences this long
    # (faster-whisper's own default). Cutting at every short pause and packing the pieces
    # with silence between them made Whisper loop or drop words on reverberant and noisy
    # copies of the real set (docs/benchmarks/transcription.md, "Degraded audio").
    decode_min_silence_ms: int = 2000
    # Case words as decoder hints: "none" (default), "hotwords" or "initial" (initial_prompt).
    # Measured on the hearing set, hints made Whisper base recite the words at turn ends and
    # raised CER, so the case vocabulary works through post-correction unless asked.
    prompt_mode: str = "none"
    style_prompt: str = ""
    # Stage switches (each measured on the real set, see docs/benchmarks/transcription.md).
    use_vad: bool = True
    cleanup: bool = True
    temperature_fallback: bool = True
    rescore: bool = True
    lm_weight: float = 0.6
    # The VAD that cuts the stretches errs towards keeping audio: generous padding keeps word
    # onsets and reverberant tails, and a low threshold keeps quiet or distant speech
    # (Whisper's own no-speech check still drops a window with nothing said).
    vad_pad_ms: int = 1000
    vad_threshold: float = 0.3
    patience: float = 1.0
    length_penalty: float = 1.0
    condition_on_previous_text: bool = False
    rescore_sampling: bool = False
    # Free text of the case (dossier pages, parties, addresses...): feeds the vocabulary and
    # the case language model.
    case_text: str = ""


def request_for(channels=None, hotwords: str | list[str] | None = None, cause: str = "",
                court: str = "", case_text: str = "", **overrides) -> TranscriptionRequest:
    """The request ``trial-assistant transcribe`` builds (shared with the benchmark)."""
    from engines.transcription.vocabulary import parse_hotwords

    words = parse_hotwords(hotwords) if isinstance(hotwords, str) or hotwords is None else list(hotwords)
    vocabulary = CaseVocabulary(hotwords=words, cause=cause, court=court)
    if case_text:
        vocabulary = vocabulary.with_case_text(case_text)
    return TranscriptionRequest(channels=channels, vocabulary=vocabulary, case_text=case_text,
                                **overrides)


class Transcriber:
    """A loaded Whisper model plus the hearing pipeline; reuse it for many recordings."""

    def __init__(self, model: str | os.PathLike | None = None,
                 cache_dir: str | os.PathLike | None = None, cpu_threads: int = 0,
                 workers: int = 0) -> None:
        from engines.transcription.language_model import warm_up

        warm_up()  # jieba's dictionary loads while the Whisper model does
        self.location: ModelLocation = resolve_model(model, cache_dir)
        # Several model instances decode a long recording's windows side by side (see
        # decoder.decode_turns); one is enough for live decoding, which has one turn at a time.
        threads, count = decoding_workers(cpu_threads, workers)
        self.models = [load_whisper(self.location, threads) for _ in range(count)]
        self.model = self.models[0]

    @property
    def model_name(self) -> str:
        """Name reported in results (built-in name or the model folder's name)."""
        return self.location.name

    def transcribe_file(self, path: str | Path, request: TranscriptionRequest | None = None,
                        progress: ProgressCallback = no_progress,
                        cancel: CancelToken = NEVER_CANCELLED,
                        on_segment: SegmentCallback | None = None) -> Transcript:
        """Read ``path`` (WAV/FLAC/MP3/M4A) and transcribe it."""
        progress(0.0, say("transcribe.read_audio", "读取音频"))
        audio = load_audio(path)
        return self.transcribe_audio(audio, request, progress, cancel, on_segment)

    def transcribe_audio(self, audio: Audio, request: TranscriptionRequest | None = None,
                         progress: ProgressCallback = no_progress,
                         cancel: CancelToken = NEVER_CANCELLED,
                         on_segment: SegmentCallback | None = None) -> Transcript:
        """Transcribe decoded audio; ``on_segment`` gets each segment as soon as it is ready."""
        request = request or TranscriptionRequest()
        started = time.perf_counter()
        cancel.check()
        channel_map = (dict(request.channels) if isinstance(request.channels, dict)
                       else parse_channel_map(request.channels, audio.channels))
        turns = find_turns(audio, channel_map, request)
        progress(0.05, say("transcribe.turns", f"找到 {len(turns)} 段发言", count=len(turns)))
        options = DecodeOptions(
            beam_size=request.beam_size,
            prompt="" if request.prompt_mode == "none" else request.vocabulary.prompt(),
            prompt_as_hotwords=request.prompt_mode != "initial",
            style_prompt=request.style_prompt)
        options.patience = request.patience
        options.length_penalty = request.length_penalty
        options.condition_on_previous_text = request.condition_on_previous_text
        options.rescore_sampling = request.rescore_sampling
        if not request.temperature_fallback:
            options.temperatures = (0.0,)
        transcript = Transcript(
            duration=round(audio.duration, 3), model=self.model_name, segments=[],
            channels=audio.channels,
            speaker_source="seats" if turns and turns[0].channel is not None else "mono",
            settings={"language": options.language, "beam_size": options.beam_size,
                      "vad": True,
                      "condition_on_previous_text": options.condition_on_previous_text,
                      "compute_type": "int8", "hotwords": options.prompt,
                      "rescore": request.lm_weight if request.rescore else 0.0},
        )

        def source(turn: Turn) -> np.ndarray:
            lo = max(0, int(turn.start * audio.sample_rate))
            hi = int(turn.end * audio.sample_rate)
            if turn.channel is None:
                return audio.downmix()[lo:hi] if audio.channels > 1 else audio.samples[lo:hi, 0]
            return np.ascontiguousarray(audio.samples[lo:hi, turn.channel])

        def on_pack(done: int, total: int) -> None:
            progress(0.05 + 0.95 * done / total, say("transcribe.pack", f"转写 {done}/{total}", done=done, total=total))

        case_model = CaseLanguageModel(request.case_text)
        if request.rescore:
            options.scorer = make_scorer(request.vocabulary, case_model)
            options.lm_weight = request.lm_weight
        legal = [False]  # legal talk heard earlier in this recording
        rows = find_rows(audio, request)
        for decoded in decode_turns(self.models, turns, source, audio.sample_rate, options,
                                    cancel, on_pack):
            for item in split_rows(decoded, rows) if rows else [decoded]:
                segment = finish_segment(item, request, case_model, legal)
                if segment is None:
                    continue
                if segment.text == "" and item.raw_text:
                    transcript.filtered.append(item.raw_text)
                    continue
                transcript.segments.append(segment)
                if on_segment:
                    on_segment(segment)
        transcript.settings["seconds"] = round(time.perf_counter() - started, 3)
        progress(1.0, say("done", "完成"))
        return transcript


def decoding_workers(cpu_threads: int = 0, workers: int = 0) -> tuple[int, int]:
    """(threads per model instance, model instances) for ``cpu_threads`` threads in all
    (0: the machine's cores, at most 4) and ``workers`` instances (0: as below).

    CTranslate2 spreads one Whisper call over its threads poorly: on two cores a call with
    two threads ran only about 5% faster than with one (the decoder's steps are small), while
    two single-threaded instances decoding different windows side by side nearly halved the
    time of a long recording (docs/benchmarks/transcription.md). So by default every thread
    gets its own instance, up to two instances (the second raised peak memory from about 620
    to 910 MB on the synthetic hearings); more cores go to the instances' own threads. A
    recording that fits one window uses one instance and one thread (about 5% slower than two
    threads would be).
    """
    total = cpu_threads or max(1, min(4, os.cpu_count() or 1))
    count = workers or min(2, total)
    return max(1, total // count), count


def find_turns(audio: Audio, channel_map: dict[int, str],
               request: TranscriptionRequest) -> list[Turn]:
    """Speaker turns: by seat for multi-channel audio, by VAD (speaker 未识别) for mono."""
    if _by_seats(audio, request):
        turns = seat_turns(audio.samples, audio.sample_rate, channel_map, SeatSettings())
    elif not request.use_vad:
        turns = [Turn(0.0, round(audio.duration, 3), None, UNKNOWN_SPEAKER)]
    else:
        mono = audio.downmix()
        turns = vad_turns(mono, audio.sample_rate, UNKNOWN_SPEAKER, request.decode_min_silence_ms,
                          request.vad_pad_ms, request.vad_threshold)
    return split_long_turns(turns, audio.samples, audio.sample_rate)


def _by_seats(audio: Audio, request: TranscriptionRequest) -> bool:
    """Whether the recording's turns (and rows) come from its seats' channels."""
    return audio.channels > 1 and request.use_seats


# The rows of a mono transcript: the VAD spans at the old decoding settings.
ROW_PAD_MS = 500
ROW_THRESHOLD = 0.5


def find_rows(audio: Audio, request: TranscriptionRequest) -> list[Turn]:
    """Short-pause spans of a mono recording that become the transcript's rows (empty when
    the turns are rows already: seats, or no VAD)."""
    if _by_seats(audio, request) or not request.use_vad:
        return []
    return vad_turns(audio.downmix(), audio.sample_rate, UNKNOWN_SPEAKER,
                     request.mono_min_silence_ms, ROW_PAD_MS, ROW_THRESHOLD)


def finish_segment(item: TurnText, request: TranscriptionRequest,
                   case_model=None, legal: list[bool] | None = None) -> Segment | None:
    """Clean and correct one turn's text; None when nothing was said.

    ``legal`` is a one-item list shared across a recording's segments: once a segment
    holds a hearing term, later segments are in a legal context too.
    """
    if not item.raw_text.strip():
        return None
    text, _removed = clean_text(item.raw_text, request.cleanup)
    machine_text = text
    corrections = []
    if text and request.correct:
        seen = bool(legal and legal[0])
        text, corrections = correct_text(text, request.vocabulary, case_model, seen or None)
        if legal is not None and not seen and is_legal_text(text):
            legal[0] = True
    calibrate(item.words)
    return Segment(
        start=item.turn.start,
        end=item.turn.end,
        speaker=item.turn.speaker,
        text=text,
        confidence=line_accuracy(item.words),
        channel=None if item.turn.channel is None else item.turn.channel + 1,
        machine_text=machine_text,
        words=item.words,
        corrections=corrections,
        shaded=any(w.shaded for w in item.words),
    )
