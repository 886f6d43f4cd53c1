"""Plain exports of a transcript: TXT (role-prefixed lines) and SRT subtitles."""
from __future__ import annotations

from pathlib import Path

from engines.transcription.results import Transcript


def clock(seconds: float, millis_sep: str = ",") -> str:
    """``HH:MM:SS,mmm`` (SRT style; pass '.' for a display clock)."""
    total_ms = int(round(max(0.0, seconds) * 1000))
    hours, rest = divmod(total_ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{millis_sep}{ms:03d}"


def to_txt(transcript: Transcript, with_times: bool = False) -> str:
    """One line per utterance: ``审判长：现在开庭。`` (optionally with a time prefix)."""
    lines = []
    for seg in transcript.segments:
        prefix = f"[{clock(seg.start, '.')}] " if with_times else ""
        lines.append(f"{prefix}{seg.speaker}：{seg.text}")
    return "\n".join(lines) + ("\n" if lines else "")


def to_srt(transcript: Transcript) -> str:
    """SubRip subtitles, one cue per utterance, the speaker's role in front of the text."""
    cues = []
    for index, seg in enumerate(transcript.segments, start=1):
        cues.append(f"{index}\n{clock(seg.start)} --> {clock(seg.end)}\n{seg.speaker}：{seg.text}\n")
    return "\n".join(cues)


def write_txt(transcript: Transcript, path: str | Path, with_times: bool = False) -> Path:
    """Write :func:`to_txt` as UTF-8 (with BOM, so Windows Notepad shows Chinese right)."""
    path = Path(path)
    path.write_text(to_txt(transcript, with_times), encoding="utf-8-sig")
    return path


def write_srt(transcript: Transcript, path: str | Path) -> Path:
    """Write :func:`to_srt` as UTF-8."""
    path = Path(path)
    path.write_text(to_srt(transcript), encoding="utf-8")
    return path
