"""Split paragraphs that publication fused back into the paragraphs of a judgment.

Published judgments are often stored as one line per document (paragraph breaks lost, or
replaced by single spaces), or with the 案号 glued to the first party line. The review
checks read a judgment part by part, so such a line is cut again at the places where a
judgment's paragraphs begin: the header (court, document name, 案号), each party and agent
line, the procedure, the statements, 本院认为, the legal basis, each operative item, the
late-payment and fee notices, the appeal notice, each signature line, the date and the clerk.

``split_paragraphs`` returns the new paragraphs and, for each, the index of the paragraph it
came from, so that findings still point into the document the user opened.
"""
from __future__ import annotations

import re

_WS = r"[\s\u3000\xa0]"
# A line this long that holds both the reasoning and the decision is a fused document.
_FUSED_MIN = 600
_HEADER = re.compile(
    r"^" + _WS + r"*(?P<court>[^\s\u3000（(]{2,30}?法院)" + _WS + r"*"
    r"(?P<title>(?:[民刑行][\s\u3000]*事[\s\u3000]*|行[\s\u3000]*政[\s\u3000]*)?"
    r"(?:判[\s\u3000]*决|裁[\s\u3000]*定|调[\s\u3000]*解|决[\s\u3000]*定)[\s\u3000]*书)" + _WS + r"*"
    r"(?P<number>[（(〔\[]\s*[0-9０-９]{4}\s*[）)〕\]][^，。；\s]{2,30}?号)?"
)
_NUMBER_FIRST = re.compile(r"^" + _WS + r"*([（(〔\[]\s*[0-9０-９]{4}\s*[）)〕\]][^，。；\s]{2,30}?号)(?=\S)")
ROLE = (r"(?:原审|一审|二审)?(?:反诉原告|反诉被告|被上诉人|上诉人|被申请人|再审申请人|申请执行人|被执行人|申请人|"
        r"原告|被告|第三人|起诉人|申诉人|被申诉人)")
_AGENT = (r"(?:(?:以上|上列|上述)?[二三四五六七八九十两\d]*" + ROLE + r"?(?:的)?(?:共同的?)?)?"
          r"(?:委托诉讼代理人|委托代理人|法定代表人|法定代理人|指定代理人|负责人|经营者|投资人|诉讼代表人|代表人)")


def _spaced(word: str) -> str:
    """A pattern for ``word`` written letter-spaced (审　判　长, 人 民 陪 审 员)."""
    return r"[\s\u3000]*".join(word)


_SIGN_ROLE = "(?:" + "|".join(_spaced(w) for w in (
    "审判长", "代理审判员", "审判员", "人民陪审员", "陪审员", "法官助理", "代理书记员", "见习书记员", "书记员", "速录员")) + ")"
_CN_DIGIT = "〇○零ＯO０一二三四五六七八九"
CN_DATE = re.compile(r"[" + _CN_DIGIT + r"]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,4}日")
# Sentence starts that open a new paragraph anywhere in the body.
_BODY_START = re.compile(
    r"^(?:" + ROLE + r"|" + _AGENT + r"|本院认为|经审理查明|本院经审理|经本院审理|本院查明|本院经审查|经审查|"
    r"综上|依照|依据《|据此|如不服本|如不服|如(?:果)?(?:[^，。]{0,12})?未按|本案(?:本诉)?(?:案件)?受理费|案件受理费|"
    r"本诉案件受理费|反诉案件受理费|诉讼费|本判决为终审判决|本裁定为终审裁定|本调解协议|上述协议|双方当事人|"
    r"附[:：]|附相关|附录|附本|法条链接|本案引用|本判决所依据|相关法律条文)"
)
# 原告：甲，女，…，原告：乙，…: party lines joined by a comma (a role word with a colon follows).
_NEXT_PARTY = r"(?<=[，,；;])(?=(?:" + ROLE + r"|" + _AGENT + r")(?:[（(][^）)]{0,12}[）)])?[：:])"
_NOTICE_AFTER_ITEM = r"|(?<=[；;])(?=如(?:果)?[^，。；]{0,12}未按)"
_DECISION_END = re.compile(r"(判决如下|裁定如下|协议如下|达成如下协议|调解协议)[：:]")
_ITEM = re.compile(r"(?<=[：:；;。])\s*(?=[一二三四五六七八九十]{1,3}[、.．])")
# Consumed, not looked ahead: 人民陪审员 must not also be cut before its 陪审员.
_TAIL_CUT = re.compile(_SIGN_ROLE + "|" + CN_DATE.pattern + r"|附录|附[:：]|附相关|法条链接|本案引用的|本判决所依据|附(?:本案)?(?:相关|适用|引用|所引用)?的?法律(?:条文|法规)")
_GLUE = "\ue000"  # stands for the space between a signature role and its name while splitting


def is_fused(text: str) -> bool:
    """True for a line that holds a whole judgment (or most of it)."""
    compact = re.sub(_WS, "", text)
    if len(compact) < _FUSED_MIN:
        return False
    hits = sum(bool(re.search(p, compact)) for p in (r"本院认为", r"(判决|裁定)如下", r"如不服", r"书记员",
                                                     r"(诉称|诉讼请求)", r"人民法院"))
    return hits >= 3 or (_HEADER.match(text) is not None and hits >= 1)


def split_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[int]]:
    """Cut fused lines into paragraphs; return (paragraphs, origin index for each)."""
    out: list[str] = []
    origin: list[int] = []
    for i, text in enumerate(paragraphs):
        if is_fused(text):
            parts = _split_fused(text)
        else:
            parts = _split_number_line(text)
        for part in parts:
            out.append(part)
            origin.append(i)
    return out, origin


