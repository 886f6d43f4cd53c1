"""Chinese is the source language; the English .qm translates the shell, including data terms."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from app import paths
from tests.helpers.stores import create_sample_case, make_store
from widgets.main_window import MainWindow


def test_english_translation_covers_menus_headers_and_terms(qtbot, qapp, tmp_path):
    fx = make_store(tmp_path)
    create_sample_case(fx)
    translator = QTranslator()
    assert translator.load(str(paths.resource("i18n", "trial_assistant_en.qm")))
    QCoreApplication.installTranslator(translator)
    try:
        ctx = fx.judge()
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus == ["&File", "&View", "&Tools", "&Help"]
        header = window.case_list.model.headerData(0, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal)
        assert header == "Case number"
        assert "Judge" in window.windowTitle()
        hearing = next(t for t in window.capability_tabs if t.objectName() == "transcriptionTab")
        assert [b.text() for b in (hearing.live_button, hearing.pause_button, hearing.resume_button,
                                   hearing.stop_live_button, hearing.export_button)] == [
            "Start live recording", "Adjourn", "Resume", "End hearing", "Export record…"]
        window.close()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_ts_entry_is_translated():
    text = paths.resource("i18n", "trial_assistant_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text


def test_every_review_rule_label_is_a_translated_term():
    from app.services.drafting import RULE_LABELS
    from widgets.terms import DRAFTING_TERMS

    missing = [label for label in RULE_LABELS.values() if label not in DRAFTING_TERMS]
    assert missing == [], f"add to widgets/terms.py: {missing}"


def test_qt_own_dialogs_follow_the_chosen_language(qapp):
    """Issue 14 item 9: Qt's own strings (dialog buttons, file dialog) come from PySide6's catalogues."""
    from app.gui import _install_translations

    keep = _install_translations(qapp, "zh_CN")
    try:
        assert keep and QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    finally:
        for translator in keep:
            QCoreApplication.removeTranslator(translator)
    keep = _install_translations(qapp, "en")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
        assert QCoreApplication.translate("terms", "剩余天数") != "剩余天数"
    finally:
        for translator in keep:
            QCoreApplication.removeTranslator(translator)
        from PySide6.QtCore import QLocale

        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
