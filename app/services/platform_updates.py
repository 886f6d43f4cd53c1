"""Templates, catalogue rules and policy sent by the central platform, installed into the data folder.

A platform ``data`` package may carry, besides or instead of a case:

- ``templates/<name>.docx``: a court document template. It is checked with the drafting
  engine (a readable .docx whose ``{{fields}}`` are all known) and installed as
  ``<data>/templates/<name>.docx``, which the drafting service prefers over the bundled
  template of the same name. A template that fails the check is not installed: it goes to
  ``<data>/templates/refused/`` with ``<name>.reason.json``, and the refusal is audited.
- ``catalogue/categories.json``: the court's catalogue rule file, checked to have the shape
  of resources/catalogue/categories.json, installed as ``<data>/catalogue/categories.json``
  (read by the cataloguing service). A bad file is refused the same way.
- ``policy.json``: ``{"settings": {name: value}}``, installed as ``<data>/platform_policy.json``,
  the platform layer of :class:`app.settings.Settings` (machine policy still wins). Unknown or
  local-only names and invalid values are refused one by one, the rest is installed.

Every file is written atomically (temporary name, fsync, rename). Installing runs inside the
ledger transaction of the package; if that transaction does not commit, the package is applied
again on the next scan and writes the same bytes, so an install is idempotent.
"""
from __future__ import annotations

import io
import json
import os
import re
import uuid
from pathlib import Path

from app.messages import Message
from app.clock import now as _now
from app.paths import StoreLayout
from app.settings import LOCAL_ONLY, REGISTRY

TEMPLATES = "templates"
CATALOGUE_FILE = "catalogue/categories.json"
POLICY_FILE = "policy.json"
MAX_UPDATE_FILE = 32 << 20
_TEMPLATE_NAME = re.compile(r"^templates/([^/\\]{1,80})\.docx$")


def templates_dir(data_root: str | Path) -> Path:
    """The court's own templates inside the data folder (preferred over bundled ones)."""
    return StoreLayout(data_root).templates


def platform_policy_file(data_root: str | Path) -> Path:
    """The platform policy layer of the settings."""
    return StoreLayout(data_root).platform_policy


def catalogue_rules_file(data_root: str | Path) -> Path:
    """The court's catalogue rule file (what CataloguingService.court_rules_file names)."""
    return StoreLayout(data_root).catalogue_rules


def is_update_path(path: str) -> bool:
    """True for the package paths this module installs."""
    return path in (CATALOGUE_FILE, POLICY_FILE) or path.startswith(TEMPLATES + "/")


def atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target``: temporary name in the same folder, fsync, rename, fsync folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.part"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    if hasattr(os, "O_DIRECTORY"):
        fd = os.open(target.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_template(name: str, data: bytes) -> None:
    """Raise ValueError with the drafting engine's message unless the template can be filled."""
    import docx

    from engines.common import InputError
    from engines.drafting.fill import check_template as engine_check

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types for a damaged package
        raise ValueError(Message("updates.template_invalid", name=name, reason=str(exc))) from None
    try:
        engine_check(document, name)
    except InputError as exc:
        raise ValueError(exc.text()) from None


def check_rules(data: bytes) -> None:
    """Raise ValueError unless ``data`` has the shape of resources/catalogue/categories.json."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(Message("updates.rules_unreadable", reason=str(exc))) from None
    cats = obj.get("categories") if isinstance(obj, dict) else None
    if not isinstance(cats, list) or not cats:
        raise ValueError(Message("updates.rules_no_categories"))
    labels = set()
    for i, c in enumerate(cats):
        if not isinstance(c, dict) or not all(isinstance(c.get(k), str) and c.get(k) for k in ("code", "label")):
            raise ValueError(Message("updates.rules_item", number=i + 1))
        try:
            float(c["order"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(Message("updates.rules_order", label=c["label"])) from None
        for key in ("titles", "terms"):
            if not isinstance(c.get(key, []), list) or not all(isinstance(t, str) for t in c.get(key, [])):
                raise ValueError(Message("updates.rules_list", label=c["label"], key=key))
        if c["label"] in labels:
            raise ValueError(Message("updates.rules_twice", label=c["label"]))
        labels.add(c["label"])
    try:
        float(obj.get("min_confidence", 0.55))
    except (TypeError, ValueError):
        raise ValueError(Message("updates.rules_confidence")) from None


def check_policy(data: bytes) -> tuple[dict, list[dict]]:
    """The accepted ``{name: value}`` of a platform policy file and the refused entries with reasons."""
    try:
        obj = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(Message("updates.policy_unreadable", reason=str(exc))) from None
    values = obj.get("settings") if isinstance(obj, dict) else None
    if not isinstance(values, dict):
        raise ValueError(Message("updates.policy_no_settings"))  # noqa: TRY004 - a refusal reason, not a caller's type error
    accepted, refused = {}, []
    for name, raw in values.items():
        if name not in REGISTRY:
            refused.append({"name": name, "reason": str(Message("updates.unknown_setting"))})
        elif name in LOCAL_ONLY:
            refused.append({"name": name, "reason": str(Message("updates.local_only"))})
        else:
            try:
                accepted[name] = REGISTRY[name].coerce(raw)
            except (TypeError, ValueError) as exc:
                refused.append({"name": name, "reason": str(Message("updates.bad_value", reason=exc))})
    return accepted, refused


def _refuse(folder: Path, name: str, data: bytes, reason: str, package_id: str) -> None:
    refused = folder / "refused"
    atomic_write(refused / name, data)
    atomic_write(refused / f"{name}.reason.json", json.dumps(
        {"file": name, "reason": reason, "package_id": package_id, "time": _now()},
        ensure_ascii=False, indent=2).encode("utf-8"))


def install(data_root: str | Path, path: str, data: bytes, package_id: str, signed: tuple | None = None) -> dict:
    """Check and install one update file; returns what happened (for the audit entry).

    ``{"kind": "template"|"rules"|"policy", "path", "installed": bool, "reason"?, "refused"?}``
    """
    root = Path(data_root)
    if len(data) > MAX_UPDATE_FILE:
        return {"kind": "unknown", "path": path, "installed": False, "reason": str(Message("updates.too_large"))}
    if path.startswith(TEMPLATES + "/"):
        match = _TEMPLATE_NAME.match(path)
        name = match.group(1) if match else Path(path).name
        if not match or name.startswith((".", "~$")):
            return {"kind": "template", "path": path, "installed": False,
                    "reason": str(Message("updates.bad_template_name"))}
        try:
            check_template(name, data)
        except ValueError as exc:
            _refuse(templates_dir(root), f"{name}.docx", data, str(exc), package_id)
            return {"kind": "template", "path": path, "installed": False, "reason": str(exc)}
        atomic_write(templates_dir(root) / f"{name}.docx", data)
        stale = templates_dir(root) / "refused" / f"{name}.docx.reason.json"
        for old in (stale, stale.with_name(f"{name}.docx")):
            if old.exists():
                old.unlink()  # a good version replaces an earlier refusal
        return {"kind": "template", "path": path, "name": name, "installed": True}
    if path == CATALOGUE_FILE:
        try:
            check_rules(data)
        except ValueError as exc:
            _refuse(root / "catalogue", "categories.json", data, str(exc), package_id)
            return {"kind": "rules", "path": path, "installed": False, "reason": str(exc)}
        atomic_write(catalogue_rules_file(root), data)
        return {"kind": "rules", "path": path, "installed": True}
    if path == POLICY_FILE:
        try:
            accepted, refused = check_policy(data)
        except ValueError as exc:
            return {"kind": "policy", "path": path, "installed": False, "reason": str(exc)}
        record = {"settings": accepted, "refused": refused, "package_id": package_id, "received": _now()}
        if signed is not None:  # (manifest bytes, signature, signer): the layer is used only if it verifies
            from app.security.platform_policy import make_proof

            record["proof"] = make_proof(*signed, data)
        atomic_write(platform_policy_file(root), json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8"))
        return {"kind": "policy", "path": path, "installed": True, "settings": sorted(accepted), "refused": refused}
    return {"kind": "unknown", "path": path, "installed": False, "reason": str(Message("updates.unknown_file"))}


def installed(data_root: str | Path) -> dict:
    """What the platform installed here: templates, refused files with reasons, rules, policy."""
    root = Path(data_root)
    folder = templates_dir(root)
    refused = []
    for reason_file in sorted(list(folder.glob("refused/*.reason.json"))
                              + list((root / "catalogue").glob("refused/*.reason.json"))):
        try:
            refused.append(json.loads(reason_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            continue
    try:
        policy = json.loads(platform_policy_file(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        policy = None
    return {"templates": sorted(p.stem for p in folder.glob("*.docx") if not p.name.startswith(("~$", "."))),
            "refused": refused, "catalogue_rules": catalogue_rules_file(root).is_file(), "policy": policy}
