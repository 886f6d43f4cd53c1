"""The named fields a template may use, computed from a :class:`CaseRecord`.

A field is either inline text (``{{case_number}}`` inside a sentence) or a block: a paragraph
holding only ``{{party_block}}`` becomes several paragraphs. Fields drafted by the machine
from case material (审理经过, 原告诉称, 被告辩称, 庭审陈述) are flagged so the filled document
highlights them until the judge accepts them. 本院认为 and the 主文 are never drafted: their
fields hold a visible placeholder for the judge.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from engines.drafting.case_record import CaseRecord, PartyRecord
from engines.drafting.numerals import amount_to_capital, date_to_chinese

JUDGE_WRITES = "【由法官撰写】"
TO_COMPLETE = "【待补充】"
BLANK_DATE = "\u3000\u3000年\u3000\u3000月\u3000\u3000日"


@dataclass
class FieldValue:
    """A field's value: one string (inline) or several paragraphs (block); machine drafted or not."""

    paragraphs: list[str]
    machine: bool = False
    block: bool = False
    description: str = ""

    @property
    def text(self) -> str:
        """The inline form (paragraphs joined)."""
        return "".join(self.paragraphs)


# name -> description; the set of names a template may use (anything else is reported).
FIELD_DESCRIPTIONS: dict[str, str] = {
    "court": "法院名称", "case_number": "案号", "cause": "案由", "procedure": "适用程序",
    "filing_date": "立案日期", "hearing_date": "开庭日期", "hearing_time": "开庭时间", "hearing_place": "开庭地点",
    "judgment_date": "裁判日期（阿拉伯数字）", "judgment_date_cn": "落款日期（汉字数字）", "today_cn": "今日（汉字数字）",
    "plaintiffs": "原告名称（顿号分隔）", "defendants": "被告名称（顿号分隔）", "third_parties": "第三人名称",
    "all_parties": "全部当事人名称", "plaintiffs_called": "原告简称", "defendants_called": "被告简称",
    "party_block": "当事人及代理人段落（块）", "procedure_paragraph": "审理经过（机器起草，块）",
    "plaintiff_claims": "原告诉称（机器起草，块）", "defence_statements": "被告辩称（机器起草，块）",
    "hearing_statements": "当事人庭审陈述（机器起草，块）", "claims_list": "诉讼请求列表（块）",
    "claim_amount": "诉讼标的额", "claim_amount_capital": "诉讼标的额大写",
    "fee": "案件受理费", "fee_capital": "案件受理费大写", "fee_payable": "应交受理费（减半后）",
    "fee_paragraph": "受理费负担（机器起草）", "appeal_court": "上诉法院",
    "reasoning": "本院认为（法官撰写）", "operative": "判决主文（法官撰写，块）",
    "interest_article": "迟延履行利息条文", "bench_block": "审判人员署名（块）", "clerk": "书记员",
    "clerk_line": "书记员署名行", "judge_assistant_line": "法官助理署名行（无则删除段落）",
    "presiding_judge": "审判长或独任审判员", "public_or_not": "公开/不公开", "bench_inline": "审判人员（一行）",
    "attendance_block": "到庭人员（块）", "summoned": "被传唤人（传票）", "summons_reason": "传唤事由（传票）",
}


