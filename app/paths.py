"""The one module that knows where things live: resources, data, cache, config, policy.

Every other module asks here; nothing else builds absolute paths from environment
variables or platform conventions.  Environment variables exist for tests and for IT:
``TRIAL_ASSISTANT_DATA``, ``TRIAL_ASSISTANT_CACHE``, ``TRIAL_ASSISTANT_CONFIG``,
``TRIAL_ASSISTANT_POLICY``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "TrialAssistant"


def is_frozen() -> bool:
    """True inside a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def install_root() -> Path:
    """Folder that holds the code (the repository, or the bundle's _internal folder)."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parents[1]


def resources_dir() -> Path:
    """Bundled read-only resources: templates, rule files, dictionaries, translations."""
    return install_root() / "resources"


def resource(*parts: str) -> Path:
    """Path of one bundled resource file."""
    return resources_dir().joinpath(*parts)


def app_icon_files() -> list[Path]:
    """The application icon drawn at each size (resources/icons, from scripts/make_icons.py)."""
    return sorted(resources_dir().joinpath("icons").glob("app_*.png"),
                  key=lambda p: int(p.stem.split("_")[1]))


def _platform_base(kind: str) -> Path:
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME / kind
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR_NAME / kind
    xdg = {
        "data": os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share"),
        "cache": os.environ.get("XDG_CACHE_HOME") or str(home / ".cache"),
        "config": os.environ.get("XDG_CONFIG_HOME") or str(home / ".config"),
    }[kind]
    return Path(xdg) / "trial-assistant"


def default_data_dir() -> Path:
    """Default folder of the encrypted store when neither policy nor --data names one."""
    env = os.environ.get("TRIAL_ASSISTANT_DATA")
    return Path(env) if env else _platform_base("data")


def cache_dir() -> Path:
    """Folder for derived, re-creatable files (e.g. the assembled Whisper model)."""
    env = os.environ.get("TRIAL_ASSISTANT_CACHE")
    return Path(env) if env else _platform_base("cache")


def config_dir() -> Path:
    """Folder of the per-user settings file."""
    env = os.environ.get("TRIAL_ASSISTANT_CONFIG")
    return Path(env) if env else _platform_base("config")


def log_dir() -> Path:
    """Folder of the error log (tracebacks of unexpected errors, by reference number).

    ``TRIAL_ASSISTANT_LOG_DIR`` overrides; otherwise ``logs`` in the cache folder
    (%LOCALAPPDATA%\\TrialAssistant\\cache\\logs on Windows).  Never inside the data folder.
    """
    env = os.environ.get("TRIAL_ASSISTANT_LOG_DIR")
    return Path(env) if env else cache_dir() / "logs"


def log_file() -> Path:
    """The error log file (created private, 0600 in a 0700 folder on POSIX)."""
    folder = log_dir()
    make_private_dir(folder)
    path = folder / "errors.log"
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    return path


def user_settings_file() -> Path:
    """Per-user settings (JSON)."""
    return config_dir() / "settings.json"


def policy_file() -> Path:
    """Machine policy written by the MSI on non-Windows systems (Windows uses the registry)."""
    env = os.environ.get("TRIAL_ASSISTANT_POLICY")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(base) / APP_DIR_NAME / "policy.json"
    return Path("/etc/trial-assistant/policy.json")


POLICY_REGISTRY_KEY = r"SOFTWARE\Policies\TrialAssistant"


class StoreLayout:
    """File names inside one data folder (one store)."""

    def __init__(self, data_dir: Path | str) -> None:
        self.root = Path(data_dir)

    @property
    def database(self) -> Path:
        """The SQLCipher database."""
        return self.root / "store.db"

    @property
    def keyring(self) -> Path:
        """Wrapped data keys (per user and recovery) and login throttling state."""
        return self.root / "keyring.json"

    @property
    def blobs(self) -> Path:
        """Encrypted content-addressed files."""
        return self.root / "blobs"

    @property
    def templates(self) -> Path:
        """The court's document templates (from the platform), preferred over bundled ones."""
        return self.root / "templates"

    @property
    def catalogue_rules(self) -> Path:
        """The court's catalogue rule file (same shape as resources/catalogue/categories.json)."""
        return self.root / "catalogue" / "categories.json"

    @property
    def platform_policy(self) -> Path:
        """Settings sent by the central platform (a layer below machine policy)."""
        return self.root / "platform_policy.json"

    @property
    def demo_marker(self) -> Path:
        """Present when the store is a demo store (shown in the window title)."""
        return self.root / "DEMO"

    @property
    def init_marker(self) -> Path:
        """Present while ``init`` moves a new store into place: the store is half-made."""
        return self.root / ".init-pending"

    @property
    def build_dir(self) -> Path:
        """Where ``init`` builds a new store before renaming it into place."""
        return self.root / ".init-build"

    def exists(self) -> bool:
        """True when this folder holds a store."""
        return self.database.exists() and self.keyring.exists()

    def private_paths(self) -> list[Path]:
        """The files only the owner may read: database, its WAL and shared memory, keyring."""
        db = self.database
        return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), self.keyring]


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) so that the last folder is 0700 on POSIX.

    On Windows the folder inherits the ACL of the user's profile (per-user data) or the one the
    MSI sets on the ProgramData folder (see installer/README.md); nothing to do here.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)


def tighten_store_permissions(layout: StoreLayout) -> None:
    """Make an existing store private on POSIX: folders 0700, database/WAL/keyring 0600.

    Stores made by earlier versions were 0644 in 0755 folders; this runs at every open so they
    become private too.  A file we cannot change (another owner) is left as it is.
    """
    if os.name != "posix":
        return
    for folder in (layout.root, layout.blobs):
        if folder.is_dir():
            try:
                os.chmod(folder, 0o700)
            except OSError:
                pass
    for file in layout.private_paths():
        try:
            if file.exists() and (file.stat().st_mode & 0o077):
                os.chmod(file, 0o600)
        except OSError:
            pass
