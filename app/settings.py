"""Settings declared once with type, default and description (like Picard's option registry).

Resolution order for every value: machine policy (from the MSI: registry on Windows, a
policy file elsewhere) > platform policy (``<data>/platform_policy.json``, sent by the central
platform through the exchange folder, used only while its signature verifies against a pinned
platform key) > user settings file > declared default.  A value set by
either policy is locked: the settings dialog shows it read-only and :meth:`Settings.set`
refuses it.  The platform cannot set the local folders or its own key (``LOCAL_ONLY``).
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from app import paths


@dataclass(frozen=True)
class Setting:
    """One declared setting. ``policy_name`` is the MSI property / registry value name."""

    name: str
    type: type
    default: Any
    label: str
    policy_name: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[Any, ...] = ()

    def coerce(self, value: Any) -> Any:
        """Convert a raw value (string from the registry, JSON value) to this setting's type."""
        if value is None:
            return self.default
        if self.type is bool:
            if isinstance(value, str):
                return value.strip().lower() in {"1", "true", "yes", "on"}
            return bool(value)
        out = self.type(value)
        if self.minimum is not None and out < self.minimum:
            raise ValueError(f"{self.label}不能小于 {self.minimum}")
        if self.maximum is not None and out > self.maximum:
            raise ValueError(f"{self.label}不能大于 {self.maximum}")
        if self.choices and out not in self.choices:
            raise ValueError(f"{self.label}只能取 {', '.join(map(str, self.choices))}")
        return out


REGISTRY: dict[str, Setting] = {}


def declare(*settings: Setting) -> None:
    """Add settings to the registry (each name once)."""
    for s in settings:
        if s.name in REGISTRY:
            raise KeyError(f"setting {s.name} declared twice")
        REGISTRY[s.name] = s


declare(
    Setting("data_dir", str, "", "数据目录", "DATADIR"),
    Setting("exchange_dir", str, "", "交换目录", "EXCHANGEDIR"),
    Setting("model_dir", str, "", "语音识别模型目录", "MODELDIR"),
    Setting("court_name", str, "", "法院名称", "COURTNAME"),
    Setting("court_code", str, "", "法院代字", "COURTCODE"),
    Setting("platform_key", str, "", "平台公钥（指纹或文件）", "PLATFORMKEY"),
    Setting("autolock_minutes", int, 10, "空闲自动锁定（分钟）", "AUTOLOCKMINUTES", minimum=1, maximum=240),
    Setting("lockout_attempts", int, 5, "连续输错密码锁定次数", "LOCKOUTATTEMPTS", minimum=3, maximum=20),
    Setting("lockout_minutes", int, 15, "密码锁定时长（分钟）", "LOCKOUTMINUTES", minimum=1, maximum=1440),
    Setting("deadline_warning_days", int, 15, "审限预警天数", "DEADLINEWARNINGDAYS", minimum=1, maximum=90),
    Setting("inbox_scan_seconds", int, 60, "交换目录扫描间隔（秒）", "INBOXSCANSECONDS", minimum=10, maximum=3600),
    # Larger packages are quarantined unread ("too_large"); 1 GiB fits a long hearing's audio.
    Setting("exchange_max_package_mb", int, 1024, "交换包大小上限（MB）", "EXCHANGEMAXMB", minimum=1, maximum=4096),
    Setting("language", str, "zh_CN", "界面语言", "LANGUAGE", choices=("zh_CN", "en")),
    Setting("assist_transcription", bool, True, "启用语音转写辅助", "ASSISTTRANSCRIPTION"),
    Setting("assist_cataloguing", bool, True, "启用卷宗自动归目辅助", "ASSISTCATALOGUING"),
    Setting("assist_drafting", bool, True, "启用文书辅助生成", "ASSISTDRAFTING"),
    Setting("assist_review", bool, True, "启用文书辅助审查", "ASSISTREVIEW"),
    # A court may forbid signing over open error-level review findings (otherwise a reason is required).
    # No MSI property yet (the installer's policy tables are generated from the names here):
    # a court sets it through the platform policy file, or the lead adds SIGNWITHOPENERRORS.
    Setting("sign_with_open_errors", bool, True, "允许在审查错误未处理时说明理由后签发"),
    Setting("input_device", str, "", "庭审录音输入设备"),
)


# Settings only this machine decides: the platform's policy never sets them.
LOCAL_ONLY = frozenset({"data_dir", "exchange_dir", "model_dir", "platform_key", "input_device"})