def _date(d: _dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else TO_COMPLETE


def _money(v: Decimal | None) -> str:
    if v is None:
        return TO_COMPLETE
    q = v.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    return text[:-3] if text.endswith(".00") else text


def _person_line(p: PartyRecord) -> str:
    if p.kind == "organisation":
        where = f"，住所地{p.address}" if p.address else ""
        return f"{p.role}：{p.name}{where}。"
    bits = [p.name]
    bits += [x for x in (p.gender,) if x]
    if p.birth_date:
        bits.append(f"{_date(p.birth_date)}出生")
    if p.ethnicity:
        bits.append(p.ethnicity)
    if p.address:
        bits.append(f"住{p.address}")
    return f"{p.role}：{'，'.join(bits)}。"


def party_block(case: CaseRecord) -> list[str]:
    """The party lines in 原告, 被告, 第三人 order, each followed by representative and agents."""
    lines = []
    for role in ("原告", "被告", "第三人"):
        for p in case.by_role(role):
            lines.append(_person_line(p))
            if p.representative:
                title = f"，{p.representative_title}" if p.representative_title else ""
                lines.append(f"{p.representative_label}：{p.representative}{title}。")
            for a in p.agents:
                lines.append(f"委托诉讼代理人：{a.name}{'，' + a.description if a.description else ''}。")
    return lines


def _names(parties: list[PartyRecord], called: bool = False) -> str:
    return "、".join(p.called if called else p.name for p in parties)


def _introduce(parties: list[PartyRecord]) -> str:
    return "、".join(p.name + (f"（以下简称{p.short_name}）" if p.short_name else "") for p in parties)


def procedure_paragraph(case: CaseRecord) -> str:
    """审理经过 drafted from the case events: filing, procedure, hearing, who appeared."""
    plaintiffs, defendants = case.by_role("原告"), case.by_role("被告")
    third = case.by_role("第三人")
    head = f"原告{_introduce(plaintiffs)}与被告{_introduce(defendants)}"
    if third:
        head += f"、第三人{_introduce(third)}"
    public = "公开" if case.hearing_public else "不公开"
    hearing = f"于{_date(case.hearing_date)}{public}开庭进行了审理" if case.hearing_date else f"{public}开庭进行了审理"
    appeared, absent = [], []
    for p in case.parties:
        agents = "、".join(a.name for a in p.agents)
        if not p.appeared:
            if agents:
                appeared.append(f"{p.role}{p.called}的委托诉讼代理人{agents}")
            else:
                absent.append(p)
            continue
        appeared.append(f"{p.role}{p.called}" + (f"及其委托诉讼代理人{agents}" if agents else ""))
    text = (f"{head}{case.cause}一案，本院于{_date(case.filing_date)}立案后，依法适用{case.procedure}，{hearing}。")
    if appeared:
        text += "，".join(appeared) + "到庭参加诉讼。"
    for p in absent:
        text += f"{p.role}{p.called}经本院传票传唤，无正当理由拒不到庭参加诉讼，本院依法缺席审理。"
    return text + "本案现已审理终结。"


def claims_list(case: CaseRecord) -> list[str]:
    """Numbered claims 1.…；2.…。 (from the record, or the dossier's extracted claims)."""
    claims = [c.strip().rstrip("；;。") for c in case.claims if c.strip()]
    if not claims:
        return [TO_COMPLETE]
    return [f"{k}.{c}{'。' if k == len(claims) else '；'}" for k, c in enumerate(claims, 1)]


def plaintiff_claims(case: CaseRecord) -> list[str]:
    """原告诉称: claims and 事实与理由 from the complaint."""
    out = []
    for p in case.by_role("原告") or []:
        reasons = p.statement or case.facts_and_reasons or TO_COMPLETE
        out.append(f"原告{p.called}向本院提出诉讼请求：{''.join(claims_list(case))}事实与理由：{reasons}")
    return out or [TO_COMPLETE]


def defence_statements(case: CaseRecord) -> list[str]:
    """被告辩称 per defendant (and 第三人述称); a defendant who did not appear gets no 辩称."""
    out = []
    for p in case.by_role("被告") + case.by_role("第三人"):
        verb = "辩称" if p.role == "被告" else "述称"
        if p.statement:
            out.append(f"{p.role}{p.called}{verb}：{p.statement}")
        elif p.appeared:
            out.append(f"{p.role}{p.called}{verb}：{TO_COMPLETE}")
    return out


def fee_paragraph(case: CaseRecord) -> str:
    """案件受理费X元[，减半收取计Y元]，由Z负担。"""
    if case.fee is None:
        return f"案件受理费{TO_COMPLETE}元，由{case.fee_borne_by or TO_COMPLETE}负担。"
    text = f"案件受理费{_money(case.fee)}元"
    if case.fee_halved:
        text += f"，减半收取计{_money(fee_payable(case))}元"
    return text + f"，由{case.fee_borne_by or TO_COMPLETE}负担。"


def fee_payable(case: CaseRecord) -> Decimal | None:
    """The fee actually charged: half of it under 简易程序 when the record says so."""
    if case.fee is None:
        return None
    if case.fee_halved:
        return (case.fee / 2).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return case.fee


def bench_block(case: CaseRecord) -> list[str]:
    """Signature lines, label and name separated by full-width spaces (a member not named yet
    is left to complete)."""
    return ([f"{j.role}\u3000\u3000{j.name or TO_COMPLETE}" for j in case.judges]
            or [f"审判员\u3000\u3000{TO_COMPLETE}"])


@dataclass
class FieldContext:
    """Inputs besides the record: today's date and the interest article lookup."""

    today: _dt.date = field(default_factory=_dt.date.today)
    interest_article: str = ""


def compute_fields(case: CaseRecord, context: FieldContext | None = None) -> dict[str, FieldValue]:
    """Every known field's value for ``case``."""
    ctx = context or FieldContext()
    plaintiffs, defendants, third = case.by_role("原告"), case.by_role("被告"), case.by_role("第三人")
    presiding = (case.judges[0].name or TO_COMPLETE) if case.judges else TO_COMPLETE
    v: dict[str, FieldValue] = {}

    def put(name: str, value, machine: bool = False, block: bool = False) -> None:
        paragraphs = value if isinstance(value, list) else [value]
        v[name] = FieldValue(paragraphs, machine, block, FIELD_DESCRIPTIONS[name])

    put("court", case.court)
    put("case_number", case.case_number)
    put("cause", case.cause)
    put("procedure", case.procedure)
    put("filing_date", _date(case.filing_date))
    put("hearing_date", _date(case.hearing_date))
    put("hearing_time", case.hearing_time or TO_COMPLETE)
    put("hearing_place", case.hearing_place or TO_COMPLETE)
    put("judgment_date", _date(case.judgment_date))
    put("judgment_date_cn", date_to_chinese(case.judgment_date) if case.judgment_date else BLANK_DATE)
    put("today_cn", date_to_chinese(ctx.today))
    put("plaintiffs", _names(plaintiffs))
    put("defendants", _names(defendants))
    put("third_parties", _names(third))
    put("all_parties", _names(case.parties))
    put("plaintiffs_called", _names(plaintiffs, called=True))
    put("defendants_called", _names(defendants, called=True))
    put("party_block", party_block(case), block=True)
    put("procedure_paragraph", [procedure_paragraph(case)], machine=True, block=True)
    put("plaintiff_claims", plaintiff_claims(case), machine=True, block=True)
    put("defence_statements", defence_statements(case), machine=True, block=True)
    statements = [f"{p.role}{p.called}当庭陈述：{p.hearing_statement}" for p in case.parties if p.hearing_statement]
    put("hearing_statements", statements, machine=True, block=True)
    put("claims_list", claims_list(case), machine=bool(case.claims_source), block=True)
    put("claim_amount", _money(case.claim_amount))
    put("claim_amount_capital", amount_to_capital(case.claim_amount) if case.claim_amount is not None else TO_COMPLETE)
    put("fee", _money(case.fee))
    put("fee_capital", amount_to_capital(case.fee) if case.fee is not None else TO_COMPLETE)
    put("fee_payable", _money(fee_payable(case)))
    put("fee_paragraph", fee_paragraph(case), machine=True)
    put("appeal_court", case.appeal_court or TO_COMPLETE)
    put("reasoning", case.extra.get("reasoning", "") or "本院认为，" + JUDGE_WRITES)
    put("operative", [case.extra.get("operative", "") or JUDGE_WRITES], block=True)
    put("interest_article", ctx.interest_article or TO_COMPLETE)
    put("bench_block", bench_block(case), block=True)
    put("clerk", case.clerk or TO_COMPLETE)
    put("clerk_line", f"书记员\u3000\u3000{case.clerk or TO_COMPLETE}")
    put("judge_assistant_line", [f"法官助理\u3000\u3000{case.judge_assistant}"] if case.judge_assistant else [],
        block=True)
    put("presiding_judge", presiding)
    put("public_or_not", "公开" if case.hearing_public else "不公开")
    put("bench_inline", "、".join(f"{j.role}{j.name or TO_COMPLETE}" for j in case.judges) or TO_COMPLETE)
    attendance = []
    for p in case.parties:
        agents = "、".join(a.name for a in p.agents)
        who = f"{p.role}：{p.name}" + (f"，委托诉讼代理人：{agents}" if agents else "")
        attendance.append(who + ("，到庭。" if p.appeared else "，未到庭。"))
    put("attendance_block", attendance, block=True)
    put("summoned", case.extra.get("summoned", "") or _names(case.parties))
    put("summons_reason", case.extra.get("summons_reason", "") or "开庭审理")
    return v
