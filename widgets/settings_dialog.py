"""Settings dialog generated from the settings registry; policy-set values are shown locked."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
)

from app.settings import REGISTRY
from widgets.terms import tr_term


class SettingsDialog(QDialog):
    """Edit user settings; machine policy values are read-only with an explanation."""

    def __init__(self, settings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("设置"))
        self.editors: dict[str, object] = {}
        form = QFormLayout()
        for name, s in REGISTRY.items():
            value = settings.get(name)
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
                    editor.addItem(str(choice), choice)
                editor.setCurrentIndex(max(0, editor.findData(value)))
            else:
                editor = QLineEdit(str(value))
            editor.setObjectName(f"setting_{name}")
            if settings.is_locked(name):
                editor.setEnabled(False)
                editor.setToolTip(self.tr("由管理策略设定（%1），不能在此修改").replace("%1", s.policy_name))
                label = QLabel(tr_term(s.label) + " 🔒")
            else:
                label = QLabel(tr_term(s.label))
            self.editors[name] = editor
            form.addRow(label, editor)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("部分设置在重新登录后生效。")))
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _value(self, editor):
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        return editor.text()

    def save(self) -> None:
        """Store every changed, unlocked value; invalid values keep the dialog open."""
        try:
            for name, editor in self.editors.items():
                if self.settings.is_locked(name):
                    continue
                value = self._value(editor)
                if value != self.settings.get(name):
                    self.settings.set(name, value)
        except (ValueError, PermissionError) as exc:
            self.error.setText(str(exc))
            return
        self.accept()
