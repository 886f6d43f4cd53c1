"""``trial-assistant transcribe AUDIO``: hearing audio to text, JSON, .docx, TXT or SRT.

Needs no store: the model is assembled into the cache folder and the audio read directly.
"""
from __future__ import annotations

import sys
from pathlib import Path

from app.cli.output import CliError, print_json, stderr_progress
from engines.common import EngineError


def register(sub) -> None:
    """Add the ``transcribe`` subcommand."""
    parser = sub.add_parser(
        "transcribe",
        help="转写庭审录音 / transcribe hearing audio",
        description="转写庭审录音（WAV、FLAC、MP3、M4A）。多声道录音按席位区分发言人。",
    )
    parser.add_argument("audio", metavar="AUDIO", help="录音文件")
    parser.add_argument("--model", metavar="NAME|DIR", default=None,
                        help="内置模型名 base（默认）或 CTranslate2 Whisper 模型目录")
    parser.add_argument("--channels", metavar="MAP", default=None,
                        help="声道与席位，如 1=审判长,2=原告,3=被告,4=书记员")
    parser.add_argument("--hotwords", metavar="WORDS", default=None,
                        help="本案用词（当事人、代理人、案由等），逗号或顿号分隔，用于纠正近音字")
    parser.add_argument("--decoder-hints", choices=("none", "hotwords", "initial"),
                        default="none",
                        help="是否把本案用词作为解码提示（默认 none：实测 base 模型会复读提示词，"
                             "本案用词改由近音纠正使用）")
    parser.add_argument("--case-text", metavar="FILE", default=None,
                        help="本案文本（UTF-8 文本文件：当事人、代理人、地址、金额、日期、证据名称、"
                             "卷宗摘录等），用于本案用词和本案语言模型")
    parser.add_argument("--no-correct", action="store_true", help="不做近音字纠正")
    parser.add_argument("--cache-dir", metavar="DIR", default=None,
                        help="模型缓存目录（默认 TRIAL_ASSISTANT_CACHE 或用户缓存目录）")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="输出 JSON")
    out.add_argument("--docx", metavar="OUT", default=None, help="写出庭审笔录 .docx")
    parser.add_argument("--txt", metavar="OUT", default=None, help="另写一份 TXT")
    parser.add_argument("--srt", metavar="OUT", default=None, help="另写一份 SRT 字幕")
    parser.add_argument("--court", default="", help="笔录抬头：法院")
    parser.add_argument("--case-number", default="", help="笔录抬头：案号")
    parser.add_argument("--cause", default="", help="笔录抬头：案由（也用于纠正近音字）")
    parser.set_defaults(func=handle)


def handle(args) -> int:
    """Run the transcription and write the requested outputs."""
    from engines.transcription.audio import load_audio
    from engines.transcription.pipeline import Transcriber, request_for
    from engines.transcription.record_docx import RecordHeader, write_hearing_record
    from engines.transcription.seats import parse_channel_map
    from engines.transcription.writers import clock, write_srt, write_txt

    try:
        # Check cheap things (file, channel map) before the model is loaded.
        audio = load_audio(Path(args.audio))
        channel_map = parse_channel_map(args.channels, audio.channels)
        if channel_map and audio.channels == 1:
            raise CliError("单声道录音不能按席位区分发言人：请去掉 --channels")
        case_text = _read_case_text(args.case_text)
        request = request_for(channels=channel_map, hotwords=args.hotwords, cause=args.cause,
                              court=args.court, case_text=case_text,
                              correct=not args.no_correct, prompt_mode=args.decoder_hints)
        transcriber = Transcriber(args.model, args.cache_dir)
        transcript = transcriber.transcribe_audio(
            audio, request, stderr_progress(sys.stderr.isatty() and not args.json))
    except EngineError as exc:
        raise CliError(str(exc)) from exc
    if args.txt:
        write_txt(transcript, args.txt)
    if args.srt:
        write_srt(transcript, args.srt)
    if args.docx:
        header = RecordHeader(court=args.court, case_number=args.case_number, cause=args.cause)
        write_hearing_record(transcript, args.docx, header)
        sys.stdout.write(f"已写出庭审笔录：{args.docx}（{len(transcript.segments)} 段）\n")
    elif args.json:
        print_json(transcript)
    else:
        for seg in transcript.segments:
            sys.stdout.write(f"[{clock(seg.start, '.')}] {seg.speaker}：{seg.text}\n")
    return 0


def _read_case_text(path: str | None) -> str:
    """The ``--case-text`` file as text; a clear message when it cannot be read."""
    if not path:
        return ""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CliError(f"找不到本案文本文件：{path}") from None
    except UnicodeDecodeError:
        raise CliError(f"本案文本文件不是 UTF-8 文本：{path}") from None
    except OSError as exc:
        raise CliError(f"无法读取本案文本文件：{path}（{exc.strerror}）") from None
