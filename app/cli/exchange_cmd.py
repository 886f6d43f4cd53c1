"""``trial-assistant exchange export|import|status|key|pin|rotate-key --data DIR --exchange DIR``.

Every action opens the store with a user's password (``--user``, ``--password-env``) because
the ledger, the keys and the cases live in the encrypted store.
"""
from __future__ import annotations

import json
import sys

from app.cli import exit_codes
from app.cli.output import CliError, login, print_json
from app.security.roles import PermissionDenied
from app.store.errors import StoreError
from engines.common import EngineError, to_jsonable


def register(sub) -> None:
    """Add the ``exchange`` subcommand group."""
    p = sub.add_parser("exchange", help="与中心平台交换数据 / exchange folder sync")
    esub = p.add_subparsers(dest="exchange_command", metavar="ACTION")
    specs = {
        "export": "导出案件（--case）或全部有变更的案件 / export a case or all changed cases",
        "import": "导入交换目录 inbox/ 中的交换包 / import packages waiting in inbox/",
        "status": "交换目录与交换包状态 / folder and package status",
        "key": "显示本机公钥与指纹（可 --out 保存）/ show this terminal's public key",
        "pin": "固定平台公钥（信息技术人员）/ pin the platform's public key (IT)",
        "rotate-key": "更换本机密钥并通知平台（信息技术人员）/ new terminal keys, announced to the platform (IT)",
        "retry": "排除原因后重新导入隔离的交换包 / put a quarantined package back and import again",
    }
    for name, help_text in specs.items():
        a = esub.add_parser(name, help=help_text)
        a.add_argument("--data", required=True, help="数据目录 / data folder")
        a.add_argument("--exchange", default="", help="交换目录 / exchange folder (default: setting exchange_dir)")
        a.add_argument("--user", default="admin", help="用户名 / user name")
        a.add_argument("--password-env", default="", help="read the password from this environment variable")
        a.add_argument("--json", action="store_true")
        if name == "export":
            a.add_argument("--case", type=int, help="案件编号 / case id (default: every changed case)")
            a.add_argument("--audio", action="store_true", help="包括庭审录音 / include hearing audio")
        if name == "key":
            a.add_argument("--out", help="write the public key file here")
        if name == "retry":
            a.add_argument("package", help="隔离区中的文件名（见 status）/ file name in quarantine/ (see status)")
        if name == "pin":
            a.add_argument("keyfile", help="平台公钥文件 / platform public key file")
            a.add_argument("--fingerprint", default="", help="指纹（核对用）/ fingerprint read out by the platform")
        a.set_defaults(func=run)


def _act(service, args):
    exchange = args.exchange or None
    action = args.exchange_command
    if action == "import":
        return to_jsonable(service.import_now(exchange))
    if action == "retry":
        return to_jsonable(service.retry_quarantined(args.package, exchange))
    if action == "export":
        if args.case is not None:
            return {"exported": [service.export_case(args.case, exchange, include_audio=args.audio)]}
        return {"exported": service.export_pending(exchange)}
    if action == "status":
        return service.status(exchange)
    if action == "key":
        key = service.own_key()
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                json.dump(key, f, ensure_ascii=False, indent=2)
        return key
    if action == "rotate-key":
        return service.rotate_keys(exchange)
    return service.pin_platform_key(args.keyfile, args.fingerprint)


def _summary(action: str, result: dict) -> str:
    if action in ("import", "retry"):
        counts: dict[str, int] = {}
        for o in result["outcomes"]:
            counts[o["action"]] = counts.get(o["action"], 0) + 1
        return f"导入 / imported: {counts or '无 / nothing'}; acks {result['acks_sent']}, nacks {result['nacks_sent']}"
    if action == "export":
        return "\n".join(f"已导出 / exported #{r['sequence']} {r['file']}" for r in result["exported"]) or "无变更 / nothing to export"
    if action == "status":
        return (f"本机 / node {result['node']}  指纹 / fingerprint {result['fingerprint']}\n"
                f"待导入 / waiting {result['waiting_incoming']}, 待确认 / pending {len(result['pending'])}, "
                f"暂存 / held {len(result['held'])}, 隔离 / quarantined {len(result['quarantined'])}, "
                f"冲突 / conflicts {result['open_conflicts']}"
                + "".join(f"\n  隔离 / quarantined: {q.get('quarantined_as', q.get('file'))}  {q.get('reason')}  "
                          f"{q.get('message', '')}" for q in result["quarantined"]))
    return f"{result['node']}  {result['fingerprint']}"


def run(args) -> int:
    """Run one exchange action; exit 0 on success, 8 when an import quarantined anything,
    another code of app.cli.exit_codes on a clear error."""
    if not getattr(args, "exchange_command", None):
        raise CliError("请指定 export、import、status、retry、key、pin 或 rotate-key / choose an action")

    ctx = login(args)
    try:
        result = _act(ctx.exchange, args)
    except (EngineError, PermissionDenied, StoreError, ValueError, OSError) as exc:
        raise CliError(str(exc)) from exc
    finally:
        ctx.store.close()
    if args.json:
        print_json(result)
    else:
        print(_summary(args.exchange_command, result))
    if args.exchange_command in ("import", "retry"):
        quarantined = [o for o in result.get("outcomes", []) if o.get("action") == "quarantined"]
        if quarantined:
            # Documented exit code: the batch ran to the end, but something needs IT's attention.
            sys.stderr.write(f"注意 / note: {len(quarantined)} 个文件已隔离 / file(s) quarantined "
                             f"(exit {exit_codes.QUARANTINED})\n")
            return exit_codes.QUARANTINED
    return 0
