"""A recording's descriptive tags are read (for the case guard), whatever the container."""
from __future__ import annotations

import pytest

from engines.transcription.audio import audio_tags, load_audio_bytes
from engines.transcription.child import probe_audio_tags_in_child
from tests.helpers.tagged_audio import TAGGED_FORMATS, tagged_recording

TAGS = {"title": "（2023）湘0104民初11876号 第一次开庭", "comment": "原告：王建国", "album": "民事审判庭"}


@pytest.mark.parametrize("kind", sorted(TAGGED_FORMATS))
def test_tags_of_each_container_are_read(kind):
    data = tagged_recording(kind, TAGS)
    assert load_audio_bytes(data, f"x.{kind}").duration == pytest.approx(1.0, abs=0.1)
    tags = audio_tags(data)
    for key, value in TAGS.items():
        assert tags[key] == value


def test_technical_tags_are_left_out_and_untagged_files_give_none():
    assert audio_tags(tagged_recording("flac", {"encoder": "Lavf", "title": "庭审"})) == {"title": "庭审"}
    assert audio_tags(tagged_recording("wav", {})) == {}
    assert audio_tags(b"not audio at all") == {}


def test_probe_in_the_child_returns_the_tags_with_channels_and_length():
    channels, seconds, tags = probe_audio_tags_in_child(tagged_recording("mp3", TAGS), "tagged.mp3")
    assert channels == 1 and seconds == pytest.approx(1.0, abs=0.1) and tags["comment"] == "原告：王建国"