def _split_number_line(text: str) -> list[str]:
    """A 案号 glued to the first party line (（2017）…号原告：…) and a decision line that runs
    on into the first operative item (…判决如下：解除…) become two paragraphs each."""
    m = _NUMBER_FIRST.match(text)
    if m and re.match(_WS + r"*" + ROLE, text[m.end():]):
        return [m.group(1), text[m.end():].strip()]
    d = re.search(r"(判决|裁定)如下[：:]", text)
    if d and text[d.end():].strip() and len(text) < _FUSED_MIN * 3:
        return [text[:d.end()], text[d.end():].strip()]
    return [text]


def _pieces(text: str) -> list[tuple[str, bool]]:
    """Sentences of a fused body, each with whether whitespace preceded it."""
    pieces: list[tuple[str, bool]] = []
    for chunk in re.split(r"(" + _WS + r"+)", text):
        if not chunk:
            continue
        if re.fullmatch(_WS + r"+", chunk):
            if pieces:
                pieces.append(("", True))
            continue
        spaced = bool(pieces) and pieces[-1] == ("", True)
        if spaced:
            pieces.pop()
        # The late-payment notice may follow the last item after a semicolon (…之日止；如果未按…).
        sentences = [s for s in re.split(r"(?<=[。])|(?<=如下：)|(?<=如下:)|" + _NEXT_PARTY + _NOTICE_AFTER_ITEM, chunk) if s]
        for k, s in enumerate(sentences):
            pieces.append((s, spaced and k == 0))
    return [p for p in pieces if p[0]]


def _split_fused(text: str) -> list[str]:
    out: list[str] = []
    rest = text
    m = _HEADER.match(text)
    if m:
        out.append(m.group("court"))
        out.append(m.group("title"))
        if m.group("number"):
            out.append(m.group("number"))
        rest = text[m.end():]
    # Keep a signature role with its name: the space after 审判员 is not a paragraph break,
    # and neither are the spaces inside a letter-spaced role (审 判 长).
    rest = re.sub(_SIGN_ROLE, lambda m: re.sub(_WS, "", m.group(0)), rest)
    rest = re.sub("(" + _SIGN_ROLE + ")" + _WS + "+", "\\1" + _GLUE, rest)
    paragraphs: list[str] = []
    operative = tail = False
    for piece, spaced in _pieces(rest):
        sentence = piece.strip()
        bare = re.sub(_WS, "", sentence)
        previous = re.sub(_WS, "", paragraphs[-1]) if paragraphs else ""
        joins_role = bool(paragraphs) and re.fullmatch(_SIGN_ROLE, previous) is not None
        signs = bool(re.match(_SIGN_ROLE, bare)) and (len(bare) <= 12 or CN_DATE.search(bare) is not None)
        starts = spaced or signs or bool(_BODY_START.match(bare)) or _DECISION_END.search(previous[-8:] or "") is not None
        # 书记员　吴 滔: a letter-spaced two-character name split by the space.
        spaced_name = (bool(paragraphs) and re.fullmatch(_SIGN_ROLE + _GLUE + r"?[\u4e00-\u9fff]", previous) is not None
                       and re.fullmatch(r"[\u4e00-\u9fff]{1,2}", bare) is not None)
        # 人民陪审员　史　雅人民陪审员…: the rest of a letter-spaced name opens the next piece.
        name_rest = (bool(paragraphs) and spaced and re.search(_SIGN_ROLE + _GLUE + r"[\u4e00-\u9fff]$", previous) is not None
                     and re.match(r"[\u4e00-\u9fff]", bare) is not None)
        if joins_role or spaced_name:
            paragraphs[-1] += "\u3000" + sentence
        elif name_rest:
            paragraphs[-1] += sentence
        elif not paragraphs or starts or (operative and re.match(r"[一二三四五六七八九十]{1,3}[、.．]", bare)):
            paragraphs.append(sentence)
        else:
            paragraphs[-1] += sentence
        if _DECISION_END.search(bare):
            operative = True
    result: list[str] = []
    decided = False
    for p in paragraphs:
        bare = re.sub(_WS, "", p)
        operative = decided
        decided = decided or _DECISION_END.search(bare) is not None
        if operative and _DECISION_END.search(bare) is None and re.search(r"[；;][一二三四五六七八九十]{1,3}、", p):
            result.extend(x for x in _ITEM.split(p) if x.strip())
            continue
        if (operative or CN_DATE.search(bare)) and re.search(r"(如不服|终审|受理费|上诉于|书记员|审判员|审判长)", bare):
            tail = True
        if tail:
            result.extend(_split_tail(p))
        else:
            result.append(p)
    return out + [r.replace(_GLUE, "\u3000").strip() for r in result if r.strip()]


def _split_tail(text: str) -> list[str]:
    """Signature lines, the date and the clerk line fused after the last notice."""
    cut = [m.start() for m in _TAIL_CUT.finditer(text) if m.start() > 0]
    # Only cut where the text before ends a sentence or a name (not inside 审判员卿斌独任审判).
    keep = []
    for c in cut:
        before = text[:c]
        if re.search(r"(。|[\u4e00-\u9fff]{1,4}" + _WS + r"*)$", before) and not before.endswith(_GLUE) and not re.search(r"(由|依法|系|及|和|、)$", before):
            keep.append(c)
    if not keep or "独任" in text or "担任" in text:
        return [text]
    parts, last = [], 0
    for c in keep:
        if c > last:
            parts.append(text[last:c])
        last = c
    parts.append(text[last:])
    merged: list[str] = []
    for p in parts:
        if merged and re.fullmatch(_SIGN_ROLE + _GLUE + r"?", merged[-1]):
            merged[-1] += p
        else:
            merged.append(p)
    return merged
