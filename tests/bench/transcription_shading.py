"""Confidence-shading figures of the transcription benchmark (issue 12, deliverable 5).

Kept apart from bench_transcription.py, which measures the text: here each decoded line's words
are aligned with the reference to count the erroneous characters that fall inside shaded words
and the lines shaded, for the product's calibration, the rule before it and Whisper alone.
"""
from __future__ import annotations


def error_positions(ref: str, hyp: str) -> list[list[int]]:
    """Each error as the hypothesis positions where it can be seen: a substituted or inserted
    character at its own place, a deleted reference character on both sides of its gap."""
    from engines.transcription.scoring import _align

    errors: list[list[int]] = []
    last, waiting = None, []
    for r, h in _align(ref, hyp):
        if h is None:
            errors.append([] if last is None else [last])
            waiting.append(errors[-1])
            continue
        for error in waiting:
            error.append(h)
        waiting, last = [], h
        if r is None or ref[r] != hyp[h]:
            errors.append([h])
    return errors


def shading_figures(reference: str, result) -> dict:
    """Confidence check (issue 12): erroneous characters inside shaded words, shaded lines.

    The recording's words (normalised like the texts) are aligned with the reference. A
    substituted or inserted character is an error at its own place; a deleted reference
    character is an error between two recognised characters and counts as shaded when the
    character on either side of the gap is in a shaded word (at the very start or end of a
    recording, the one side there is). A line is shaded when one of its words is. The same
    figures are given for the rule before the calibration (``_shade_before``) and for
    Whisper's word probability alone (below 0.5), on the same words.
    """
    from engines.transcription.confidence import is_low
    from engines.transcription.scoring import normalise_for_scoring as normalise

    rules = {"": lambda seg: [is_low(w) for w in seg.words or []],
             "_before": lambda seg: _shade_before(seg.words or []),
             "_whisper": lambda seg: [w.probability < 0.5 for w in seg.words or []]}
    texts = [[normalise(w.text) for w in seg.words or []] for seg in result.segments]
    hyp = "".join(c for seg in texts for c in seg)
    ref = normalise(reference)
    errors = error_positions(ref, hyp)
    out = {"err_chars": len(errors), "lines": len(result.segments), "hyp_chars": len(hyp)}
    # Errors per line (an error seen from two lines counts half in each): what a perfect
    # choice of lines could shade at most.
    line_of = [k for k, chars in enumerate(texts) for c in chars for _ in c]
    per_line = [0.0] * len(texts)
    for error in errors:
        touched = {line_of[h] for h in error}
        for k in touched:
            per_line[k] += 1 / len(touched)
    out["line_errors"] = per_line
    # What each line's figures say of it, for the calibration table: characters, calibrated
    # expected wrong characters, and Whisper's line score (the % column before issue 12).
    out["line_chars"] = [sum(len(c) for c in chars) for chars in texts]
    out["line_expected"] = [sum((1.0 - w.confidence) * len(c)
                                for w, c in zip(seg.words or [], chars))
                            for seg, chars in zip(result.segments, texts)]
    out["line_whisper"] = [_geometric_mean(seg.words or []) for seg in result.segments]
    for suffix, rule in rules.items():
        flags: list[bool] = []
        shaded_lines = 0
        for seg, chars in zip(result.segments, texts):
            marks = rule(seg)
            shaded_lines += any(m and c for m, c in zip(marks, chars))
            for m, c in zip(marks, chars):
                flags += [bool(m)] * len(c)
        out["err_shaded" + suffix] = sum(any(flags[h] for h in e) for e in errors)
        out["shaded_lines" + suffix] = shaded_lines
        out["chars_shaded" + suffix] = sum(flags)
    return out


def _geometric_mean(words) -> float:
    import math

    if not words:
        return 0.0
    return math.exp(sum(math.log(max(w.probability, 1e-4)) for w in words) / len(words))


