"""Case guards: material brought into a case that names another case is flagged before use.

A dossier, an edited judgment (.docx) or a recording (its file name, title and tags) that
carries a different 案号, or names parties who are not this case's, is the classic way one
case's facts end up in another's judgment. The services call :func:`guard` on the text they
are about to store and it raises :class:`ForeignCaseData` unless the person has already
confirmed (``allow_foreign=True``); the widgets ask and retry. Confirmed imports are audited
with what was found. These are the only rules for it; the services do not repeat them.

What counts as a party named by the material (precision matters more than recall: a false
alarm on every import teaches people to click it away):

- a labelled party: 原告/被告/第三人/上诉人/申请人… at the start of a line or clause, with a
  colon (``原告：张三，男…``) — the name runs to the next comma, bracket or space;
- without a colon (``原告张三与被告李四…``, ``张三诉李四…``, or a short text such as a file
  name or an audio tag) only a name already known to the store counts, since where such a
  name ends cannot be told from the text alone.

Agents, representatives, witnesses and judges carry other labels and never count; a name
that only occurs inside an address or a company name is not a labelled party. Anonymised
names (张某, 张某某, 张×, 某某公司) match any name they could stand for (same surname, same
rest), and an organisation's name with or without its place and legal form (华信公司 for
北京华信商贸有限公司) is the same party.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.messages import Joined, Message, joined
from engines.casenumber import find_case_numbers, try_parse_case_number

#: Labels that introduce a party of the proceedings (longest first for the alternation).
PARTY_LABELS = tuple(sorted((
    "原告", "被告", "第三人", "上诉人", "被上诉人", "申请人", "被申请人", "再审申请人", "申请执行人", "被执行人",
    "原审原告", "原审被告", "原审第三人", "反诉原告", "反诉被告", "起诉人", "答辩人", "申诉人", "被申诉人",
), key=len, reverse=True))
_LABEL = "|".join(PARTY_LABELS)
# A label counts at the start of a line or clause, or after a joining word (原告张三与被告李四).
_LABEL_AT = re.compile(rf"(?:^|(?<=[\s，,。；;、：:（(与和及诉即]))(?:{_LABEL})(?:[（(][^）)\n]{{0,14}}[）)])?", re.M)
_COLON_NAME = re.compile(r"[ \t\u3000]*[:：][ \t\u3000]*([^，,。；;:：\n\r【\[]{1,60})")
# Where a labelled name stops even without punctuation: a person's particulars, the next label.
_NAME_END = re.compile(rf"\s|[男女](?=[，,、\d]|$)|(?:性别|身份证|公民身份|出生|民族|住所|住址|统一社会信用代码|"
                       rf"法定代表人|负责人|委托诉讼代理人|联系电话|{_LABEL})")
# What follows a party's name in a party block (a person's particulars, an organisation's seat):
# a transcript's "原告：认可。" has none of it.
_PARTICULARS = re.compile(r"^[，,、\s]*(?:[男女]|\d{4}\s*年|出生|住|身份|公民身份|[\u4e00-\u9fff]{1,3}族|统一社会信用代码|"
                          r"组织机构代码|注册号|法定代表人|负责人|经营者|户籍|现住|系)")
_PARTY_ENDINGS = ("公司", "银行", "支行", "分行", "合作社", "事务所", "中心", "委员会", "医院", "学校", "集团", "店", "部",
                  "厂", "场", "社", "所", "站", "馆", "院", "会", "行", "局", "处", "队", "村", "组", "协会", "政府")
# Common Chinese surnames: a bare two-to-four character text after a label on a line of its own
# counts as a person's name only when it starts with one (a transcript's "原告：没有" does not).
_SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
                "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
                "孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
                "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车"
                "项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛"
                "仲虞敖巩明佘池查麻苑迟邝")
_WILDCARD = re.compile(r"[某×Ｘ＊*]+")
_ORG_FORMS = ("股份有限公司", "有限责任公司", "有限公司", "分公司", "公司", "集团", "支行", "分行", "银行",
              "合作社", "事务所", "中心", "委员会", "医院", "学校")
_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}?(?:省|自治区|市))?(?:[\u4e00-\u9fff]{1,3}?(?:市|区|县))?")
# 诉 as in 张三诉李四 — not 起诉/上诉/诉讼/诉称/诉请 and the like.
_SUE = re.compile(r"(?<![起上申反撤应公告投控自败胜])诉(?![讼称请状至求权前中争由辩])")
_BOUNDARY = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9·]|[与和及诉、]")
_CJK = re.compile(r"[\u4e00-\u9fff]")


class ForeignCaseData(ValueError):
    """The material names another case; ``numbers`` are the foreign 案号 found and ``parties``
    the names found that are not this case's parties. ``str()`` is the question to ask, in
    the user interface's language."""

    def __init__(self, message: Message | Joined | str, numbers: list[str], parties: list[str] | None = None) -> None:
        super().__init__(message)
        self.numbers = numbers
        self.parties = parties or []

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass
class PartyFinding:
    """A party named by the material who is not a party of this case."""

    found: str
    other_case: str = ""  # the 案号 of the store case whose party it is (when the person may see it)
    in_store: bool = False  # a party of some other case in the store


