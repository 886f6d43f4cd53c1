"""Read-only case detail: numbers, dates, 审限 remaining with warning colour, 审判组织, parties."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout, QGroupBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.cases import bench_lines
from widgets.common import URGENCY_COLOURS, remaining_text
from widgets.terms import tr_term


class CaseDetailView(QWidget):
    """Shows one :class:`app.services.cases.CaseDetail`."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDetail")
        self.labels: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, label in (("case_number", "案号"), ("cause", "案由"), ("case_type", "案件类型"),
                           ("procedure", "审理程序"), ("bench", "审判组织"), ("status", "状态"), ("filing_date", "立案日期"),
                           ("deadline", "审限届满"), ("remaining", "审限剩余"), ("judge", "承办法官"),
                           ("clerk", "书记员"), ("claims", "诉讼请求")):
            value = QLabel("—")
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(value.textInteractionFlags() | value.textInteractionFlags().TextSelectableByMouse)
            self.labels[key] = value
            form.addRow(tr_term(label), value)
        self.parties = QTableWidget(0, 6)
        self.parties.setObjectName("partyTable")
        self.parties.setHorizontalHeaderLabels([tr_term(h) for h in ("诉讼地位", "类型", "姓名/名称", "法定代表人", "委托代理人", "住所")])
        self.parties.verticalHeader().setVisible(False)
        self.parties.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.parties.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.parties.horizontalHeader().setStretchLastSection(True)
        box = QGroupBox(self.tr("当事人"))
        QVBoxLayout(box).addWidget(self.parties)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box, 1)

    @staticmethod
    def bench_text(case) -> str:
        """独任审判（审判员 X） or 合议庭：审判长 X、审判员 Y、人民陪审员 Z (lines to complete as —)."""
        bench = getattr(case, "bench", "") or ("独任" if case.procedure == "简易" else "合议庭")
        lines = bench_lines(bench, case.judge, list(getattr(case, "panel", [])))
        english = tr_term("合议庭") != "合议庭"  # punctuation follows the UI language
        members = (", " if english else "、").join(f"{tr_term(role)} {name or '—'}" for role, name in lines)
        if bench == "独任":
            return f"{tr_term('独任审判')} ({members})" if english else f"{tr_term('独任审判')}（{members}）"
        return f"{tr_term('合议庭')}: {members}" if english else f"{tr_term('合议庭')}：{members}"

    def show_case(self, case) -> None:
        """Fill the view from a CaseDetail (or clear it with None)."""
        if case is None:
            for label in self.labels.values():
                label.setText("—")
            self.parties.setRowCount(0)
            return
        for key in ("case_number", "cause", "case_type", "status", "filing_date", "deadline", "judge", "clerk", "claims"):
            self.labels[key].setText(str(getattr(case, key)) or "—")
        self.labels["status"].setText(tr_term(case.status) or "—")
        self.labels["case_type"].setText(tr_term(case.case_type) or "—")
        self.labels["procedure"].setText(tr_term(case.procedure + "程序"))
        self.labels["bench"].setText(self.bench_text(case))
        remaining = self.labels["remaining"]
        if case.status in ("已结案", "已归档"):
            remaining.setText(self.tr("已结案"))
            remaining.setStyleSheet("")
        else:
            remaining.setText(remaining_text(case.remaining_days))
            colour = URGENCY_COLOURS[case.urgency].name()
            remaining.setStyleSheet(f"color: {colour}; font-weight: bold;")
        remaining.setProperty("urgency", case.urgency)
        self.parties.setRowCount(len(case.party_list))
        for row, p in enumerate(case.party_list):
            agent = p.agent + (f"（{p.agent_detail}）" if p.agent_detail else "")
            for col, value in enumerate((tr_term(p.role), tr_term(p.kind), p.name, p.representative, agent, p.address)):
                self.parties.setItem(row, col, QTableWidgetItem(value))
