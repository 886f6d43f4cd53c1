"""Degraded copies of the real set, to see whether a gain over plain Whisper survives worse
audio than the clips were recorded with (issue 12's hidden set has far-field, meeting and
telephone-like recordings; we have few of them and may not fetch more).

Each condition is a fixed, seeded transformation of every clip; the copies go to a cache
directory outside the repository (they hold real recordings) with the set's refs.json:

* ``noise``: pink noise added at 10 dB SNR (a fan, a hum of a room);
* ``reverb``: a synthetic far-field room (exponentially decaying noise tail, RT60 0.7 s,
  reverberant energy equal to the direct sound);
* ``phone``: band-limited to 300-3400 Hz at 8 kHz with 8-bit mu-law, back to 16 kHz;
* ``quiet``: 20 dB lower (a distant microphone recorded without gain), 16-bit kept.

    .venv/bin/python tests/bench/bench_transcription.py --real-only --condition reverb
"""
from __future__ import annotations

import json
import shutil
import zlib
from pathlib import Path

import numpy as np

CONDITIONS = ("noise", "reverb", "phone", "quiet")
RATE = 16000


def _rng(name: str, condition: str) -> np.random.Generator:
    return np.random.default_rng(zlib.crc32(f"{condition}:{name}".encode()))


def _fft_filter(signal: np.ndarray, gain) -> np.ndarray:
    spectrum = np.fft.rfft(signal)
    freqs = np.fft.rfftfreq(len(signal), 1 / RATE)
    return np.fft.irfft(spectrum * gain(freqs), len(signal))


def _power(x: np.ndarray) -> float:
    return float(np.mean(x ** 2)) + 1e-12


def add_noise(x: np.ndarray, rng: np.random.Generator, snr_db: float = 10.0) -> np.ndarray:
    """Pink noise scaled to ``snr_db`` below the clip's mean power."""
    white = rng.standard_normal(len(x))
    pink = _fft_filter(white, lambda f: 1 / np.sqrt(np.maximum(f, 20.0)))
    pink *= np.sqrt(_power(x) / _power(pink) / 10 ** (snr_db / 10))
    return x + pink


def add_reverb(x: np.ndarray, rng: np.random.Generator, rt60: float = 0.7) -> np.ndarray:
    """Convolve with a decaying-noise room response whose tail carries as much energy as the
    direct path (a microphone a few metres away)."""
    n = int(rt60 * RATE)
    t = np.arange(n) / RATE
    tail = rng.standard_normal(n) * np.exp(-6.9 * t / rt60)
    tail[: int(0.003 * RATE)] = 0.0  # first reflections arrive after the direct sound
    tail *= np.sqrt(1.0 / _power(tail) / n)
    tail[0] = 1.0  # the direct path
    size = len(x) + n - 1
    wet = np.fft.irfft(np.fft.rfft(x, size) * np.fft.rfft(tail, size), size)[: len(x)]
    return wet * np.sqrt(_power(x) / _power(wet))


def telephone(x: np.ndarray) -> np.ndarray:
    """300-3400 Hz, 8 kHz, 8-bit mu-law, then back to 16 kHz."""
    band = _fft_filter(x, lambda f: ((f >= 300) & (f <= 3400)).astype(float))
    narrow = band[::2]
    peak = max(1e-6, float(np.max(np.abs(narrow))))
    y = narrow / peak
    mu = 255.0
    coded = np.sign(y) * np.log1p(mu * np.abs(y)) / np.log1p(mu)
    coded = np.round(coded * 127) / 127
    decoded = np.sign(coded) * ((1 + mu) ** np.abs(coded) - 1) / mu * peak
    wide = np.zeros(len(decoded) * 2)
    wide[::2] = decoded
    # Back to 16 kHz: zero-stuffing and a low-pass below the old Nyquist frequency.
    return _fft_filter(wide, lambda f: (f < 3800).astype(float)) * 2.0


def degrade(x: np.ndarray, condition: str, name: str) -> np.ndarray:
    """The clip ``x`` (float, 16 kHz mono) under ``condition``."""
    rng = _rng(name, condition)
    if condition == "noise":
        return add_noise(x, rng)
    if condition == "reverb":
        return add_reverb(x, rng)
    if condition == "phone":
        return telephone(x)[: len(x)]
    if condition == "quiet":
        return x * 10 ** (-20 / 20)
    raise ValueError(condition)


def prepare(real: Path, cache: Path, condition: str) -> Path:
    """Write (once) the degraded copy of the set at ``real`` and return its directory."""
    import soundfile

    out = cache / "degraded" / condition
    marker = out / "refs.json"
    if marker.exists():
        return out
    refs = json.loads((real / "refs.json").read_text(encoding="utf-8"))
    for ref in refs:
        data, rate = soundfile.read(real / ref["audio"], dtype="float64", always_2d=True)
        if rate != RATE:
            raise ValueError(f"{ref['audio']}: {rate} Hz, expected {RATE}")
        y = degrade(data.mean(axis=1), condition, ref["audio"])
        target = out / ref["audio"]
        target.parent.mkdir(parents=True, exist_ok=True)
        soundfile.write(target, np.clip(y, -1.0, 1.0), RATE, subtype="PCM_16")
    shutil.copyfile(real / "refs.json", marker)
    return out
