"""Would a general homophone correction help? An offline check on a benchmark dump (issue 12).

Whisper base's remaining errors on the real set are mostly substitutions, and many are
sound-alikes (the same pinyin without tones). This asks, without building anything into the
product, what the word language model alone would do if every recognised character could
be swapped for a same-sounding one: for each character, the best same-pinyin alternative
(the 40 most frequent single characters of jieba's dictionary with that pinyin) is taken
when it raises the word model's score of the surrounding nine characters by more than a
margin. Each swap is counted against the reference as a *fix* (the alternative is the
reference character), a *break* (the recognised character was right) or *other* (wrong
before and after).

The acoustic model cannot arbitrate here: true homophones differ at most in tone, so the
word model decides, and a unigram word model prefers frequent characters - which is what
breaks names. Run on a dump written by the benchmark (it holds reference texts: keep it
outside the repository)::

    .venv/bin/python tests/bench/bench_transcription.py --stages default --no-plain \\
        --no-write --jobs 2 --dump /tmp/dump.json
    .venv/bin/python tests/bench/homophone_check.py /tmp/dump.json
"""
from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

MARGINS = (2.0, 4.0, 6.0, 8.0)
CONTEXT = 4          # characters on each side that the word model sees
ALTERNATIVES = 40    # most frequent same-pinyin characters tried
MIN_COUNT = 50       # jieba count below which a character is not offered


def same_sound_table() -> dict[str, list[str]]:
    """Toneless pinyin -> jieba's single characters with that reading, most frequent first."""
    from pypinyin import lazy_pinyin

    from engines.transcription.language_model import _jieba

    freq, _ = _jieba()
    table: dict[str, list[str]] = collections.defaultdict(list)
    for word, count in freq.items():
        if len(word) == 1 and "\u4e00" <= word <= "\u9fff" and count >= MIN_COUNT:
            table[lazy_pinyin(word)[0]].append(word)
    for chars in table.values():
        chars.sort(key=lambda c: -freq[c])
    return table


def count_swaps(rows: list[dict], margin: float, table, model) -> dict[str, int]:
    """Fixes, breaks and other swaps the word model would make at ``margin`` (natural log)."""
    from pypinyin import lazy_pinyin

    from engines.transcription.scoring import _align

    out = {"fix": 0, "break": 0, "other": 0, "sound_alike_errors": 0}
    for row in rows:
        ref, hyp = row["ref"], row["hyp"]
        truth = {h: ref[r] for r, h in _align(ref, hyp) if r is not None and h is not None}
        for i, char in enumerate(hyp):
            options = [a for a in table.get(lazy_pinyin(char)[0], [])[:ALTERNATIVES] if a != char]
            if truth.get(i, char) != char and truth[i] in options:
                out["sound_alike_errors"] += 1
            left, right = hyp[max(0, i - CONTEXT):i], hyp[i + 1:i + 1 + CONTEXT]
            base = model.score(left + char + right)
            gains = [(model.score(left + a + right) - base, a) for a in options]
            gain, best = max(gains, default=(0.0, ""))
            if gain <= margin:
                continue
            kind = "break" if truth.get(i) == char else "fix" if truth.get(i) == best else "other"
            out[kind] += 1
    return out


def main() -> None:
    """Print, per set and margin, the swaps a general homophone correction would make."""
    from engines.transcription.language_model import WordLanguageModel

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", help="JSON written by bench_transcription.py --dump")
    parser.add_argument("--variant", default="default")
    args = parser.parse_args()
    rows = json.loads(Path(args.dump).read_text(encoding="utf-8"))[args.variant]["rows"]
    table, model = same_sound_table(), WordLanguageModel()
    print("| set | errors | sound-alike substitutions | margin | fix | break | other | net |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for name in ("real", "hearing"):
        chosen = [r for r in rows if r["set"] == name]
        errors = sum(r["edits"] for r in chosen)
        for margin in MARGINS:
            c = count_swaps(chosen, margin, table, model)
            print(f"| {name} | {errors} | {c['sound_alike_errors']} | {margin:g} | {c['fix']} | "
                  f"{c['break']} | {c['other']} | {c['fix'] - c['break']:+d} |")


if __name__ == "__main__":
    main()
