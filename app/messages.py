"""Service messages in the user's language: one catalogue keyed by id, Chinese and English.

Services raise errors and ask questions whose text a person reads (a foreign case's material,
a form field to correct). They must not import Qt, so Qt's translation files cannot reach
them; instead a service builds a :class:`Message` (an id and its parameters) and the text is
chosen when it is shown: ``str(message)`` renders it in the language the user interface was
started in (:func:`set_language`, called by ``app.gui`` from the ``language`` setting).
An exception carrying a Message therefore reads in the UI's language wherever ``str(exc)`` is
shown, with no change in the widgets.

Engines may not import the application: an engine error carries a stable ``code`` (and
``params``) instead, and this module installs the renderer that shows ``engine.<code>`` in
English (engines.common.set_message_renderer); in Chinese the engine's own text is kept.

Parameters may be strings, numbers, lists (joined with 、 or ", ") or other Messages (a
labelled part such as "导入的卷宗" / "the imported dossier").
"""
from __future__ import annotations

from typing import Any, Callable

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
    "hearing.check_reason": ("还有 {count} 段识别把握较低、未经核改，须填写核对完成的理由",
                             "{count} unsure lines have not been checked: give a reason for finishing the check"),
    # -- case access ----------------------------------------------------------------------------------
    "case.not_on_case": ("案件不存在，或您不是该案的承办人员",
                         "The case does not exist, or you are not on its team"),
    # -- login, passwords, users (auth, users, keyring) -------------------------------------------------
    "auth.password_short": ("密码至少 {count} 位", "A password needs at least {count} characters"),
    "auth.password_kinds": ("密码应包含至少两类字符（字母、数字、符号）",
                            "A password needs at least two kinds of characters (letters, digits, symbols)"),
    "auth.store_exists": ("{root} 已有案件库，不会覆盖", "{root} already holds a case store: it is not overwritten"),
    "auth.keyring_tampered": ("密钥文件 keyring.json 的校验码不符：它在本程序之外被改动过。为安全起见已拒绝登录，"
                              "并已记入审计日志。请由信息技术人员核实后用恢复密钥运行 recover 重新封存。",
                              "The key file keyring.json fails its check: it was changed outside this program. "
                              "Login was refused for safety and recorded in the audit log. The IT staff should "
                              "check it and seal it again by running recover with the recovery key."),
    "auth.store_mismatch": ("{database} 与密钥文件不配套（不是本案件库，或文件已损坏），已拒绝打开：{reason}",
                            "{database} does not match the key file (not this case store, or damaged); "
                            "it was not opened: {reason}"),
    "auth.user_inactive": ("该用户已停用，请联系信息技术人员", "This user is deactivated: contact the IT staff"),
    "auth.wrong_password": ("密码不正确", "Wrong password"),
    "auth.wrong_then_locked": ("密码不正确。{locked}", "Wrong password. {locked}"),
    "auth.tries_left": ("{message}（再错 {count} 次将锁定）",
                        "{message} (the account locks after {count} more wrong tries)"),
    "keys.wrong_password": ("用户名或密码不正确", "Wrong user name or password"),
    "keys.locked": ("密码错误次数过多，账户已锁定，请约 {minutes} 分钟后再试",
                    "Too many wrong passwords: the account is locked; try again in about {minutes} minutes"),
    "keys.recovery_format": ("恢复密钥格式不正确", "The recovery key is not in the right format"),
    "keys.recovery_length": ("恢复密钥长度不正确", "The recovery key has the wrong length"),
    "keys.recovery_wrong": ("恢复密钥不正确", "Wrong recovery key"),
    "keys.no_recovery": ("本案件库没有设置恢复密钥", "This case store has no recovery key"),
    "keys.file_missing": ("找不到密钥文件 {path}，无法打开案件库",
                          "The key file {path} is missing: the case store cannot be opened"),
    "keys.file_no_access": ("没有读取密钥文件 {path} 的权限", "No permission to read the key file {path}"),
    "keys.file_damaged": ("密钥文件 {path} 已损坏（{problem}），请使用备份或联系信息技术人员",
                          "The key file {path} is damaged ({problem}): use a backup or contact the IT staff"),
    "keys.user_entry_damaged": ("密钥文件中用户 {username} 的条目已损坏（格式不对），请由信息技术人员用恢复密钥为该用户重设密码",
                                "The key file's entry for user {username} is damaged (wrong format): the IT staff "
                                "should set a new password for this user with the recovery key"),
    "keys.recovery_entry_damaged": ("密钥文件中的恢复密钥条目已损坏，请使用密钥文件的备份",
                                    "The key file's recovery key entry is damaged: use a backup of the key file"),
    "keys.data_key_mismatch": ("数据密钥与本案件库不符", "The data key does not belong to this case store"),
    "users.name_chars": ("用户名只能包含字母、数字、下划线和点",
                         "A user name may contain only letters, digits, underscores and dots"),
    "users.exists": ("用户名 {username} 已存在", "The user name {username} already exists"),
    "users.self": ("不能停用当前登录的账户", "You cannot deactivate the account you are logged in with"),
    "users.missing": ("用户 {username} 不存在", "The user {username} does not exist"),
    "prefs.it_only": ("安全策略（自动锁定、密码锁定、签发规则）只能由信息技术人员修改",
                      "Only the IT staff can change the security policy (automatic lock, password lock-out, "
                      "signing rules)"),
    # -- signing ------------------------------------------------------------------------------------------
    "sign.not_on_case": ("文书不存在，或您不是该案的承办人员",
                         "The document does not exist, or you are not on its case's team"),
    "sign.forbidden": ("本院设置不允许在审查错误未处理时签发：请修改文书并重新审查。",
                       "This court's settings do not allow signing while review errors are open: change the "
                       "document and review it again."),
    "sign.already": ("该文书已签发", "This document is already signed"),
    "sign.paragraph": ("第{number}段", "paragraph {number}"),
    "sign.finding": ("第{number}段：{message}", "Paragraph {number}: {message}"),
    "sign.etc": ("等", ", ..."),
    "sign.machine_open": ("还有 {count} 段机器起草内容未确认（{numbers}{more}），请逐段接受或退回后再签发",
                          "{count} machine-drafted paragraphs are not yet confirmed ({numbers}{more}): accept or "
                          "send back each one before signing"),
    "sign.errors_open": ("审查发现 {count} 个错误尚未处理：签发须说明理由",
                         "The review found {count} errors not yet dealt with: signing needs a reason"),
    # -- the case store (app/store) ----------------------------------------------------------------------
    "store.disk_full": ("磁盘空间不足，本次保存未完成，已保存的数据没有受影响。请清理磁盘后重试。",
                        "The disk is full: this save did not finish; the data already saved is unharmed. "
                        "Free some disk space and try again."),
    "store.io_error": ("读写案件库时发生磁盘错误（disk I/O error），本次操作未完成，原文件未被改动。"
                       "请检查磁盘（空间、连接、权限）后重试。",
                       "A disk error (disk I/O error) occurred while reading or writing the case store: the "
                       "operation did not finish and the file is unchanged. Check the disk (space, connection, "
                       "permissions) and try again."),
    "store.corrupt": ("案件库文件已损坏：{reason}", "The case store file is damaged: {reason}"),
    "store.closed": ("案件库已关闭（程序正在退出），本次操作未执行，已保存的数据没有受影响。",
                     "The case store is closed (the program is closing): this operation did not run; "
                     "the data already saved is unharmed."),
    "store.wrong_key": ("密钥不正确，或数据库文件已损坏，无法打开案件库。",
                        "Wrong key, or the database file is damaged: the case store cannot be opened."),
    "store.key_mismatch": ("密钥与本案件库不符", "The key does not belong to this case store"),
    "store.not_a_store": ("{database} 不是本案件库（里面没有案件库的数据表），已拒绝打开。",
                          "{database} is not this case store (it holds no case store tables): it was not opened."),
    "store.half_made": ("{root} 中的案件库没有创建完成（创建过程被中断）。"
                        "请重新运行 init 创建；恢复密钥从未显示过，因此这个库里没有数据。",
                        "The case store in {root} was not finished (its creation was interrupted). Run init "
                        "again; the recovery key was never shown, so this store holds no data."),
    "store.none": ("{root} 中没有案件库", "There is no case store in {root}"),
    "store.no_keyring": ("{root} 中有 store.db 但缺少密钥文件 keyring.json，无法打开。请从备份恢复 keyring.json。",
                         "{root} has store.db but no key file keyring.json, so it cannot be opened. Restore "
                         "keyring.json from a backup."),
    "store.no_database": ("{root} 中缺少案件库文件 store.db（密钥文件还在）。"
                          "不会新建空库：请从备份恢复 store.db，或联系信息技术人员。",
                          "The case store file store.db is missing from {root} (the key file is there). No empty "
                          "store is made instead: restore store.db from a backup or contact the IT staff."),
    "store.empty_database": ("{root} 中的 store.db 是空文件（0 字节），不是本案件库。"
                             "不会用新库替换：请从备份恢复 store.db，或联系信息技术人员。",
                             "store.db in {root} is empty (0 bytes), not this case store. It is not replaced by "
                             "a new store: restore store.db from a backup or contact the IT staff."),
    "store.small_database": ("{root} 中的 store.db 只有 {size} 字节，不是本案件库（已损坏或被替换）。",
                             "store.db in {root} has only {size} bytes: it is not this case store (damaged or "
                             "replaced)."),
    "store.blob_missing": ("找不到存储的文件 {name}…", "The stored file {name}... is missing"),
    "store.blob_damaged": ("存储的文件 {name}… 已损坏（{problem}）", "The stored file {name}... is damaged ({problem})"),
    "store.blob_header_short": ("文件头不完整", "incomplete header"),
    "store.blob_header_bad": ("文件头无效", "invalid header"),
    "store.blob_digest": ("存储的文件 {name}… 与其登记的摘要不符",
                          "The stored file {name}... does not match its recorded digest"),
    # -- roles (app/security/roles.py) -----------------------------------------------------------------
    "perm.denied": ("{role}无权{action}", "A {role} may not {action}"),
    "perm.case.read": ("查看案件", "view cases"),
    "perm.case.create": ("新建案件", "create cases"),
    "perm.case.edit": ("修改案件", "change cases"),
    "perm.hearing.run": ("庭审记录", "record hearings"),
    "perm.transcript.edit": ("编辑笔录", "edit transcripts"),
    "perm.dossier.edit": ("整理卷宗", "arrange dossiers"),
    "perm.draft.edit": ("编辑文书", "edit documents"),
    "perm.draft.sign": ("签发文书", "sign documents"),
    "perm.exchange.use": ("数据交换", "exchange data"),
    "perm.exchange.admin": ("交换密钥管理", "manage exchange keys"),
    "perm.user.admin": ("用户管理", "manage users"),
    "perm.audit.view": ("查看审计日志", "view the audit log"),
    "perm.settings.admin": ("系统设置", "change system settings"),
    # -- data exchange -----------------------------------------------------------------------------------
    "exchange.no_dir": ("未设置交换目录", "No exchange folder is set"),
    "exchange.no_platform_key": ("尚未固定平台公钥，请由信息技术人员导入",
                                 "The platform's public key is not pinned yet: the IT staff should import it"),
    "exchange.no_keys": ("本机尚未生成交换密钥", "This computer has no exchange keys yet"),
    "exchange.key_unreadable": ("无法读取公钥文件", "The public key file cannot be read"),
    "exchange.platform_key_unreadable": ("无法读取平台公钥文件", "The platform's public key file cannot be read"),
    "exchange.fingerprint_mismatch": ("平台公钥指纹与输入的不符",
                                      "The platform key's fingerprint differs from the one entered"),
    "exchange.already_sent": ("已发送过交换包，请用密钥更新而不是重建密钥",
                              "Packages were already sent: renew the keys instead of making new ones"),
    "exchange.not_quarantined": ("隔离区中没有这个交换包：{name}", "There is no such package in quarantine: {name}"),
    "exchange.conflict_missing": ("冲突不存在或已处理", "The conflict does not exist or was already resolved"),
    "exchange.bad_case_number": ("平台发来的案号无效：{reason}", "The platform sent an invalid case number: {reason}"),
    "exchange.no_case_id": ("case.json 缺少平台案件标识 case_id", "case.json lacks the platform's case id (case_id)"),
    "exchange.bad_case_json": ("case.json 无法解析：{reason}", "case.json cannot be read: {reason}"),
    "updates.too_large": ("文件过大", "file too large"),
    "updates.bad_template_name": ("模板文件名无效（应为 templates/名称.docx）",
                                  "invalid template file name (should be templates/NAME.docx)"),
    "updates.unknown_file": ("未知的更新文件", "unknown update file"),
    "updates.template_invalid": ("模板“{name}”不是有效的Word文档：{reason}",
                                 "The template \"{name}\" is not a valid Word document: {reason}"),
    "updates.rules_unreadable": ("归目规则文件无法解析：{reason}", "The cataloguing rules file cannot be read: {reason}"),
    "updates.rules_no_categories": ("归目规则文件缺少 categories 列表",
                                    "The cataloguing rules file lacks the categories list"),
    "updates.rules_item": ("归目规则第 {number} 项缺少 code 或 label", "Cataloguing rule {number} lacks code or label"),
    "updates.rules_order": ("归目规则“{label}”的 order 不是数字", "The order of cataloguing rule \"{label}\" is not a number"),
    "updates.rules_list": ("归目规则“{label}”的 {key} 不是文字列表",
                           "The {key} of cataloguing rule \"{label}\" is not a list of texts"),
    "updates.rules_twice": ("归目规则类别“{label}”重复", "The cataloguing category \"{label}\" appears twice"),
    "updates.rules_confidence": ("归目规则的 min_confidence 不是数字",
                                 "The cataloguing rules' min_confidence is not a number"),
    "updates.policy_unreadable": ("平台策略文件无法解析：{reason}", "The platform policy file cannot be read: {reason}"),
    "updates.policy_no_settings": ("平台策略文件缺少 settings 对象", "The platform policy file lacks the settings object"),
    "updates.unknown_setting": ("未知设置", "unknown setting"),
    "updates.local_only": ("只能由本机设定", "can only be set on this computer"),
    "updates.bad_value": ("取值无效：{reason}", "invalid value: {reason}"),
    # -- the command line's own error sentences (app/cli/boundary.py) ------------------------------------
    "cli.read_only": ("无法写入{name}：磁盘或文件夹是只读的，或当前用户没有权限。已保存的数据没有改动。",
                      "Cannot write{name}: the disk or folder is read-only, or you have no permission. Saved data "
                      "is unchanged."),
    "cli.not_found": ("找不到文件或文件夹{name}", "File or folder not found:{name}"),
    "cli.file_failed": ("文件读写失败{name}：{reason}", "Reading or writing a file failed{name}: {reason}"),
    "cli.store_read_only": ("无法写入案件库：磁盘或文件夹是只读的，或没有权限。已保存的数据没有改动。",
                            "Cannot write the case store: the disk or folder is read-only, or there is no "
                            "permission. Saved data is unchanged."),
    "cli.store_damaged": ("案件库文件已损坏（{reason}）。原文件未被改动，请用备份恢复或联系信息技术人员。",
                          "The case store file is damaged ({reason}). The file was not changed: restore a backup "
                          "or contact the IT staff."),
    "cli.no_input": ("输入已结束（没有终端）：请用 --password-env 等选项提供输入",
                     "Input ended (no terminal): give the input with options such as --password-env"),
    # -- engine errors, by the engine's code (engines.common.EngineError.code) ----------------------------
    "engine.audio.channels": ("录音有 {channels} 个声道，最多支持 {most} 个",
                              "The recording has {channels} channels; at most {most} are supported"),
    "engine.audio.too_long": ("录音过长（约 {hours} 小时、{channels} 个声道），请分段后再导入",
                              "The recording is too long (about {hours} hours, {channels} channels): split it "
                              "before importing"),
    "engine.audio.missing": ("找不到音频文件", "The audio file cannot be found"),
    "engine.audio.empty": ("音频文件是空的（0 字节）", "The audio file is empty (0 bytes)"),
    "engine.audio.unrecognised": ("无法识别的音频文件（支持 WAV、FLAC、MP3、M4A）",
                                  "Unrecognised audio file (WAV, FLAC, MP3 and M4A are supported)"),
    "engine.audio.silent": ("音频文件里没有声音数据", "The audio file holds no sound"),
    "engine.audio.out_of_memory": ("录音太大，内存不足以解码，请分段后再导入",
                                   "The recording is too large to decode in memory: split it before importing"),
    "engine.audio.undecodable": ("无法解码该音频文件", "The audio file cannot be decoded"),
    "engine.audio.timeout": ("解码音频超时", "Decoding the audio took too long"),
    "engine.audio.decoder_died": ("无法解码该音频文件（解码进程意外退出）",
                                  "The audio file cannot be decoded (the decoding process ended unexpectedly)"),
    "engine.transcribe.failed": ("转写失败", "Transcription failed"),
    "engine.live.failed": ("实时转写出错，已录音频已保存", "Live transcription failed; the audio recorded so far is saved"),
    "engine.live.no_device": ("找不到录音设备", "The recording device cannot be found"),
    "engine.live.cannot_open": ("无法打开录音设备", "The recording device cannot be opened"),
    "engine.model.missing": ("默认语音模型未安装，请联系信息技术人员",
                             "The default speech model is not installed: contact the IT staff"),
    "engine.model.checksum": ("默认语音模型校验失败（SHA-256 不符），请重新安装",
                              "The default speech model fails its check (SHA-256 differs): install it again"),
    "engine.model.incomplete": ("默认语音模型文件不完整，请重新安装",
                                "The default speech model's files are incomplete: install it again"),
    "engine.model.unloadable": ("语音模型无法加载", "The speech model cannot be loaded"),
    "engine.seats.format": ("声道设置格式应为 1=审判长,2=原告",
                            "Write the channel seats as NUMBER=ROLE separated by commas, with the roles' "
                            "Chinese names"),
    "engine.seats.unknown_role": ("未知的席位角色：{role}", "Unknown seat role: {role}"),
    "engine.seats.no_channel": ("录音只有 {channels} 个声道，没有第 {number} 声道",
                                "The recording has only {channels} channels: there is no channel {number}"),
    "engine.seats.from_one": ("声道编号从 1 开始", "Channel numbers start at 1"),
    "engine.seats.repeated": ("声道编号重复", "A channel number is repeated"),
    "engine.reject.too_large": ("交换包超过大小限制", "The exchange package exceeds the size limit"),
    "engine.reject.bad_name": ("文件名不是 UTF-8 编码，无法识别（已隔离，原名以十六进制记在原因文件中）",
                               "A file name is not UTF-8 and cannot be read (quarantined; the original name is "
                               "in the reason file in hexadecimal)"),
    "engine.reject.too_many_entries": ("交换包内条目过多", "The exchange package has too many entries"),
    "engine.reject.not_a_package": ("不是有效的交换包（ZIP 结构损坏或被截断）",
                                    "Not a valid exchange package (the ZIP structure is damaged or cut short)"),
    "engine.reject.bad_structure": ("交换包结构不符合规范",
                                    "The exchange package's structure does not follow the specification"),
    "engine.reject.unsafe_path": ("交换包含有不安全的文件路径", "The exchange package contains an unsafe file path"),
    "engine.reject.unexpected_entry": ("交换包含有规范之外的条目",
                                       "The exchange package contains entries outside the specification"),
    "engine.reject.zip_bomb": ("交换包压缩比异常（疑似压缩炸弹）",
                               "The exchange package's compression ratio is abnormal (suspected zip bomb)"),
    "engine.reject.bad_crc": ("交换包条目校验值不符（文件已损坏）",
                              "An entry of the exchange package fails its checksum (the file is damaged)"),
    "engine.reject.bad_manifest": ("交换包清单无法解析或字段不合规范",
                                   "The exchange package's manifest cannot be read or has invalid fields"),
    "engine.reject.unsupported_format": ("交换包格式版本或算法套件不受支持",
                                         "The exchange package's format version or algorithm suite is not supported"),
    "engine.reject.unknown_signer": ("交换包的签名方不在已固定的公钥之列",
                                     "The exchange package's signer is not among the pinned public keys"),
    "engine.reject.retired_key": ("交换包使用了已停用的密钥签名", "The exchange package was signed with a retired key"),
    "engine.reject.bad_signature": ("交换包签名验证失败", "The exchange package's signature does not verify"),
    "engine.reject.wrong_recipient": ("交换包的接收方不是本机", "The exchange package is not addressed to this computer"),
    "engine.reject.payload_mismatch": ("交换包载荷与清单不符（大小或摘要错误）",
                                       "The exchange package's payload differs from its manifest (size or digest)"),
    "engine.reject.decrypt_failed": ("交换包载荷解密失败", "The exchange package's payload cannot be decrypted"),
    "engine.reject.file_mismatch": ("交换包内文件与清单记录的摘要不符",
                                    "A file in the exchange package differs from the digest in the manifest"),
    "engine.reject.replay": ("交换包序号已处理过（重放）",
                             "The exchange package's sequence number was already processed (replay)"),
    "engine.reject.bad_control": ("确认/否认/密钥更新内容不合规范",
                                  "The acknowledgement, refusal or key update content does not follow the "
                                  "specification"),
    "engine.reject.apply_failed": ("交换包内容无法导入", "The exchange package's content cannot be imported"),
    "engine.reject.other": ("交换包被拒收", "The exchange package was refused"),
    "engine.transcribe.crashed": ("转写进程意外退出，已收到的 {count} 段已保留",
                                  "The transcription process ended unexpectedly; the {count} lines received are kept"),
    "engine.transcribe.died": ("转写进程意外退出", "The transcription process ended unexpectedly"),
    "engine.pdf.encrypted": ("PDF 文件已加密，无法读取，请提供未加密的文件",
                             "The PDF file is encrypted and cannot be read: provide an unencrypted file"),
    "engine.pdf.damaged": ("PDF 文件已损坏，无法打开", "The PDF file is damaged and cannot be opened"),
    "engine.pdf.no_pages": ("PDF 文件没有页面", "The PDF file has no pages"),
    "engine.image.damaged": ("图片文件已损坏或格式不支持", "The image file is damaged or of an unsupported format"),
    "engine.file.missing": ("文件不存在", "The file does not exist"),
    "engine.file.folder": ("这是一个文件夹，不是 PDF 或图片文件", "This is a folder, not a PDF or image file"),
    "engine.file.not_pdf_or_image": ("不是 PDF 或图片文件", "Not a PDF or image file"),
    "engine.file.none_readable": ("所有文件均无法读取：{details}", "None of the files could be read: {details}"),
    "engine.template.missing": ("找不到模板“{name}”，可用模板：{names}",
                                "The template \"{name}\" cannot be found; the templates are: {names}"),
    "engine.template.unknown_fields": ("模板“{name}”包含未知字段：{fields}",
                                       "The template \"{name}\" has unknown fields: {fields}"),
    "engine.docx.invalid": ("文件不是有效的Word文档（.docx）", "The file is not a valid Word document (.docx)"),
    "engine.docx.missing": ("找不到要审查的文书文件", "The document file to review cannot be found"),
    "engine.docx.template_invalid": ("模板“{name}”不是有效的Word文档", "The template \"{name}\" is not a valid Word document"),
    # -- the audit chain check (app/security/audit.py, app/store/store.py) --------------------------------
    "audit.anchor_local": ("本地封存的审计链头", "the locally sealed chain head"),
    "audit.anchor_platform": ("最近发送给平台的审计链头", "the chain head last sent to the platform"),
    "audit.truncated": ("审计日志只有 {entries} 条，少于{label}记录的 {count} 条（有条目被截去）",
                        "The audit log has only {entries} entries, fewer than the {count} recorded by {label} "
                        "(entries were cut off)"),
    "audit.rewritten": ("第 {count} 条的哈希与{label}不符（审计链被改写）",
                        "The hash of entry {count} differs from {label} (the chain was rewritten)"),
    "audit.pages": ("数据库页面校验失败：{problems}", "The database page check failed: {problems}"),
    "audit.gap": ("条目编号不连续：应为 {expected}，实为 {found}（有条目被删除）",
                  "Entry numbers skip: expected {expected}, found {found} (entries were deleted)"),
    "audit.broken_link": ("前一条目的哈希不符（链条断裂）",
                          "The previous entry's hash does not match (the chain is broken)"),
    "audit.modified": ("条目内容与其哈希不符（条目被修改）",
                       "An entry's content does not match its hash (the entry was changed)"),
    "audit.unreadable": ("审计日志所在的数据库页面已损坏，无法读取（{reason}）",
                         "The database pages holding the audit log are damaged and cannot be read ({reason})"),
    "audit.conflict_seen": ("曾发现审计链与封存的链头不符（{at}）",
                            "The audit chain was once found to differ from the sealed chain head ({at})"),
    # -- engine progress texts, by the code given to engines.common.say -------------------------------------
    "engine.progress.done": ("完成", "Done"),
    "engine.progress.transcribe.read_audio": ("读取音频", "Reading the audio"),
    "engine.progress.transcribe.load_model": ("加载语音模型", "Loading the speech model"),
    "engine.progress.transcribe.turns": ("找到 {count} 段发言", "Found {count} turns of speech"),
    "engine.progress.transcribe.pack": ("转写 {done}/{total}", "Transcribing {done}/{total}"),
    "engine.progress.catalogue.pages": ("共 {total} 页", "{total} pages"),
    "engine.progress.catalogue.ocr": ("第 {page}/{total} 页：正在识别文字（OCR）",
                                      "Page {page}/{total}: recognising text (OCR)"),
    "engine.progress.catalogue.page": ("第 {page}/{total} 页：{category}", "Page {page}/{total}: {category}"),
    "engine.progress.catalogue.done": ("归目完成", "Cataloguing finished"),
    "engine.progress.catalogue.case_info": ("补充识别 {count} 页以提取案件信息（{fields}）",
                                            "Reading {count} more pages for the case details ({fields})"),
    "engine.progress.catalogue.case_info_page": ("补充识别第 {page} 页（案件信息）",
                                                 "Reading page {page} again (case details)"),
    "engine.progress.review.check": ("检查{what}", "Checking {what}"),
    "engine.progress.review.done": ("审查完成", "Review finished"),
    "engine.progress.fill.fields": ("填充字段", "Filling in the fields"),
    "engine.progress.fill.save": ("保存文书", "Saving the document"),
    "engine.progress.exchange.verify": ("校验交换包", "Verifying the exchange package"),
}

