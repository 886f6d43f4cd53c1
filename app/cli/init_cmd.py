"""``trial-assistant init --data DIR``: create a store and its first IT user."""
from __future__ import annotations

import sys

from app.cli.output import CliError, print_json, prompt_secret, secret_from_env
from app.services import auth


def register(sub) -> None:
    """Add the ``init`` subcommand."""
    p = sub.add_parser("init", help="创建案件库及首个信息技术管理员 / create a store and its first IT user")
    p.add_argument("--data", required=True, help="数据目录 / data folder")
    p.add_argument("--user", default="admin", help="管理员用户名 (default: admin)")
    p.add_argument("--name", default="信息技术管理员", help="显示名称")
    p.add_argument("--court-name", default="", help="法院名称")
    p.add_argument("--court-code", default="", help="法院代字，如 京0105")
    p.add_argument("--password-env", default="",
                   help="read the password from this environment variable instead of prompting")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def run(args) -> int:
    """Create the store; print the recovery key once, and only when the store is complete."""
    if args.password_env:
        password = secret_from_env(args.password_env)
    else:
        password = prompt_secret("管理员密码 / IT password: ", "--password-env")
        if password != prompt_secret("再次输入 / repeat: ", "--password-env"):
            raise CliError("两次输入的密码不一致 / passwords differ")
    try:
        result = auth.init_store(args.data, args.user, password, it_display_name=args.name,
                                 court_name=args.court_name, court_code=args.court_code, keep_marker=True)
    except auth.AuthError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json({"data": str(result.data_dir), "user": result.it_username, "recovery_key": result.recovery_key})
    else:
        print(f"案件库已创建 / store created: {result.data_dir}")
        print(f"管理员 / IT user: {result.it_username}")
        print("恢复密钥（只显示这一次，请打印后妥善保管）/ recovery key (shown once, print and keep it safe):")
        print(f"  {result.recovery_key}")
    sys.stdout.flush()
    # Only now is the store complete: until here an interrupted init leaves it marked half-made.
    auth.finish_init(result.data_dir)
    return 0
