"""卷宗提取建议 on the case form: case fields the dossier cataloguing extracted (案号, 案由,
立案日期, parties, claims), each with the page it came from and a confidence, to take over
(采纳) or dismiss (忽略).

采纳 only fills the form; the case is saved through the cases service as usual, and the
decision is recorded (audited) when the form is saved: accepted, or changed with the final
value when the clerk edited the field afterwards. A dialog closed without saving leaves the
suggestion pending. 忽略 records the rejection at once. Suggestions are read and decided
through the case-fields service only (app/services/case_fields.py holds the rules for taking a
field over, shared with the dossier tab).
"""
from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from app.services.case_fields import PARTY_ROLE, decision, take_over
from app.store.errors import NotFoundError
from app.tasks import TaskSlot
from widgets.terms import tr_term

FIELD_LABELS = {"case_number": "案号", "cause": "案由", "filing_date": "立案日期", "plaintiffs": "原告",
                "defendants": "被告", "claims": "诉讼请求"}


def _display(value) -> str:
    return "、".join(map(str, value)) if isinstance(value, list) else str(value)


class CaseSuggestionsPanel(QWidget):
    """Collapsible list of pending extracted case fields for the case open in ``form``."""

    def __init__(self, ctx, form, case_id: int, suggestions: list | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSuggestionsPanel")
        self.ctx = ctx
        self.form = form
        self.case_id = case_id
        self.service = ctx.case_fields
        try:
            self.suggestions = suggestions if suggestions is not None else self.service.pending(case_id)
        except (NotFoundError, PermissionError):
            self.suggestions = []  # not on the case team: nothing to suggest
        self.taken: dict[int, object] = {}  # output id -> suggestion taken over, decided on save
        self.rejected: set[int] = set()
        self.accept_buttons: dict[int, QPushButton] = {}
        self.reject_buttons: dict[int, QPushButton] = {}
        self.state_labels: dict[int, QLabel] = {}
        self._slot = TaskSlot(self)

        self.toggle = QToolButton()
        self.toggle.setObjectName("toggleCaseSuggestions")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setText(self.tr("卷宗提取建议（%1 项，采纳后保存生效）").replace("%1", str(len(self.suggestions))))
        self.toggle.toggled.connect(self._toggled)
        self.body = QWidget()
        grid = QGridLayout(self.body)
        grid.setContentsMargins(16, 0, 0, 0)
        for row, s in enumerate(self.suggestions):
            name = QLabel(tr_term(FIELD_LABELS.get(s.target, s.target)))
            value = QLabel(_display(s.value))
            value.setWordWrap(True)
            value.setObjectName(f"suggestionValue{s.id}")
            source = QLabel(s.reason)
            source.setWordWrap(True)
            source.setStyleSheet("color: #616161;")
            text = QVBoxLayout()
            text.addWidget(value)
            text.addWidget(source)
            accept = QPushButton(self.tr("采纳"))
            accept.setObjectName(f"acceptSuggestion{s.id}")
            accept.setToolTip(self.tr("填入表单；保存案件时记录为已采纳"))
            accept.clicked.connect(lambda _=False, s=s: self.take(s))
            reject = QPushButton(self.tr("忽略"))
            reject.setObjectName(f"rejectSuggestion{s.id}")
            reject.clicked.connect(lambda _=False, s=s: self.dismiss(s))
            state = QLabel()
            state.setObjectName(f"suggestionState{s.id}")
            buttons = QHBoxLayout()
            buttons.addWidget(accept)
            buttons.addWidget(reject)
            buttons.addWidget(state)
            if getattr(s, "foreign", False):
                # Another case's 案号 is never offered for adoption: shown as a warning only.
                accept.setEnabled(False)
                accept.setToolTip(self.tr("与本案案号不一致，不可采纳"))
                state.setText(self.tr("与本案案号不一致，可能混入了他案材料"))
                state.setStyleSheet("color: #c62828;")
            grid.addWidget(name, row, 0)
            grid.addLayout(text, row, 1)
            grid.addLayout(buttons, row, 2)
            self.accept_buttons[s.id], self.reject_buttons[s.id], self.state_labels[s.id] = accept, reject, state
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toggle)
        layout.addWidget(self.body)
        self.setVisible(bool(self.suggestions))

    def _toggled(self, shown: bool) -> None:
        self.body.setVisible(shown)

    def _done(self, s, text: str) -> None:
        self.accept_buttons[s.id].setEnabled(False)
        self.reject_buttons[s.id].setEnabled(False)
        self.state_labels[s.id].setText(text)

    # -- decisions ---------------------------------------------------------------------------

    def take(self, s) -> None:
        """Fill the form field with the suggested value (recorded when the form is saved)."""
        f = self.form
        before = f.collect()
        after = take_over(before, s.target, s.value)
        if s.target == "case_number":
            f.number.setText(after.case_number)
        elif s.target == "cause":
            f.cause.setText(after.cause)
        elif s.target == "filing_date":
            d = after.filing_date
            f.filing.setDate(QDate(d.year, d.month, d.day))
        elif s.target == "claims":
            f.claims.setPlainText(after.claims)
        elif s.target in PARTY_ROLE:
            for party in after.parties[len(before.parties):]:  # take_over only appends
                f.add_party(party)
        self.taken[s.id] = s
        self._done(s, self.tr("已填入，保存后生效"))

    def dismiss(self, s) -> None:
        """Dismiss the suggestion (recorded and audited at once, through the task runner)."""
        service = self.service

        def dismissed(_r) -> None:
            self.rejected.add(s.id)
            self._done(s, self.tr("已忽略"))

        self._slot.start(lambda p, c: service.decide(s.id, "rejected"), label="dismiss",
                         on_success=dismissed, on_error=lambda exc: self.state_labels[s.id].setText(str(exc)))

    def decisions(self, data) -> list[tuple[int, str, object]]:
        """For the case about to be saved with ``data``: (output id, state, changed value) of each
        taken-over suggestion - accepted, or changed (with the saved value) when edited after
        (rules in app.services.case_fields); the form records them in its save task."""
        return [(s.id, *decision(s.target, s.value, data)) for s in self.taken.values()]
