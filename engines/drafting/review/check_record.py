"""The draft against its case: parties, roles, claims and who makes which statement.

A draft generated after another case's dossier was imported can carry that case's claims or
a party's defence in the wrong mouth. Every finding here names both values: what the draft
says and what the case record (or the draft's own party block) says.
"""
from __future__ import annotations

import re

from engines.drafting.review.check_consistency import _party_roles
from engines.drafting.review.claim_amount import claim_amount
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet

_SPACES = re.compile(r"[\s\u3000]")
# Who states what: 诉称 and 上诉请求 belong to the claimant side, 辩称 to the answering side.
_STATEMENT = re.compile(r"^(?:(原审|一审|本诉|反诉)?(原告|被告|第三人|上诉人|被上诉人|申请人|被申请人))?"
                        r"([^，,。：:；;（(]{0,30}?)(?:共同)?(诉称|辩称|答辩称|述称)")
_CLAIMANT = ("原告", "上诉人", "申请人", "反诉原告")
_ANSWERING = ("被告", "被上诉人", "被申请人", "反诉被告", "第三人")


def _subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)


def _norm(name: str) -> str:
    return _SPACES.sub("", name)


def check_record(doc: JudgmentDocument, record) -> list[Finding]:
    """Compare the draft with ``record`` (CaseFacts or None) and check statement speakers."""
    findings = _statement_speakers(doc)
    if record is None:
        return findings
    findings += _party_findings(doc, record)
    findings += _claims_findings(doc, record)
    findings += _bench_findings(doc, getattr(record, "bench", ""))
    return findings


def _bench_findings(doc: JudgmentDocument, bench: str) -> list[Finding]:
    """The signature block against the case's 审判组织: a single judge signs alone as 审判员 (or
    代理审判员); a collegial panel signs with a 审判长 and at least three members."""
    if bench not in ("独任", "合议庭") or not doc.signature_paragraphs:
        return []
    lines = [_norm(doc.paragraphs[i]) for i in doc.signature_paragraphs]
    shown = "、".join(lines)
    first = doc.signature_paragraphs[0]
    presiding = any(line.startswith("审判长") for line in lines)
    if bench == "独任" and (presiding or len(lines) > 1 or any("陪审员" in line[:5] for line in lines)):
        return [Finding("bench_record", "error", first, doc.text(first)[:40],
                        f"署名为“{shown}”，而本案审判组织为独任审判，应由审判员一人署名。")]
    if bench == "合议庭" and (not presiding or len(lines) < 3):
        return [Finding("bench_record", "error", first, doc.text(first)[:40],
                        f"署名为“{shown}”，而本案审判组织为合议庭，应由审判长和合议庭其他成员署名。")]
    return []


def _party_findings(doc: JudgmentDocument, record) -> list[Finding]:
    names = [_norm(n) for n in (getattr(record, "parties", None) or []) if _norm(n)]
    if not names or not doc.parties:
        return []
    out = []
    listed = ", ".join(names)
    drafted = {_norm(p.name): p for p in doc.parties}
    for name, p in drafted.items():
        if name not in names:
            out.append(Finding("party_record", "error", p.paragraph, doc.text(p.paragraph)[:40],
                               f"文书当事人“{p.name}”不是本案案件记录中的当事人（案件记录：{listed}）。"))
    anchor = doc.parties[-1].paragraph
    for name in names:
        if name not in drafted:
            out.append(Finding("party_record", "error", anchor, doc.text(anchor)[:40],
                               f"案件记录中的当事人“{name}”未出现在文书的当事人部分"
                               f"（文书列明：{'、'.join(drafted)}）。"))
    roles = getattr(record, "party_roles", None) or {}
    for name, role in roles.items():
        p = drafted.get(_norm(name))
        if p is not None and role and role not in doc.paragraphs[p.paragraph][:len(role) + 12]:
            out.append(Finding("party_record", "error", p.paragraph, doc.text(p.paragraph)[:40],
                               f"“{p.name}”在文书中列为{p.role}，案件记录中是{role}。"))
    return out


def _claims_findings(doc: JudgmentDocument, record) -> list[Finding]:
    claims = [c for c in (getattr(record, "claims", None) or []) if c and c.strip()]
    if not claims or doc.claims_paragraph is None:
        return []
    text = doc.paragraphs[doc.claims_paragraph]
    start = re.search(r"(诉讼请求|上诉请求|请求判令|请求)[：:为]?", text)
    stop = re.search(r"(事实(和|与|及)理由|事实理由)", text)
    drafted = text[start.end() if start else 0:stop.start() if stop else len(text)]
    want = claim_amount("；".join(claims))
    have = claim_amount(drafted)
    if want is None or have is None or want.fixed == have.fixed:
        return []
    return [Finding("claims_record", "error", doc.claims_paragraph, snippet(text, start.start() if start else 0, None, 60)[:60],
                    f"文书中的诉讼请求金额为{have.fixed.normalize():f}元，案件记录中的诉讼请求金额为"
                    f"{want.fixed.normalize():f}元（案件记录：{'；'.join(claims)[:80]}）。")]


def _statement_speakers(doc: JudgmentDocument) -> list[Finding]:
    """诉称 said by a party of the answering side, 辩称 by the claimant, or by a non-party."""
    if not doc.parties:
        return []
    roles = _party_roles(doc)
    others = doc.people_names()
    out = []
    end = doc.reasoning_paragraph if doc.reasoning_paragraph is not None else len(doc.paragraphs)
    start = (doc.procedure_paragraph or doc.parties[-1].paragraph) + 1
    for i in range(start, end):
        text = _norm(doc.paragraphs[i])
        m = _STATEMENT.match(text)
        if not m:
            continue
        prefix, role, who, verb = m.group(1), m.group(2), m.group(3), m.group(4)
        if len(who) < 2:
            continue  # 原告诉称 / 被告辩称: the role alone names no one in particular
        name = next((n for n in sorted(roles, key=len, reverse=True) if who == n), None)
        if name is None and verb == "述称":
            continue  # witnesses and others 述称 too
        if name is None:
            # 吴某及其代理人辩称 / 二被告辩称: not a single named speaker we can judge.
            if role or re.search(r"(及|和|、|与|等|二|两|三|各|共同|代理)", who) or who in others:
                continue
            if any(who in n or n in who or _subsequence(who, n) for n in roles) or re.search(r"(方|代理|律师|某)", who):
                continue  # a loose short form of a party's name (保险公司 for 某某保险股份有限公司某支公司)
            out.append(Finding("statement_speaker", "error", i, snippet(doc.paragraphs[i], 0, 30),
                               f"“{who}{verb}”的陈述人“{who}”不是本案当事人（当事人：{'、'.join(p.name for p in doc.parties)}）。"))
            continue
        if prefix in ("原审", "一审", "反诉", "本诉"):
            continue
        own = roles[name]
        side = _CLAIMANT if verb == "诉称" else _ANSWERING
        if any(r in side or any(r.endswith(s) for s in side) for r in own):
            continue
        if verb == "述称" or any("反诉" in r for r in own):
            continue
        out.append(Finding("statement_speaker", "error", i, snippet(doc.paragraphs[i], 0, 30),
                           f"“{name}”在本案中是{'、'.join(sorted(own))}，却写作“{verb}”"
                           f"（{'诉称应为原告一方' if verb == '诉称' else '辩称应为被告一方'}的陈述）。"))
    return out
