"""Simulated central platform: ``python -m engines.exchange.platform_sim --state DIR --exchange DIR CMD``.

It plays the other side of the exchange folder for tests, demos and IT's deployment check:

- ``init [--node NAME]``: create the platform's keys; writes ``public_key.json`` into the state
  folder (the file IT pins on the terminal) and prints the fingerprint.
- ``pin KEYFILE``: pin a terminal's public key file.
- ``assign --to NODE --case-number ... --filing-date ... [--cause ...] [--plaintiff ...]
  [--defendant ...] [--judge USER] [--clerk USER] [--case-id ID] [--case-json FILE]
  [--dossier PDF ...]``: send a case assignment or update (``case.json`` plus dossier files).
- ``update --to NODE [--template DOCX ...] [--rules JSON] [--policy JSON] [--set NAME=VALUE ...]``:
  send court templates (``templates/<name>.docx``), a catalogue rule file
  (``catalogue/categories.json``) and/or platform policy (``policy.json``, ``{"settings": {...}}``).
- ``collect``: claim the terminal's packages from ``outbox/``, verify, store, acknowledge.
- ``status``, ``received``: what the platform holds.
- ``rotate-key --notify NODE``: new platform keys, announced by a key update signed by the old.

Output is JSON on stdout; exit code 2 with a message on bad input.
"""
from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path

from engines.common import EngineError, to_jsonable
from engines.exchange.file_node import FileNode
from engines.exchange.keys import PeerKey, fingerprint
from engines.exchange.package_writer import file_from_bytes, file_from_path


