"""GUI entry point: QApplication, translations, stylesheet, login, main window."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import paths
from app.settings import Settings


def _install_translations(app, language: str) -> list:
    """Our strings (English catalogue), the services' messages and Qt's own (file dialogs,
    message-box buttons) in the user's language, Qt's from the folder that ships inside PySide6."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from app import messages

    keep = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    locale = "en" if language == "en" else "zh_CN"
    messages.set_language(locale)  # the services' messages (app/messages.py) follow the same choice
    from widgets.terms import tr_term

    messages.set_term_translator(tr_term)  # data words in engine progress texts (categories)
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


def _show_error(message: str, title: str = "错误") -> None:
    """One short message box (when a QApplication exists), else one line on stderr."""
    try:
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.critical(None, title, message)
            return
    except Exception:  # noqa: BLE001 - the error path itself must not raise
        pass
    sys.stderr.write(message + "\n")


def handle_exception(exc: BaseException) -> str | None:
    """The window's error boundary: a known error is shown as its sentence, anything else is
    logged with a traceback under a reference number that the message box shows.

    Returns the reference number for an unexpected error (None for a known one)."""
    from app.cli.boundary import classify, language, log_unexpected

    english = language() == "en"
    known = classify(exc)
    if known is not None:
        _show_error(known[1], "Error" if english else "错误")
        return None
    ref = log_unexpected(exc, "gui")
    if english:
        text = f"An internal error occurred (reference {ref}). The details are in the log; please tell IT this number."
    else:
        text = f"程序内部出错（编号 {ref}），详情已记入日志。请把编号告诉信息技术人员。"
    _show_error(text, "Error" if english else "错误")
    return ref


def install_error_boundary() -> None:
    """Route uncaught exceptions of the window (main and worker threads) to :func:`handle_exception`.

    Widget code needs no change for this: Qt calls sys.excepthook for exceptions that escape a
    slot, and threading.excepthook covers plain Python threads.  Message boxes are shown on the
    GUI thread (a queued call when the error happened elsewhere).
    """
    import threading

    def on_main(exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            return
        if exc is not None and exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if threading.current_thread() is threading.main_thread():
            handle_exception(exc)
        else:
            _on_gui_thread(lambda: handle_exception(exc))

    def on_thread(args) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        exc = args.exc_value
        _on_gui_thread(lambda: handle_exception(exc))

    sys.excepthook = on_main
    threading.excepthook = on_thread


def _on_gui_thread(func) -> None:
    try:
        from PySide6.QtCore import QCoreApplication, QTimer

        app = QCoreApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, func)
            return
    except Exception:  # noqa: BLE001
        pass
    func()


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
    if layout.keyring.exists() or layout.database.exists() or layout.init_marker.exists():
        from app.store.store import check_store_files

        check_store_files(layout)  # a lost, empty or half-made store: a clear message, never a new store
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
    install_error_boundary()
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
    """Console-less entry point for the frozen build: errors before the window is up are shown
    in a message box too (there is no console to print them on)."""
    try:
        return run_gui(sys.argv[1:])
    except SystemExit:
        raise
    except BaseException as exc:  # noqa: BLE001 - the boundary of the windowed program
        from PySide6.QtWidgets import QApplication

        from app.cli import exit_codes
        from app.cli.boundary import classify

        _app = QApplication.instance() or QApplication(sys.argv[:1])  # noqa: F841 - needed for the box
        handle_exception(exc)
        known = classify(exc)
        return known[0] if known else exit_codes.INTERNAL