#: Words engines pass as parameters of their progress texts (review checks, case fields).
PARAMS_EN = {
    "金额": "amounts", "受理费": "court fee", "日期": "dates", "必备部分": "required parts",
    "上诉法院": "appeal court", "法律引用": "legal citations", "法条": "statutes",
    "前后一致": "consistency", "前后数额": "figures across the text", "案件记录": "the case record",
}

#: Data terms that appear as parameters (roles, duties); English for the English UI.
TERMS_EN = {
    "承办法官": "judge in charge", "书记员": "clerk", "审判员": "judge", "管理员": "IT administrator",
    "审判长": "presiding judge", "人民陪审员": "people's assessor", "原告": "plaintiff", "被告": "defendant",
    "第三人": "third party", "自然人": "natural person", "法人": "legal person", "非法人组织": "unincorporated organisation",
    "待立案": "awaiting filing", "审理中": "pending", "中止": "suspended", "已结案": "closed", "已归档": "archived",
}

_language = LANGUAGES[0]

#: The UI's glossary lookup for data words (``widgets.terms.tr_term``), set by app.gui; the
#: services cannot import Qt, so the GUI hands it in.
_term_translator: Callable[[str], str] | None = None


def set_term_translator(translator: Callable[[str], str] | None) -> None:
    """Install the lookup that shows data words of engine texts (categories) in the UI's language."""
    global _term_translator
    _term_translator = translator


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


def listed(parts: list) -> str:
    """Reasons (texts or Messages) as one text in the UI's language: "；" in Chinese, "; " in English."""
    return ("; " if _language == "en" else "；").join(str(p) for p in parts)


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


def _render_engine_error(code: str, params: dict) -> str | None:
    """The catalogue text for an engine error's code (None for a code without an entry)."""
    # Chinese is the engine's own text (kept exactly); only other languages come from here.
    key = "engine." + code
    if key not in CATALOGUE or _language != "en":
        return None
    return Message(key, **{k: _engine_param(v) for k, v in params.items()}).render()


def _engine_param(value: Any) -> Any:
    # Engines pass Chinese words (a review check, a category): known ones read in English.
    if isinstance(value, str):
        if value in TERMS_EN:
            return Term(value)
        if value in PARAMS_EN:
            return PARAMS_EN[value]
        # Other words (a dossier category) through the UI's glossary when the GUI gave one.
        return _term_translator(value) if _term_translator is not None else value
    if isinstance(value, (list, tuple)):
        return [_engine_param(v) for v in value]
    return value


def _install_engine_renderer() -> None:
    # Engines may not import the application: the application hands them its renderer.
    from engines import common

    common.set_message_renderer(_render_engine_error)


_install_engine_renderer()
