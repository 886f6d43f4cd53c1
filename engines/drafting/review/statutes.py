"""The statute table (resources/review/statutes.json) and the citation checks that use it.

- an article the law's version in force on the judgment date never had (第四百五十条 of the
  合同法, which ended at 第四百二十八条) is an error;
- a law cited in a judgment signed before the law took effect is an error;
- a judicial interpretation cited with a 法释 number that belongs to another title is an error;
- an article reference without 条 (第二十四第三款) is an error of form.
"""
from __future__ import annotations

import datetime as _dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from engines.common import InputError
from engines.drafting.review.check_dates import signature_date
from engines.drafting.review.document import JudgmentDocument
from engines.drafting.review.findings import Finding, snippet

_CN = "零〇一二三四五六七八九十百千"
_TITLE = re.compile(r"《([^《》]{2,80})》")
_ARTICLE = re.compile(r"第([" + _CN + r"]{1,8})条")
_NO_TIAO = re.compile(r"第([" + _CN + r"]{1,8})(?=第[" + _CN + r"]{1,4}[款项])")
# 第一款第（二） without 项: an item number that is not closed by 项 (lists 第二、三项 are fine).
_NO_XIANG = re.compile(r"第[" + _CN + r"]{1,4}款第[（(]?([一二三四五六七八九十]{1,3})[)）]?(?![项目、至和及一二三四五六七八九十)）])")
_FASHI = re.compile(r"法释\s*[〔\[（(]\s*(\d{4})\s*[〕\]）)]\s*(\d{1,3})\s*号")
_DIGITS = {c: k for k, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_int(text: str) -> int | None:
    """一千二百六十 -> 1260, 二百零七 -> 207, 十五 -> 15; None when not a Chinese numeral."""
    total, current = 0, 0
    units = {"十": 10, "百": 100, "千": 1000}
    if not text:
        return None
    for c in text:
        if c in _DIGITS:
            current = _DIGITS[c]
        elif c in units:
            total += (current or 1) * units[c]
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True)
class LawVersion:
    """One version of a law: from when it applies and how many articles it has (0: unknown)."""

    version: str
    effective: _dt.date
    articles: int


@dataclass(frozen=True)
class Law:
    """A law or interpretation with its versions, short titles and repeal date."""

    title: str
    short: tuple[str, ...]
    versions: tuple[LawVersion, ...]
    repealed: _dt.date | None
    number: str = ""

    def version_on(self, day: _dt.date | None) -> LawVersion | None:
        """The version in force on ``day`` (the latest when ``day`` is None)."""
        if day is None:
            return self.versions[-1]
        chosen = None
        for v in self.versions:
            if v.effective <= day:
                chosen = v
        return chosen


@dataclass(frozen=True)
class StatuteTable:
    """Laws and interpretations by normalised title; interpretations also by 法释 number."""

    by_title: dict
    by_number: dict

    def find(self, title: str) -> Law | None:
        """The law or interpretation whose title (full or short) is ``title``."""
        return self.by_title.get(normalise_title(title))


def normalise_title(title: str) -> str:
    """Compare titles without 中华人民共和国, inner brackets and spaces."""
    t = re.sub(r"[\s〈〉<>《》]", "", title)
    return t.replace("中华人民共和国", "").replace("(", "（").replace(")", "）")


def _day(text: str | None) -> _dt.date | None:
    return _dt.date.fromisoformat(text) if text else None


@functools.lru_cache(maxsize=4)
def load_statutes(path: str | None = None) -> StatuteTable:
    """Read statutes.json (default: resources/review/statutes.json)."""
    from engines.drafting.review.resources import DEFAULT_RULES_DIR

    file = Path(path) if path else DEFAULT_RULES_DIR / "statutes.json"
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
        by_title, by_number = {}, {}
        for x in data["laws"]:
            versions = tuple(LawVersion(v["version"], _day(v["effective"]), int(v.get("articles", 0)))
                             for v in x["versions"])
            law = Law(x["title"], tuple(x.get("short", [])), versions, _day(x.get("repealed")))
            for name in (x["title"], *x.get("short", [])):
                by_title[normalise_title(name)] = law
        for x in data.get("interpretations", []):
            law = Law(x["title"], (), (LawVersion("", _day(x["effective"]), int(x.get("articles", 0))),),
                      _day(x.get("repealed")), x["number"])
            by_title[normalise_title(x["title"])] = law
            by_number[_number_key(x["number"])] = law
    except FileNotFoundError as exc:
        raise InputError("审查规则文件缺失", str(file)) from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError("审查规则文件格式错误", f"{file}: {exc}") from exc
    return StatuteTable(by_title, by_number)


