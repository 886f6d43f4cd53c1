"""``trial-assistant policy show``: the machine policy this PC applies, for IT after deployment.

Shows every setting with its effective value and where it comes from (machine policy written
by the MSI or Group Policy, platform policy the central platform sent into the data folder,
the user's own settings, or the default), and flags policy values
the application ignores: unknown names (a typo in a transform) and invalid values.  Needs no
store and opens none.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from app.cli.output import print_json


def register(sub) -> None:
    """Add the ``policy`` subcommand."""
    p = sub.add_parser("policy", help="查看本机管理策略 / show the machine policy in effect")
    actions = p.add_subparsers(dest="policy_action", metavar="ACTION")
    show = actions.add_parser("show", help="各设置的生效值与来源 / effective settings and their source")
    show.add_argument("--policy-file", help="read this policy file instead of the machine policy")
    show.add_argument("--data", help="data folder whose platform policy to include (default: the data_dir setting)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=run_show)


def _source_description(policy_file: str | None) -> str:
    from app import paths

    if policy_file:
        return str(Path(policy_file))
    if sys.platform == "win32" and not os.environ.get("TRIAL_ASSISTANT_POLICY"):
        return "HKLM\\" + paths.POLICY_REGISTRY_KEY
    return str(paths.policy_file())


def _user_values() -> dict:
    from app import paths

    try:
        data = json.loads(paths.user_settings_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _platform_file(data: str | None, policy: dict) -> Path:
    from app import paths
    from app.settings import REGISTRY

    folder = data or REGISTRY["data_dir"].coerce(policy.get("DATADIR")) or paths.default_data_dir()
    return paths.StoreLayout(folder).platform_policy


def describe(policy: dict, user: dict, platform: dict | None = None) -> dict:
    """Settings with value and source, plus the policy entries that are ignored and why.

    ``platform``: settings the central platform sent (below machine policy, above the user's)."""
    from app.settings import REGISTRY

    platform = platform or {}
    policy = {str(k).upper(): v for k, v in policy.items()}
    rows, problems = [], []
    known = {s.policy_name.upper() for s in REGISTRY.values() if s.policy_name}
    for name in sorted(set(policy) - known):
        problems.append({"policy_name": name, "problem": "unknown policy name (ignored)"})
    for s in REGISTRY.values():
        raw = policy.get(s.policy_name.upper()) if s.policy_name else None
        source, value = "default", s.default
        if raw not in (None, ""):
            try:
                value, source = s.coerce(raw), "policy"
            except (TypeError, ValueError) as exc:
                problems.append({"policy_name": s.policy_name, "problem": f"invalid value {raw!r} (ignored): {exc}"})
        if source == "default" and platform.get(s.name) not in (None, ""):
            try:
                value, source = s.coerce(platform[s.name]), "platform"
            except (TypeError, ValueError):
                pass
        if source == "default" and user.get(s.name) not in (None, ""):
            try:
                value, source = s.coerce(user[s.name]), "user"
            except (TypeError, ValueError):
                pass
        rows.append({"name": s.name, "policy_name": s.policy_name, "label": s.label, "value": value,
                     "source": source,
                     # as Settings.is_locked: a policy entry locks the setting even when ignored
                     "locked": (bool(s.policy_name) and s.policy_name.upper() in policy) or s.name in platform})
    return {"settings": rows, "problems": problems}


def run_show(args) -> int:
    """Print the table (or JSON); exit 1 when the policy holds ignored entries."""
    from app.security.platform_policy import machine_verifier
    from app.settings import Settings, read_platform_policy, read_policy

    policy = read_policy(Path(args.policy_file)) if args.policy_file else read_policy()
    platform_file = _platform_file(getattr(args, "data", None), policy)
    report = {"policy_source": _source_description(args.policy_file), "platform_policy": str(platform_file),
              **describe(policy, _user_values(),
                        read_platform_policy(platform_file, machine_verifier(Settings(policy=policy))))}
    if args.json:
        print_json(report)
    else:
        print(f"策略来源 / policy source: {report['policy_source']}")
        print(f"平台策略 / platform policy: {report['platform_policy']}")
        for row in report["settings"]:
            lock = "锁定 locked" if row["locked"] else ""
            print(f"  {row['policy_name'] or '-':<20} {row['name']:<22} {str(row['value']):<24} "
                  f"{row['source']:<8} {lock}")
        for problem in report["problems"]:
            print(f"  ! {problem['policy_name']}: {problem['problem']}")
    return 1 if report["problems"] else 0
