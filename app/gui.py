"""GUI entry point: QApplication, translations, stylesheet, login, main window."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import paths
from app.settings import Settings


def _install_translations(app, language: str) -> list:
    """Our strings (English catalogue) and Qt's own (file dialogs, message-box buttons) in the
    user's language, from the translations folder that ships inside PySide6."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    keep = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = "en" if language == "en" else "zh_CN"
    QLocale.setDefault(QLocale(QLocale.Language.English if locale == "en" else QLocale.Language.Chinese,
                               QLocale.Country.UnitedStates if locale == "en" else QLocale.Country.China))
    for name in ("qtbase", "qt"):
        qt = QTranslator(app)
        # English needs none (Qt's source language); a missing catalogue leaves Qt's English.
        if locale != "en" and qt.load(f"{name}_{locale}", qt_dir):
            app.installTranslator(qt)
            keep.append(qt)
    if locale == "en":
        ours = QTranslator(app)
        if ours.load(str(paths.resource("i18n", "trial_assistant_en.qm"))):
            app.installTranslator(ours)
            keep.append(ours)
    return keep


def _app_icon():
    """One QIcon holding every drawn size, so title bars and the taskbar stay sharp at any DPI."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in paths.app_icon_files():
        icon.addFile(str(png))
    return icon


def create_application(argv: list[str], settings: Settings):
    """The QApplication with translations, stylesheet and icon (reused if one exists, as in tests)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["trial-assistant", *argv])
    app.setApplicationName("TrialAssistant")
    app.setApplicationDisplayName("审判辅助系统")
    app.setOrganizationName("TrialAssistant")
    app.setWindowIcon(_app_icon())
    app._translators = _install_translations(app, settings["language"])  # keep them alive
    qss = paths.resource("style", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    return app


def run_gui(argv: list[str]) -> int:
    """Open the window: ``[--data DIR] [--demo]``."""
    parser = argparse.ArgumentParser(prog="trial-assistant gui")
    parser.add_argument("--data", help="数据目录 / data folder")
    parser.add_argument("--demo", action="store_true", help="create a demo store in the folder if it has none")
    args = parser.parse_args(argv)
    settings = Settings()
    data_dir = Path(args.data or settings["data_dir"] or paths.default_data_dir())
    hint = ""
    layout = paths.StoreLayout(data_dir)
    if not layout.exists():
        if not args.demo:
            sys.stderr.write(f"{data_dir} 中没有案件库。请由信息技术人员运行 `trial-assistant init --data {data_dir}`，"
                             "或用 --demo 创建演示库。\n")
            return 2
        from app.demo import create_demo_store, demo_hint

        print(f"正在创建演示库 / creating demo store in {data_dir} …", flush=True)
        create_demo_store(data_dir, settings)
        print(demo_hint(), flush=True)
    if layout.demo_marker.exists():
        from app.demo import demo_hint

        hint = demo_hint()
    app = create_application([], settings)
    from widgets.login_dialog import LoginDialog
    from widgets.main_window import MainWindow

    while True:  # 注销并切换用户 closes the window and comes back here
        login = LoginDialog(data_dir, settings, hint)
        if login.exec() != login.DialogCode.Accepted or login.ctx is None:
            return 0
        window = MainWindow(login.ctx)
        window.show()
        code = app.exec()
        if not window.switch_requested:
            return code


def gui_main() -> int:
    """Console-less entry point for the frozen build."""
    return run_gui(sys.argv[1:])

