"""Dump what the confidence calibration can use, for fitting it offline (issue 12).

Runs the product pipeline (the benchmark's default request) over the real set and the
synthetic hearings, as ``bench_transcription.worker_ours("default")`` does, and writes, per
recording, the normalised reference and every segment's words with Whisper's word
probability, timing, the Whisper segment's ``avg_logprob``, ``compression_ratio``,
``no_speech_prob`` and ``temperature``, and the n-best texts of the beam windows the word
came from. Nothing is copied into the product; the dump goes to a file you name (keep it
outside the repository: it holds real reference texts).

    nice .venv/bin/python tests/bench/dump_confidence.py /tmp/confidence-dump.json

Then fit and evaluate with ``tests/bench/fit_confidence.py``.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_transcription as bench  # noqa: E402


def _instrument():
    """Record segment features and n-best texts during decoding (monkeypatched, bench only)."""
    from engines.transcription import decoder, rescoring

    import threading

    # Per thread: a long recording's windows are decoded on two threads at once, and each
    # window's n-best must stay with that window.
    local = threading.local()
    features: dict[int, tuple] = {}
    original_rerank = rescoring.RescoringModel._rerank
    original_pack = decoder._transcribe_pack
    original_word = decoder._turn_word

    def rerank(self, result, length_penalty):
        out = original_rerank(self, result, length_penalty)
        texts = [self._text(ids) for ids in out.sequences_ids]
        local.beams.append(texts)  # chosen first, then Whisper's order
        return out

    def transcribe_pack(model, audio, options):
        local.beams = []
        segments = original_pack(model, audio, options)
        nbest = list(local.beams)
        for segment in segments:
            for word in segment.words or []:
                features[id(word)] = (word, {
                    "avg_logprob": segment.avg_logprob,
                    "compression_ratio": segment.compression_ratio,
                    "no_speech_prob": segment.no_speech_prob,
                    "temperature": segment.temperature,
                    "nbest": nbest,
                })
        return segments

    def turn_word(local, word):
        out = original_word(local, word)
        out._features = features.get(id(word), (None, {}))[1]
        return out

    rescoring.RescoringModel._rerank = rerank
    decoder._transcribe_pack = transcribe_pack
    decoder._turn_word = turn_word


def _record(dataset: str, name: str, reference: str, result, **extra) -> dict:
    packs: list[list[list[str]]] = []
    segments = []
    for seg in result.segments:
        words = []
        for w in seg.words:
            feats = dict(getattr(w, "_features", {}) or {})
            nbest = feats.pop("nbest", [])
            if nbest not in packs:
                packs.append(nbest)
            words.append({"text": w.text, "p": w.probability, "start": w.start, "end": w.end,
                          "pack": packs.index(nbest), **feats})
        segments.append({"text": seg.text, "start": seg.start, "end": seg.end, "words": words})
    return {"set": dataset, "name": name, "ref": bench.normalise(reference),
            "segments": segments, "packs": packs, **extra}


def main() -> int:
    """Decode both sets once and write the dump."""
    out = Path(sys.argv[1])
    _instrument()
    transcriber = bench._our_transcriber()
    from engines.transcription.pipeline import request_for

    rows = []
    for ref in bench.real_clips(0):
        result = transcriber.transcribe_file(bench.REAL / ref["audio"], request_for())
        rows.append(_record("real", ref["audio"], ref["text"], result, group=ref["group"]))
        print(ref["audio"], flush=True)
    for ref in bench.hearings():
        for kind in ("multi", "mono"):
            for with_case in (True, False):
                request = request_for(channels=ref["channels"] if kind == "multi" else None,
                                      case_text=bench.case_text(ref) if with_case else "")
                result = transcriber.transcribe_file(bench.HEARING / ref["audio"][kind], request)
                rows.append(_record("hearing", f"{ref['id']}.{kind}", ref["reference_text"],
                                    result, case=with_case))
                print(ref["id"], kind, with_case, flush=True)
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
