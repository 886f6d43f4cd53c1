"""``trial-assistant audit verify --data DIR``: check the audit hash chain."""
from __future__ import annotations

import os

from app.cli.output import CliError, login, print_json
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
        from app.security.audit import verify as verify_chain
        from app.security.keys import Keyring, KeyringError
        from app.store.store import Store

        layout = Store.layout_for(args.data)
        try:
            keyring = Keyring.load(layout.keyring)
            key = keyring.unwrap_with_recovery(os.environ.get(args.recovery_key_env, ""))
        except KeyringError as exc:
            raise CliError(str(exc)) from exc
        store = Store(layout, key, keyring)
        try:
            return verify_chain(store.database.reader().conn)
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
        print(f"审计日志完整 / audit trail intact: {result.entries} 条 entries, head {result.head}")
    else:
        print(f"审计日志被篡改 / audit trail BROKEN at entry {result.first_broken_id}: {result.reason}")
    return 0 if result.ok else 1
