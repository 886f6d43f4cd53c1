"""Benchmark hearing transcription: our pipeline against plain faster-whisper, same run.

Data (read in place, never copied): ../shared/data/real-speech/ (real Mandarin clips with
human transcripts, refs.json) and ../shared/data/hearing/ (synthetic mock hearings, for
regression). Every configuration runs in its own process so that its peak memory is its own.

    .venv/bin/python tests/bench/bench_transcription.py              # everything, writes docs
    .venv/bin/python tests/bench/bench_transcription.py --real-only --limit 10 --stages default,no_correct
    .venv/bin/python tests/bench/bench_transcription.py --no-ablation  # ours + plain only

Configurations:
- ``plain``: ``WhisperModel(<the shipped base model>)`` with language="zh", beam_size=5,
  vad_filter=False, no initial prompt, defaults otherwise;
- ``ours``: the ``trial-assistant transcribe`` pipeline (Transcriber + the same request the
  command line builds), with case information for the hearings when asked;
- ablations: ``ours`` with one stage switched off (or a variant), see ``VARIANTS``.

Scoring (both sides alike, see ``normalise``): NFKC, Traditional -> Simplified (OpenCC),
Arabic numerals spelt in Chinese with cn2an (decimals and per cents too; years digit by
digit), 两 -> 二, punctuation and whitespace removed. CER is pooled (edits / reference
characters); the by-speaker figure is the mean of each speaker's pooled CER.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
from transcription_shading import (calibration_section, fit_half, shading_figures,  # noqa: E402,F401  (fit_half: used by fit_confidence.py)
                                   shading_section)
from transcription_notes import NOTES  # noqa: E402
SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
# BENCH_REAL_DIR: a degraded copy of the real set (--condition, see degrade.py).
REAL = Path(os.environ.get("BENCH_REAL_DIR") or SHARED / "real-speech")
HEARING = SHARED / "hearing"
OUT = REPO / "docs" / "benchmarks" / "transcription.md"
CACHE = Path(tempfile.gettempdir()) / "trial-assistant-test-cache"

# Variants of our pipeline: name -> TranscriptionRequest overrides. "default" is the product.
# Variants in FULL_VARIANTS also run on the synthetic set (the rest on the real set only,
# unless --full-ablation): a stage kept for the real set must not hurt the synthetic one.
FULL_VARIANTS = {"no_correct", "no_rescore", "beam5", "beam10", "old_vad"}
VARIANTS: dict[str, dict] = {
    "default": {},
    "no_vad": {"use_vad": False},
    "no_correct": {"correct": False},
    "no_rescore": {"rescore": False},
    "prompt_zh": {"style_prompt": "以下是普通话的句子。"},
    "beam8": {"beam_size": 8},
    "rescore_03": {"rescore": True, "lm_weight": 0.3},
    "rescore_06": {"rescore": True, "lm_weight": 0.6},
    "rescore_10": {"rescore": True, "lm_weight": 1.0},
    "no_cleanup": {"cleanup": False},
    "no_fallback": {"temperature_fallback": False},
    "beam1": {"beam_size": 1},
    "patience2": {"patience": 2.0},
    "vad_wide": {"vad_pad_ms": 400, "decode_min_silence_ms": 1000, "vad_threshold": 0.35},
    "hints_hotwords": {"prompt_mode": "hotwords"},
    # Without the settings chosen in the second round (beam 10, VAD padding 500 ms).
    "beam5": {"beam_size": 5},
    "pad150": {"vad_pad_ms": 150},
    "beam5_pad150": {"beam_size": 5, "vad_pad_ms": 150},
    "lp0": {"length_penalty": 0.0},
    "lp05": {"length_penalty": 0.5},
    "cond_prev": {"condition_on_previous_text": True},
    "rescore_samples": {"rescore_sampling": True},
    # The VAD before session 6: Whisper heard every short-pause span apart (packed with
    # silence between them), cut with threshold 0.5 and 500 ms padding.
    "old_vad": {"decode_min_silence_ms": 300, "vad_pad_ms": 500, "vad_threshold": 0.5},
    # The beam before session 7, and a wider one (measured, not kept: worse on telephone audio).
    "beam10": {"beam_size": 10},
    "beam24": {"beam_size": 24},
}


def style_group(style: str) -> str:
    """Map refs.json's free-text ``style`` to read / spontaneous / meeting / broadcast."""
    style = style.lower()
    if "far-field" in style:
        return "meeting"
    if "broadcast" in style or "commentary" in style or "acted" in style:
        return "broadcast"
    if "spontaneous" in style or "dialect" in style or "telephone" in style:
        return "spontaneous"
    return "read"


