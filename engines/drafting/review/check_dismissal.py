"""A partial award without 驳回其他诉讼请求 (first-instance money judgments).

When a court supports the plaintiff's claims only in part, the 主文 ends with an item that
dismisses the rest (驳回原告其他诉讼请求): otherwise the refused part is left undecided. The
check reports an error only when the text itself proves that something claimed was refused:

- the reasoning refuses part of the claims in so many words (原告主张的其余部分，本院不予支持;
  原告张三主张赔偿手机损失2000元……本院不予支持) with the plaintiff as the one whose claim it is,
  and no defendant's argument or counterclaim in the same sentence;
- or the claims state one readable sum of money other than interest (claim_amount.py) that is
  larger than everything the 主文 orders paid (the award is read generously: every figure of a
  paying item counts except calculation brackets and interest bases, so a doubtful reading
  only makes the award larger and the check quieter).

Claims changed during the trial, counterclaims, second instances and 主文 items that dismiss
anything already make the check say nothing.
"""
from __future__ import annotations

import re
from decimal import Decimal

from engines.drafting.review.claim_amount import claim_amount
from engines.drafting.review.document import JudgmentDocument, SPACES
from engines.drafting.review.findings import Finding, snippet

# Any 主文 item that dismisses claims (驳回原告其他诉讼请求; 驳回被告冯雷要求……的诉讼请求).
_DISMISS = re.compile(r"驳回[^。；]*?(诉讼请求|其他|其余|反诉请求|上诉|请求)")
_REFUSED = re.compile(
    r"(诉讼请求|诉请|请求|主张)[^。；]{0,25}?(过高|超出|超过|其余|其他|部分)[^。；]{0,15}?(不予支持|予以驳回)"
    r"|(过高|超出|超过|多出|其余|剩余)部分[^。；]{0,12}(不予支持|予以驳回)"
    r"|原告[^。；]{0,30}(诉讼请求|诉请|主张)[^。；]{0,20}(不予支持|予以驳回)"
    r"|对(?:该|此|其|原告)[^。；]{0,25}(请求|诉请|诉讼请求)[^。；]{0,6}(本院)?(不予支持|予以驳回)")
_DEFENDANT_SAYS = re.compile(r"被告[^，,。；]{0,8}(主张|辩称|抗辩|认为|提出|要求|请求)")
# A refusal that ends a sentence: 本院不予支持 / 本院依法不予支持 / 予以驳回.
_REFUSAL_END = re.compile(r"(?:本院)?(?:依法|对此|均|亦|也|故)?(?:不予支持|予以驳回|不予保护|不能支持|不应支持)"
                          r"(?:[,，][^，,。；;]{0,20}(?:另行主张|另行起诉|另行解决|另行处理))?\s*$")
_CLAIM_WORDS = r"(?:主张|要求|请求|诉请|诉求|诉称)"
_CLAIMED_THING = re.compile(r"(诉讼请求|诉请|\d\s*(?:万元|元)|费|金|款|损失|赔偿|支付|利息|工资|租金|报酬|返还)")
# Words of a defence, a counterclaim or another proceeding: the sentence may refuse something else.
_OTHER_SIDE = re.compile(r"(辩称|抗辩|答辩|辩解|反诉|另案|原审|一审|二审|仲裁|上诉)")
_INTEREST = re.compile(r"(利息|违约金|罚息|复利|滞纳金|资金占用|逾期付款损失|逾期损失|迟延履行)")
_AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(万元|元)")
_CHINESE_MONEY = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾佰仟一二两三四五六七八九十百千]+(?:万)?元")
_CHANGED = (re.compile(r"(变更|增加|减少|撤回|放弃|明确|调整)[^。；]{0,12}(诉讼请求|诉请|请求)"),
            re.compile(r"(诉讼请求|诉请)[^。；]{0,12}(变更|增加|减少|撤回|放弃|明确|调整)"))