@dataclass
class CaseIdentity:
    """What the guard compares material with: this case's 案号 and parties, and the parties of
    the store's other cases (normalised name -> [(案号, visible to this user)])."""

    number: str
    parties: list[str] = field(default_factory=list)
    others: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)


# -- 案号 ---------------------------------------------------------------------------------------

def canonical(number: str) -> str:
    """The canonical form of a 案号 (full-width brackets), or the stripped text when it does not parse."""
    parsed = try_parse_case_number(number or "")
    return str(parsed) if parsed is not None else (number or "").strip()


# An appeal or a retrial cites the decisions it reviews: (2023)…民初12号 in a 民终 judgment
# after 不服 / 原审 is that case's own history, not another case's material. Only such a cited
# number of a lower stage, with one of these words just before it, is passed over.
_EARLIER_CUES = re.compile(r"不服|原审|一审|二审|原判|原裁定|原判决|原调解|作出的?|审理的?|终审|生效|执行依据|申请再审|再审申请|维持|撤销|变更")
_STAGE = (("初", 1), ("终", 2), ("再", 3), ("申", 3), ("监", 3), ("抗", 3), ("执", 4))


def _stage(type_code: str) -> int:
    """1 first instance, 2 appeal, 3 retrial or review, 4 enforcement, 0 unknown."""
    for mark, stage in _STAGE:
        if mark in type_code:
            return stage
    return 0


def _earlier_instance(own, cited, before: str) -> bool:
    """Whether ``cited`` reads as a decision this case reviews or enforces: a lower stage of
    the same branch (民/刑/行…), introduced by a word such as 不服 or 原审 within ``before``."""
    if own is None or cited is None:
        return False
    own_stage, cited_stage = _stage(own.type_code), _stage(cited.type_code)
    # The branch may differ: a civil appeal also recites the criminal judgment on the same facts.
    return own_stage > cited_stage > 0 and bool(_EARLIER_CUES.search(before))


def foreign_case_numbers(text: str, case_number: str) -> list[str]:
    """Valid 案号 in ``text`` that are not ``case_number`` (canonical, in order, once each).

    Only numbers that parse as a 案号 count. A number of the same year and court still counts
    (the person is asked, not overruled), but an appeal's, retrial's or enforcement's citation
    of the decision it reviews or enforces does not (see :func:`_earlier_instance`), wherever
    the text names it again.
    """
    own_parsed = try_parse_case_number(case_number or "")
    own = canonical(case_number)
    text = text or ""
    cited, reviewed = [], set()
    for offset, raw in find_case_numbers(text):
        parsed = try_parse_case_number(raw)
        if parsed is None or str(parsed) == own:
            continue
        if _earlier_instance(own_parsed, parsed, text[max(0, offset - 40):offset]):
            reviewed.add(str(parsed))
        elif str(parsed) not in cited:
            cited.append(str(parsed))
    return [n for n in cited if n not in reviewed]


# -- party names ----------------------------------------------------------------------------

def normalise_name(name: str) -> str:
    """A name as compared: no spaces, half-width brackets, one kind of middle dot."""
    text = re.sub(r"\s+", "", name or "")
    return text.replace("（", "(").replace("）", ")").replace("•", "·").replace("．", "·")


def _org_core(name: str) -> str:
    core = name
    for form in _ORG_FORMS:
        if core.endswith(form) and len(core) > len(form) + 1:
            core = core[: -len(form)]
            break
    stripped = _PLACE.sub("", core)
    return stripped if len(stripped) >= 2 else core


def _wild_pattern(name: str) -> re.Pattern:
    parts = _WILDCARD.split(name)
    runs = _WILDCARD.findall(name)
    pattern = re.escape(parts[0])
    for run, rest in zip(runs, parts[1:]):
        # A person's 张某 stands for one or two characters; in an organisation's name a run
        # may hide a place or a trade name.
        pattern += ".{1,%d}" % (6 * len(run) if name.endswith(_ORG_FORMS) else 2) + re.escape(rest)
    return re.compile(pattern)


