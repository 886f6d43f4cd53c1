"""Checks that read the judgment as a whole for things its own text proves wrong.

- a written formula (596600元×20%=119320元, 82天×100元/天=8200元) that does not compute;
- a party called by a role the party block does not give it (原告张三 where 张三 is the 被告);
- anonymisation applied in one place and not another (原告戴某 in the party block, 原告戴某某
  is fine, 原告戴小红 in the body is not; and the reverse);
- a judgment that orders money paid but does not give the 迟延履行 notice;
- a partial award (the 主文 grants less than the stated claim) without 驳回其他诉讼请求.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from engines.drafting.review.check_dates import signature_date
from engines.drafting.review.check_dismissal import check_dismissal
from engines.drafting.review.document import JudgmentDocument, SPACES
from engines.drafting.review.findings import Finding, snippet
from engines.drafting.review.resources import ReviewRules

_NUM = r"\d+(?:\.\d+)?"
_UNIT = r"(?:元/平方米|元/天|元/日|元/月|元/年|元/人|元/次|万元|元|天|日|个月|月|年|人|次|平方米|㎡|%)?"
_OP = r"\s*[×*xX÷/＋+－\-]\s*"
_FORMULA = re.compile(r"(?<![\d.])(" + _NUM + _UNIT + r"(?:" + _OP + _NUM + _UNIT + r")+)\s*[=＝]\s*(" + _NUM + r")\s*(万元|元)?")
_TERM = re.compile(r"(" + _NUM + r")\s*(%|万元)?")
_BASE_ROLES = ("原告", "被告", "第三人", "上诉人", "被上诉人", "申请人", "被申请人")
_ROLE_WORD = re.compile(r"(被上诉人|上诉人|被申请人|申请人|第三人|原告|被告)")
# Characters that follow a name in running text (so the name does not run on into a longer one).
_AFTER_NAME = set("的与和及、，,。；;：:诉因向于在等为已未应将对就自均作并承负支偿赔返退给是系称所（(")
_MASK = re.compile(r"[某×＊*Ｘ]")
MONEY_ITEM = re.compile(r"(支付|赔偿|偿还|给付|返还|退还|补偿|付清|归还|赔付|偿付|垫付|退赔|贴补|补助|清偿)[^；。]{0,150}?\d[\d,.]*\s*(万元|元)")
_INTEREST_NOTICE = re.compile(r"(迟延履行|延期履行|延迟履行|逾期履行)[^。]{0,40}(利息|迟延履行金)|加倍支付")


def check_consistency(doc: JudgmentDocument, rules: ReviewRules) -> list[Finding]:
    """Run the whole-text consistency checks."""
    findings = _formula_findings(doc)
    findings += _role_findings(doc)
    findings += _anonymisation_findings(doc)
    findings += _notice_findings(doc, rules)
    return findings


def _body_range(doc: JudgmentDocument) -> range:
    start = (doc.parties[-1].paragraph + 1) if doc.parties else 0
    for _, _, i in doc.representatives:
        start = max(start, i + 1)
    end = (doc.clerk_paragraph + 1) if doc.clerk_paragraph is not None else len(doc.paragraphs)
    return range(start, end)


def _evaluate(expression: str) -> Decimal | None:
    """Left-to-right product/quotient of the terms (units dropped, % as hundredths)."""
    if re.search(r"[＋+－\-]", expression):
        return None  # sums mixed with products: precedence is not written, leave them
    if len(set(re.findall(r"(天|日|个月|月|年)", expression.replace("个月", "月")))) > 1:
        return None  # 20元/天×3个月: the units convert by a factor the text does not write
    ops = re.findall(r"[×*xX÷/]", re.sub(r"元/[天日月年人次]|元/平方米", "", expression))
    terms = [(Decimal(m.group(1)), m.group(2)) for m in _TERM.finditer(expression)]
    if len(terms) != len(ops) + 1:
        return None
    try:
        value = terms[0][0] * (Decimal("0.01") if terms[0][1] == "%" else Decimal(10000) if terms[0][1] == "万元" else 1)
        for op, (term, unit) in zip(ops, terms[1:]):
            term = term / 100 if unit == "%" else term * 10000 if unit == "万元" else term
            value = value / term if op in "÷/" else value * term
    except (InvalidOperation, ZeroDivisionError):
        return None
    return value


def _formula_findings(doc: JudgmentDocument) -> list[Finding]:
    out = []
    for i in _body_range(doc):
        text = doc.paragraphs[i]
        if "=" not in text and "＝" not in text:
            continue
        for m in _FORMULA.finditer(text):
            value = _evaluate(m.group(1))
            if value is None:
                continue
            stated = Decimal(m.group(2)) * (10000 if m.group(3) == "万元" else 1)
            # Courts round to the yuan or truncate: a difference under one yuan (or 0.1%) is not an error.
            if abs(value - stated) <= max(Decimal(1), stated * Decimal("0.001")):
                continue
            shown = value.quantize(Decimal("0.01"))
            out.append(Finding("formula", "error", i, snippet(text, m.start(), m.end()),
                               f"算式“{m.group(0)}”计算结果应为{shown.normalize():f}，与所写{m.group(2)}不符。"))
    return out


def _party_roles(doc: JudgmentDocument) -> dict[str, set[str]]:
    """Each party name and abbreviation with every role word its party line gives it."""
    roles: dict[str, set[str]] = {}
    for p in doc.parties:
        line = doc.paragraphs[p.paragraph]
        head = line[:max(line.find(p.name), 0)] or p.role
        found = {w for w in _ROLE_WORD.findall(head)} | {w for w in _ROLE_WORD.findall(p.role)}
        for name in [p.name, *p.abbreviations]:
            roles.setdefault(name, set()).update(found)
    return roles


def _role_findings(doc: JudgmentDocument) -> list[Finding]:
    roles = _party_roles(doc)
    names = sorted((n for n in roles if len(n) >= 2 and not _MASK.search(n)), key=len, reverse=True)
    if not names:
        return []
    # A name that starts another party's name (a company and its branch) is not unique.
    unique = [n for n in names if not any(o != n and o.startswith(n) for o in names)]
    out, seen = [], set()
    pattern = re.compile(r"(?<![原审反诉本一二再新])(原告|被告|第三人|上诉人|被上诉人)(" + "|".join(map(re.escape, unique)) + ")")
    for i in _body_range(doc):
        text = doc.paragraphs[i]
        for m in pattern.finditer(text):
            role, name = m.group(1), m.group(2)
            allowed = roles.get(name, set())
            if not allowed or role in allowed or any(role in a for a in allowed):
                continue
            # In a second instance both sides may appeal: each is 上诉人 and 被上诉人 to the other.
            if "上诉人" in role and any("上诉人" in a for a in allowed):
                continue
            # 某公司物业中心: the name runs on into a longer organisation name.
            nxt = text[m.end():m.end() + 1]
            if (nxt and nxt not in _AFTER_NAME and re.match(r"[\u4e00-\u9fff]", nxt)
                    and re.match(r"[\u4e00-\u9fff]{0,6}(中心|分公司|支公司|公司|分行|支行|部|店|厂|站)", text[m.end():m.end() + 8])):
                continue
            # 二被告 / 被告某某公司与原告: the word before may belong to a list or another clause.
            if text[max(0, m.start() - 1):m.start()] in ("二", "两", "各", "及"):
                continue
            if (name, role) in seen:
                continue
            sentence = text[max(text.rfind("。", 0, m.start()), 0):m.start()]
            if re.search(r"(另案|该案|前案|原审|一审|二审|再审|号案|案件中|曾)", sentence):
                continue  # roles in another proceeding
            seen.add((name, role))
            where = next((p.paragraph for p in doc.parties if name in (p.name, *p.abbreviations)), None)
            out.append(Finding("party_role", "error", i, snippet(text, m.start(), m.end()),
                               f"“{name}”在当事人部分是{'、'.join(sorted(allowed))}，此处称为{role}。",
                               related_paragraphs=[where] if where is not None else []))
    return out


def _anonymisation_findings(doc: JudgmentDocument) -> list[Finding]:
    """A masked party named in full elsewhere, or a named party masked elsewhere."""
    out = []
    # Names the procedure paragraph alone lists are not known names here: they may be the
    # very unmasked name this check looks for.
    known = doc.party_names() | {n for _, n, _ in doc.representatives} | set(doc.other_names)
    roles = _party_roles(doc)
    masked = {p.name: p for p in doc.parties if _MASK.search(p.name) and len(p.name) <= 4}
    plain = {p.name: p for p in doc.parties if not _MASK.search(p.name) and 2 <= len(p.name) <= 4}
    seen = set()
    for i in _body_range(doc):
        text = doc.paragraphs[i]
        for m in re.finditer(r"(原告|被告|第三人|上诉人|被上诉人|申请人|被申请人)([\u4e00-\u9fff])([\u4e00-\u9fff]{1,2})", text):
            role, surname, rest = m.group(1), m.group(2), m.group(3)
            cand = surname + rest
            if any(text.startswith(n, m.start(2)) for n in known):
                continue
            for name, party in masked.items():
                if name[0] != surname or role not in roles.get(name, set()) or _MASK.search(rest[0]):
                    continue
                if re.match(r"[的与和及诉等因在于向对将已未均]", rest[0]) or cand in seen:
                    continue
                seen.add(cand)
                out.append(Finding("anonymisation", "error", i, snippet(text, m.start(), m.end()),
                                   f"当事人在当事人部分以“{name}”匿名，此处写作“{cand}”，匿名处理前后不一致。",
                                   related_paragraphs=[party.paragraph]))
        for m in re.finditer(r"(原告|被告|第三人|上诉人|被上诉人|申请人|被申请人)([\u4e00-\u9fff])(某+)", text):
            for name, party in plain.items():
                own = roles.get(name, set())
                same_side = m.group(1) in own or ("上诉人" in m.group(1) and any("上诉人" in r for r in own))
                if name[0] == m.group(2) and same_side and (name, i) not in seen:
                    if any(_MASK.search(p.name) and p.name[0] == name[0] for p in doc.parties):
                        continue
                    seen.add((name, i))
                    out.append(Finding("anonymisation", "error", i, snippet(text, m.start(), m.end()),
                                       f"当事人“{name}”在当事人部分写出全名，此处写作“{m.group(2)}{m.group(3)}”，"
                                       f"匿名处理前后不一致。", related_paragraphs=[party.paragraph]))
    return out


def _is_judgment(doc: JudgmentDocument) -> bool:
    return "判决书" in SPACES.sub("", doc.title)


def _notice_findings(doc: JudgmentDocument, rules: ReviewRules) -> list[Finding]:
    if not _is_judgment(doc) or not doc.operative_items:
        return []
    out = []
    items = [(i, doc.paragraphs[i]) for i in doc.operative_items]
    money = [(i, t) for i, t in items if MONEY_ITEM.search(t) and not re.match(r"^\s*驳回", SPACES.sub("", t))
             and not re.search(r"(无需|无须|不需|不必|不予|不承担|不负)", t)]
    # Up to the clerk line: an appended law text may quote the 迟延履行 article itself.
    end = doc.clerk_paragraph + 1 if doc.clerk_paragraph is not None else len(doc.paragraphs)
    tail = "".join(doc.paragraphs[doc.operative_items[0]:end])
    if money and not _INTEREST_NOTICE.search(tail):
        i, t = money[-1]
        signed = signature_date(doc)
        article = rules.interest_article_on(signed) if signed else None
        law = f"《{rules.interest_law}》{article}" if article else f"《{rules.interest_law}》的迟延履行条款"
        out.append(Finding("interest_notice_missing", "error", doc.operative_items[-1], snippet(t, 0, 40),
                           f"判决主文有金钱给付义务，但未写明迟延履行告知（如未按本判决指定的期间履行给付金钱义务，"
                           f"应当依照{law}之规定，加倍支付迟延履行期间的债务利息）。"))
    out += check_dismissal(doc, money)
    return out
