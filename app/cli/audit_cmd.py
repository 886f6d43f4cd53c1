"""``trial-assistant audit verify --data DIR``: check the audit hash chain.

Besides each link, the chain must extend the head sealed in the keyring (the local anchor) and
the head last sent to the platform, and SQLCipher's ``cipher_integrity_check`` must find every
page intact.  Exit 0 when all holds, 1 otherwise.
"""
from __future__ import annotations

from app.cli.output import CliError, login, print_json, secret_from_env
from app.security.roles import PermissionDenied


def register(sub) -> None:
    """Add the ``audit`` subcommand group."""
    p = sub.add_parser("audit", help="审计日志 / audit trail")
    asub = p.add_subparsers(dest="audit_command", metavar="ACTION")
    v = asub.add_parser("verify", help="校验审计日志哈希链 / verify the hash chain")
    v.add_argument("--data", required=True, help="数据目录 / data folder")
    v.add_argument("--user", default="admin", help="管理员用户名 / IT user")
    v.add_argument("--password-env", default="", help="read the password from this environment variable")
    v.add_argument("--recovery-key-env", default="", help="open with the recovery key from this environment variable")
    v.add_argument("--json", action="store_true")
    v.set_defaults(func=verify)


def _open(args):
    if args.recovery_key_env:
        from app.security.keys import Keyring
        from app.store.store import Store, check_store_files

        layout = Store.layout_for(args.data)
        check_store_files(layout)
        keyring = Keyring.load(layout.keyring)
        key = keyring.unwrap_with_recovery(secret_from_env(args.recovery_key_env))
        store = Store(layout, key, keyring)
        try:
            return store.verify_audit()
        finally:
            store.close()
    ctx = login(args)
    try:
        return ctx.audit_log.verify()
    except PermissionDenied as exc:
        raise CliError(str(exc)) from exc
    finally:
        ctx.store.close()


def verify(args) -> int:
    """Exit 0 when the chain is intact, 1 with the first broken entry otherwise."""
    result = _open(args)
    if args.json:
        print_json(result)
    elif result.ok:
        print(f"审计日志完整 / audit trail intact: {result.entries} 条 entries, head {result.head}; "
              f"本地锚点 / local anchor: {result.anchor}; 平台链头 / platform head: {result.platform_head}; "
              "页面校验 / page check: ok")
    else:
        where = f" at entry {result.first_broken_id}" if result.first_broken_id else ""
        print(f"审计日志被篡改 / audit trail BROKEN{where}: {result.reason}")
    return 0 if result.ok else 1
