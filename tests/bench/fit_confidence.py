"""Fit and evaluate the confidence calibration offline on a dump (issue 12).

    nice .venv/bin/python tests/bench/dump_confidence.py /tmp/confidence-dump.json
    .venv/bin/python tests/bench/fit_confidence.py /tmp/confidence-dump.json

Every recognised character is labelled wrong or right by aligning the recording's words
with its reference (substituted or inserted characters are wrong). The figures count
errors as ``transcription_shading.shading_figures`` does (a deletion is seen when a character either
side of the gap is shaded). A logistic model of
"this character is wrong" on ``1 - p`` and the line's word-model log probability per
character is fitted, weighted by characters, on the fit half (``bench_transcription.fit_half``);
the thresholds are chosen on that half (most erroneous characters shaded on both sets, with at
most 33% of the lines and about 40% of the characters shaded). The script prints the fitted
coefficients, the choice, and the figures of the product's rule (confidence.calibrate) on
both halves of both sets.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_transcription as bench  # noqa: E402
from transcription_shading import error_positions  # noqa: E402


# Training label: the character itself is substituted or inserted. (Also charging each
# deletion to the words either side fitted a model that did worse on the held-out half.)
DELETIONS_TOO = False


def load(path: str) -> list[dict]:
    """The dump's rows; each word gets ``n`` (characters), ``err`` (errors seen on it) and
    ``lm`` (its line's log probability per character)."""
    from engines.transcription.confidence import _chars, line_log_probability
    from engines.transcription.results import Word

    rows = json.loads(Path(path).read_text(encoding="utf-8"))
    for row in rows:
        owner: list[dict] = []
        for seg in row["segments"]:
            lm = line_log_probability([Word(0, 0, w["text"], w["p"]) for w in seg["words"]])
            for w in seg["words"]:
                w["n"], w["lm"], w["err"] = len(_chars(w["text"])), lm, 0
                owner += [w] * w["n"]
        row["errors"] = error_positions(row["ref"], "".join(_chars(w["text"]) for seg in row["segments"]
                                                     for w in seg["words"]))
        for error in row["errors"]:
            if len(error) == 1 and not DELETIONS_TOO:
                owner[error[0]]["err"] += 1
            elif DELETIONS_TOO:
                for word in {id(owner[h]): owner[h] for h in error}.values():
                    word["err"] += 1
    return rows


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Weighted logistic regression (Newton steps, small ridge); returns [intercept, *w]."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mu) / sd]
    beta = np.zeros(z.shape[1])
    ridge = l2 * np.diag(np.r_[0.0, np.ones(z.shape[1] - 1)])
    for _ in range(50):
        p = 1 / (1 + np.exp(-z @ beta))
        grad = z.T @ (weight * (y - p)) - ridge @ beta
        hess = z.T @ (z * (weight * p * (1 - p))[:, None]) + ridge
        beta += np.linalg.solve(hess, grad)
    return np.r_[beta[0] - np.sum(beta[1:] * mu / sd), beta[1:] / sd]


def evaluate(rows: list[dict], **thresholds) -> dict:
    """The product's rule on the dumped words: errors shaded, lines and characters shaded."""
    from engines.transcription.confidence import calibrate
    from engines.transcription.results import Word

    err = seen = lines = shaded_lines = chars = shaded_chars = 0
    for row in rows:
        flags: set[int] = set()
        for seg in row["segments"]:
            words = [Word(0, 0, w["text"], w["p"]) for w in seg["words"]]
            calibrate(words, **thresholds)
            lines += 1
            shaded_lines += any(w.shaded for w in words)
            for w, d in zip(words, seg["words"]):
                chars += d["n"]
                if w.shaded:
                    flags.add(id(d))
                    shaded_chars += d["n"]
        owner = [d for seg in row["segments"] for d in seg["words"] for _ in range(d["n"])]
        for error in row["errors"]:
            err += 1
            seen += any(id(owner[h]) in flags for h in error)
    return {"errors": seen / max(1, err), "lines": shaded_lines / max(1, lines),
            "chars": shaded_chars / max(1, chars)}


def main() -> int:
    """Fit on the fit half, choose the thresholds there, report both halves."""
    rows = load(sys.argv[1])
    names = sorted(r["name"] for r in rows if r["set"] == "real")
    fit = [r for r in rows if bench.fit_half(r, names)]
    words = [w for r in fit for seg in r["segments"] for w in seg["words"] if w["n"]]
    x = np.array([[1 - w["p"], w["lm"]] for w in words])
    y = np.array([min(1.0, w["err"] / w["n"]) for w in words])
    beta = fit_logistic(x, y, np.array([w["n"] for w in words], float))
    print("fitted: intercept %.2f, 1-p %.2f, line log-prob/char %.2f" % tuple(beta))
    from engines.transcription import confidence

    # The rounded coefficients are what the product ships (and what the thresholds are for).
    rounded = [round(float(b), 1) for b in beta]
    confidence.INTERCEPT, confidence.WEIGHT_UNSURE, confidence.WEIGHT_LINE_LM = rounded
    print("rounded:", rounded)
    best = None
    for line_errors in np.arange(2.0, 5.01, 0.25):
        for word_shade in (0.05, 0.075, 0.1, 0.125, 0.15, 0.2):
            marks = [evaluate([r for r in fit if r["set"] == s], line_errors=line_errors,
                              word_shade=word_shade) for s in ("real", "hearing")]
            if max(m["lines"] for m in marks) > 0.33 or max(m["chars"] for m in marks) > 0.42:
                continue
            value = min(m["errors"] for m in marks)
            if best is None or value > best[0]:
                best = (value, line_errors, word_shade)
    print("chosen on the fit half: line_errors %.2f, word_shade %.3f" % best[1:])
    for name in ("real", "hearing"):
        for half in (True, False):
            part = [r for r in rows if r["set"] == name and bench.fit_half(r, names) == half]
            m = evaluate(part, line_errors=best[1], word_shade=best[2])
            print(f"{name:8} {'fit' if half else 'held-out':9} errors shaded {m['errors']:.0%}  "
                  f"lines shaded {m['lines']:.0%}  characters shaded {m['chars']:.0%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