def normalise(text: str) -> str:
    """Scoring normalisation (the project's, which the product tests use too)."""
    from engines.transcription.scoring import normalise_for_scoring

    return normalise_for_scoring(text)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


EVERY = int(os.environ.get("BENCH_EVERY", "1"))
# Fixed halves for choosing settings on one and checking them on the other: clips sorted by
# file name, A = even positions, B = odd positions.
HALF = os.environ.get("BENCH_HALF", "").upper()


def real_clips(limit: int) -> list[dict]:
    """refs.json entries (every BENCH_EVERY-th, or the BENCH_HALF half; first ``limit`` when
    > 0), style group added."""
    refs = json.loads((REAL / "refs.json").read_text(encoding="utf-8"))
    if HALF in ("A", "B"):
        refs = sorted(refs, key=lambda r: r["audio"])["AB".index(HALF)::2]
    refs = refs[::max(1, EVERY)]
    for ref in refs:
        ref["group"] = style_group(ref["style"])
    return refs[:limit] if limit > 0 else refs


def hearings() -> list[dict]:
    """The synthetic hearings' JSON, with the full reference text added."""
    refs = []
    for path in sorted(HEARING.glob("*.json")):
        ref = json.loads(path.read_text(encoding="utf-8"))
        ref["reference_text"] = "".join(s["text"] for s in ref["segments"])
        refs.append(ref)
    return refs


# What the case file would hold for each mock hearing (parties are registered at filing).
CASE_PARTIES = {
    "d1_lease": ["杨帆", "何建军"],
    "d2_property": ["武汉安居物业服务有限公司", "郭丽娟"],
}


def case_text(ref: dict) -> str:
    """The case text a clerk's record gives for a hearing: parties, cause, court.

    Built from the hearing's JSON fields that a case record holds (not from its transcript).
    """
    lines = [f"案由：{ref['cause']}", f"法院：{ref['court']}"]
    lines += [f"当事人：{name}" for name in CASE_PARTIES.get(ref["id"], [])]
    return "\n".join(lines)


def _timed(fn):
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def worker_ours(variant: str, sets: list[str], limit: int) -> dict:
    """Our pipeline on the chosen sets; model load included in the time."""
    (transcriber, load_s, load_cpu) = _timed(lambda: _our_transcriber())
    from engines.transcription.pipeline import request_for

    overrides = VARIANTS[variant]
    rows = []
    if "real" in sets:
        for ref in real_clips(limit):
            request = request_for(**overrides)
            result, wall, cpu = _timed(lambda: transcriber.transcribe_file(REAL / ref["audio"], request))
            rows.append(_row("real", ref["audio"], ref["text"], result, wall, cpu,
                             speaker=ref["speaker"], group=ref["group"]))
    if "hearing" in sets:
        for ref in hearings():
            for kind in ("multi", "mono"):
                for with_case in (True, False):
                    request = request_for(
                        channels=ref["channels"] if kind == "multi" else None,
                        case_text=case_text(ref) if with_case else "", **overrides)
                    result, wall, cpu = _timed(
                        lambda: transcriber.transcribe_file(HEARING / ref["audio"][kind], request))
                    row = _row("hearing", f"{ref['id']}.{kind}", ref["reference_text"], result,
                               wall, cpu, case=with_case)
                    if kind == "multi":
                        from engines.transcription.scoring import speaker_score

                        score = speaker_score([(s["speaker"], s["text"]) for s in ref["segments"]],
                                              [(s.speaker, s.text) for s in result.segments])
                        row["sa_errors"], row["sa_chars"] = score.errors, score.reference_chars
                    rows.append(row)
    return {"rows": rows, "load_s": load_s, "load_cpu": load_cpu}


def _our_transcriber():
    from engines.transcription.pipeline import Transcriber

    return Transcriber(cache_dir=CACHE, cpu_threads=2)


