"""Service messages in the user's language: one catalogue keyed by id, Chinese and English.

Services raise errors and ask questions whose text a person reads (a foreign case's material,
a form field to correct). They must not import Qt, so Qt's translation files cannot reach
them; instead a service builds a :class:`Message` (an id and its parameters) and the text is
chosen when it is shown: ``str(message)`` renders it in the language the user interface was
started in (:func:`set_language`, called by ``app.gui`` from the ``language`` setting).
An exception carrying a Message therefore reads in the UI's language wherever ``str(exc)`` is
shown, with no change in the widgets.

Parameters may be strings, numbers, lists (joined with 、 or ", ") or other Messages (a
labelled part such as "导入的卷宗" / "the imported dossier").
"""
from __future__ import annotations

from typing import Any

#: The languages a message can be shown in; the first is the source language.
LANGUAGES = ("zh_CN", "en")

#: id -> (Chinese, English). Parameters are ``{name}`` placeholders, the same in both.
CATALOGUE: dict[str, tuple[str, str]] = {
    # -- what material is being brought in (used inside the guard questions) --------------
    "what.dossier": ("导入的卷宗", "The imported dossier"),
    "what.docx": ("导入的文书", "The imported document"),
    "what.recording_name": ("录音文件名", "The recording's file name"),
    "what.recording_tags": ("录音文件的标签", "The recording's tags"),
    # -- case guards ------------------------------------------------------------------------
    "guard.numbers": ("{what}中出现其他案件的案号：{shown}（本案为 {own}）。",
                      "{what} names another case's number: {shown} (this case is {own})."),
    "guard.party_other_case": ("{what}中的当事人“{found}”不是本案当事人（本案当事人：{own}），而是本库中 {other} 的当事人。",
                               "{what} names the party \"{found}\", who is not a party of this case (this case: "
                               "{own}) but a party of {other} in this store."),
    "guard.party_other_case_hidden": ("{what}中的当事人“{found}”不是本案当事人（本案当事人：{own}），而是本库中另一案件的当事人。",
                                      "{what} names the party \"{found}\", who is not a party of this case "
                                      "(this case: {own}) but a party of another case in this store."),
    "guard.party_unknown": ("{what}中的当事人“{found}”不是本案当事人（本案当事人：{own}）。",
                            "{what} names the party \"{found}\", who is not a party of this case (this case: {own})."),
    "guard.more": ("另有 {count} 处不一致。", "{count} more differences."),
    "guard.advice": ("可能混入了他案材料，请核实后再决定是否使用。",
                     "It may be another case's material: check it before deciding to use it."),
    "guard.no_parties": ("（未登记）", "(none recorded)"),
    "guard.no_adopt_number": ("卷宗中的案号与本案案号不一致，不能作为本案案号采纳；请核实是否混入了他案材料",
                              "The dossier's case number differs from this case's and cannot be adopted as this "
                              "case's number; check whether another case's material was mixed in"),
    # -- case form validation ---------------------------------------------------------------
    "case.number_invalid": ("案号无效：{reason}", "Invalid case number: {reason}"),
    "case.cause_missing": ("请填写案由", "Enter the cause of action"),
    "case.procedure_invalid": ("审理程序应为普通或简易", "The procedure must be ordinary or simplified"),
    "case.status_invalid": ("状态应为 {choices} 之一", "The status must be one of {choices}"),
    "case.filing_future": ("立案日期不能晚于今天", "The filing date cannot be later than today"),
    "case.filing_year": ("立案日期的年份（{year}）与案号收案年度（{number_year}）不一致",
                         "The filing date's year ({year}) differs from the case number's year ({number_year})"),
    "case.extension_range": ("延长天数应在 0 至 366 之间", "Extension days must be between 0 and 366"),
    "case.party_name_missing": ("当事人姓名或名称不能为空", "A party's name cannot be empty"),
    "case.party_role_invalid": ("当事人诉讼地位应为 {choices} 之一", "A party's role must be one of {choices}"),
    "case.party_kind_invalid": ("当事人类型应为 {choices} 之一", "A party's type must be one of {choices}"),
    "case.number_exists": ("案号 {number} 已存在", "Case number {number} already exists"),
    "case.number_taken": ("案号 {number} 已被其他案件使用", "Case number {number} is used by another case"),
    "case.not_found": ("案件不存在", "The case does not exist"),
    "case.conflict": ("该案件已被他人修改，请重新打开后再编辑",
                      "Someone else changed this case: open it again before editing"),
    # -- 审判组织 (bench) --------------------------------------------------------------------
    "bench.invalid": ("审判组织应为独任审判或合议庭", "The bench must be a single judge or a collegial panel"),
    "bench.simple_single": ("简易程序案件由审判员一人独任审理，审判组织应为独任审判",
                            "A simplified-procedure case is heard by a single judge: the bench must be a single judge"),
    "bench.single_no_panel": ("独任审判不设合议庭成员，请删除合议庭成员或改为合议庭",
                              "A single judge has no panel members: remove them or choose a collegial panel"),
    "bench.member_role": ("合议庭成员的职务应为 {choices} 之一", "A panel member's title must be one of {choices}"),
    "bench.member_name": ("合议庭成员姓名不能为空", "A panel member's name cannot be empty"),
    "bench.one_presiding": ("合议庭只能有一名审判长", "A collegial panel has only one presiding judge"),
    "bench.odd": ("合议庭成员应为三人以上的单数（现为 {count} 人，含承办法官）",
                  "A collegial panel has an odd number of members, three or more (now {count}, with the judge in charge)"),
    # -- assignment ---------------------------------------------------------------------------
    "assign.inactive": ("{duty}必须是在职用户", "The {duty} must be an active user"),
    "assign.wrong_role": ("只有{role}才能担任案件的{duty}（{user} 是{user_role}）",
                          "Only a {role} can be the case's {duty} ({user} is a {user_role})"),
    "assign.not_allowed": ("{actor}无权更换案件的{duty}", "A {actor} may not change the case's {duty}"),
    # -- drafting -------------------------------------------------------------------------------
    "draft.template_procedure": ("该模板不适用于本案的审理程序，请选择与审理程序一致的模板",
                                 "This template does not fit the case's procedure: choose one for its procedure"),
    "draft.not_found": ("文书不存在", "The document does not exist"),
    "draft.review_off": ("文书辅助审查已在设置中关闭", "Assisted review of documents is switched off in the settings"),
    "draft.choose_return": ("请选择要退回的机器起草段落", "Choose the machine-drafted paragraphs to send back"),
    "draft.choose_decide": ("请选择要确认或退回的机器起草段落",
                            "Choose the machine-drafted paragraphs to confirm or send back"),
    "draft.not_machine": ("第{paragraphs}段不是待确认的机器起草内容",
                          "Paragraph {paragraphs} is not machine-drafted text awaiting a decision"),
    "case.suggestion_missing": ("建议不存在", "The suggestion does not exist"),
    "case.unknown_procedure": ("未知的审理程序：{procedure}", "Unknown procedure: {procedure}"),
    # -- dossier ----------------------------------------------------------------------------------
    "dossier.none_readable": ("所有文件均无法读取：{details}", "None of the files could be read: {details}"),
    "dossier.page_missing": ("页面不存在", "The page does not exist"),
    "dossier.document_missing": ("目标文书不存在", "The target document does not exist"),
    "dossier.unknown_category": ("类别不在归目类别表中", "The category is not in the catalogue's list"),
    "dossier.nothing_before": ("卷宗第一页之前没有文书，无法并入上一文书",
                               "There is no document before the dossier's first page to merge into"),
    "dossier.into_itself": ("不能把一件文书的全部页面移入它自己", "A document's pages cannot all be moved into itself"),
    # -- hearings -----------------------------------------------------------------------------------
    "hearing.not_found": ("庭审记录不存在", "The hearing does not exist"),
    "hearing.segment_missing": ("笔录段落不存在", "The transcript line does not exist"),
    "hearing.assist_off": ("语音转写辅助已在设置中关闭，可手工录入笔录",
                           "Assisted transcription is switched off in the settings; the record can be typed by hand"),
    "hearing.locked": ("笔录已有人工修改，不能重新转写", "The transcript has been edited by hand and cannot be transcribed again"),
    "hearing.split_inside": ("拆分位置应在文字中间", "Split inside the text"),
    "hearing.last_line": ("这是最后一段，无法合并", "This is the last line: there is nothing to merge with"),
    "live.assist_off": ("语音转写辅助已在设置中关闭，可只录音并手工记录",
                        "Assisted transcription is switched off in the settings: record only and take notes by hand"),
    "live.no_device": ("本机没有可用的录音设备，请连接话筒或调音台后点“刷新”",
                       "This computer has no recording device: connect a microphone or mixer and click Refresh"),
    "live.device_gone": ("录音设备“{name}”已不在，请检查连接后点“刷新”",
                         "The recording device \"{name}\" is gone: check the connection and click Refresh"),
    "live.device_failed": ("{reason}（设备可能已拔出，请点“刷新”）",
                           "{reason} (the device may have been unplugged: click Refresh)"),
}

