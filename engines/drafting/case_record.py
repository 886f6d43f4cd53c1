"""The plain case record that drafting fills templates from (and review compares with).

It is deliberately a set of plain dataclasses loaded from a dict, so the store, the CLI
(``--case-json``) and tests can all build one without the application core.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from engines.common import InputError


@dataclass
class Agent:
    """A 委托诉讼代理人: name and the rest of the line (律师事务所, relation to the party)."""

    name: str
    description: str = ""


@dataclass
class PartyRecord:
    """A party as the party block of a document writes it."""

    role: str  # 原告 | 被告 | 第三人
    name: str
    kind: str = "person"  # person | organisation
    gender: str = ""
    birth_date: _dt.date | None = None
    ethnicity: str = ""
    address: str = ""
    short_name: str = ""  # （以下简称…）
    representative: str = ""  # 法定代表人 / 负责人
    representative_title: str = ""
    representative_label: str = "法定代表人"
    agents: list[Agent] = field(default_factory=list)
    statement: str = ""  # 诉称 / 辩称 text from the complaint or the written defence
    hearing_statement: str = ""  # main statement at the hearing (from the transcript)
    appeared: bool = True

    @property
    def called(self) -> str:
        """How the body refers to the party: the short name when there is one."""
        return self.short_name or self.name


@dataclass
class JudgeRecord:
    """A member of the bench with the label printed in the signature block."""

    role: str  # 审判长 | 审判员 | 人民陪审员
    name: str


@dataclass
class CaseRecord:
    """Everything the templates may ask for. Dates are ``datetime.date``; money is Decimal."""

    court: str
    case_number: str
    cause: str
    procedure: str = "普通程序"  # 普通程序 | 简易程序
    filing_date: _dt.date | None = None
    hearing_date: _dt.date | None = None
    hearing_public: bool = True
    judgment_date: _dt.date | None = None
    judges: list[JudgeRecord] = field(default_factory=list)
    clerk: str = ""
    judge_assistant: str = ""
    parties: list[PartyRecord] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    claims_source: str = ""  # set when the claims are machine-extracted (e.g. 卷宗第2页（起诉状）)
    claim_amount: Decimal | None = None
    facts_and_reasons: str = ""
    fee: Decimal | None = None
    fee_halved: bool = False
    fee_borne_by: str = ""
    appeal_court: str = ""
    hearing_place: str = ""
    hearing_time: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def by_role(self, role: str) -> list[PartyRecord]:
        """Parties with ``role`` in the order given."""
        return [p for p in self.parties if p.role == role]


def _date(value: Any, field_name: str) -> _dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, _dt.date):
        return value
    try:
        return _dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"案件记录中的日期格式错误（{field_name}应为YYYY-MM-DD）", str(value)) from exc


def _money(value: Any, field_name: str) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value).replace(",", ""))
    except InvalidOperation as exc:
        raise InputError(f"案件记录中的金额格式错误（{field_name}）", str(value)) from exc


def case_record_from_dict(data: dict) -> CaseRecord:
    """Build a :class:`CaseRecord` from JSON-like data; InputError names a missing field."""
    if not isinstance(data, dict):
        raise InputError("案件记录应为JSON对象")
    for key in ("court", "case_number", "cause"):
        if not data.get(key):
            raise InputError(f"案件记录缺少必填字段：{key}")
    parties = []
    for p in data.get("parties", []):
        if not p.get("role") or not p.get("name"):
            raise InputError("案件记录中的当事人需要role和name", str(p))
        parties.append(PartyRecord(
            role=p["role"], name=p["name"], kind=p.get("kind", "person"), gender=p.get("gender", ""),
            birth_date=_date(p.get("birth_date"), "birth_date"), ethnicity=p.get("ethnicity", ""),
            address=p.get("address", ""), short_name=p.get("short_name", ""),
            representative=p.get("representative", ""), representative_title=p.get("representative_title", ""),
            representative_label=p.get("representative_label", "法定代表人"),
            agents=[Agent(a["name"], a.get("description", "")) for a in p.get("agents", [])],
            statement=p.get("statement", ""), hearing_statement=p.get("hearing_statement", ""), appeared=bool(p.get("appeared", True)),
        ))
    return CaseRecord(
        court=data["court"], case_number=data["case_number"], cause=data["cause"],
        procedure=data.get("procedure", "普通程序"),
        filing_date=_date(data.get("filing_date"), "filing_date"),
        hearing_date=_date(data.get("hearing_date"), "hearing_date"),
        hearing_public=bool(data.get("hearing_public", True)),
        judgment_date=_date(data.get("judgment_date"), "judgment_date"),
        judges=[JudgeRecord(j["role"], j["name"]) for j in data.get("judges", [])],
        clerk=data.get("clerk", ""), judge_assistant=data.get("judge_assistant", ""),
        parties=parties, claims=list(data.get("claims", [])),
        claim_amount=_money(data.get("claim_amount"), "claim_amount"),
        facts_and_reasons=data.get("facts_and_reasons", ""),
        fee=_money(data.get("fee"), "fee"), fee_halved=bool(data.get("fee_halved", False)),
        fee_borne_by=data.get("fee_borne_by", ""), appeal_court=data.get("appeal_court", ""),
        hearing_place=data.get("hearing_place", ""), hearing_time=data.get("hearing_time", ""),
        extra={str(k): str(v) for k, v in data.get("extra", {}).items()},
    )
