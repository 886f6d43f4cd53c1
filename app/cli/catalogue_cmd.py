"""`trial-assistant catalogue PDF... [--json | --docx OUT]`: catalogue a dossier offline.

Needs no store. Files that cannot be read are reported (stderr, and ``errors`` in the JSON)
while the others are still catalogued; the exit code is then 1.
"""
from __future__ import annotations

import sys

from app.cli.output import CliError, print_json, stderr_progress
from engines.common import EngineError, to_jsonable


def register(sub) -> None:
    """Add the ``catalogue`` subcommand."""
    p = sub.add_parser("catalogue", help="电子卷宗自动归目 / catalogue dossier PDFs and page images",
                       description="给卷宗每页归类、分件、生成卷内目录并提取案件信息（机器结果，需人工确认）。")
    p.add_argument("files", nargs="+", metavar="PDF", help="PDF 或页面图片（JPEG/PNG/TIFF），按给出顺序编页")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="以 JSON 输出全部结果")
    out.add_argument("--docx", metavar="OUT", help="把卷内目录写成 .docx")
    p.add_argument("--rules", metavar="FILE", help="本院的归目类别表（覆盖 resources/catalogue/categories.json）")
    p.add_argument("--corrections", metavar="FILE", help="本院更正记录（JSON），用于本地学习")
    p.add_argument("--quiet", action="store_true", help="不显示进度")
    p.set_defaults(func=handle)


def handle(args) -> int:
    """Run the engine and print JSON, a summary, or write the 卷内目录 .docx."""
    from engines.cataloguing import catalogue, load_corrections, load_rules, write_toc_docx

    try:
        rules = load_rules(args.rules) if args.rules else None
        corrections = load_corrections(args.corrections) if args.corrections else None
        result = catalogue(args.files, rules=rules, corrections=corrections,
                           progress=stderr_progress(not (args.quiet or args.json)))
    except EngineError as exc:
        raise CliError(str(exc)) from exc
    except (OSError, ValueError, KeyError) as exc:
        raise CliError(f"归目失败：{exc}") from exc
    for problem in result.errors:
        sys.stderr.write(f"错误 / error: {problem.file}：{problem.message}（其余文件已继续处理）\n")
    if args.json:
        data = to_jsonable(result)
        print_json(data)
    elif args.docx:
        try:
            path = write_toc_docx(result.toc, args.docx, result.case.case_number)
        except EngineError as exc:
            raise CliError(str(exc)) from exc
        sys.stdout.write(f"卷内目录已写入 {path}（{sum(1 for r in result.toc if r.seq)} 件）\n")
    else:
        _print_summary(result)
    return 1 if result.errors else 0


def _print_summary(result) -> None:
    w = sys.stdout.write
    w("页号  类别            置信度  依据\n")
    for p in result.pages:
        flag = " ※待复核" if p.needs_review else ""
        w(f"{p.page:>4}  {p.category:<12}  {p.confidence:5.2f}  {p.reason[:50]}{flag}\n")
    w("\n卷内目录（机器生成，需书记员核对）\n")
    for r in result.toc:
        w(f"{r.seq if r.seq else '':>4}  {r.title:<24} {r.pages:<8} {r.remark}\n")
    c = result.case
    w("\n案件信息（建议值）\n")
    w(f"  案号：{c.case_number or ''}\n  案由：{c.cause or ''}\n")
    w(f"  原告：{'、'.join(c.plaintiffs)}\n  被告：{'、'.join(c.defendants)}\n  立案日期：{c.filing_date or ''}\n")
    for item in c.claims:
        w(f"  诉讼请求：{item}\n")
    for conflict in c.conflicts:
        w(f"  ※ {conflict['field']} 各文书不一致：{conflict['chosen']} / {[o['value'] for o in conflict['others']]}\n")