def _number_key(text: str) -> str:
    m = _FASHI.search(text)
    return f"{m.group(1)}-{int(m.group(2))}" if m else text


def _fmt(day: _dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def check_statutes(doc: JudgmentDocument, table: StatuteTable | None = None) -> list[Finding]:
    """Check every citation against the statute table and the citation form."""
    table = table or load_statutes()
    signed = signature_date(doc)
    findings: list[Finding] = []
    for i, text in enumerate(doc.paragraphs):
        if "第" not in text and "法释" not in text:
            continue
        if _in_appendix(doc, i):
            continue  # the appended law text quotes articles; it cites nothing itself
        titles = list(_TITLE.finditer(text))
        for k, m in enumerate(titles):
            law = table.find(m.group(1))
            if law is None:
                continue
            end = titles[k + 1].start() if k + 1 < len(titles) else len(text)
            stop = re.search(r"[。；]|判决如下|裁定如下", text[m.end():end])
            scope_end = m.end() + stop.start() if stop else end
            findings.extend(_article_findings(i, text, m, scope_end, law, signed))
        findings.extend(_number_findings(i, text, titles, table))
        for m in _NO_XIANG.finditer(text):
            if "《" in text[:m.start()]:
                findings.append(Finding("citation_form", "error", i, snippet(text, m.start(), m.end() + 4),
                                        f"“{m.group(0)}”后缺少“项”字。"))
        for m in _NO_TIAO.finditer(text):
            findings.append(Finding("citation_form", "error", i, snippet(text, m.start(), m.end() + 6),
                                    f"法条序号“第{m.group(1)}”后缺少“条”字（应写作“第{m.group(1)}条”）。"))
    return findings


def _in_appendix(doc: JudgmentDocument, index: int) -> bool:
    last = doc.clerk_paragraph if doc.clerk_paragraph is not None else None
    return last is not None and index > last


def _article_findings(i, text, m, scope_end, law: Law, signed) -> list[Finding]:
    out = []
    quote_title = m.group(0)
    if signed is not None and law.versions[0].effective > signed:
        out.append(Finding("citation_not_in_force", "error", i, snippet(text, m.start(), m.end()),
                           f"{quote_title}自{_fmt(law.versions[0].effective)}起施行，"
                           f"本文书落款日期{_fmt(signed)}时尚未施行。"))
        return out
    version = law.version_on(signed)
    if version is None or not version.articles:
        return out
    for a in _ARTICLE.finditer(text, m.end(), scope_end):
        n = cn_int(a.group(1))
        if n is None or n <= version.articles:
            continue
        which = f"{version.version}年版" if len(law.versions) > 1 else ""
        out.append(Finding("citation_article_missing", "error", i, snippet(text, m.start(), a.end()),
                           f"{quote_title}{which}共{version.articles}条，没有{a.group(0)}。"))
    return out


def _number_findings(i, text, titles, table: StatuteTable) -> list[Finding]:
    """A 法释 number next to an interpretation's title must be that title's number."""
    out = []
    for m in _FASHI.finditer(text):
        law = table.by_number.get(f"{m.group(1)}-{int(m.group(2))}")
        near = [t for t in titles if abs(t.end() - m.start()) <= 4 or abs(m.end() - t.start()) <= 4]
        if law is None or not near:
            continue
        cited = near[0].group(1)
        if normalise_title(cited) != normalise_title(law.title):
            other = table.find(cited)
            hint = f"（该名称的文号为{other.number}）" if other is not None and other.number else ""
            out.append(Finding("citation_interpretation", "error", i, snippet(text, near[0].start(), m.end()),
                               f"{m.group(0)}是《{law.title}》，与所引名称《{cited}》不符{hint}。"))
    return out