def check_dismissal(doc: JudgmentDocument, money_items: list[tuple[int, str]]) -> list[Finding]:
    """``money_items``: the (paragraph, text) of 主文 items that order money paid."""
    items = [(i, doc.paragraphs[i]) for i in doc.operative_items]
    if not money_items or doc.claims_paragraph is None or any(_DISMISS.search(t) for _, t in items):
        return []
    if doc.case_number_paragraph is not None and "初" not in doc.text(doc.case_number_paragraph):
        return []  # second instance: the 主文 deals with the appeal, not with claims
    if any(re.search(r"(反诉|本诉)", t) for _, t in items):
        return []
    refused = _refusal(doc)
    if refused is not None:
        i, start, end = refused
        return [Finding("dismissal_missing", "error", doc.operative_items[-1], snippet(doc.paragraphs[i], start, end),
                        "本院认为部分已对原告的部分诉讼请求不予支持，但判决主文没有“驳回原告其他诉讼请求”一项。",
                        related_paragraphs=[i])]
    return _amount_finding(doc, money_items)


def _refusal(doc: JudgmentDocument) -> tuple[int, int, int] | None:
    """Where 本院认为 refuses part of the plaintiff's claims: (paragraph, start, end)."""
    if doc.reasoning_paragraph is None:
        return None
    end = doc.decision_paragraph if doc.decision_paragraph is not None else len(doc.paragraphs) - 1
    plaintiff, defendant = _sides(doc)
    for i in range(doc.reasoning_paragraph, end + 1):
        text = doc.paragraphs[i]
        for m in _REFUSED.finditer(text):
            clause = text[max(text.rfind("。", 0, m.start()), 0):m.end()]
            # 其余部分/过高部分不予支持 speak of sums; the other forms must name something claimed.
            names_part = m.group(1) is not None or m.group(4) is not None
            if not _DEFENDANT_SAYS.search(clause) and not _OTHER_SIDE.search(clause) \
                    and (names_part or _CLAIMED_THING.search(clause)) \
                    and _whose_claim(clause, plaintiff, defendant) != "defendant":
                return i, m.start(), m.end()
        if plaintiff:
            found = _plaintiff_claim_refused(text, plaintiff, defendant)
            if found is not None:
                return (i, *found)
    return None


def _sides(doc: JudgmentDocument) -> tuple[list[str], list[str]]:
    """Words naming the plaintiff side and the defendant side (role words, names, short names)."""
    plaintiff, defendant = ["原告"], ["被告", "第三人"]
    for p in doc.parties:
        names = [n for n in (p.name, *p.abbreviations) if len(n) >= 2 and not re.search(r"[某×＊*Ｘ]", n)]
        if "原告" in p.role and "被告" not in p.role:
            plaintiff += names
        elif "被告" in p.role or "第三人" in p.role:
            defendant += names
    # A name that is also part of the other side's names cannot tell the sides apart.
    plaintiff = [n for n in plaintiff if not any(n in d or d in n for d in defendant if d not in ("被告", "第三人"))]
    return plaintiff, defendant


def _claimants(text: str, side: list[str]) -> list[re.Match]:
    """Each name or role word of ``side`` followed by its claim word (远舟公司主张…)."""
    if not side:
        return []
    pattern = "(" + "|".join(map(re.escape, sorted(side, key=len, reverse=True))) + ")" + r"[^，,。；;：:、]{0,20}?" + _CLAIM_WORDS
    return list(re.finditer(pattern, text))


def _whose_claim(body: str, plaintiff: list[str], defendant: list[str]) -> str | None:
    """'plaintiff' when the plaintiff's claim is the only one in the sentence, 'defendant' when a
    defendant's claim may be what is refused, None when nobody's claim is named.

    原告主张被告支付…: a defendant named in the plaintiff's own clause is its object. A defendant's
    claim before the plaintiff's, or in a later clause, may be what the court refuses."""
    own = _claimants(body, plaintiff)
    others = _claimants(body, defendant)
    if not own:
        return "defendant" if others else None
    for o in others:
        before = [m for m in own if m.start() < o.start()]
        if not before or re.search(r"[，,]", body[before[-1].end():o.start()]):
            return "defendant"
    return "plaintiff"


def _plaintiff_claim_refused(text: str, plaintiff: list[str], defendant: list[str]) -> tuple[int, int] | None:
    """A sentence whose only claimant is the plaintiff and that ends by refusing (本院不予支持)."""
    pos = 0
    for sentence in re.split(r"(?<=[。；;])", text):
        start, pos = pos, pos + len(sentence)
        body = sentence.rstrip("。；;").rstrip()
        if not _REFUSAL_END.search(body) or _OTHER_SIDE.search(body):
            continue
        # A refused argument (原告主张被告构成根本违约) is not a refused claim: the sentence must
        # name something claimed (a sum, a fee, a loss, the claim itself).
        if not _CLAIMED_THING.search(body):
            continue
        if _whose_claim(body, plaintiff, defendant) == "plaintiff":
            return start + _claimants(body, plaintiff)[0].start(), start + len(body)
    return None