def _row(dataset: str, name: str, reference: str, result, wall: float, cpu: float, **extra) -> dict:
    from engines.transcription.scoring import edit_distance

    ref, hyp = normalise(reference), normalise("".join(s.text for s in result.segments))
    row = {"set": dataset, "name": name, "duration": result.duration, "wall": wall, "cpu": cpu,
           "edits": edit_distance(ref, hyp), "chars": len(ref), "hyp": hyp, **extra}
    row.update(shading_figures(reference, result))
    # Word texts and confidences, for calibrating the shading offline (--dump).
    row["words"] = [[i, w.text, w.probability] for i, s in enumerate(result.segments)
                    for w in s.words]
    row["ref"] = normalise(reference)
    return row


def worker_plain(sets: list[str], limit: int) -> dict:
    """Plain faster-whisper: same model, language zh, beam 5, no VAD filter, no prompt."""
    from faster_whisper import WhisperModel

    from engines.transcription.model_store import assemble_base_model

    path = assemble_base_model(CACHE)
    model, load_s, load_cpu = _timed(lambda: WhisperModel(str(path), device="cpu"))

    def run(audio: Path):
        segments, info = model.transcribe(str(audio), language="zh", beam_size=5,
                                          vad_filter=False)
        return "".join(s.text for s in segments), info.duration

    rows = []
    inputs = []
    if "real" in sets:
        inputs += [("real", REAL / r["audio"], r["audio"], r["text"],
                    {"speaker": r["speaker"], "group": r["group"]}) for r in real_clips(limit)]
    if "hearing" in sets:
        inputs += [("hearing", HEARING / r["audio"][kind], f"{r['id']}.{kind}", r["reference_text"],
                    {"case": False}) for r in hearings() for kind in ("multi", "mono")]
    from engines.transcription.scoring import edit_distance

    for dataset, audio, name, reference, extra in inputs:
        (text, duration), wall, cpu = _timed(lambda: run(audio))
        ref, hyp = normalise(reference), normalise(text)
        rows.append({"set": dataset, "name": name, "duration": duration, "wall": wall,
                     "cpu": cpu, "edits": edit_distance(ref, hyp), "chars": len(ref),
                     "hyp": hyp, **extra})
    return {"rows": rows, "load_s": load_s, "load_cpu": load_cpu}


