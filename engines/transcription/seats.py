"""Speaker by seat: channel map, per-channel voice activity, loudest-channel turns.

A courtroom records one microphone per seat on its own channel. Each utterance is loud on
its speaker's channel and leaks, 20 dB or more quieter, into the others. Per 20 ms frame we
measure every channel's level above its own noise floor; a channel is active when that
margin is large enough, and among active channels the loudest one speaks. Runs of frames
with one winner, bridged over short pauses, become speaker turns.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from engines.common import InputError
from engines.transcription.text_cleanup import load_lines

FRAME_SECONDS = 0.02


@dataclass
class Turn:
    """A stretch of speech by one seat (``channel`` is 0-based; None for mono)."""

    start: float
    end: float
    channel: int | None
    speaker: str

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return self.end - self.start


@dataclass
class SeatSettings:
    """Thresholds of the seat decision (dB above each channel's noise floor, seconds)."""

    active_margin_db: float = 12.0
    min_burst: float = 0.12
    max_pause: float = 0.8
    min_turn: float = 0.25
    pad: float = 0.15


@functools.lru_cache(maxsize=1)
def known_roles() -> tuple[str, ...]:
    """Roles a channel may carry (resources/transcription/roles.txt)."""
    return tuple(load_lines("roles.txt"))


def parse_channel_map(spec: str | None, channels: int | None = None) -> dict[int, str]:
    """Parse ``1=审判长,2=原告`` into {0: "审判长", 1: "原告"} (0-based channel index).

    Raises :class:`InputError` for malformed items, repeated channels, unknown roles, or a
    channel number beyond the recording's channel count.
    """
    if not spec or not spec.strip():
        return {}
    result: dict[int, str] = {}
    for item in re.split(r"[,，;；]\s*", spec.strip()):
        if not item:
            continue
        match = re.fullmatch(r"\s*(\d+)\s*[=:：＝]\s*(\S+)\s*", item)
        if not match:
            raise InputError("声道设置格式应为 1=审判长,2=原告", item, code="seats.format")
        number, role = int(match.group(1)), match.group(2)
        if number < 1:
            raise InputError("声道编号从 1 开始", item, code="seats.from_one")
        if number - 1 in result:
            raise InputError("声道编号重复", item, code="seats.repeated")
        if role not in known_roles():
            raise InputError("未知的席位角色：" + role, "可用：" + "、".join(known_roles()), code="seats.unknown_role",
                             params={"role": role})
        if channels is not None and number > channels:
            raise InputError(f"录音只有 {channels} 个声道，没有第 {number} 声道", item, code="seats.no_channel",
                             params={"channels": channels, "number": number})
        result[number - 1] = role
    return result


def frame_levels(samples: np.ndarray, rate: int) -> np.ndarray:
    """RMS level in dBFS per 20 ms frame; shape (frames, channels)."""
    hop = int(rate * FRAME_SECONDS)
    n = samples.shape[0] // hop
    if n == 0:
        return np.zeros((0, samples.shape[1]), dtype=np.float32)
    frames = samples[: n * hop].reshape(n, hop, samples.shape[1])
    power = np.mean(np.square(frames, dtype=np.float32), axis=1)
    return (10.0 * np.log10(power + 1e-12)).astype(np.float32)


def channel_activity(levels: np.ndarray, settings: SeatSettings) -> tuple[np.ndarray, np.ndarray]:
    """Per-frame margin above each channel's noise floor and the active mask (frames, ch)."""
    floor = np.percentile(levels, 10, axis=0) if len(levels) else np.zeros(levels.shape[1])
    margin = levels - np.maximum(floor, -100.0)[None, :]
    return margin, margin > settings.active_margin_db


def frame_winners(levels: np.ndarray, settings: SeatSettings) -> np.ndarray:
    """The loudest active channel per frame, or -1 for silence."""
    margin, active = channel_activity(levels, settings)
    masked = np.where(active, margin, -np.inf)
    winners = np.argmax(masked, axis=1)
    winners[~active.any(axis=1)] = -1
    return winners


def _runs(labels: np.ndarray) -> list[tuple[int, int, int]]:
    """(label, first frame, end frame) for each run of equal labels."""
    if len(labels) == 0:
        return []
    edges = np.flatnonzero(np.diff(labels)) + 1
    starts = np.concatenate(([0], edges))
    ends = np.concatenate((edges, [len(labels)]))
    return [(int(labels[s]), int(s), int(e)) for s, e in zip(starts, ends)]


def seat_turns(samples: np.ndarray, rate: int, channel_map: dict[int, str],
               settings: SeatSettings | None = None) -> list[Turn]:
    """Speaker turns of a multi-channel recording; unmapped channels are "声道N"."""
    settings = settings or SeatSettings()
    winners = frame_winners(frame_levels(samples, rate), settings)
    min_burst = int(round(settings.min_burst / FRAME_SECONDS))
    # A brief win by another channel inside someone's speech is a cross-talk blip.
    for label, s, e in _runs(winners):
        if label >= 0 and e - s < min_burst:
            winners[s:e] = -1
    spans: list[list[int]] = []  # [channel, start frame, end frame]
    max_pause = int(round(settings.max_pause / FRAME_SECONDS))
    for label, s, e in _runs(winners):
        if label < 0:
            continue
        if spans and spans[-1][0] == label and s - spans[-1][2] <= max_pause:
            spans[-1][2] = e
        else:
            spans.append([label, s, e])
    duration = samples.shape[0] / rate
    turns: list[Turn] = []
    for index, (label, s, e) in enumerate(spans):
        start, end = s * FRAME_SECONDS, e * FRAME_SECONDS
        if end - start < settings.min_turn:
            continue
        prev_end = spans[index - 1][2] * FRAME_SECONDS if index else 0.0
        next_start = spans[index + 1][1] * FRAME_SECONDS if index + 1 < len(spans) else duration
        start = max(start - settings.pad, (prev_end + start) / 2, 0.0)
        end = min(end + settings.pad, (end + next_start) / 2, duration)
        speaker = channel_map.get(label, f"声道{label + 1}")
        turns.append(Turn(round(start, 3), round(end, 3), label, speaker))
    return turns


def vad_turns(mono: np.ndarray, rate: int, speaker: str, min_silence_ms: int = 500,
              pad_ms: int = 150, threshold: float = 0.5) -> list[Turn]:
    """Speech spans of a single channel by Silero VAD (speaker unknown)."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    from engines.offline import quiet_onnxruntime

    quiet_onnxruntime()  # the Silero VAD runs on onnxruntime

    options = VadOptions(threshold=threshold, min_silence_duration_ms=min_silence_ms,
                         speech_pad_ms=pad_ms, max_speech_duration_s=28.0)
    spans = get_speech_timestamps(mono, options, sampling_rate=rate)
    return [Turn(round(s["start"] / rate, 3), round(s["end"] / rate, 3), None, speaker)
            for s in spans]


def split_long_turns(turns: list[Turn], samples: np.ndarray, rate: int,
                     max_seconds: float = 28.0) -> list[Turn]:
    """Cut turns longer than one Whisper window at their quietest frame."""
    out: list[Turn] = []
    pending = list(turns)
    while pending:
        turn = pending.pop(0)
        if turn.duration <= max_seconds:
            out.append(turn)
            continue
        channel = turn.channel if turn.channel is not None else 0
        lo = int((turn.start + max_seconds * 0.5) * rate)
        hi = int((turn.start + max_seconds) * rate)
        levels = frame_levels(samples[lo:hi, channel:channel + 1], rate)[:, 0]
        # Smooth over 0.2 s so a pause, not a single quiet frame between syllables, is chosen.
        smooth = np.convolve(levels, np.ones(10) / 10, mode="same") if len(levels) else levels
        cut = turn.start + max_seconds * 0.5 + (int(np.argmin(smooth)) if len(smooth) else 0) * FRAME_SECONDS
        out.append(Turn(turn.start, round(cut, 3), turn.channel, turn.speaker))
        pending.insert(0, Turn(round(cut, 3), turn.end, turn.channel, turn.speaker))
    return out