def same_party(a: str, b: str) -> bool:
    """Whether two names may be the same party (see the module text: anonymised names and an
    organisation's short form match)."""
    a, b = normalise_name(a), normalise_name(b)
    if not a or not b:
        return False
    if a == b:
        return True
    wild_a, wild_b = bool(_WILDCARD.search(a)), bool(_WILDCARD.search(b))
    if wild_a and wild_b:
        return _WILDCARD.sub("*", a) == _WILDCARD.sub("*", b)
    if wild_a or wild_b:
        pattern, other = (a, b) if wild_a else (b, a)
        return bool(_wild_pattern(pattern).fullmatch(other))
    if a.endswith(_ORG_FORMS) and b.endswith(_ORG_FORMS):
        core_a, core_b = _org_core(a), _org_core(b)
        return len(min(core_a, core_b, key=len)) >= 2 and (core_a in b or core_b in a)
    return False


def _clean_labelled(raw: str) -> str:
    cut = _NAME_END.search(raw)
    name = raw[: cut.start()] if cut else raw
    name = name.strip(" \t\u3000\"“”'‘’")
    # A bracket closing the name is a remark (曾用名, 以下简称…); one inside belongs to it
    # (睿行信息科技（上海）有限公司, 大润发投资有限公司（道州）店).
    name = re.sub(r"[（(][^（）()]*[）)]?$", "", name).strip()
    # A name has at least two characters and some Chinese or is a Latin name; no digits
    # (a numbered list item or a date), no placeholders.
    if len(name) < 2 or re.search(r"\d|_|签名|盖章|见附", name) or not (_CJK.search(name) or name.isalpha()):
        return ""
    return name


