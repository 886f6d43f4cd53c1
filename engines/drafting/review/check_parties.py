"""Party names: written the same everywhere, and everyone named in the 主文 is a party."""
from __future__ import annotations

import re

from engines.drafting.review.document import JudgmentDocument, SPACES
from engines.drafting.review.findings import Finding, snippet

_CJK = re.compile(r"[\u4e00-\u9fff]")
_ROLE_IN_TEXT = re.compile(r"(?<![原])(第三人|原告|被告)")
# Where a name in the 主文 ends: verbs, prepositions and punctuation that follow a name.
_NAME_STOP = re.compile(
    r"(于|应|共同|连带|支付|偿还|赔偿|返还|给付|承担|负担|向|的|在|自|对|就|为|与|和|及|按|以|补偿|退还|交付|"
    r"腾退|履行|协助|办理|停止|恢复|赔礼|继续|之间|[、，,。；;：:（(“”\s])"
)
_ORG_SUFFIXES = ("公司", "企业", "厂", "店", "中心", "银行", "合作社", "委员会", "医院", "学校", "研究所",
                 "事务所", "协会", "集团", "部", "社", "馆", "站", "处", "局", "院", "所")
# Objects of a payment order that directly follow the payee's name (…支付原告张三货款…).
_OBJECT_NOUN = re.compile(
    r"(款项|借款|货款|租金|欠款|本金|利息|工资|费用|损失|违约金|工程款|价款|服务费|物业费|赔偿金|补偿款|"
    r"医疗费|房屋|车辆|押金|保证金|定金|报酬|其他|全部|诉讼|各项|经济|加班|劳动|剩余|尚欠|垫付|转让款|份额)"
)
# Words before a similar name that show it is another person (a relative, a witness).
_OTHER_PERSON = re.compile(r"(弟|兄|哥|姐|妹|妻|夫|子|女|父|母|儿|孙|侄|证人|案外人|亲属|朋友|同事|员工|职工)$")
_NOT_NAMES = {"方", "一方", "双方", "各方", "人", "均", "各自", "本人", "其", "等", "其他", "其余", "全部", "其它"}
# A name written with or without its county/city word (临桂某部 / 临桂县某部) is a loose
# short form more often than a slip: reported as a warning.
_ADMIN_CHARS = set("县市区省镇乡村")


def _signature_names(doc: JudgmentDocument) -> set[str]:
    names = set()
    for i in doc.signature_paragraphs + [x for x in (doc.clerk_paragraph,) if x is not None]:
        t = SPACES.sub(" ", doc.paragraphs[i]).strip()
        parts = t.split(" ")
        if len(parts) >= 2:
            names.add(parts[-1])
    return names


def _variant_kind(candidate: str, name: str) -> bool:
    """True when ``candidate`` differs from ``name`` by one edit (one CJK character)."""
    if candidate == name:
        return False
    lc, ln = len(candidate), len(name)
    if lc == ln:
        diffs = [k for k in range(ln) if candidate[k] != name[k]]
        return len(diffs) == 1 and bool(_CJK.match(candidate[diffs[0]]))
    if abs(lc - ln) != 1 or ln < 6:
        return False
    short, long_ = (candidate, name) if lc < ln else (name, candidate)
    for k in range(len(long_)):
        if long_[:k] + long_[k + 1:] == short:
            return bool(_CJK.match(long_[k]))
    return False


def _covered_spans(text: str, names: set[str]) -> list[tuple[int, int]]:
    spans = []
    for n in names:
        start = text.find(n)
        while start >= 0:
            spans.append((start, start + len(n)))
            start = text.find(n, start + 1)
    return spans


