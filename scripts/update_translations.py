"""Refresh resources/i18n/*.ts from the sources (pyside6-lupdate), fill English, compile .qm.

Run after changing UI strings: .venv/bin/python scripts/update_translations.py
Missing English entries are listed; they stay untranslated (Qt then shows the Chinese).
"""
from __future__ import annotations

import glob
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "trial_assistant_en.ts"
BIN = Path(sys.executable).parent

EN = {
    " 【演示库 DEMO，请勿录入真实案件】": " [DEMO store: do not enter real cases]", " 天": " days",
    "15天内到期": "Due within 15 days", "30天内到期": "Due within 30 days", "7天内到期": "Due within 7 days",
    "中止": "Suspended", "书记员": "Clerk", "交换目录": "Exchange folder", "交换目录扫描间隔（秒）": "Inbox scan interval (s)",
    "今日到期": "Due today", "代理人信息": "Agent details", "住所": "Address", "保存(&S)": "&Save",
    "信息技术管理员不能查看案件内容。": "IT administrators cannot see case content.",
    "修改后采纳机器结果": "Accepted machine output with changes", "修改密码": "Changed password", "修改案件": "Edit case",
    "修改案件(&E)": "&Edit case", "修改设置": "Changed settings", "停用": "Disabled", "停用/启用": "Disable/enable",
    "停用用户": "Disabled user", "全部期限": "All deadlines", "全部状态": "All statuses", "共 %n 件": "%n cases",
    "关于": "About", "关于(&A)": "&About", "出错了": "Something went wrong", "创建案件库": "Created store",
    "初始密码": "Initial password", "删除所选(&R)": "&Remove selected", "剩余 %n 天": "%n days left",
    "剩余天数": "Days left", "取消": "Cancel", "启用": "Active", "启用卷宗自动归目辅助": "Enable dossier cataloguing assistant",
    "启用文书辅助审查": "Enable document review assistant", "启用文书辅助生成": "Enable drafting assistant",
    "启用用户": "Enabled user", "启用语音转写辅助": "Enable transcription assistant", "姓名/名称": "Name",
    "委托代理人": "Agent", "审判员": "Judge", "审判辅助系统": "Trial Assistant", "审判辅助系统 — 登录": "Trial Assistant — Log in",
    "审理中": "In trial", "审理程序": "Procedure", "审计日志": "Audit log",
    "审计日志完整：%1 条，链头 %2": "Audit log intact: %1 entries, head %2",
    "审计日志被篡改：第 %1 条，%2": "Audit log tampered: entry %1, %2", "审限剩余": "Time left",
    "审限届满": "Deadline", "审限预警天数": "Deadline warning (days)", "密码(&P)": "&Password",
    "密码已重置": "Password reset", "密码锁定时长（分钟）": "Lock-out duration (min)", "对象": "Target", "导出": "Export",
    "就绪": "Ready", "工具(&T)": "&Tools", "已归档": "Archived", "已新建用户": "User created", "已更新": "Updated",
    "已结案": "Closed", "已解除锁定": "Lock-out cleared", "已超期": "Overdue", "已锁定": "Locked", "帮助(&H)": "&Help",
    "平台公钥（指纹或文件）": "Platform key (fingerprint or file)", "序号": "No.", "庭审笔录": "Hearing records",
    "延长审限": "Extension", "当事人": "Parties", "待立案": "Awaiting filing", "恢复密钥重置密码": "Password reset with recovery key",
    "承办法官": "Judge in charge", "拒绝机器结果": "Rejected machine output", "按用户、操作或对象筛选": "Filter by user, action or target",
    "搜索案号、当事人、案由…（Ctrl+F）": "Search case number, party, cause… (Ctrl+F)", "操作": "Action",
    "操作记录": "History", "数据交换": "Exchange", "数据目录": "Data folder", "文书": "Documents", "文件(&F)": "&File",
    "新密码：": "New password:", "新建案件": "New case", "新建案件(&N)": "&New case", "新建用户": "New user",
    "新建用户(&N)": "&New user", "时间 (UTC)": "Time (UTC)", "显示名称": "Display name", "普通程序": "Ordinary procedure",
    "有效：": "Valid: ", "查找案件": "Find case", "查看案件": "Viewed case", "查询失败：": "Query failed: ",
    "校验哈希链(&V)": "&Verify hash chain", "格式：（年度）法院代字类型代字序号号": "Format: (year) court code, type code, number, 号",
    "案件信息": "Case", "案件类型": "Case type", "案号": "Case number", "案由": "Cause", "案由(&C)": "&Cause",
    "正在校验…": "Verifying…", "法定代表人": "Legal representative", "法院代字": "Court code", "法院名称": "Court name",
    "添加当事人(&A)": "&Add party", "状态": "Status", "用户": "User", "用户名": "User name", "用户名(&U)": "&User name",
    "用户管理": "Users", "用户：": "User: ", "由管理策略设定（%1），不能在此修改": "Set by machine policy (%1); cannot be changed here",
    "电子卷宗": "Dossier", "界面语言": "Language", "登录": "Log in", "登录失败": "Failed login",
    "空闲自动锁定（分钟）": "Auto-lock after idle (min)", "立案日期": "Filing date", "立案日期(&D)": "Filing &date",
    "简易程序": "Simplified procedure", "管理员": "IT administrator", "类型": "Kind", "角色": "Role", "解锁(&U)": "&Unlock",
    "解锁失败": "Failed unlock", "解除账户锁定": "Cleared lock-out", "解除锁定": "Clear lock-out", "设置": "Settings",
    "设置(&S)…": "&Settings…", "诉讼地位": "Role in case", "诉讼请求": "Claims", "详情": "Details",
    "语音识别模型目录": "Speech model folder", "请输入用户名和密码": "Enter user name and password",
    "超期 %n 天": "%n days overdue", "身份证号/信用代码": "ID / credit code", "输入密码解锁": "Enter password to unlock",
    "连续输错密码锁定次数": "Wrong passwords before lock-out", "退出": "Quit", "退出(&Q)": "&Quit",
    "部分设置在重新登录后生效。": "Some settings take effect at the next login.", "采纳机器结果": "Accepted machine output",
    "重置密码": "Reset password", "锁定": "Locked", "锁定(&L)": "&Lock", "（未指定）": "(not assigned)",
    "审判辅助系统 0.1\n离线运行，数据加密存储。\n所有机器生成的内容均为辅助建议，须经人工确认。":
        "Trial Assistant 0.1\nRuns offline; data is encrypted at rest.\nEvery machine output is a suggestion a person must accept.",
}


def main() -> int:
    sources = sorted(glob.glob(str(ROOT / "widgets" / "*.py"))) + [str(ROOT / "app" / "gui.py")]
    subprocess.run([str(BIN / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in EN:
            translation.text = EN[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS)], check=True)
    if missing:
        print("untranslated:", *sorted(set(missing)), sep="\n  ")
    return 0


if __name__ == "__main__":
    sys.exit(main())