def _looks_like_party(name: str, after: str) -> bool:
    """Whether a labelled text is a party's name and not, say, a transcript's speech."""
    if len(name) > 40:
        return False
    if name.endswith(_PARTY_ENDINGS) and len(name) >= 4 or _PARTICULARS.match(after):
        return True
    if _WILDCARD.search(name) and len(name) <= 6:
        return True
    standalone = not after.strip(" \t\u3000") or after.lstrip(" \t\u3000")[:1] in "\n"
    return standalone and 2 <= len(name) <= 4 and bool(_CJK.fullmatch(name[0])) and (
        name[0] in _SURNAMES or name[:2] in ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐"))


class _Known:
    """Known party names by first and last character, for matching at a position."""

    def __init__(self, names: list[str]) -> None:
        self.by_first: dict[str, list[str]] = {}
        self.by_last: dict[str, list[str]] = {}
        for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
            self.by_first.setdefault(name[0], []).append(name)
            self.by_last.setdefault(name[-1], []).append(name)

    def starting(self, text: str, at: int) -> str:
        """The longest known name starting at ``at`` ("" if none)."""
        return next((n for n in self.by_first.get(text[at:at + 1], ()) if text.startswith(n, at)), "")

    def ending(self, text: str, at: int) -> str:
        """The longest known name ending just before ``at`` ("" if none)."""
        return next((n for n in self.by_last.get(text[at - 1:at], ()) if at >= len(n) and text.startswith(n, at - len(n))), "")


def party_mentions(text: str, known: list[str], short: bool = False) -> list[str]:
    """Names the text presents as parties (normalised, in order, once each).

    ``known`` are names already known to the store (this case's and other cases' parties);
    ``short`` marks a short text such as a file name or a tag, where a known name standing
    alone between separators counts too."""
    text = (text or "").replace("\r", "")
    index = _Known([normalise_name(n) for n in known])
    found: list[str] = []

    def add(name: str) -> None:
        name = normalise_name(name)
        if name and name not in found:
            found.append(name)

    for m in _LABEL_AT.finditer(text):
        colon = _COLON_NAME.match(text, m.end())
        if colon:
            after = text[colon.end(): colon.end() + 20]
            for part in colon.group(1).split("、"):
                name = _clean_labelled(part)
                rest = part[len(name):] + after if part.startswith(name) else after
                if name and (index.starting(name, 0) == name or _looks_like_party(name, rest)):
                    add(name)
            continue
        at = m.end()
        while at < len(text) and text[at] in " \t\u3000":
            at += 1
        add(index.starting(text, at))
    for m in _SUE.finditer(text):
        left = index.ending(text, m.start())
        if left and (m.start() - len(left) == 0 or _BOUNDARY.match(text, m.start() - len(left) - 1)):
            add(left)
        add(index.starting(text, m.end()))
    if short:
        for name in [n for names in index.by_first.values() for n in names]:
            for hit in re.finditer(re.escape(name), text):
                before_ok = hit.start() == 0 or _BOUNDARY.match(text, hit.start() - 1)
                after_ok = hit.end() == len(text) or _BOUNDARY.match(text, hit.end())
                if before_ok and after_ok:
                    add(name)
    return found


def foreign_parties(text: str, identity: CaseIdentity, short: bool = False) -> list[PartyFinding]:
    """Parties named by ``text`` who are not parties of the case (see the module text)."""
    own = [normalise_name(p) for p in identity.parties if p.strip()]
    findings: list[PartyFinding] = []
    for name in party_mentions(text, own + list(identity.others), short):
        if any(same_party(name, mine) for mine in own):
            continue
        cases = identity.others.get(name, []) if not _WILDCARD.search(name) else []
        if cases:
            visible = [number for number, may_see in cases if may_see]
            findings.append(PartyFinding(name, visible[0] if visible else "", True))
        elif own:  # a name nobody knows can only be judged against this case's own parties
            findings.append(PartyFinding(name))
    return findings


# -- the guard ------------------------------------------------------------------------------

def _question(what: Message, numbers: list[str], parties: list[PartyFinding], identity: CaseIdentity) -> Joined:
    parts: list[Message] = []
    if numbers:
        shown = numbers[:3] + (["…"] if len(numbers) > 3 else [])
        parts.append(Message("guard.numbers", what=what, shown=shown, own=canonical(identity.number)))
    own = identity.parties or [Message("guard.no_parties")]
    for finding in parties[:3]:
        if finding.in_store and finding.other_case:
            parts.append(Message("guard.party_other_case", what=what, found=finding.found, own=own,
                                 other=finding.other_case))
        elif finding.in_store:
            parts.append(Message("guard.party_other_case_hidden", what=what, found=finding.found, own=own))
        else:
            parts.append(Message("guard.party_unknown", what=what, found=finding.found, own=own))
    if len(parties) > 3:
        parts.append(Message("guard.more", count=len(parties) - 3))
    parts.append(Message("guard.advice"))
    return joined(*parts)


def check_material(text: str, case_number: str, what: Message | str, allow_foreign: bool,
                   identity: CaseIdentity | None = None, short: bool = False) -> list[str]:
    """Raise :class:`ForeignCaseData` when ``text`` names another case's 案号 or parties who are
    not the case's (unless allowed); returns the foreign 案号 (see :func:`guard` for both)."""
    return _check([(what, text, short)], identity or CaseIdentity(case_number), allow_foreign)["foreign_case_numbers"]


def _check(sources: list[tuple[Message | str, str, bool]], identity: CaseIdentity, allow_foreign: bool) -> dict:
    numbers: list[str] = []
    parties: list[PartyFinding] = []
    first_what = None
    for what, text, short in sources:
        found_numbers = [n for n in foreign_case_numbers(text, identity.number) if n not in numbers]
        found_parties = [p for p in foreign_parties(text, identity, short) if p.found not in {q.found for q in parties}]
        if (found_numbers or found_parties) and first_what is None:
            first_what = what
        numbers += found_numbers
        parties += found_parties
    if (numbers or parties) and not allow_foreign:
        what = first_what if isinstance(first_what, Message) else Message("what.dossier") if first_what is None else first_what
        raise ForeignCaseData(_question(what, numbers, parties, identity), numbers, [p.found for p in parties])
    return {"foreign_case_numbers": numbers, "foreign_parties": [p.found for p in parties]}


def case_number(ctx, case_id: int) -> str:
    """The stored 案号 of a case (the caller has checked access)."""
    return ctx.store.query("SELECT case_number FROM cases WHERE id = ?", (case_id,))[0]["case_number"]


def case_identity(ctx, case_id: int) -> CaseIdentity:
    """The case's 案号 and parties and the other cases' parties, read from the store (the caller
    has checked access). Another case's 案号 is only named to a user who may see that case."""
    number = case_number(ctx, case_id)
    own = [r["name"] for r in ctx.store.query("SELECT name FROM parties WHERE case_id = ? ORDER BY position", (case_id,))]
    rows = ctx.store.query(
        "SELECT p.name, c.case_number, EXISTS (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = ?)"
        " AS visible FROM parties p JOIN cases c ON c.id = p.case_id WHERE p.case_id != ? ORDER BY c.id, p.position",
        (ctx.session.user_id, case_id))
    own_keys = {normalise_name(n) for n in own}
    others: dict[str, list[tuple[str, bool]]] = {}
    for r in rows:
        key = normalise_name(r["name"])
        if key and key not in own_keys:  # a repeat litigant of this case is this case's party
            others.setdefault(key, []).append((r["case_number"], bool(r["visible"])))
    return CaseIdentity(number, own, others)


def guard(ctx, case_id: int, sources: list[tuple[Message, str]] | list[tuple[Message, str, bool]],
          allow_foreign: bool) -> dict:
    """Check material for the case: each source is (what it is, its text[, short text]).

    Raises :class:`ForeignCaseData` naming both values (the material's and the case's) unless
    ``allow_foreign``; returns what was found, for the audit entry of a confirmed import
    (empty lists are dropped)."""
    identity = case_identity(ctx, case_id)
    found = _check([(s[0], s[1], s[2] if len(s) > 2 else False) for s in sources], identity, allow_foreign)
    return {k: v for k, v in found.items() if v}
