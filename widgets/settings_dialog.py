"""Settings dialog generated from the settings registry, in groups, with folder pickers.

Policy-set values are shown locked; the security policy is read-only except for IT (the rule
lives in app.services.preferences); languages are shown by name, folders with a picker.
"""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from app.services.preferences import SECURITY_SETTINGS, change_settings, may_change
from app.settings import REGISTRY
from app.tasks import TaskSlot
from widgets import file_dialogs
from widgets.terms import tr_term

GROUPS = (
    ("常规", ("language", "court_name", "court_code", "deadline_warning_days", "input_device")),
    ("文件夹", ("data_dir", "exchange_dir", "model_dir")),
    ("安全策略", tuple(sorted(SECURITY_SETTINGS))),
    ("辅助功能", ("assist_transcription", "assist_cataloguing", "assist_drafting", "assist_review")),
    ("数据交换", ("platform_key", "inbox_scan_seconds", "exchange_max_package_mb")),
)
FOLDERS = {"data_dir", "exchange_dir", "model_dir"}
LANGUAGE_NAMES = {"zh_CN": "中文（简体）", "en": "English"}


class FolderEdit(QWidget):
    """A folder path with a 选择… button."""

    def __init__(self, value: str, parent=None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(value)
        self.button = QPushButton(self.tr("选择…"))
        self.button.clicked.connect(self.choose)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.button)

    def choose(self) -> None:
        """Pick a folder (Qt's own dialog, which the lock covers)."""
        folder = file_dialogs.folder(self, self.tr("选择文件夹"), self.edit.text())
        if folder:
            self.edit.setText(folder)

    def text(self) -> str:
        """The folder path."""
        return self.edit.text()


class SettingsDialog(QDialog):
    """Edit settings; machine-policy values and (for non-IT users) the security policy are read-only."""

    def __init__(self, settings, parent=None, ctx=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self.editors: dict[str, object] = {}
        self._slot = TaskSlot(self, writes=True)
        layout = QVBoxLayout(self)
        placed = set()
        for title, names in GROUPS + (("其他", tuple(n for n in REGISTRY if n not in {x for _, g in GROUPS for x in g})),):
            names = [n for n in names if n in REGISTRY]
            if not names:
                continue
            box = QGroupBox(tr_term(title))
            form = QFormLayout(box)
            for name in names:
                form.addRow(*self._row(name))
                placed.add(name)
            if title == "安全策略" and ctx is not None and not may_change(ctx, names[0]):
                note = QLabel(self.tr("安全策略由信息技术人员设定。"))
                note.setObjectName("securityNote")
                form.addRow(note)
            layout.addWidget(box)
        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(QLabel(self.tr("部分设置在重新登录后生效。")))
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _row(self, name: str):
        s, value = REGISTRY[name], self.settings.get(name)
        if s.type is bool:
            editor = QCheckBox()
            editor.setChecked(bool(value))
        elif s.type is int:
            editor = QSpinBox()
            editor.setRange(int(s.minimum or 0), int(s.maximum or 1_000_000))
            editor.setValue(int(value))
        elif s.choices:
            editor = QComboBox()
            for choice in s.choices:
                editor.addItem(LANGUAGE_NAMES.get(choice, str(choice)), choice)
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif name in FOLDERS:
            editor = FolderEdit(str(value))
        else:
            editor = QLineEdit(str(value))
        editor.setObjectName(f"setting_{name}")
        label = QLabel(tr_term(s.label))
        if self.settings.is_locked(name):
            editor.setEnabled(False)
            editor.setToolTip(self.tr("由管理策略设定（%1），不能在此修改").replace("%1", s.policy_name))
            label.setText(tr_term(s.label) + " 🔒")
        elif self.ctx is not None and not may_change(self.ctx, name):
            editor.setEnabled(False)
            editor.setToolTip(self.tr("安全策略由信息技术人员设定。"))
        self.editors[name] = editor
        return label, editor

    def _value(self, editor):
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text()

    def _changes(self) -> dict:
        return {name: self._value(editor) for name, editor in self.editors.items()
                if editor.isEnabled() and self._value(editor) != self.settings.get(name)}

    def save(self) -> None:
        """Store every changed value; invalid values keep the dialog open with the reason."""
        changes = self._changes()
        if self.ctx is None:  # before anyone logged in there is no session to check or audit
            try:
                for name, value in changes.items():
                    self.settings.set(name, value)
            except (ValueError, PermissionError) as exc:
                self.error.setText(str(exc))
                return
            self.accept()
            return
        ctx = self.ctx
        self._slot.start(lambda p, c: change_settings(ctx, changes), label="settings",
                         on_success=lambda _r: self.accept(), on_error=lambda exc: self.error.setText(str(exc)))