def _print(obj) -> None:
    sys.stdout.write(json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def case_assignment_files(case: dict, dossier: list[Path]) -> list:
    """Files of a case assignment: ``case.json`` and ``dossier/<name>`` for each PDF."""
    case_id = case["case_id"]
    files = [file_from_bytes(json.dumps(case, ensure_ascii=False, indent=2).encode("utf-8"), "case.json", case_id)]
    files += [file_from_path(p, f"dossier/{p.name}", case_id) for p in dossier]
    return files


def platform_update_files(templates: list[Path] = (), rules: Path | None = None,
                          policy: dict | None = None) -> list:
    """Files of a platform update: templates, the catalogue rule file, platform policy settings."""
    files = [file_from_path(p, f"templates/{p.name}") for p in templates]
    if rules is not None:
        files.append(file_from_path(rules, "catalogue/categories.json"))
    if policy is not None:
        files.append(file_from_bytes(json.dumps({"settings": policy}, ensure_ascii=False, indent=2).encode("utf-8"),
                                     "policy.json"))
    return files


def _kind(name: str) -> str:
    # The simulator guesses; the real platform sends the party type it registered.
    return "法人" if name.endswith(("公司", "银行", "集团", "厂")) else "自然人"


def _cmd_init(node: FileNode, args) -> dict:
    keys = node.ensure_keys(args.node)
    public = keys.public().to_json()
    (node.state / "public_key.json").write_text(json.dumps(public, ensure_ascii=False, indent=2), encoding="utf-8")
    return {"node": keys.node, "key_id": keys.key_id, "fingerprint": fingerprint(keys.key_id),
            "public_key_file": str(node.state / "public_key.json")}


def _cmd_pin(node: FileNode, args) -> dict:
    try:
        key = PeerKey.from_json(json.loads(Path(args.keyfile).read_text(encoding="utf-8")))
    except (OSError, ValueError) as exc:
        raise EngineError("无法读取公钥文件", str(exc)) from None
    node.pin(key)
    return {"pinned": key.node, "key_id": key.key_id, "fingerprint": fingerprint(key.key_id)}


def _cmd_assign(node: FileNode, args) -> dict:
    dossier = [Path(p) for p in args.dossier or []]
    for p in dossier:
        if not p.is_file():
            raise EngineError("卷宗文件不存在", str(p))
    parties = [{"role": role, "name": name, "kind": _kind(name)}
               for role, names in (("原告", args.plaintiff), ("被告", args.defendant)) for name in names or []]
    case = {"case_id": args.case_id or str(uuid.uuid4()), "case_number": args.case_number, "cause": args.cause,
            "procedure": args.procedure, "filing_date": args.filing_date, "claims": args.claims,
            "status": args.status, "parties": parties, "judge": args.judge, "clerk": args.clerk,
            "dossier": [p.name for p in dossier]}
    if args.case_json:
        try:
            case.update(json.loads(Path(args.case_json).read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            raise EngineError("无法读取案件 JSON", str(exc)) from None
    record = node.export(args.to, case_assignment_files(case, dossier))
    return {"package_id": record.package_id, "sequence": record.sequence, "file": record.file,
            "case_id": case["case_id"], "files": record.files, "size": record.size}


def _cmd_update(node: FileNode, args) -> dict:
    templates = [Path(p) for p in args.template or []]
    for p in templates + ([Path(args.rules)] if args.rules else []):
        if not p.is_file():
            raise EngineError("文件不存在", str(p))
    for p in templates:
        if p.suffix.lower() != ".docx":
            raise EngineError("模板应为 .docx 文件", str(p))
    policy = None
    if args.policy:
        try:
            policy = json.loads(Path(args.policy).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise EngineError("无法读取策略 JSON", str(exc)) from None
        policy = policy.get("settings", policy) if isinstance(policy, dict) else None
        if not isinstance(policy, dict):
            raise EngineError("策略 JSON 应为对象", args.policy)
    for item in args.set or []:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise EngineError("--set 应为 名称=值", item)
        policy = (policy or {}) | {name.strip(): value}
    files = platform_update_files(templates, Path(args.rules) if args.rules else None, policy)
    if not files:
        raise EngineError("没有要发送的内容：请给出 --template、--rules、--policy 或 --set")
    record = node.export(args.to, files)
    return {"package_id": record.package_id, "sequence": record.sequence, "file": record.file,
            "files": record.files, "size": record.size}


def _cmd_collect(node: FileNode, args) -> dict:
    return to_jsonable(node.import_incoming())


def _cmd_rotate(node: FileNode, args) -> dict:
    keys = node.rotate_keys(args.notify or [])
    (node.state / "public_key.json").write_text(json.dumps(keys.public().to_json(), ensure_ascii=False, indent=2),
                                                encoding="utf-8")
    return {"key_id": keys.key_id, "fingerprint": fingerprint(keys.key_id), "notified": args.notify or []}


def build_parser() -> argparse.ArgumentParser:
    """Argument parser of the simulator."""
    parser = argparse.ArgumentParser(prog="platform_sim", description="模拟中心平台 / simulated central platform")
    parser.add_argument("--state", required=True, help="the platform's own state folder")
    parser.add_argument("--exchange", required=True, help="the exchange folder shared with the terminal")
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("init")
    p.add_argument("--node", default="platform")
    p.set_defaults(func=_cmd_init)
    p = sub.add_parser("pin")
    p.add_argument("keyfile")
    p.set_defaults(func=_cmd_pin)
    p = sub.add_parser("assign")
    p.add_argument("--to", required=True)
    p.add_argument("--case-id")
    p.add_argument("--case-number", required=True)
    p.add_argument("--cause", default="")
    p.add_argument("--plaintiff", action="append")
    p.add_argument("--defendant", action="append")
    p.add_argument("--filing-date", default="")
    p.add_argument("--procedure", default="普通")
    p.add_argument("--claims", default="")
    p.add_argument("--status", default="审理中")
    p.add_argument("--judge", default="", help="user name of the assigned judge on the terminal")
    p.add_argument("--clerk", default="", help="user name of the assigned clerk on the terminal")
    p.add_argument("--case-json", help="JSON file whose fields override the case record")
    p.add_argument("--dossier", nargs="*")
    p.set_defaults(func=_cmd_assign)
    p = sub.add_parser("update", help="send templates, a catalogue rule file or policy")
    p.add_argument("--to", required=True)
    p.add_argument("--template", action="append", help="a .docx template (its file name is the template name)")
    p.add_argument("--rules", help="catalogue rule file (shape of resources/catalogue/categories.json)")
    p.add_argument("--policy", help='JSON file {"settings": {name: value}} (or the settings object itself)')
    p.add_argument("--set", action="append", help="one policy setting NAME=VALUE")
    p.set_defaults(func=_cmd_update)
    sub.add_parser("collect").set_defaults(func=_cmd_collect)
    sub.add_parser("status").set_defaults(func=lambda node, args: node.status())
    sub.add_parser("received").set_defaults(func=lambda node, args: node.received())
    p = sub.add_parser("rotate-key")
    p.add_argument("--notify", action="append")
    p.set_defaults(func=_cmd_rotate)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one simulator command; returns the exit code."""
    args = build_parser().parse_args(argv)
    node = FileNode(args.state, args.exchange, role="platform")
    try:
        _print(args.func(node, args))
        return 0
    except EngineError as exc:
        sys.stderr.write(f"错误 / error: {exc}\n")
        return 2
    finally:
        node.close()


if __name__ == "__main__":
    sys.exit(main())
