"""Channel count of a recording about to be imported, any format, read in a child process
(issue 14 item 7: the channel→seat picker opens for MP3, M4A, Ogg/Opus and WAV alike)."""
from __future__ import annotations

import pytest

from engines.common import InputError
from engines.transcription.audio import channel_count
from engines.transcription.child import channel_count_in_child
from tests.helpers.audio_files import encode, wav
from tests.helpers.transcription import MONO_CLIP, MULTI_CLIP


@pytest.mark.parametrize("name, channels, codec, fmt", [
    ("two.mp3", 2, "libmp3lame", "mp3"), ("two.m4a", 2, "aac", "mp4"), ("six.m4a", 6, "aac", "mp4"),
    ("two.opus", 2, "libopus", "ogg"),
])
def test_compressed_formats_tell_their_channels(tmp_path, name, channels, codec, fmt):
    assert channel_count(encode(tmp_path / name, channels, codec, fmt)) == channels


def test_wav_and_flac_from_the_header(tmp_path):
    assert channel_count(wav(tmp_path / "six.wav", 6)) == 6
    assert channel_count(MULTI_CLIP) == 4 and channel_count(MONO_CLIP) == 1


def test_child_reads_it_and_reports_bad_files_clearly(tmp_path):
    assert channel_count_in_child(encode(tmp_path / "two.mp3", 2, "libmp3lame", "mp3")) == 2
    text = tmp_path / "notes.mp3"
    text.write_text("这不是音频" * 100, encoding="utf-8")
    with pytest.raises(InputError, match="无法识别的音频") as caught:
        channel_count_in_child(text)
    assert "Traceback" not in str(caught.value)
    with pytest.raises(InputError, match="找不到"):
        channel_count_in_child(tmp_path / "missing.wav")
