"""Run Whisper over speaker turns, several turns per 30 s window, and split the words back.

Whisper always encodes a 30 s window, so decoding each short turn on its own would pay for
a full window every time ("不申请。" costs as much as a long statement). Turns are therefore
packed: each turn's audio (from its own seat's channel, which carries no cross-talk) is laid
end to end with a short silence between turns until a window is nearly full. One decode
with word timestamps covers the pack, and each word goes back to the turn its time falls in.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable, Iterator

import numpy as np

from engines.common import CancelToken, NEVER_CANCELLED
from engines.transcription.results import Word
from engines.transcription.seats import Turn

PACK_SECONDS = 28.0
GAP_SECONDS = 0.8
END_SHIFT = 0.25
# A segment covering this share of another turn holds that turn's speech: split it by words.
OTHER_TURN_SHARE = 0.5
# Temperature fallback samples at random. CTranslate2 seeds each of its threads' generators
# once, from this seed, when the thread first samples (setting the seed later changes nothing
# for that thread): model_store.load_whisper sets it before a model exists, so a recording
# decoded in a fresh process (the application's decode child) always gives the same text, and
# benchmark rows compare settings rather than luck. The value itself was not tuned.
SAMPLING_SEED = 1234


@dataclass
class DecodeOptions:
    """Whisper decoding settings used for hearings (see the module docstring of pipeline)."""

    language: str = "zh"
    beam_size: int = 5
    patience: float = 1.0
    prompt: str = ""
    prompt_as_hotwords: bool = True
    # A fixed initial prompt (e.g. a Simplified Chinese sentence with punctuation).
    style_prompt: str = ""
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6)
    compression_ratio_threshold: float = 2.2
    log_prob_threshold: float = -1.0
    no_speech_threshold: float = 0.6
    pack_seconds: float = PACK_SECONDS
    # N-best rescoring: a callable scoring simplified CJK text (see rescoring.make_scorer),
    # or None to take Whisper's first hypothesis.
    scorer: Callable[[str], float] | None = None
    lm_weight: float = 0.6
    # Beam search length penalty (CTranslate2's exponent; 1.0 = faster-whisper's default).
    length_penalty: float = 1.0
    condition_on_previous_text: bool = False
    # Also rerank the samples of temperature fallback with the language model.
    rescore_sampling: bool = False


@dataclass
class TurnText:
    """The raw recogniser output for one turn (times are in the recording's timeline)."""

    turn: Turn
    raw_text: str
    words: list[Word] = field(default_factory=list)


@dataclass
class _Placed:
    turn: Turn
    offset: float  # where the turn starts inside the pack


def make_packs(turns: list[Turn], pack_seconds: float = PACK_SECONDS) -> list[list[Turn]]:
    """Group consecutive turns so that each group fits one window with gaps between turns."""
    packs: list[list[Turn]] = []
    current: list[Turn] = []
    length = 0.0
    for turn in turns:
        extra = turn.duration + (GAP_SECONDS if current else 0.0)
        if current and length + extra > pack_seconds:
            packs.append(current)
            current, length = [], 0.0
            extra = turn.duration
        current.append(turn)
        length += extra
    if current:
        packs.append(current)
    return packs


def _pack_audio(pack: list[Turn], source: Callable[[Turn], np.ndarray],
                rate: int) -> tuple[np.ndarray, list[_Placed]]:
    pieces: list[np.ndarray] = []
    placed: list[_Placed] = []
    cursor = 0
    gap = np.zeros(int(GAP_SECONDS * rate), dtype=np.float32)
    for index, turn in enumerate(pack):
        if index:
            pieces.append(gap)
            cursor += len(gap)
        audio = source(turn)
        placed.append(_Placed(turn, cursor / rate))
        pieces.append(audio)
        cursor += len(audio)
    return np.concatenate(pieces) if pieces else np.zeros(0, np.float32), placed


def _transcribe_pack(model, audio: np.ndarray, options: DecodeOptions):
    kwargs = dict(
        language=options.language,
        task="transcribe",
        beam_size=options.beam_size,
        patience=options.patience,
        length_penalty=options.length_penalty,
        temperature=list(options.temperatures),
        compression_ratio_threshold=options.compression_ratio_threshold,
        log_prob_threshold=options.log_prob_threshold,
        no_speech_threshold=options.no_speech_threshold,
        condition_on_previous_text=options.condition_on_previous_text,
        vad_filter=False,
        word_timestamps=True,
        without_timestamps=False,
    )
    if options.style_prompt:
        kwargs["initial_prompt"] = options.style_prompt
    if options.prompt:
        if options.prompt_as_hotwords:
            kwargs["hotwords"] = options.prompt
        else:
            kwargs["initial_prompt"] = options.prompt
    if options.scorer is None:
        segments, _info = model.transcribe(audio, **kwargs)
        return list(segments)
    from engines.transcription.rescoring import RescoringModel

    inner = model.model
    model.model = RescoringModel(inner, model.hf_tokenizer, options.scorer, options.lm_weight,
                                 options.rescore_sampling)
    try:
        segments, _info = model.transcribe(audio, **kwargs)
        return list(segments)  # decoding is lazy: it runs here, with the proxy in place
    finally:
        model.model = inner


def decode_turns(model, turns: list[Turn], source: Callable[[Turn], np.ndarray], rate: int,
                 options: DecodeOptions, cancel: CancelToken = NEVER_CANCELLED,
                 on_pack: Callable[[int, int], None] | None = None) -> Iterator[TurnText]:
    """Yield :class:`TurnText` for every turn, in order, one pack at a time.

    ``model`` is a faster-whisper model or a list of them. With several, packs are decoded
    side by side, pack ``i`` always by model ``i % n`` on its own thread: a model instance is
    never used by two threads at once (the rescoring proxy is swapped in per call), and each
    instance sees the same calls in the same order every time, so in a fresh process the
    temperature fallback draws the same samples whatever the timing (CTranslate2 seeds each
    of its threads' generators once, at first use). Beam search gives the same text with one
    instance or several; where a window falls back to sampling, the two layouts may draw
    different samples (tests/engines/transcription/test_decoder_side_by_side.py).
    """
    models = list(model) if isinstance(model, (list, tuple)) else [model]
    packs = make_packs(turns, options.pack_seconds)
    if len(models) > 1 and len(packs) > 1:
        yield from _side_by_side(models, packs, source, rate, options, cancel, on_pack)
        return
    for pack_index, pack in enumerate(packs):
        cancel.check()
        yield from _decode_pack(models[0], pack, source, rate, options, cancel)
        if on_pack:
            on_pack(pack_index + 1, len(packs))


def _side_by_side(models: list, packs: list[list[Turn]], source: Callable[[Turn], np.ndarray],
                  rate: int, options: DecodeOptions, cancel: CancelToken,
                  on_pack: Callable[[int, int], None] | None) -> Iterator[TurnText]:
    """Decode ``packs`` with one thread per model (pack i by model i % n), yield in order.

    CTranslate2 releases the GIL while it works, so the threads really run in parallel. A
    thread's failure (or a cancel) is raised here when its pack's turn comes; leaving the
    generator stops the threads after their current pack and waits for them.
    """
    import threading

    results: dict[int, list[TurnText] | BaseException] = {}
    ready = threading.Condition()
    stop = threading.Event()

    def work(slot: int) -> None:
        for index in range(slot, len(packs), len(models)):
            if stop.is_set():
                return
            try:
                value: list[TurnText] | BaseException = _decode_pack(
                    models[slot], packs[index], source, rate, options, cancel)
            except BaseException as exc:  # noqa: BLE001 - raised in the consuming thread
                value = exc
            with ready:
                results[index] = value
                ready.notify_all()
            if isinstance(value, BaseException):
                return

    threads = [threading.Thread(target=work, args=(slot,), name=f"whisper-{slot}", daemon=True)
               for slot in range(len(models))]
    for thread in threads:
        thread.start()
    try:
        for index in range(len(packs)):
            with ready:
                while index not in results:
                    ready.wait(0.5)
                value = results.pop(index)
            if isinstance(value, BaseException):
                raise value
            cancel.check()
            yield from value
            if on_pack:
                on_pack(index + 1, len(packs))
    finally:
        stop.set()
        for thread in threads:
            thread.join()


def _decode_pack(model, pack: list[Turn], source: Callable[[Turn], np.ndarray], rate: int,
                 options: DecodeOptions, cancel: CancelToken) -> list[TurnText]:
    """One window: decode the pack, give each word to its turn, re-decode skipped turns."""
    cancel.check()
    audio, placed = _pack_audio(pack, source, rate)
    segments = _transcribe_pack(model, audio, options)
    cancel.check()
    pack_end = len(audio) / rate
    assigned: list[list] = []  # [turn index, Whisper word] in the pack's timeline
    for segment in segments:
        whole = _segment_owner(placed, segment.start, segment.end)
        for word in segment.words or []:
            if _is_trailing_ghost(word, pack_end):
                continue
            # Whisper's timestamp tokens mostly break segments at the gaps between turns,
            # so a segment lying mainly in one turn goes there whole. Otherwise each word
            # is placed by its end: a word after a pause is stamped from the end of the
            # previous word, so its start swallows the gap and its end still comes early.
            index = whole if whole is not None else _owner(placed, word.end + END_SHIFT)
            assigned.append([index, word])
    _reclaim_stamped_words(placed, assigned)
    buckets: list[list[Word]] = [[] for _ in placed]
    for index, word in assigned:
        buckets[index].append(_turn_word(placed[index], word))
    out: list[TurnText] = []
    for local, words in zip(placed, buckets):
        if len(pack) > 1 and _looks_skipped(local.turn, words):
            # Whisper sometimes ends a window early and never reaches a later turn:
            # decode that turn on its own (one more window, only when needed).
            cancel.check()
            words = _decode_pack(model, [local.turn], source, rate, options, cancel)[0].words
        raw = "".join(w.text for w in words)
        out.append(TurnText(local.turn, raw, words))
    return out


def _turn_word(local: _Placed, word) -> Word:
    """A Whisper word (pack timeline) as a :class:`Word` in the recording's timeline."""
    shift = local.turn.start - local.offset
    return Word(
        start=round(max(local.turn.start, word.start + shift, word.end + shift - 1.0), 3),
        end=round(min(local.turn.end, max(word.end + shift, local.turn.start)), 3),
        text=word.word,
        probability=round(float(word.probability), 4),
    )


def _reclaim_stamped_words(placed: list[_Placed], assigned: list[list]) -> None:
    """Give a turn that looks skipped back the words stamped wholly inside its span.

    Such a turn would be decoded again on its own; if its words had gone to a neighbour
    (e.g. with a segment given whole), the record would hold them twice. Words whose own
    times lie inside the turn's span in the pack are that turn's speech, so they move back
    (in ``assigned``, which keeps pack order) and the re-decode is only for real skips.
    """
    for index, local in enumerate(placed):
        own = [_turn_word(local, w) for i, w in assigned if i == index]
        if not _looks_skipped(local.turn, own):
            continue
        lo, hi = local.offset, local.offset + local.turn.duration
        for item in assigned:
            if item[0] != index and lo <= item[1].start and item[1].end <= hi:
                item[0] = index


def _looks_skipped(turn: Turn, words: list[Word]) -> bool:
    """No text, or far too little for the turn's length (under one character a second)."""
    chars = sum(len(w.text.strip()) for w in words)
    return chars == 0 and turn.duration >= 0.4 or turn.duration > 2.0 and chars < 0.8 * turn.duration


def _segment_owner(placed: list[_Placed], start: float, end: float) -> int | None:
    """The turn holding most of a segment, if it clearly dominates (twice the runner-up) and
    the segment does not also cover most of another turn.

    A segment that spans most of another turn holds that turn's speech too (Whisper did not
    break at the gap), so it must be split by word times; giving it whole to the dominant
    turn would move the other turn's words away, leave that turn empty, and its re-decode
    (see ``_looks_skipped``) would then produce the same words a second time.
    """
    overlaps = sorted(
        ((min(end, p.offset + p.turn.duration) - max(start, p.offset), i)
         for i, p in enumerate(placed)), reverse=True)
    best = overlaps[0]
    runner_up = overlaps[1][0] if len(overlaps) > 1 else 0.0
    if best[0] <= 0 or best[0] < 2 * max(runner_up, 0.0):
        return None
    for overlap, index in overlaps[1:]:
        if overlap > 0 and overlap >= OTHER_TURN_SHARE * placed[index].turn.duration:
            return None
    return best[1]


def _is_trailing_ghost(word, pack_end: float) -> bool:
    # Text invented after the last speech gets zero-length stamps at the end of the audio.
    return word.end - word.start < 0.02 and word.end >= pack_end - 0.1 or word.probability < 0.02


def _owner(placed: list[_Placed], time: float) -> int:
    """Index of the turn whose span in the pack holds ``time`` (nearest if in a gap)."""
    best, best_distance = 0, math.inf
    for index, local in enumerate(placed):
        start, end = local.offset, local.offset + local.turn.duration
        if start <= time <= end:
            return index
        distance = min(abs(time - start), abs(time - end))
        if distance < best_distance:
            best, best_distance = index, distance
    return best


def split_rows(item: TurnText, rows: list[Turn]) -> list[TurnText]:
    """Cut one decoded stretch of mono speech into the rows of the transcript.

    Whisper decodes a stretch of talk whole (cut only at long silences), because cutting it
    at every short pause and packing the pieces with silence between them made it loop or
    drop words on reverberant and noisy audio. The editor still wants a row per utterance:
    ``rows`` are the recording's short-pause spans, and each word goes to the row that holds
    its end (the nearest when it falls in a gap), as words are placed in a pack. Rows without
    a word are left out; a row's times take in its words', but never reach back into the
    row before it (Whisper's word times can be late or early by a fraction of a second).
    """
    inside = [r for r in rows if r.end > item.turn.start and r.start < item.turn.end]
    if len(inside) < 2 or not item.words:
        return [item]
    placed = [_Placed(row, row.start) for row in inside]
    buckets: list[list[Word]] = [[] for _ in inside]
    for word in item.words:
        buckets[_owner(placed, word.end)].append(word)
    out: list[TurnText] = []
    previous_end = item.turn.start
    for row, words in zip(inside, buckets):
        if not words:
            continue
        start = max(previous_end, min(row.start, words[0].start))
        end = max(start, min(item.turn.end, max(row.end, words[-1].end)))
        previous_end = end
        turn = Turn(round(start, 3), round(end, 3), item.turn.channel, item.turn.speaker)
        out.append(TurnText(turn, "".join(w.text for w in words), words))
    return out