def _amount_finding(doc: JudgmentDocument, money_items) -> list[Finding]:
    """The claims state a readable principal larger than everything the 主文 orders paid."""
    whole = "".join(doc.paragraphs)
    text = doc.paragraphs[doc.claims_paragraph]
    if any(p.search(whole) for p in _CHANGED) or len(re.findall(r"诉讼请求(?:为|是|：|:)", whole)) > 1 or "变更" in text:
        return []  # the claims changed during the trial: the first statement is not the final one
    claimed = _principal(_claims_text(text))
    awarded = _awarded(money_items)
    if claimed is None or awarded is None or claimed <= awarded:
        return []
    i, t = money_items[-1]
    return [Finding("dismissal_missing", "error", doc.operative_items[-1], snippet(t, 0, 40),
                    f"诉讼请求金额{claimed.normalize():f}元（不含利息、违约金等），判决支持{awarded.normalize():f}元，"
                    f"部分支持时主文应有“驳回原告其他诉讼请求”一项。", related_paragraphs=[doc.claims_paragraph])]


def _claims_text(text: str) -> str:
    """The claims inside the claims paragraph: after 诉讼请求：, else the last 要求/请求 sentence."""
    start = re.search(r"(诉讼请求|请求判令|请求法院判令)[：:]?", text)
    if start is None:
        asks = list(re.finditer(r"(要求|请求)", text))
        if not asks:
            return ""
        end = text.find("。", asks[-1].end())
        return text[asks[-1].end():end if end >= 0 else len(text)]
    stop = re.search(r"(事实(和|与|及)理由|事实理由)", text)
    return text[start.end():stop.start() if stop else len(text)]


def _principal(claims: str) -> Decimal | None:
    """The sums claimed other than interest and penalties (the clauses naming them dropped).

    A stated total that then no longer adds up is dropped too. Dropping a clause can only make
    the sum smaller, which keeps the check quiet when unsure."""
    # 计127423.28元，扣除被告垫付的19402.40元后合计108020.88元: the net sum is what is claimed.
    net = list(re.finditer(r"(扣除|减去|扣减)[^。；;]{0,40}?后(?:合计|共计|计|为|剩余|尚余|尚欠|余)?(?:人民币)?"
                           r"(\d[\d,]*(?:\.\d+)?)(万元|元)", claims))
    if net and "元" not in claims[net[-1].end():] and not _INTEREST.search(claims):
        return Decimal(net[-1].group(2).replace(",", "")) * (10000 if net[-1].group(3) == "万元" else 1)
    clauses = re.split(r"([，,；;。])", claims)
    kept = [c for c in clauses if not _INTEREST.search(c)]
    amount = claim_amount("".join(kept))
    if amount is None and len(kept) < len(clauses):
        amount = claim_amount("".join(c for c in kept if not re.search(r"(合计|共计|总计|累计)", c)))
    return amount.fixed if amount is not None else None


def _awarded(money_items) -> Decimal | None:
    """Every figure the paying items order (brackets and interest bases left out); None when an
    item pays a sum that is not written as a figure (大写, 每月…), so the award is unknown."""
    total = Decimal(0)
    for _, t in money_items:
        plain = SPACES.sub("", re.sub(r"[（(【\[][^）)】\]]*[）)】\]]", "", t))
        # 其余损失……由原告自行承担: a part the 主文 itself leaves with the plaintiff is not awarded.
        plain = "".join(c for c in re.split(r"(?<=[；;。])", plain) if not re.search(r"(自行承担|自行负担|自负)", c))
        if _CHINESE_MONEY.search(plain) or re.search(r"(每月|每年|每日|每天|每期|/月|/年|/天|按月(?:支付|给付|计付))", plain):
            return None
        for m in _AMOUNT.finditer(plain):
            if re.match(r"\s*(为基数|为本金|为计算基数|作为基数)", plain[m.end():]) or plain[max(0, m.start() - 1):m.start()] == "以":
                continue
            total += Decimal(m.group(1).replace(",", "")) * (10000 if m.group(2) == "万元" else 1)
    return total if total else None
