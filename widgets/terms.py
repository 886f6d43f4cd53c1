"""Strings that widgets translate at run time from data (column headers, statuses, roles, settings).

lupdate only sees literal strings, so every such term is listed here with QT_TRANSLATE_NOOP;
widgets call :func:`tr_term` on the data value.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "terms"

TERMS = (
    QT_TRANSLATE_NOOP("terms", "15天内到期"),
    QT_TRANSLATE_NOOP("terms", "30天内到期"),
    QT_TRANSLATE_NOOP("terms", "7天内到期"),
    QT_TRANSLATE_NOOP("terms", "中止"),
    QT_TRANSLATE_NOOP("terms", "书记员"),
    QT_TRANSLATE_NOOP("terms", "交换目录"),
    QT_TRANSLATE_NOOP("terms", "交换目录扫描间隔（秒）"),
    QT_TRANSLATE_NOOP("terms", "交换包大小上限（MB）"),
    QT_TRANSLATE_NOOP("terms", "代理人信息"),
    QT_TRANSLATE_NOOP("terms", "住所"),
    QT_TRANSLATE_NOOP("terms", "修改后采纳机器结果"),
    QT_TRANSLATE_NOOP("terms", "修改密码"),
    QT_TRANSLATE_NOOP("terms", "修改案件"),
    QT_TRANSLATE_NOOP("terms", "修改设置"),
    QT_TRANSLATE_NOOP("terms", "停用用户"),
    QT_TRANSLATE_NOOP("terms", "全部期限"),
    QT_TRANSLATE_NOOP("terms", "创建案件库"),
    QT_TRANSLATE_NOOP("terms", "剩余天数"),
    QT_TRANSLATE_NOOP("terms", "启用卷宗自动归目辅助"),
    QT_TRANSLATE_NOOP("terms", "启用文书辅助审查"),
    QT_TRANSLATE_NOOP("terms", "启用文书辅助生成"),
    QT_TRANSLATE_NOOP("terms", "启用用户"),
    QT_TRANSLATE_NOOP("terms", "启用语音转写辅助"),
    QT_TRANSLATE_NOOP("terms", "姓名/名称"),
    QT_TRANSLATE_NOOP("terms", "委托代理人"),
    QT_TRANSLATE_NOOP("terms", "审判员"),
    QT_TRANSLATE_NOOP("terms", "审理中"),
    QT_TRANSLATE_NOOP("terms", "审理程序"),
    QT_TRANSLATE_NOOP("terms", "审限剩余"),
    QT_TRANSLATE_NOOP("terms", "审限届满"),
    QT_TRANSLATE_NOOP("terms", "审限预警天数"),
    QT_TRANSLATE_NOOP("terms", "密码锁定时长（分钟）"),
    QT_TRANSLATE_NOOP("terms", "对象"),
    QT_TRANSLATE_NOOP("terms", "导出"),
    QT_TRANSLATE_NOOP("terms", "已归档"),
    QT_TRANSLATE_NOOP("terms", "已结案"),
    QT_TRANSLATE_NOOP("terms", "已超期"),
    QT_TRANSLATE_NOOP("terms", "平台公钥（指纹或文件）"),
    QT_TRANSLATE_NOOP("terms", "序号"),
    QT_TRANSLATE_NOOP("terms", "庭审笔录"),
    QT_TRANSLATE_NOOP("terms", "当事人"),
    QT_TRANSLATE_NOOP("terms", "待立案"),
    QT_TRANSLATE_NOOP("terms", "恢复密钥重置密码"),
    QT_TRANSLATE_NOOP("terms", "承办法官"),
    QT_TRANSLATE_NOOP("terms", "拒绝机器结果"),
    QT_TRANSLATE_NOOP("terms", "操作"),
    QT_TRANSLATE_NOOP("terms", "数据交换"),
    QT_TRANSLATE_NOOP("terms", "数据目录"),
    QT_TRANSLATE_NOOP("terms", "文书"),
    QT_TRANSLATE_NOOP("terms", "新建案件"),
    QT_TRANSLATE_NOOP("terms", "新建用户"),
    QT_TRANSLATE_NOOP("terms", "时间 (UTC)"),
    QT_TRANSLATE_NOOP("terms", "显示名称"),
    QT_TRANSLATE_NOOP("terms", "普通程序"),
    QT_TRANSLATE_NOOP("terms", "查看案件"),
    QT_TRANSLATE_NOOP("terms", "案件类型"),
    QT_TRANSLATE_NOOP("terms", "案号"),
    QT_TRANSLATE_NOOP("terms", "案由"),
    QT_TRANSLATE_NOOP("terms", "法定代表人"),
    QT_TRANSLATE_NOOP("terms", "法院代字"),
    QT_TRANSLATE_NOOP("terms", "法院名称"),
    QT_TRANSLATE_NOOP("terms", "状态"),
    QT_TRANSLATE_NOOP("terms", "用户"),
    QT_TRANSLATE_NOOP("terms", "用户名"),
    QT_TRANSLATE_NOOP("terms", "电子卷宗"),
    QT_TRANSLATE_NOOP("terms", "界面语言"),
    QT_TRANSLATE_NOOP("terms", "登录"),
    QT_TRANSLATE_NOOP("terms", "登录失败"),
    QT_TRANSLATE_NOOP("terms", "空闲自动锁定（分钟）"),
    QT_TRANSLATE_NOOP("terms", "立案日期"),
    QT_TRANSLATE_NOOP("terms", "简易程序"),
    QT_TRANSLATE_NOOP("terms", "管理员"),
    QT_TRANSLATE_NOOP("terms", "类型"),
    QT_TRANSLATE_NOOP("terms", "角色"),
    QT_TRANSLATE_NOOP("terms", "解锁失败"),
    QT_TRANSLATE_NOOP("terms", "解除账户锁定"),
    QT_TRANSLATE_NOOP("terms", "解除锁定"),
    QT_TRANSLATE_NOOP("terms", "诉讼地位"),
    QT_TRANSLATE_NOOP("terms", "诉讼请求"),
    QT_TRANSLATE_NOOP("terms", "详情"),
    QT_TRANSLATE_NOOP("terms", "语音识别模型目录"),
    QT_TRANSLATE_NOOP("terms", "身份证号/信用代码"),
    QT_TRANSLATE_NOOP("terms", "连续输错密码锁定次数"),
    QT_TRANSLATE_NOOP("terms", "退出"),
    QT_TRANSLATE_NOOP("terms", "采纳机器结果"),
    QT_TRANSLATE_NOOP("terms", "重置密码"),
    QT_TRANSLATE_NOOP("terms", "锁定"),
)


# Transcript speakers (resources/transcription/roles.txt and the mono 未识别); stored untranslated.
SPEAKER_ROLES = (
    QT_TRANSLATE_NOOP("terms", "审判长"),
    QT_TRANSLATE_NOOP("terms", "审判员"),
    QT_TRANSLATE_NOOP("terms", "人民陪审员"),
    QT_TRANSLATE_NOOP("terms", "原告"),
    QT_TRANSLATE_NOOP("terms", "被告"),
    QT_TRANSLATE_NOOP("terms", "原告代理人"),
    QT_TRANSLATE_NOOP("terms", "被告代理人"),
    QT_TRANSLATE_NOOP("terms", "第三人"),
    QT_TRANSLATE_NOOP("terms", "第三人代理人"),
    QT_TRANSLATE_NOOP("terms", "上诉人"),
    QT_TRANSLATE_NOOP("terms", "被上诉人"),
    QT_TRANSLATE_NOOP("terms", "申请人"),
    QT_TRANSLATE_NOOP("terms", "被申请人"),
    QT_TRANSLATE_NOOP("terms", "证人"),
    QT_TRANSLATE_NOOP("terms", "鉴定人"),
    QT_TRANSLATE_NOOP("terms", "书记员"),
    QT_TRANSLATE_NOOP("terms", "法官助理"),
    QT_TRANSLATE_NOOP("terms", "未识别"),
)

# Party roles and kinds of the case record (app.services.cases).
CASE_TERMS = (
    QT_TRANSLATE_NOOP("terms", "原告"),
    QT_TRANSLATE_NOOP("terms", "被告"),
    QT_TRANSLATE_NOOP("terms", "第三人"),
    QT_TRANSLATE_NOOP("terms", "自然人"),
    QT_TRANSLATE_NOOP("terms", "法人"),
    QT_TRANSLATE_NOOP("terms", "非法人组织"),
)

# Dossier categories (resources/catalogue/categories.json labels and other_label).
DOSSIER_CATEGORIES = (
    QT_TRANSLATE_NOOP("terms", "卷宗封面"),
    QT_TRANSLATE_NOOP("terms", "卷内目录"),
    QT_TRANSLATE_NOOP("terms", "起诉状"),
    QT_TRANSLATE_NOOP("terms", "受理案件通知书"),
    QT_TRANSLATE_NOOP("terms", "诉讼费用材料"),
    QT_TRANSLATE_NOOP("terms", "应诉通知书"),
    QT_TRANSLATE_NOOP("terms", "举证通知书"),
    QT_TRANSLATE_NOOP("terms", "答辩状"),
    QT_TRANSLATE_NOOP("terms", "授权委托书"),
    QT_TRANSLATE_NOOP("terms", "身份证明材料"),
    QT_TRANSLATE_NOOP("terms", "证据材料"),
    QT_TRANSLATE_NOOP("terms", "询问笔录"),
    QT_TRANSLATE_NOOP("terms", "调解笔录"),
    QT_TRANSLATE_NOOP("terms", "传票"),
    QT_TRANSLATE_NOOP("terms", "开庭公告"),
    QT_TRANSLATE_NOOP("terms", "庭审笔录"),
    QT_TRANSLATE_NOOP("terms", "调解书"),
    QT_TRANSLATE_NOOP("terms", "判决书"),
    QT_TRANSLATE_NOOP("terms", "裁定书"),
    QT_TRANSLATE_NOOP("terms", "宣判笔录"),
    QT_TRANSLATE_NOOP("terms", "送达回证"),
    QT_TRANSLATE_NOOP("terms", "上诉状"),
    QT_TRANSLATE_NOOP("terms", "备考表"),
    QT_TRANSLATE_NOOP("terms", "其他材料"),
)

# Hearing statuses, transcript headers, edit kinds and correction sources (庭审笔录 tab).
HEARING_TERMS = (
    QT_TRANSLATE_NOOP("terms", "录音中"),
    QT_TRANSLATE_NOOP("terms", "录音中断"),
    QT_TRANSLATE_NOOP("terms", "已录音"),
    QT_TRANSLATE_NOOP("terms", "转写中"),
    QT_TRANSLATE_NOOP("terms", "转写中断"),
    QT_TRANSLATE_NOOP("terms", "待核对"),
    QT_TRANSLATE_NOOP("terms", "已核对"),
    QT_TRANSLATE_NOOP("terms", "时间"),
    QT_TRANSLATE_NOOP("terms", "发言人"),
    QT_TRANSLATE_NOOP("terms", "内容"),
    QT_TRANSLATE_NOOP("terms", "置信度"),
    QT_TRANSLATE_NOOP("terms", "补正"),
    QT_TRANSLATE_NOOP("terms", "编辑"),
    QT_TRANSLATE_NOOP("terms", "当事人"),
    QT_TRANSLATE_NOOP("terms", "代理人"),
    QT_TRANSLATE_NOOP("terms", "案由"),
    QT_TRANSLATE_NOOP("terms", "法院"),
    QT_TRANSLATE_NOOP("terms", "热词"),
    QT_TRANSLATE_NOOP("terms", "法律用语"),
)

# 电子卷宗 tab: headers, page states, extracted case fields.
DOSSIER_TERMS = (
    QT_TRANSLATE_NOOP("terms", "页号"),
    QT_TRANSLATE_NOOP("terms", "文件"),
    QT_TRANSLATE_NOOP("terms", "类别"),
    QT_TRANSLATE_NOOP("terms", "置信度"),
    QT_TRANSLATE_NOOP("terms", "状态"),
    QT_TRANSLATE_NOOP("terms", "依据"),
    QT_TRANSLATE_NOOP("terms", "序号"),
    QT_TRANSLATE_NOOP("terms", "文件名称"),
    QT_TRANSLATE_NOOP("terms", "起止页号"),
    QT_TRANSLATE_NOOP("terms", "备注"),
    QT_TRANSLATE_NOOP("terms", "待确认"),
    QT_TRANSLATE_NOOP("terms", "已确认"),
    QT_TRANSLATE_NOOP("terms", "已更正"),
    QT_TRANSLATE_NOOP("terms", "人工"),
    QT_TRANSLATE_NOOP("terms", "案号"),
    QT_TRANSLATE_NOOP("terms", "案由"),
    QT_TRANSLATE_NOOP("terms", "立案日期"),
    QT_TRANSLATE_NOOP("terms", "原告"),
    QT_TRANSLATE_NOOP("terms", "被告"),
    QT_TRANSLATE_NOOP("terms", "诉讼请求"),
)

# 文书 tab: headers, version sources and statuses, template names, review rules.
DRAFTING_TERMS = (
    QT_TRANSLATE_NOOP("terms", "版本"),
    QT_TRANSLATE_NOOP("terms", "文书"),
    QT_TRANSLATE_NOOP("terms", "来源"),
    QT_TRANSLATE_NOOP("terms", "状态"),
    QT_TRANSLATE_NOOP("terms", "创建人"),
    QT_TRANSLATE_NOOP("terms", "段落"),
    QT_TRANSLATE_NOOP("terms", "级别"),
    QT_TRANSLATE_NOOP("terms", "类别"),
    QT_TRANSLATE_NOOP("terms", "问题"),
    QT_TRANSLATE_NOOP("terms", "模板生成"),
    QT_TRANSLATE_NOOP("terms", "导入修改稿"),
    QT_TRANSLATE_NOOP("terms", "已确认机器内容"),
    QT_TRANSLATE_NOOP("terms", "已退回机器内容"),
    QT_TRANSLATE_NOOP("terms", "草稿"),
    QT_TRANSLATE_NOOP("terms", "已签发"),
    QT_TRANSLATE_NOOP("terms", "传票"),
    QT_TRANSLATE_NOOP("terms", "受理案件通知书"),
    QT_TRANSLATE_NOOP("terms", "庭审笔录_首部"),
    QT_TRANSLATE_NOOP("terms", "民事判决书_普通程序"),
    QT_TRANSLATE_NOOP("terms", "民事判决书_简易程序"),
    QT_TRANSLATE_NOOP("terms", "民事裁定书_准许撤诉"),
    QT_TRANSLATE_NOOP("terms", "民事裁定书_驳回起诉"),
    QT_TRANSLATE_NOOP("terms", "民事调解书"),
    QT_TRANSLATE_NOOP("terms", "案号格式"),
    QT_TRANSLATE_NOOP("terms", "案号年度"),
    QT_TRANSLATE_NOOP("terms", "案号前后不一致"),
    QT_TRANSLATE_NOOP("terms", "案号与案件记录不符"),
    QT_TRANSLATE_NOOP("terms", "当事人名称不一致"),
    QT_TRANSLATE_NOOP("terms", "主文中的非当事人"),
    QT_TRANSLATE_NOOP("terms", "当事人与案件记录不符"),
    QT_TRANSLATE_NOOP("terms", "金额大小写不符"),
    QT_TRANSLATE_NOOP("terms", "合计金额不符"),
    QT_TRANSLATE_NOOP("terms", "受理费计算"),
    QT_TRANSLATE_NOOP("terms", "受理费与收费标准不符"),
    QT_TRANSLATE_NOOP("terms", "受理费减半与审理程序不符"),
    QT_TRANSLATE_NOOP("terms", "日期不存在"),
    QT_TRANSLATE_NOOP("terms", "日期先后"),
    QT_TRANSLATE_NOOP("terms", "落款日期格式"),
    QT_TRANSLATE_NOOP("terms", "日期与案件记录不符"),
    QT_TRANSLATE_NOOP("terms", "缺少必备部分"),
    QT_TRANSLATE_NOOP("terms", "判项编号"),
    QT_TRANSLATE_NOOP("terms", "上诉法院"),
    QT_TRANSLATE_NOOP("terms", "法律名称不规范"),
    QT_TRANSLATE_NOOP("terms", "法条序号格式"),
    QT_TRANSLATE_NOOP("terms", "引用已废止法律"),
    QT_TRANSLATE_NOOP("terms", "迟延履行利息条款"),
)

# 数据交换 tab: package states and kinds, conflict fields.
EXCHANGE_TERMS = (
    QT_TRANSLATE_NOOP("terms", "待确认"),
    QT_TRANSLATE_NOOP("terms", "已确认"),
    QT_TRANSLATE_NOOP("terms", "已发送"),
    QT_TRANSLATE_NOOP("terms", "被拒收"),
    QT_TRANSLATE_NOOP("terms", "已导入"),
    QT_TRANSLATE_NOOP("terms", "暂存（等待缺号）"),
    QT_TRANSLATE_NOOP("terms", "已处理"),
    QT_TRANSLATE_NOOP("terms", "已隔离"),
    QT_TRANSLATE_NOOP("terms", "数据"),
    QT_TRANSLATE_NOOP("terms", "确认"),
    QT_TRANSLATE_NOOP("terms", "补发请求"),
    QT_TRANSLATE_NOOP("terms", "密钥更新"),
    QT_TRANSLATE_NOOP("terms", "案号"),
    QT_TRANSLATE_NOOP("terms", "案由"),
    QT_TRANSLATE_NOOP("terms", "程序"),
    QT_TRANSLATE_NOOP("terms", "立案日期"),
    QT_TRANSLATE_NOOP("terms", "状态"),
    QT_TRANSLATE_NOOP("terms", "诉讼请求"),
    QT_TRANSLATE_NOOP("terms", "当事人"),
)


def tr_term(text: str) -> str:
    """Translate a data-driven UI term (falls back to the Chinese text)."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_speaker(role: str) -> str:
    """Display text of a transcript speaker: known roles are translated, names stay as they are."""
    return tr_term(role) if role in SPEAKER_ROLES else role


def untr_speaker(text: str) -> str:
    """The stored speaker role for a displayed (possibly translated) one; other text is kept as typed."""
    for role in SPEAKER_ROLES:
        if text == tr_term(role):
            return role
    return text


def local_time(stamp: str) -> str:
    """An ISO time stored in UTC as this computer's local time (``2026-03-01 14:05:09``)."""
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return (stamp or "").replace("T", " ")[:19]
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