def worker_live(speed: float) -> list[dict]:
    """Live mode: the first four-channel hearing played as a live input; latency per turn.

    Whisper runs in the decoder child process, as in the application (started with the
    hearing, so its model load overlaps the first utterance).
    """
    from engines.transcription.live import LiveSession
    from engines.transcription.live_decoder import ChildDecoder
    from engines.transcription.live_inputs import WavPlaybackInput
    from engines.transcription.pipeline import TranscriptionRequest

    ref = hearings()[0]
    decoder = ChildDecoder(cache_dir=CACHE,
                           cpu_threads=2)
    source = WavPlaybackInput(HEARING / ref["audio"]["multi"], speed=speed)
    session = LiveSession(None, source, TranscriptionRequest(channels=ref["channels"]),
                          decoder=decoder)
    session.start()
    session.wait_until_source_finished(ref["duration"] / speed + 60)
    shown_live = len(session.segments)
    result = session.stop()
    rows = []
    for segment, shown in zip(result.transcript.segments, session.emitted_at):
        # Latency from the end of the reference utterance nearest this segment's end.
        end = min((s["end"] for s in ref["segments"]), key=lambda e: abs(e - segment.end))
        rows.append({"id": ref["id"], "speaker": segment.speaker, "utterance_end": end,
                     "latency": shown - source.audio_time_to_monotonic(end),
                     "live": len(rows) < shown_live,
                     # the decoder child, reaped by stop(): its own peak
                     "decoder_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                     / 1024.0})
    return rows


def _start_worker(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, "--worker", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, encoding="utf-8")


def _finish_worker(proc: subprocess.Popen, args: list[str]) -> dict:
    out, err = proc.communicate()
    if proc.returncode:
        sys.stderr.write(err[-4000:])
        raise SystemExit(f"worker {args} failed")
    return json.loads(out.strip().splitlines()[-1])


# -- summaries -----------------------------------------------------------------------------

def pooled(rows: list[dict]) -> float:
    """Edits over reference characters."""
    chars = sum(r["chars"] for r in rows)
    return sum(r["edits"] for r in rows) / chars if chars else float("nan")


def by_speaker(rows: list[dict]) -> float:
    """Mean over speakers of each speaker's pooled CER."""
    speakers: dict[str, list[dict]] = {}
    for row in rows:
        speakers.setdefault(row.get("speaker", row["name"]), []).append(row)
    values = [pooled(group) for group in speakers.values()]
    return sum(values) / len(values) if values else float("nan")


def summarise(payload: dict) -> dict:
    """Figures of one configuration."""
    rows = payload["rows"]
    real = [r for r in rows if r["set"] == "real"]
    hear = [r for r in rows if r["set"] == "hearing"]
    out = {"peak_mb": payload["peak_mb"], "load_s": payload["load_s"]}
    if real:
        out["real"] = pooled(real)
        out["real_speaker"] = by_speaker(real)
        for group in ("read", "spontaneous", "meeting", "broadcast"):
            sub = [r for r in real if r["group"] == group]
            out[f"real_{group}"] = pooled(sub) if sub else float("nan")
    if hear:
        with_case = [r for r in hear if r.get("case")]
        without = [r for r in hear if not r.get("case")]
        if with_case:
            out["hear_case"] = pooled(with_case)
        out["hear_nocase"] = pooled(without)
        multi = [r for r in with_case if "sa_errors" in r]
        if multi:
            out["sa_cer"] = sum(r["sa_errors"] for r in multi) / sum(r["sa_chars"] for r in multi)
    audio = sum(r["duration"] for r in rows)
    # Model load counted once, as a command-line run pays it.
    out["rtf"] = (sum(r["wall"] for r in rows) + payload["load_s"]) / audio
    out["cpu_s"] = sum(r["cpu"] for r in rows) + payload["load_cpu"]
    out["cpu_rtf"] = out["cpu_s"] / audio
    out["audio_s"] = audio
    for name, subset in (("real", real), ("hear", hear)):
        if subset:  # without the model load
            out[f"rtf_{name}"] = (sum(r["wall"] for r in subset)
                                  / sum(r["duration"] for r in subset))
    for name, subset in (("real", real), ("hear", hear)):
        if subset and "err_chars" in subset[0]:
            err = sum(r["err_chars"] for r in subset)
            out[f"{name}_err_shaded"] = sum(r["err_shaded"] for r in subset) / err if err else 0.0
            out[f"{name}_lines_shaded"] = (sum(r["shaded_lines"] for r in subset)
                                          / max(1, sum(r["lines"] for r in subset)))
    return out


def _fmt(value) -> str:
    return "–" if value is None or value != value else f"{value:.3f}"


def main() -> int:
    """Run the configurations (each in its own worker process), print and write figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", nargs="+")
    parser.add_argument("--real-only", action="store_true")
    parser.add_argument("--synthetic-only", action="store_true")
    parser.add_argument("--limit", type=int, default=0, help="first N real clips only")
    parser.add_argument("--stages", default="",
                        help="comma list of variants of ours to run (default: all of VARIANTS)")
    parser.add_argument("--no-ablation", action="store_true", help="only default and plain")
    parser.add_argument("--no-plain", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="do not write the docs")
    parser.add_argument("--live", action="store_true",
                        help="also play the first four-channel hearing as a live input and "
                             "print the latency of each utterance (issue 3's live mode)")
    parser.add_argument("--jobs", type=int, default=1,
                        help="workers run at once (each has its own process and peak memory)")
    parser.add_argument("--full-ablation", action="store_true",
                        help="run the variants on the synthetic set too (default: real set only)")
    parser.add_argument("--dump", default="", help="write all rows to this JSON file")
    parser.add_argument("--condition", default="",
                        help="real set degraded by one of degrade.CONDITIONS (never writes docs)")
    args = parser.parse_args()
    if args.condition and not args.worker:
        from degrade import prepare

        os.environ["BENCH_REAL_DIR"] = str(prepare(REAL, CACHE, args.condition))
        args.no_write = True
    sets = ["real", "hearing"]
    if args.real_only:
        sets = ["real"]
    if args.synthetic_only:
        sets = ["hearing"]
    if args.worker:
        kind, *rest = args.worker
        if kind == "live":
            rows = worker_live(1.0)
            print(json.dumps({"rows": rows, "peak_mb": _peak_mb()}, ensure_ascii=False))
            return 0
        payload = worker_plain(sets, args.limit) if kind == "plain" else worker_ours(kind, sets, args.limit)
        payload["peak_mb"] = _peak_mb()
        print(json.dumps(payload, ensure_ascii=False))
        return 0

    variants = ([v for v in args.stages.split(",") if v] if args.stages
                else ["default"] if args.no_ablation else list(VARIANTS))
    common = (["--real-only"] if args.real_only else []) + (
        ["--synthetic-only"] if args.synthetic_only else []) + ["--limit", str(args.limit)]
    load_before = os.getloadavg()
    payloads: dict[str, dict] = {}
    order = ([] if args.no_plain else ["plain"]) + variants
    running: list[tuple[str, list[str], subprocess.Popen]] = []

    def collect(item) -> None:
        name, worker_args, proc = item
        payloads[name] = _finish_worker(proc, worker_args)
        s = summarise(payloads[name])
        print(f"{name:<16} " + " ".join(f"{k}={_fmt(v) if isinstance(v, float) else v}"
                                       for k, v in s.items()), flush=True)

    for name in order:
        extra = [] if name in ("plain", "default") or name in FULL_VARIANTS or args.full_ablation \
            or args.synthetic_only \
            else ["--real-only"]
        if len(running) >= max(1, args.jobs):
            collect(running.pop(0))
        worker_args = [name] + common + extra
        running.append((name, worker_args, _start_worker(worker_args)))
    while running:
        collect(running.pop(0))
    payloads = {name: payloads[name] for name in order}
    if args.live:
        live = _finish_worker(_start_worker(["live"]), ["live"])
        latencies = [r["latency"] for r in live["rows"]]
        print("live latencies (s):", " ".join(f"{x:.1f}" for x in latencies),
              f"peak {live['peak_mb']:.0f} MB", flush=True)
    load_after = os.getloadavg()
    if args.dump:
        Path(args.dump).write_text(json.dumps(payloads, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.no_write or args.limit or args.real_only or args.synthetic_only or "plain" not in payloads:
        return 0
    write_doc(payloads, variants, load_before, load_after)
    return 0




def _cpu_model() -> str:
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            if line.startswith("Model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _command_args() -> list[str]:
    """The options of this run as typed (without a --dump path, which is local)."""
    args = sys.argv[1:]
    if "--dump" in args:
        at = args.index("--dump")
        args = args[:at] + args[at + 2:]
    return args


def write_doc(payloads: dict, variants: list[str], load_before, load_after) -> None:
    """Write docs/benchmarks/transcription.md from the payloads of one run."""
    sums = {name: summarise(p) for name, p in payloads.items()}
    plain, ours = sums["plain"], sums["default"]
    lines = [
        "## Hearing transcription (issues 3 and 12)",
        "",
        f"Machine: {os.cpu_count()} CPU cores ({_cpu_model()}), possibly shared with other "
        f"jobs (load average {load_before[0]:.1f} before, {load_after[0]:.1f} after): "
        "wall-clock RTF is pessimistic, CPU seconds are given too. Model: the shipped Whisper "
        "base (CTranslate2; int8 in ours, default compute type in plain). Command: "
        f"`.venv/bin/python tests/bench/bench_transcription.py {' '.join(_command_args())}` "
        "(one run, every configuration in its own process).",
        "",
        f"Real set: ../shared/data/real-speech ({len([r for r in payloads['plain']['rows'] if r['set'] == 'real'])} "
        "clips of real Mandarin speech, human transcripts). Synthetic set: ../shared/data/hearing "
        "(2 mock hearings, four-channel and mono files). Plain = `WhisperModel(base)` with "
        "language=\"zh\", beam_size=5, vad_filter=False, no prompt, defaults otherwise. "
        "CER after NFKC, Traditional->Simplified (OpenCC), Arabic numerals spelt in Chinese "
        "(cn2an; years digit by digit; decimals and per cents), 两->二, punctuation and "
        "whitespace removed, on both sides.",
        "",
        "| measure | plain faster-whisper | ours | ratio / target |",
        "| --- | --- | --- | --- |",
    ]
    if "real" in ours:
        ratio = ours["real"] / plain["real"]
        lines.append(f"| real set CER (pooled) | {_fmt(plain['real'])} | {_fmt(ours['real'])} "
                     f"| {ratio:.3f}x (target ≤ 0.90x: {'met' if ratio <= 0.9 else 'not met'}; "
                     f"stretch ≤ 0.75x: {'met' if ratio <= 0.75 else 'not met'}) |")
        sratio = ours["real_speaker"] / plain["real_speaker"]
        lines.append(f"| real set CER (mean of speakers) | {_fmt(plain['real_speaker'])} | "
                     f"{_fmt(ours['real_speaker'])} | {sratio:.2f}x |")
        for group in ("read", "spontaneous", "meeting", "broadcast"):
            lines.append(f"| real set CER, {group} | {_fmt(plain['real_' + group])} | "
                         f"{_fmt(ours['real_' + group])} | |")
    if "hear_case" in ours:
        lines.append(f"| synthetic CER, with case text | {_fmt(plain['hear_nocase'])} | "
                     f"{_fmt(ours['hear_case'])} | target ≤ 0.150 "
                     f"({'met' if ours['hear_case'] <= 0.15 else 'not met'}), stretch 0.115 |")
        lines.append(f"| synthetic CER, without case information | {_fmt(plain['hear_nocase'])} | "
                     f"{_fmt(ours['hear_nocase'])} | target ≤ 0.187 "
                     f"({'met' if ours['hear_nocase'] <= 0.187 else 'not met'}) |")
        lines.append(f"| speaker-attributed CER, four-channel files (with case text) | – | "
                     f"{_fmt(ours.get('sa_cer'))} | target ≤ 0.16 "
                     f"({'met' if ours.get('sa_cer', 1) <= 0.16 else 'not met'}) |")
    lines += [
        f"| RTF, wall clock, model load included | {_fmt(plain['rtf'])} | {_fmt(ours['rtf'])} "
        f"| target ≤ 0.2 ({'met' if ours['rtf'] <= 0.2 else 'not met'}) |",
        f"| RTF by set, load left out: real clips (each fits one 30 s window) / synthetic "
        f"hearings (several windows) | {_fmt(plain.get('rtf_real'))} / {_fmt(plain.get('rtf_hear'))} "
        f"| {_fmt(ours.get('rtf_real'))} / {_fmt(ours.get('rtf_hear'))} | a long recording's "
        "windows are decoded side by side; a one-window clip uses one instance |",
        f"| CPU seconds (all sets, load included) / audio seconds | {plain['cpu_s']:.0f} s / "
        f"{plain['audio_s']:.0f} s | {ours['cpu_s']:.0f} s / {ours['audio_s']:.0f} s | CPU RTF "
        f"{ours['cpu_rtf']:.3f} (÷2 cores: {ours['cpu_rtf'] / 2:.3f}) |",
        f"| peak memory (worker RSS) | {plain['peak_mb']:.0f} MB | {ours['peak_mb']:.0f} MB "
        f"| target ≤ 1.5 GB ({'met' if ours['peak_mb'] <= 1536 else 'not met'}) |",
    ]
    if "real_err_shaded" in ours:
        lines.append(
            f"| confidence: erroneous chars inside shaded words / lines shaded (real) | – | "
            f"{ours['real_err_shaded']:.0%} / {ours['real_lines_shaded']:.0%} | target ≥ 70% / ≤ 35% |")
    if "hear_err_shaded" in ours:
        lines.append(
            f"| confidence: erroneous chars inside shaded words / lines shaded (synthetic) | – | "
            f"{ours['hear_err_shaded']:.0%} / {ours['hear_lines_shaded']:.0%} | target ≥ 70% / ≤ 35% |")
    lines += ["", "### Each stage on the real set (with and without it, same run)", "",
              "| configuration | real CER | real CER (speakers) | synthetic with case | "
              "synthetic without | RTF (wall) | CPU s |", "| --- | --- | --- | --- | --- | --- | --- |"]
    for name in ["plain"] + variants:
        s = sums[name]
        lines.append(f"| {name} | {_fmt(s.get('real'))} | {_fmt(s.get('real_speaker'))} | "
                     f"{_fmt(s.get('hear_case'))} | {_fmt(s.get('hear_nocase'))} | "
                     f"{_fmt(s['rtf'])} | {s['cpu_s']:.0f} |")
    lines += ["", "Variants: " + "; ".join(f"`{k}` = {v or 'the product as shipped'}"
                                          for k, v in VARIANTS.items() if k in variants) + ".", ""]
    lines += shading_section(payloads["default"]["rows"])
    lines += calibration_section(payloads["default"]["rows"])
    lines += [NOTES]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    raise SystemExit(main())
