"""``trial-assistant recover``: IT sets a user's password with the recovery key printed at init.

Used when a user forgot the password or is locked out (setting a new password also lifts the
lock-out).  The store is opened with the recovery key, never with anyone's password, and the
recovery is written to the audit log.  Secrets come from a prompt, or for scripted use from
environment variables named by ``--recovery-key-env`` / ``--password-env`` (never from the
command line itself, which other users of the PC could read in the process list).
"""
from __future__ import annotations

from pathlib import Path

from app.cli.output import CliError, print_json, prompt_secret, secret_from_env


def register(sub) -> None:
    """Add the ``recover`` subcommand."""
    p = sub.add_parser("recover", help="用恢复密钥重设用户密码 / reset a password with the recovery key")
    p.add_argument("--data", help="数据目录 / data folder (default: policy DATADIR, then the per-user default)")
    p.add_argument("--user", required=True, help="要重设密码的用户名 / user whose password is reset")
    p.add_argument("--recovery-key-env", default="",
                   help="read the recovery key from this environment variable instead of prompting")
    p.add_argument("--password-env", default="",
                   help="read the new password from this environment variable instead of prompting")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=run)


def _secret(env_name: str, prompt: str, option: str, confirm: str = "") -> str:
    if env_name:
        return secret_from_env(env_name)
    value = prompt_secret(prompt, option)
    if confirm and value != prompt_secret(confirm, option):
        raise CliError("两次输入的密码不一致 / passwords differ")
    return value


def _data_dir(args) -> Path:
    if args.data:
        return Path(args.data)
    from app import paths
    from app.settings import Settings

    return Path(Settings()["data_dir"] or paths.default_data_dir())


def run(args) -> int:
    """Reset ``--user``'s password; exit 2 with a clear message when anything is wrong."""
    from app import paths
    from app.services import auth

    data_dir = _data_dir(args)
    from app.cli import exit_codes
    from app.store.errors import StoreError
    from app.store.store import check_store_files

    try:
        check_store_files(paths.StoreLayout(data_dir))
    except StoreError as exc:
        raise CliError(str(exc), exit_codes.STORE) from exc
    key = _secret(args.recovery_key_env, "恢复密钥 / recovery key: ", "--recovery-key-env").strip()
    password = _secret(args.password_env, f"{args.user} 的新密码 / new password: ", "--password-env",
                       "再次输入 / repeat: ")
    try:
        auth.recover(data_dir, key, args.user, password)
    except auth.AuthError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json({"data": str(data_dir), "user": args.user, "recovered": True})
    else:
        print(f"已为 {args.user} 设置新密码，锁定已解除 / new password set for {args.user}, lock-out lifted")
    return 0