def check_party_names(doc: JudgmentDocument, record_parties: list[str] | None = None) -> list[Finding]:
    """Report names one character off a party's name, and non-parties named in the 主文.

    ``record_parties`` is kept for callers of the old signature; the comparison with the
    case record is check_record's (it names both values)."""
    findings: list[Finding] = []
    known = doc.people_names() | _signature_names(doc)
    # Anonymised names (张某某) look alike by design; they are not checked for variants.
    targets = sorted({n for n in doc.party_names() if len(n) >= 3 and "某" not in n}, key=len, reverse=True)
    reported: set[tuple[int, str]] = set()
    whole = "\n".join(doc.paragraphs)
    for i, text in enumerate(doc.paragraphs):
        if not text.strip():
            continue
        covered = _covered_spans(text, known)
        for name in targets:
            lengths = {len(name)} | ({len(name) - 1, len(name) + 1} if len(name) >= 6 else set())
            for length in lengths:
                for start in range(0, len(text) - length + 1):
                    cand = text[start:start + length]
                    if cand[0] != name[0] and cand[-1] != name[-1]:
                        continue
                    if cand in known or not _variant_kind(cand, name):
                        continue
                    end = start + length
                    if any(s < end and start < e for s, e in covered):
                        continue
                    if not all(_CJK.match(c) for c in cand):
                        continue
                    if (i, cand) in reported:
                        continue
                    after_role = text[max(0, start - 3):start].endswith(("原告", "被告", "第三人"))
                    if not after_role:
                        # Without a role word it may be another person with a similar name
                        # (siblings often share a generation character): only a one-off spelling
                        # with no kinship or witness word before it is reported.
                        if whole.count(cand) > 1 or _OTHER_PERSON.search(text[max(0, start - 4):start]):
                            continue
                    reported.add((i, cand))
                    loose = len(cand) != len(name) and (set(cand) ^ set(name)) <= _ADMIN_CHARS
                    findings.append(Finding(
                        "party_name_variant", "warning" if loose else "error", i, snippet(text, start, end),
                        f"当事人名称“{name}”在此写作“{cand}”，前后不一致"
                        + ("（仅差行政区划用字，可能是简写）。" if loose else "。"),
                        related_paragraphs=[_party_paragraph(doc, name)]))
        # 2-character party names: only right after a role word, keeping the surname.
        for p in doc.parties:
            if len(p.name) != 2 or "某" in p.name:
                continue
            for m in _ROLE_IN_TEXT.finditer(text):
                cand = text[m.end():m.end() + 2]
                if any(text.startswith(n, m.end()) for n in known):
                    continue
                if (len(cand) == 2 and cand[0] == p.name[0] and cand != p.name and cand not in known
                        and _CJK.match(cand[1]) and (i, cand) not in reported):
                    reported.add((i, cand))
                    findings.append(Finding("party_name_variant", "error", i, snippet(text, m.start(), m.end() + 2),
                                            f"当事人名称“{p.name}”在此写作“{cand}”，前后不一致。"))
    findings.extend(_check_operative_names(doc, known, reported))
    findings.extend(_check_listed_parties(doc))
    findings.extend(_block_variants(doc, reported))
    return findings


def _block_variants(doc: JudgmentDocument, reported: set) -> list[Finding]:
    """A party whose name in the party block never recurs, while a one-character variant of it
    runs through the body: the party block (or the body) has the name wrong."""
    out = []
    start = max([p.paragraph for p in doc.parties] + [i for _, _, i in doc.representatives] or [0]) + 1
    end = doc.clerk_paragraph if doc.clerk_paragraph is not None else len(doc.paragraphs)
    body = "\n".join(doc.paragraphs[start:end])
    for p in doc.parties:
        name = p.name
        if len(name) < 3 or "某" in name or not all(_CJK.match(c) for c in name) or name in body:
            continue
        counts: dict[str, int] = {}
        for k in range(len(body) - len(name) + 1):
            cand = body[k:k + len(name)]
            if cand[0] in (name[0], name[1]) and _variant_kind(cand, name) and all(_CJK.match(c) for c in cand):
                counts[cand] = counts.get(cand, 0) + 1
        if not counts:
            continue
        cand, n = max(counts.items(), key=lambda kv: kv[1])
        if n < 2 or cand in doc.people_names():
            continue
        reported.add((p.paragraph, cand))
        line = doc.paragraphs[p.paragraph]
        at = max(line.find(name), 0)
        out.append(Finding("party_name_variant", "error", p.paragraph, snippet(line, at, at + len(name)),
                           f"当事人部分写作“{name}”，正文中{n}处写作“{cand}”，当事人名称前后不一致。"))
    return out


