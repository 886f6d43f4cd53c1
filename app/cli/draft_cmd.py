"""``draft`` (fill a template from a case record) and ``review`` (check a draft .docx)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from app.cli.output import CliError, login, print_json


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
    d.add_argument("--case", metavar="ID", type=int, help="案件ID（从案件库读取，需 --data 和登录）")
    d.add_argument("--data", metavar="DIR", help="数据目录（与 --case 一起使用）")
    d.add_argument("--user", default="", help="登录用户名（与 --case 一起使用）")
    d.add_argument("--password-env", default="", help="从该环境变量读取密码（否则提示输入）")
    d.add_argument("--fee", default="", help="案件受理费（元）")
    d.add_argument("--fee-borne-by", default="", help="受理费负担人")
    d.add_argument("--template", metavar="NAME", help="模板名称或.docx路径，如 民事判决书_普通程序")
    d.add_argument("--out", metavar="OUT.docx", help="输出文件")
    d.add_argument("--list", action="store_true", help="列出可用模板")
    d.add_argument("--fields", action="store_true", help="列出模板可用的字段（供法院自制模板）")
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
                           filing_date=case.filing_date, cause=case.cause, procedure=case.procedure,
                           claims=list(case.claims), claim_amount=case.claim_amount)
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

    if args.fields:
        from engines.drafting.fields import FIELD_DESCRIPTIONS

        if args.json:
            print_json({"fields": FIELD_DESCRIPTIONS})
        else:
            for name, description in FIELD_DESCRIPTIONS.items():
                print("{{" + name + "}}\t" + description)
            print("{{extra.名称}}\t案件记录 extra 中的自定义值")
        return 0
    if args.list:
        templates = list_templates()
        if args.json:
            print_json({"templates": templates})
        else:
            for t in templates:
                print(f"{t['name']}\t{t['title']}")
        return 0
    if args.case is not None and not args.case_json:
        return _draft_from_store(args)
    if not args.case_json or not args.template or not args.out:
        raise CliError("需要 --case-json FILE（或 --case ID --data DIR --user NAME）--template NAME --out OUT.docx，或 --list")
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


def _draft_from_store(args) -> int:
    """Draft for a case in the encrypted store: stored as a new version, exported to --out."""
    from decimal import Decimal, InvalidOperation

    from app.security.roles import PermissionDenied
    from app.services.drafting import DraftOptions
    from app.store.errors import NotFoundError
    from engines.common import EngineError

    if not args.data or not args.user or not args.template or not args.out:
        raise CliError("--case 需要 --data DIR --user NAME --template NAME --out OUT.docx")
    try:
        fee = Decimal(args.fee.replace(",", "")) if args.fee else None
    except InvalidOperation:
        raise CliError(f"受理费应为数字：{args.fee}")
    ctx = login(args)
    try:
        service = ctx.drafting
        draft = service.create_draft(args.case, args.template, DraftOptions(fee=fee, fee_borne_by=args.fee_borne_by))
        service.export_draft(draft.id, Path(args.out))
    except (PermissionDenied, NotFoundError, EngineError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ctx.store.close()
    if args.json:
        print_json({"output": str(Path(args.out)), "draft": draft})
    else:
        sys.stdout.write(f"已生成第{draft.version}版并导出到 {args.out}（机器起草段落{len(draft.machine_paragraphs)}段，已高亮标注）\n")
    return 0
