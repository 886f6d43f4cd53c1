"""A draft judgment read into its parts: header, parties, procedure, 主文, signature block.

Paragraph numbers are indexes into python-docx's ``Document.paragraphs`` (empty paragraphs
included), because that is what the review JSON reports and what the review panel shows.
Recognition is deliberately tolerant: labels may be spaced out (审　判　员), brackets may be
half-width, and parts may be missing (the structure checks report that).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from engines.common import InputError

SPACES = re.compile(r"[\s\u3000\xa0]+")
ROLE_WORDS = ("原告", "被告", "第三人", "上诉人", "被上诉人", "申请人", "被申请人", "原审原告", "原审被告",
              "原审第三人", "反诉原告", "反诉被告")
_ROLE = (r"(?:原审|一审|二审)?(?:反诉原告|反诉被告|被上诉人|上诉人|被申请人|再审申请人|申请执行人|被执行人|申请人|"
         r"原告|被告|第三人|起诉人)")
# 原告：张三， / 原告张三， / 原告（反诉被告）某公司。 / 上诉人（原审被告、反诉原告）：李四（李五之子），…
_PARTY_LINE = re.compile(
    r"^(?P<role>" + _ROLE + r")(?P<extra>(?:[（(][^）)]{0,20}[）)])*)\s*(?P<colon>[：:])?\s*(?P<name>[^，,。；;：:（(\s]+"
    r"(?:[（(][\u4e00-\u9fff]{2,4}[）)][^，,。；;：:（(\s]+)?)"
)
# 法定代表人张三 / 委托诉讼代理人：李四 / 二原告共同委托诉讼代理人： / 以上四上诉人共同的委托诉讼代理人：
_REPRESENTATIVE_LINE = re.compile(
    r"^(?:(?:以上|上列|上述)?[二三四五六七八九十两\d]*" + _ROLE + r"?(?:的)?(?:共同的?)?)?"
    r"(?P<label>委托诉讼代理人|委托代理人|法定代表人|法定代理人|指定代理人|主要负责人|负责人|经营者|投资人|诉讼代表人|代表人)"
    r"\s*[：:]?\s*(?P<name>[^，,。；;（(\s、]+)"
)
# A paragraph that ends the party block: the procedure paragraph or a statement.
_NOT_PARTY = re.compile(r"(一案|纠纷|诉称|辩称|述称|不服|上诉请求|诉讼请求|立案|受理|本院|审理)")
_PARTY_DETAIL = re.compile(r"^(公民身份|身份证|统一社会信用代码|组织机构代码|住所|住址|现住|户籍|经常居住|联系|电话|送达)")
_ABBREVIATION = re.compile(r"[（(](?:以下(?:分别)?(?:简称|称)|下称|简称)(?:为)?[：:]?([^）)，,]+)[）)]")
# Other names a person goes by, written in the party line (曾用名李某).
_OTHER_NAME = re.compile(r"(?:曾用名|又名|别名|化名|原名)[：:]?([\u4e00-\u9fff]{2,4})")
_DATE_ZERO = str.maketrans("Ｏ０OoΟ", "〇〇〇〇〇")
# Full-width digits read as ASCII (one character for one, so positions do not move).
_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_SIGNATURE_ROLES = ("审判长", "审判员", "代理审判员", "人民陪审员", "陪审员")
_CLERK_ROLES = ("书记员", "代理书记员", "见习书记员", "速录员")
CLAIMS = re.compile(r"(诉讼请求|上诉请求|再审请求|申请请求|请求事项|请求[：:]|请求(?:依法|法院|人民法院)?判令|诉称|起诉称|起诉认为|诉请|请求判决|申请称|申请请求)")
_FEE_WORDS = re.compile(r"(受理费|诉讼费用?(?:人民币)?\s*\d|申请费(?:人民币)?\s*\d)")
ARABIC_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


@dataclass
class Party:
    """A party from the party block: role (原告/被告…), full name, paragraph, abbreviations."""

    role: str
    name: str
    paragraph: int
    abbreviations: list[str] = field(default_factory=list)


@dataclass
class JudgmentDocument:
    """The paragraphs of a draft and where each recognised part sits (None when absent)."""

    paragraphs: list[str]
    court_paragraph: int | None = None
    title_paragraph: int | None = None
    case_number_paragraph: int | None = None
    parties: list[Party] = field(default_factory=list)
    representatives: list[tuple[str, str, int]] = field(default_factory=list)
    procedure_paragraph: int | None = None
    claims_paragraph: int | None = None
    facts_paragraph: int | None = None
    reasoning_paragraph: int | None = None
    decision_paragraph: int | None = None
    operative_items: list[int] = field(default_factory=list)
    interest_paragraph: int | None = None
    fee_paragraph: int | None = None
    appeal_paragraph: int | None = None
    signature_paragraphs: list[int] = field(default_factory=list)
    date_paragraph: int | None = None
    certified_paragraph: int | None = None
    clerk_paragraph: int | None = None
    other_names: list[str] = field(default_factory=list)
    listed_parties: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def court(self) -> str:
        """The court name from the header ('' when absent)."""
        return self.text(self.court_paragraph)

    @property
    def title(self) -> str:
        """The document name (民事判决书…) without its letter spacing, '' when absent."""
        return SPACES.sub("", self.text(self.title_paragraph))

    def text(self, index: int | None) -> str:
        """Paragraph text without surrounding space; '' for None."""
        return self.paragraphs[index].strip() if index is not None else ""

    def compact(self, index: int) -> str:
        """Paragraph text with every space removed (labels are often spaced out)."""
        return SPACES.sub("", self.paragraphs[index])

    def party_names(self) -> set[str]:
        """Full names and abbreviations of every party."""
        names = set()
        for p in self.parties:
            names.add(p.name)
            names.update(p.abbreviations)
        return names

    def people_names(self) -> set[str]:
        """Everyone named in the header blocks: parties, representatives, agents, other names."""
        return (self.party_names() | {name for _, name, _ in self.representatives} | set(self.other_names)
                | {name for _, name, _ in self.listed_parties})

    def date_in(self, index: int | None, keyword: str) -> tuple[_dt.date | None, str]:
        """The first Arabic date right before ``keyword`` in a paragraph, as (date, raw).

        For 立案 the synonym 受理 is accepted too (本院于2024年3月5日受理后)."""
        if index is None:
            return None, ""
        text = self.paragraphs[index]
        keywords = (keyword, "受理") if keyword == "立案" else (keyword,)
        for m in ARABIC_DATE.finditer(text):
            after = text[m.end():m.end() + 12]
            if any(k in after for k in keywords):
                return safe_date(m), m.group(0)
        return None, ""


def safe_date(m: re.Match) -> _dt.date | None:
    """Date from an ARABIC_DATE match, None when it does not exist (2月30日)."""
    try:
        return _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def read_paragraphs(path: str | Path | bytes) -> list[str]:
    """Texts of ``Document(path).paragraphs``; InputError when the file is not a .docx.

    ``path`` may also be the bytes of a .docx (a draft held encrypted in the store)."""
    import io

    import docx  # deferred: importing python-docx costs time the CLI's --help does not need
    from docx.opc.exceptions import PackageNotFoundError

    if isinstance(path, (bytes, bytearray)):
        try:
            return [para.text for para in docx.Document(io.BytesIO(bytes(path))).paragraphs]
        except Exception as exc:  # damaged package: several exception types
            raise InputError("文件不是有效的Word文档（.docx）", str(exc), code="docx.invalid") from exc
    p = Path(path)
    if not p.is_file():
        raise InputError("找不到要审查的文书文件", str(p), code="docx.missing")
    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError("文件不是有效的Word文档（.docx）", f"{p.name}: {exc}", code="docx.invalid") from exc
    except Exception as exc:  # zipfile.BadZipFile and lxml errors for damaged files
        raise InputError("文件不是有效的Word文档（.docx）", f"{p.name}: {exc}", code="docx.invalid") from exc
    return [para.text for para in document.paragraphs]


def _is_signature_line(compact: str) -> bool:
    for role in _SIGNATURE_ROLES:
        if compact.startswith(role) and 1 <= len(compact) - len(role) <= 6:
            return True
    return False


def _is_clerk_line(compact: str) -> bool:
    return any(compact.startswith(r) and 1 <= len(compact) - len(r) <= 6 for r in _CLERK_ROLES)


DATE_LINE = re.compile(r"^[0-9〇零○一二三四五六七八九十]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日$")


def parse_document(paragraphs: list[str]) -> JudgmentDocument:
    """Locate the parts of a judgment-like document in its paragraphs."""
    paragraphs = [p.translate(_FULLWIDTH) for p in paragraphs]
    doc = JudgmentDocument(paragraphs=list(paragraphs))
    compact = [SPACES.sub("", t) for t in paragraphs]
    nonempty = [i for i, t in enumerate(compact) if t]
    # Header: court name, document name, 案号 within the first few non-empty paragraphs.
    for i in nonempty[:5]:
        t = compact[i]
        if doc.court_paragraph is None and t.endswith("法院") and len(t) <= 30:
            doc.court_paragraph = i
        elif doc.title_paragraph is None and re.fullmatch(r"[\u4e00-\u9fff]{0,6}(判决书|裁定书|调解书|决定书|通知书)", t):
            doc.title_paragraph = i
        elif doc.case_number_paragraph is None and re.match(r"^[（(〔\[]\s*\d{2,4}", t) and len(t) <= 40:
            doc.case_number_paragraph = i
    header_end = max([x for x in (doc.court_paragraph, doc.title_paragraph, doc.case_number_paragraph)
                      if x is not None], default=-1)
    state = "parties"
    for i in nonempty:
        if i <= header_end:
            continue
        t = compact[i]
        raw = paragraphs[i].strip()
        if state == "parties":
            party = _party_line(raw)
            if party is not None:
                doc.parties.append(Party(role=party[0], name=party[1], paragraph=i))
                doc.other_names.extend(_OTHER_NAME.findall(raw))
                continue
            r = _REPRESENTATIVE_LINE.match(raw)
            if r and len(r.group("name")) <= 30:
                doc.representatives.append((r.group("label"), r.group("name").strip(), i))
                continue
            if _PARTY_DETAIL.match(t) and len(t) < 120:
                continue  # 公民身份号码：… and other detail lines inside the party block
            state = "body"
        if state == "body":
            if doc.procedure_paragraph is None and ("立案" in t or "受理" in t) and ("审理" in t or "开庭" in t):
                doc.procedure_paragraph = i
            if doc.claims_paragraph is None and CLAIMS.search(t) and i != doc.procedure_paragraph:
                doc.claims_paragraph = i
            if doc.facts_paragraph is None and re.search(r"(认定事实|认定如下|查明|认定的事实)", t):
                doc.facts_paragraph = i
            if doc.reasoning_paragraph is None and t.startswith("本院认为"):
                doc.reasoning_paragraph = i
            # 一审法院判决如下： in a second instance quotes the first judgment's decision.
            if re.search(r"(判决|裁定)如下[：:]?$", t) and not re.match(r"^(一审|原审|原判|一审法院|原审法院)", t):
                doc.decision_paragraph = i
                state = "operative"
                continue
            if t.startswith("如不服本"):
                doc.appeal_paragraph = i
                state = "tail"
            elif (_FEE_WORDS.search(t) and len(t) < 200 and doc.reasoning_paragraph is not None
                  and re.match(r"^(本案|案件|本诉|一审|二审)?(案件)?(受理费|诉讼费)", t)):
                doc.fee_paragraph = i
                state = "tail"
            elif _is_signature_line(t):
                state = "tail"
            else:
                continue
        if state == "operative":
            if ("迟延履行" in t or _FEE_WORDS.search(t) or t.startswith("如不服本") or _is_signature_line(t)
                    or t.startswith(("本判决为终审判决", "本裁定为终审裁定"))):
                state = "tail"
            else:
                doc.operative_items.append(i)
                continue
        # tail: notices and the signature block
        if "迟延履行" in t and doc.interest_paragraph is None:
            doc.interest_paragraph = i
        elif _FEE_WORDS.search(t) and doc.fee_paragraph is None:
            doc.fee_paragraph = i
        elif t.startswith("如不服本") and doc.appeal_paragraph is None:
            doc.appeal_paragraph = i
        elif _is_signature_line(t):
            doc.signature_paragraphs.append(i)
        elif DATE_LINE.match(_date_zero(t)) and doc.date_paragraph is None:
            doc.date_paragraph = i
            doc.paragraphs[i] = _date_zero(doc.paragraphs[i])
        elif "核对无异" in t:
            doc.certified_paragraph = i
        elif _is_clerk_line(t):
            doc.clerk_paragraph = i
    _collect_abbreviations(doc)
    _collect_listed_parties(doc)
    return doc


_LISTED = re.compile(r"(原告|被告|第三人|上诉人|被上诉人|申请人|被申请人)((?:[\u4e00-\u9fff]{2,4}?、)*[\u4e00-\u9fff]{2,4}?)(?=(?:因|为)?(?:与|诉|不服)|共同|及其|，|,)")


def _collect_listed_parties(doc: JudgmentDocument) -> None:
    """Names the procedure paragraph lists after a role word (原告甲、乙、丙诉被告…)."""
    if doc.procedure_paragraph is None:
        return
    known = doc.party_names()
    text = doc.paragraphs[doc.procedure_paragraph]
    cut = text.find("一案")
    text = text[:cut] if cut >= 0 else text[:120]  # the parties are named before 一案
    for m in _LISTED.finditer(text):
        for name in m.group(2).split("、"):
            if name not in known and "某" not in name:
                doc.listed_parties.append((m.group(1), name, doc.procedure_paragraph))


def _date_zero(text: str) -> str:
    """二Ｏ一九年 / 二０一九年 / 二0一九年: a zero typed as a letter or digit inside a date in
    Chinese numerals is read as 〇 (a typing variant, not a wrong date)."""
    if not re.search(r"[一二三四五六七八九〇○]", text[:4]):
        return text
    return text.translate(_DATE_ZERO).replace("0", "〇")


def _party_line(raw: str) -> tuple[str, str] | None:
    """(role, name) when ``raw`` is a line of the party block, else None.

    The colon after the role word is optional (原告张三，男，…), so a line without one must
    look like a party line: the name ends at a comma or full stop and the line is not the
    procedure paragraph or a statement (原告张三诉称…, 原告张三与被告…纠纷一案)."""
    m = _PARTY_LINE.match(raw)
    if not m:
        return None
    name = m.group("name").strip("“”\"")
    if not name or len(name) > 40:
        return None
    if not m.group("colon"):
        after = raw[m.end("name"):m.end("name") + 1]
        if after not in ("，", ",", "。", "（", "(", "") or _NOT_PARTY.search(raw[:120]):
            return None
        if re.search(r"(诉|与|因|及|和|等)$", name) or _NOT_PARTY.search(name):
            return None
    if len(name) >= 3 and name[-1] in "男女" and "出生" in raw:
        name = name[:-1]  # 闫某男，1962年…出生: the comma after the name was left out
    role = m.group("role")
    return role, name


def _collect_abbreviations(doc: JudgmentDocument) -> None:
    """Attach （以下简称X） abbreviations to the party whose name precedes them."""
    for i, text in enumerate(doc.paragraphs):
        for m in _ABBREVIATION.finditer(text):
            before = text[:m.start()]
            owner = None
            best = -1
            for p in doc.parties:
                pos = before.rfind(p.name)
                if pos > best:
                    best, owner = pos, p
            # The short name belongs to the name written right before it; if that name is not
            # a party's (misspelt), attaching it to an earlier party would give it a wrong role.
            if owner is not None and best >= 0 and len(before) - (best + len(owner.name)) > 2:
                owner = None
            if owner is not None and best >= 0:
                for alias in re.split(r"[、或]", m.group(1)):
                    alias = alias.strip("“”\"'‘’ ")
                    # 下称第一被告 / 以下简称原告: a role, not a name.
                    if re.search(r"(原告|被告|第三人|上诉人|申请人)", alias):
                        continue
                    if alias and alias not in owner.abbreviations:
                        owner.abbreviations.append(alias)