def read_platform_policy(path: Path | None, verify: Callable[[dict], Any] | None = None) -> dict[str, Any]:
    """Platform policy file as {name: value}, only when ``verify`` (see
    app/security/platform_policy.py) finds its signature valid against a pinned platform key and
    returns the signed settings; a missing, broken, unsigned or edited file (or a local-only or
    unknown name) gives nothing."""
    if path is None or verify is None:
        return {}
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    values = verify(data) if isinstance(data, dict) else None
    if not isinstance(values, dict):
        return {}
    return {k: v for k, v in values.items() if k in REGISTRY and k not in LOCAL_ONLY}


def _read_windows_policy() -> dict[str, Any]:
    try:
        import winreg  # type: ignore[import-not-found]
    except ImportError:
        return {}
    values: dict[str, Any] = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, paths.POLICY_REGISTRY_KEY) as key:
            i = 0
            while True:
                try:
                    name, value, _ = winreg.EnumValue(key, i)
                except OSError:
                    break
                values[name.upper()] = value
                i += 1
    except OSError:
        return {}
    return values


def read_policy(path: Path | None = None) -> dict[str, Any]:
    """Machine policy as {POLICYNAME: raw value}. A broken policy file is reported, not fatal."""
    if sys.platform == "win32" and path is None and not os.environ.get("TRIAL_ASSISTANT_POLICY"):
        return _read_windows_policy()
    file = path or paths.policy_file()
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        sys.stderr.write(f"策略文件无法读取，已忽略：{file}：{exc}\n")
        return {}
    return {str(k).upper(): v for k, v in data.items()} if isinstance(data, dict) else {}


class Settings:
    """Resolved settings for this machine and user; observers are told about changes."""

    def __init__(self, policy: dict[str, Any] | None = None, user_file: Path | None = None,
                 platform_file: Path | None = None, platform_verify: Callable[[dict], Any] | None = None) -> None:
        self._policy = read_policy() if policy is None else {k.upper(): v for k, v in policy.items()}
        self._user_file = user_file or paths.user_settings_file()
        self._user: dict[str, Any] = self._load_user()
        self._observers: list[Callable[[str, Any], None]] = []
        self.platform_file = platform_file
        self._platform: dict[str, Any] = read_platform_policy(platform_file, platform_verify)

    @property
    def user_file(self) -> Path:
        """Where this user's values are kept (the window keeps its layout next to it)."""
        return self._user_file

    def use_platform_policy(self, path: Path | None, verify: Callable[[dict], Any] | None = None) -> None:
        """(Re)read the platform policy layer from ``path`` (None removes the layer); it is used
        only when ``verify`` accepts its signature."""
        self.platform_file = Path(path) if path else None
        self._platform = read_platform_policy(self.platform_file, verify)

    def _machine(self, s: Setting) -> Any:
        return self._policy.get(s.policy_name.upper()) if s.policy_name else None

    def source(self, name: str) -> str:
        """Where the effective value comes from: policy, platform, user or default."""
        s = REGISTRY[name]
        for source, raw in (("policy", self._machine(s)), ("platform", self._platform.get(name)),
                            ("user", self._user.get(name))):
            if raw is not None and raw != "":
                try:
                    s.coerce(raw)
                    return source
                except (TypeError, ValueError):
                    continue
        return "default"

    def _load_user(self) -> dict[str, Any]:
        try:
            data = json.loads(self._user_file.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}

    def is_locked(self, name: str) -> bool:
        """True when machine or platform policy sets a usable value (the user cannot change it).

        An empty or invalid policy value is ignored by :meth:`get`, so it locks nothing either.
        """
        s = REGISTRY[name]
        return any(self._usable(s, raw) for raw in (self._machine(s), self._platform.get(name)))

    @staticmethod
    def _usable(s: Setting, raw: Any) -> bool:
        if raw is None or raw == "":
            return False
        try:
            s.coerce(raw)
        except (TypeError, ValueError):
            return False
        return True

    def get(self, name: str) -> Any:
        """The effective value: machine policy, else platform policy, else user, else default
        (invalid values fall back)."""
        s = REGISTRY[name]
        for source in (self._machine(s), self._platform.get(name), self._user.get(name)):
            if source is not None and source != "":
                try:
                    return s.coerce(source)
                except (TypeError, ValueError):
                    continue
        return s.default

    def __getitem__(self, name: str) -> Any:
        return self.get(name)

    def set(self, name: str, value: Any) -> None:
        """Store a user value (validated); refused for policy-locked settings."""
        s = REGISTRY[name]
        if self.is_locked(name):
            raise PermissionError(f"“{s.label}”由管理策略设定，不能修改")
        self._user[name] = s.coerce(value)
        self._save_user()
        for observer in list(self._observers):
            observer(name, self.get(name))

    def observe(self, callback: Callable[[str, Any], None]) -> None:
        """Call ``callback(name, value)`` after each change."""
        self._observers.append(callback)

    def _save_user(self) -> None:
        self._user_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._user_file.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._user, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(tmp, self._user_file)