def _check_listed_parties(doc: JudgmentDocument) -> list[Finding]:
    """Names the procedure paragraph lists as parties but the party block does not have.

    One that is another spelling of a party (one character changed, or two swapped) is an
    error; any other is a warning, since the party block may have been cut short."""
    out = []
    block = [n for n in doc.party_names() if "某" not in n]
    for role, name, i in doc.listed_parties:
        text = doc.paragraphs[i]
        pos = text.find(name)
        quote = snippet(text, pos, pos + len(name)) if pos >= 0 else name
        twin = next((n for n in block if _variant_kind(name, n)
                     or (len(n) == len(name) and sorted(n) == sorted(name) and n != name)), None)
        if twin:
            out.append(Finding("party_name_variant", "error", i, quote,
                               f"{role}“{name}”与当事人部分所列“{twin}”写法不一致。",
                               related_paragraphs=[_party_paragraph(doc, twin)]))
        elif not any("某" in p.name and p.name[0] == name[0] for p in doc.parties):
            out.append(Finding("party_not_in_case", "warning", i, quote,
                               f"{role}“{name}”未在当事人部分列明（当事人部分可能不完整）。"))
    return out


def _party_paragraph(doc: JudgmentDocument, name: str) -> int:
    """The party-block paragraph that introduces ``name`` (its abbreviation's owner)."""
    for p in doc.parties:
        if name == p.name or name in p.abbreviations:
            return p.paragraph
    return doc.parties[0].paragraph if doc.parties else 0


def _check_operative_names(doc: JudgmentDocument, known: set[str], reported: set) -> list[Finding]:
    findings = []
    parties = doc.party_names() | {name for _, name, _ in doc.listed_parties}
    ordered = sorted(parties, key=len, reverse=True)
    for i in doc.operative_items:
        text = doc.paragraphs[i]
        for m in _ROLE_IN_TEXT.finditer(text):
            pos = m.end()
            while pos < len(text):
                match = next((n for n in ordered if text.startswith(n, pos)), None)
                if match:
                    pos += len(match)
                else:
                    # From pos + 1: a surname may itself be a stop word (向, 于, 和).
                    stop = _NAME_STOP.search(text, pos + 1)
                    end = stop.start() if stop else len(text)
                    token = _name_part(text[pos:end])
                    end = pos + len(token) if token else end
                    if _plausible_name(token) and token not in parties and not _refers_to_party(token, parties):
                        is_variant = any(_variant_kind(token, n) for n in parties)
                        if not is_variant and (i, token) not in reported:
                            reported.add((i, token))
                            where = "在事实部分出现但" if token in "".join(doc.paragraphs[:i]) else ""
                            findings.append(Finding(
                                "party_not_in_case", "error", i, snippet(text, pos, end),
                                f"判决主文中的“{token}”{where}不是本案当事人。"))
                    pos = end
                if pos < len(text) and text[pos] == "、":
                    pos += 1
                    continue
                break
    return findings


def _is_subsequence(short: str, long_: str) -> bool:
    it = iter(long_)
    return all(c in it for c in short)


def _refers_to_party(token: str, parties: set[str]) -> bool:
    """An organisation token such as 保险公司 that is a loose short form of a party's name."""
    return token.endswith(_ORG_SUFFIXES) and any(len(p) > len(token) and _is_subsequence(token, p) for p in parties)


def _name_part(token: str) -> str:
    """Cut a run after a role word down to the name: up to the first non-CJK or object noun."""
    m = re.match(r"[\u4e00-\u9fff]*", token)
    token = m.group(0) if m else ""
    noun = _OBJECT_NOUN.search(token, 2)
    return token[:noun.start()] if noun else token


def _plausible_name(token: str) -> bool:
    if not token or token in _NOT_NAMES or not all(_CJK.match(c) for c in token):
        return False
    if token[0] in "的其各均" or token.startswith(("本判决", "上述", "以上")):
        return False
    if _ROLE_IN_TEXT.search(token) or "判决" in token or "本院" in token:
        return False
    if 2 <= len(token) <= 4:
        return True
    return len(token) <= 40 and token.endswith(_ORG_SUFFIXES)