def calibration_section(rows: list[dict]) -> list[str]:
    """Predicted against counted error rates of lines, in bands of the prediction: the
    calibrated line figure (the segment's confidence) and Whisper's line score."""
    out = ["", "### Line confidence: predicted and counted error rates", "",
           "Lines grouped by the error rate their figure predicts; each band gives its lines "
           "and, over their characters, the predicted and the counted share of wrong characters "
           "(an error seen from two lines counts half in each). *calibrated* = one minus the "
           "segment's confidence, i.e. the expected wrong characters of engines/transcription/"
           "confidence.py over the characters; *Whisper* = one minus the geometric mean of "
           "Whisper's word probabilities, which the % column showed before.", "",
           "| set | figure | band | lines | predicted | counted |", "| --- | --- | --- | --- | --- | --- |"]
    bands = ((0.0, 0.1), (0.1, 0.2), (0.2, 0.35), (0.35, 1.01))
    for name, label in (("real", "real"), ("hearing", "synthetic")):
        lines = [(n, e, x, w) for r in rows if r["set"] == name and "line_expected" in r
                 for n, e, x, w in zip(r["line_chars"], r["line_errors"], r["line_expected"],
                                       r["line_whisper"]) if n]
        for figure, rate in (("calibrated", lambda n, x, w: x / n),
                             ("Whisper", lambda n, x, w: 1.0 - w)):
            for lo, hi in bands:
                band = [(n, e, rate(n, x, w)) for n, e, x, w in lines if lo <= rate(n, x, w) < hi]
                if not band:
                    continue
                chars = sum(n for n, _, _ in band)
                out.append(f"| {label} | {figure} | {lo:.0%}–{min(hi, 1.0):.0%} | {len(band)} | "
                           f"{sum(n * p for n, _, p in band) / chars:.0%} | "
                           f"{sum(e for _, e, _ in band) / chars:.0%} |")
    return out + [""]


def _shade_before(words) -> list[bool]:
    """The shading before the calibration of issue 12 (for comparison): a line whose
    sum of (1 - p) x characters is at least 3 is flagged, and its words below p 0.95 shaded."""
    expected = sum((1.0 - w.probability) * len(w.text.strip()) for w in words)
    return [expected >= 3.0 and w.probability < 0.95 and bool(w.text.strip()) for w in words]


def fit_half(row: dict, real_names: list[str]) -> bool:
    """The fixed half the confidence model was fitted on: real clips at even positions of
    the sorted clip names, and the hearing d1_lease (engines/transcription/confidence.py)."""
    if row["set"] == "hearing":
        return row["name"].startswith("d1")
    return real_names.index(row["name"]) % 2 == 0


def shading_section(rows: list[dict]) -> list[str]:
    """The confidence-shading section of the benchmark document (issue 12, deliverable 5)."""
    rows = [r for r in rows if "err_chars" in r]
    real_names = sorted({r["name"] for r in rows if r["set"] == "real"})
    out = ["", "### Confidence shading (issue 12): errors inside shaded words, lines shaded", "",
           "Product run above (`default`). A substituted or inserted character is an error at its "
           "place; a deleted reference character counts as shaded when the recognised character on "
           "either side of the gap is in a shaded word. A line is shaded when one of its words is. "
           "*now* = the calibrated model (engines/transcription/confidence.py), *before* = the "
           "earlier rule (line sum of (1 - p) x characters ≥ 3, words below p 0.95), *Whisper* = "
           "words with Whisper's probability below 0.5. The model was fitted on the *fit* half "
           "(real clips at even positions of the sorted names; hearing d1_lease, all four "
           "decodings), the *held-out* half only measures it. Target: ≥ 70% of erroneous "
           "characters shaded with ≤ 35% of lines shaded, on both sets.", "",
           "| set | half | errors | lines | errors shaded: now / before / Whisper | "
           "lines shaded: now / before / Whisper | characters shaded: now / before |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for name, label in (("real", "real"), ("hearing", "synthetic")):
        subset = [r for r in rows if r["set"] == name]
        for half, title in ((True, "fit"), (False, "held-out"), (None, "all")):
            part = [r for r in subset if half is None or fit_half(r, real_names) == half]
            if not part:
                continue
            err = sum(r["err_chars"] for r in part)
            lines = sum(r["lines"] for r in part)
            chars = sum(r["hyp_chars"] for r in part)

            def share(key, total, part=part):
                return f"{sum(r[key] for r in part) / total:.0%}" if total else "–"

            out.append(f"| {label} | {title} | {err} | {lines} | "
                       + " / ".join(share("err_shaded" + k, err) for k in ("", "_before", "_whisper"))
                       + " | "
                       + " / ".join(share("shaded_lines" + k, lines) for k in ("", "_before", "_whisper"))
                       + " | "
                       + " / ".join(share("chars_shaded" + k, chars) for k in ("", "_before"))
                       + " |")
    ceiling = []
    for name, label in (("real", "real"), ("hearing", "synthetic")):
        per_line = sorted((e for r in rows if r["set"] == name for e in r.get("line_errors", [])),
                          reverse=True)
        err = sum(r["err_chars"] for r in rows if r["set"] == name)
        if per_line and err:
            top = per_line[:int(0.35 * len(per_line))]
            ceiling.append(f"{label} {sum(top) / err:.0%}")
    if ceiling:
        out += ["", "Ceiling: shading every word of the 35% of lines holding the most errors "
                "(a perfect choice of lines) would shade " + ", ".join(ceiling)
                + " of the erroneous characters."]
    return out + [""]
