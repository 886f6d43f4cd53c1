"""Terms and a small character language model from a case's own text.

The case text is what the case record and its catalogued dossier hold: parties, agents,
addresses, 案由, court, amounts, dates, evidence titles. Two uses:
- ``case_terms``: the names and phrases worth correcting towards (a near-homophone of one of
  them in the transcript is most likely that term);
- ``CaseLanguageModel``: character bigram statistics of the case text, which rescoring
  mixes with a general word-frequency model so that the case's own phrases win ties.
"""
from __future__ import annotations

import math
import re
from collections import Counter

_CJK = "\u3400-\u9fff"
# "原告：杨帆" / "被告 何建军" / "委托代理人：张某" - a label then a 2-4 character name.
_ROLE_NAME = re.compile(
    r"(?:原告|被告|第三人|上诉人|被上诉人|申请人|被申请人|代理人|委托诉讼代理人|法定代表人|"
    rf"审判长|审判员|人民陪审员|书记员|证人|当事人)(?:[（(][^）)]*[）)])?[：:\s]*([{_CJK}]{{2,4}}?)"
    rf"(?=[，,。；;、：:\s（(]|$|男|女|系|住|身份)")
_ORGANISATION = re.compile(
    rf"[{_CJK}]{{2,30}}?(?:有限责任公司|股份有限公司|有限公司|公司|银行|支行|分行|医院|学校|"
    rf"委员会|事务所|合作社|研究院|中心|厂|店)")
_COURT = re.compile(rf"[{_CJK}]{{2,20}}?人民法院")
_CAUSE = re.compile(rf"[{_CJK}]{{2,16}}?纠纷")
_ADDRESS = re.compile(
    rf"[{_CJK}]{{2,12}}?(?:省|市|区|县|镇|乡|街道|路|街|巷|小区|村)(?:[{_CJK}0-9]{{1,12}}?(?:号|栋|单元|室|楼))?")
_LABELLED = re.compile(rf"^\s*[{_CJK}]{{2,8}}[：:]\s*(.+?)\s*$", re.M)
_SPLIT = re.compile(r"[，,、；;。\s]+")


def case_terms(text: str, max_terms: int = 200) -> list[str]:
    """Distinct terms (2-30 CJK characters) found in ``text``, most specific first."""
    if not text:
        return []
    found: list[str] = []

    def add(term: str) -> None:
        term = term.strip()
        if 2 <= len(term) <= 30 and re.fullmatch(rf"[{_CJK}]+", term) and term not in found:
            found.append(term)

    for match in _ROLE_NAME.finditer(text):
        add(match.group(1))
    for pattern in (_ORGANISATION, _COURT, _CAUSE):
        for match in pattern.finditer(text):
            add(_trim_label(match.group(0)))
    for match in _LABELLED.finditer(text):
        for part in _SPLIT.split(match.group(1)):
            if len(part) <= 12:
                add(part)
    for match in _ADDRESS.finditer(text):
        add(_trim_label(match.group(0)))
    return found[:max_terms]


def _trim_label(term: str) -> str:
    # "被告武汉安居物业服务有限公司" -> the organisation without a role word glued in front.
    return re.sub(r"^(?:原告|被告|第三人|上诉人|被上诉人|申请人|被申请人|住所地|住址|地址|位于|系)", "", term)


class CaseLanguageModel:
    """Add-one smoothed character bigram model of the case text (log10 probabilities)."""

    def __init__(self, text: str) -> None:
        chars = re.sub(rf"[^{_CJK}0-9]+", "\n", text or "")
        self.unigrams: Counter[str] = Counter()
        self.bigrams: Counter[str] = Counter()
        for run in chars.split("\n"):
            self.unigrams.update(run)
            self.bigrams.update(run[i:i + 2] for i in range(len(run) - 1))
        self.total = sum(self.unigrams.values())

    def __bool__(self) -> bool:
        return self.total > 0

    def gain(self, text: str) -> float:
        """How much more the case text supports ``text`` than chance: sum of log10 ratios of
        seen bigrams (0 when the case text says nothing about it)."""
        if not self.total:
            return 0.0
        score = 0.0
        vocab = len(self.unigrams) + 1
        for i in range(len(text) - 1):
            pair = text[i:i + 2]
            count = self.bigrams.get(pair, 0)
            if count:
                p = (count + 1) / (self.unigrams.get(text[i], 0) + vocab)
                score += math.log10(p * vocab)
        return score