#: Data terms that appear as parameters (roles, duties); English for the English UI.
TERMS_EN = {
    "承办法官": "judge in charge", "书记员": "clerk", "审判员": "judge", "管理员": "IT administrator",
    "审判长": "presiding judge", "人民陪审员": "people's assessor", "原告": "plaintiff", "被告": "defendant",
    "第三人": "third party", "自然人": "natural person", "法人": "legal person", "非法人组织": "unincorporated organisation",
    "待立案": "awaiting filing", "审理中": "pending", "中止": "suspended", "已结案": "closed", "已归档": "archived",
}

_language = LANGUAGES[0]


def set_language(language: str) -> None:
    """Choose the language messages are shown in ('en' for English, anything else Chinese)."""
    global _language
    _language = "en" if language == "en" else "zh_CN"


def language() -> str:
    """The language messages are currently shown in."""
    return _language


class Term(str):
    """A data value (a role, a status) that the English UI shows in English."""

    def render(self, language: str) -> str:
        """The term in ``language``."""
        return TERMS_EN.get(str(self), str(self)) if language == "en" else str(self)


class Message:
    """A message id with its parameters; ``str()`` renders it in the current language."""

    def __init__(self, key: str, **params: Any) -> None:
        if key not in CATALOGUE:
            raise KeyError(f"unknown message id {key!r}")
        self.key = key
        self.params = params

    def render(self, language: str | None = None) -> str:
        """The text in ``language`` (default: the UI's language)."""
        language = language or _language
        zh, en = CATALOGUE[self.key]
        values = {k: _value(v, language) for k, v in self.params.items()}
        return (en if language == "en" else zh).format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.key!r}, {self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.key, self.params) == (other.key, other.params)

    __hash__ = None  # type: ignore[assignment]  # mutable parameters


def _value(value: Any, language: str) -> str:
    if isinstance(value, (Message, Term)):
        return value.render(language)
    if isinstance(value, (list, tuple)):
        return ("、" if language != "en" else ", ").join(_value(v, language) for v in value)
    return str(value)


def joined(*parts: Message) -> "Joined":
    """Several messages shown as one (Chinese without spaces, English with one)."""
    return Joined(parts)


class Joined:
    """Messages shown one after the other, rendered in the current language."""

    def __init__(self, parts: tuple[Message, ...]) -> None:
        self.parts = parts

    def render(self, language: str | None = None) -> str:
        """All parts in ``language`` (default: the UI's language)."""
        language = language or _language
        return (" " if language == "en" else "").join(p.render(language) for p in self.parts)

    def __str__(self) -> str:
        return self.render()
