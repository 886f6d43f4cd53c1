"""``draft`` (fill a template from a case record) and ``review`` (check a draft .docx)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli.output import CliError, print_json


def register(sub) -> None:
    """Add the ``draft`` and ``review`` subcommands."""
    p = sub.add_parser("review", help="审查裁判文书草稿 / review a draft judgment (.docx)")
    p.add_argument("docx", metavar="DOCX", help="待审查的Word文书")
    p.add_argument("--case-json", metavar="FILE", help="案件记录（JSON），用于核对案号、当事人、立案日期")
    p.add_argument("--rules", metavar="DIR", help="审查规则目录（默认使用内置resources/review）")
    p.add_argument("--json", action="store_true", help="以JSON输出")
    p.set_defaults(func=review_handler)

    d = sub.add_parser("draft", help="按模板生成文书草稿 / draft a document from a template")
    d.add_argument("--case-json", metavar="FILE", help="案件记录（JSON）")
    d.add_argument("--case", metavar="ID", help="案件编号（需要数据存储，尚未支持）")
    d.add_argument("--template", metavar="NAME", help="模板名称或.docx路径，如 民事判决书_普通程序")
    d.add_argument("--out", metavar="OUT.docx", help="输出文件")
    d.add_argument("--list", action="store_true", help="列出可用模板")
    d.add_argument("--json", action="store_true", help="以JSON输出")
    d.set_defaults(func=draft_handler)


def _load_case_json(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CliError(f"找不到案件记录文件：{path}")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CliError(f"案件记录不是有效的JSON：{path}（{exc}）")


def review_handler(args) -> int:
    """Review a draft and print its findings (JSON with --json)."""
    from engines.common import EngineError
    from engines.drafting.case_record import case_record_from_dict
    from engines.drafting.review import CaseFacts, review_document

    record = None
    if args.case_json:
        try:
            case = case_record_from_dict(_load_case_json(args.case_json))
        except EngineError as exc:
            raise CliError(str(exc))
        record = CaseFacts(case_number=case.case_number, parties=[p.name for p in case.parties],
                           filing_date=case.filing_date)
    try:
        result = review_document(args.docx, record=record, rules_dir=args.rules)
    except EngineError as exc:
        raise CliError(str(exc))
    if args.json:
        print_json(result)
        return 0
    if not result.findings:
        print("未发现问题 / no findings")
        return 0
    for f in result.findings:
        level = "错误" if f.severity == "error" else "提示"
        print(f"[{level}] 第{f.paragraph}段 {f.rule}: {f.message}\n        “{f.text}”")
    errors = sum(1 for f in result.findings if f.severity == "error")
    print(f"共{len(result.findings)}项（错误{errors}项）/ {len(result.findings)} findings")
    return 0


def draft_handler(args) -> int:
    """Fill a template from a case record into a .docx with machine paragraphs highlighted."""
    from engines.common import EngineError
    from engines.drafting.case_record import case_record_from_dict
    from engines.drafting.fill import fill_template, list_templates

    if args.list:
        templates = list_templates()
        if args.json:
            print_json({"templates": templates})
        else:
            for t in templates:
                print(f"{t['name']}\t{t['title']}")
        return 0
    if args.case and not args.case_json:
        raise CliError("--case ID 需要数据存储，尚未支持；请使用 --case-json FILE")
    if not args.case_json or not args.template or not args.out:
        raise CliError("需要 --case-json FILE --template NAME --out OUT.docx（或 --list）")
    try:
        case = case_record_from_dict(_load_case_json(args.case_json))
        result = fill_template(args.template, case, args.out)
    except EngineError as exc:
        raise CliError(str(exc))
    if args.json:
        print_json(result)
    else:
        sys.stdout.write(f"已生成 {result.output}（机器起草段落{len(result.machine_paragraphs)}段，已高亮标注）\n")
    return 0
