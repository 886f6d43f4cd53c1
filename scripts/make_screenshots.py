"""Screenshots of every tab at 1280×720 (100%) and 1920×1080 (150%), in Chinese and English.

    .venv/bin/python scripts/make_screenshots.py [--out docs/screenshots]

A demo store is built in a temporary folder (the demo cases, the test recording transcribed
when the speech model is in the cache, the test dossier excerpt imported - it belongs to
another case, so its foreign 案号 is flagged -, a judgment drafted and reviewed). Each
language/scale runs in its own process because QT_SCALE_FACTOR is read when Qt starts.
PNGs are reduced to 256 colours so the folder stays small.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

VARIANTS = (("zh", "1"), ("en", "1"), ("zh", "1.5"), ("en", "1.5"))
LOGICAL = (1280, 720)  # 1920×1080 at 150% is the same logical size


def build_store(data: Path) -> None:
    """Demo store plus a transcribed hearing, an imported dossier and a reviewed draft."""
    from app.demo import create_demo_store
    from app.services import auth
    from app.services.cataloguing import CataloguingService
    from app.services.drafting import DraftingService
    from app.services.transcription import TranscriptionService
    from app.settings import Settings

    settings = Settings(policy={})
    create_demo_store(data, settings)
    clerk = auth.login(data, "clerk", "Demo-clerk-1", settings)
    try:
        case_id = clerk.store.query("SELECT id FROM cases ORDER BY id LIMIT 1")[0]["id"]
        clip = ROOT / "tests" / "data" / "transcription" / "d1_turns.multi.flac"
        hearing = TranscriptionService(clerk).add_recording(case_id, clip, "1=原告,2=被告,3=审判长")
        try:
            TranscriptionService(clerk).transcribe(hearing)
        except Exception as exc:  # noqa: BLE001 - no model in the cache: the tab shows an empty hearing
            print("transcription skipped:", exc)
        excerpt = ROOT / "tests" / "data" / "cataloguing" / "dev02_excerpt.pdf"
        CataloguingService(clerk).import_files(case_id, [excerpt], allow_foreign=True)
    finally:
        clerk.store.close()
    judge = auth.login(data, "judge", "Demo-judge-1", settings)
    try:
        service = DraftingService(judge)
        draft = service.create_draft(case_id, "民事判决书_普通程序")
        service.review(draft.id)
    finally:
        judge.store.close()


def settle(app, seconds: float = 1.5) -> None:
    """Let background reads finish and the window repaint."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def save(widget, path: Path) -> None:
    """Grab ``widget`` and write a 256-colour PNG."""
    from PIL import Image

    raw = path.with_suffix(".raw.png")
    widget.grab().save(str(raw), "PNG")
    Image.open(raw).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    raw.unlink()


def child(data: Path, lang: str, scale: str, out: Path) -> None:
    """Log in as clerk, judge and IT in turn and photograph every tab."""
    from app.gui import create_application
    from app.services import auth
    from app.settings import Settings
    from widgets.main_window import MainWindow

    settings = Settings(policy={}, user_file=data / f"settings-{lang}.json")
    settings.set("language", "en" if lang == "en" else "zh_CN")
    app = create_application([], settings)
    size = "1920x1080_150pct" if scale != "1" else "1280x720"
    tag = f"{lang}_{size}"
    for user, password in (("clerk", "Demo-clerk-1"), ("judge", "Demo-judge-1"), ("admin", "Demo-admin-1")):
        ctx = auth.login(data, user, password, settings)
        window = MainWindow(ctx)
        window.resize(*LOGICAL)
        window.show()
        settle(app)
        if window.case_list is not None:
            # The case with the recording, the dossier and the draft (demo case 101).
            model = window.case_list.model
            row = next(r for r in range(model.rowCount()) if "101号" in str(model.index(r, 0).data()))
            window.case_list.table.selectRow(row)
            settle(app)
            tabs = range(window.tabs.count()) if user == "clerk" else [3]  # the judge: 文书 only
        else:
            tabs = range(window.tabs.count())
        for index in tabs:
            window.tabs.setCurrentIndex(index)
            settle(app, 2.5)
            if user == "clerk" and index == 1:
                hearing = window.capability_tabs[0]
                if hearing.table.rowCount():
                    hearing.table.selectRow(0)
                    settle(app)
            if user == "clerk" and index == 2:
                dossier = window.capability_tabs[1]
                if dossier.table.rowCount():
                    dossier.table.selectRow(1)
                    settle(app, 2.5)
            name = window.tabs.widget(index).objectName() or f"tab{index}"
            inner = getattr(window.tabs.widget(index), "widget", lambda: None)()
            name = (inner.objectName() if inner is not None and inner.objectName() else name) or f"tab{index}"
            save(window, out / f"{tag}_{user}_{index}_{name}.png")
        if user == "clerk":
            window.lock()
            settle(app)
            save(window.lock_screen, out / f"{tag}_lock.png")
        window.close()
        settle(app, 0.5)


def main() -> int:
    """Build the store once, then one child process per language and scale."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--child", nargs=3, metavar=("DATA", "LANG", "SCALE"))
    parser.add_argument("--only", help="one variant, e.g. zh:1 or en:1.5 (default: all four)")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:
        data, lang, scale = args.child
        child(Path(data), lang, scale, out)
        return 0
    os.environ.setdefault("TRIAL_ASSISTANT_CACHE", str(Path(tempfile.gettempdir()) / "trial-assistant-test-cache"))
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["TRIAL_ASSISTANT_CONFIG"] = str(Path(tmp) / "config")  # never the user's own settings
        data = Path(tmp) / "store"
        build_store(data)
        for lang, scale in ([tuple(args.only.split(":"))] if args.only else VARIANTS):
            env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                       QT_SCALE_FACTOR=scale, TRIAL_ASSISTANT_CONFIG=str(Path(tmp) / "config"))
            subprocess.run([sys.executable, __file__, "--out", str(out), "--child", str(data), lang, scale],
                           env=env, check=True)
    print("screenshots in", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
