"""The command line's exit codes, one table (also printed in docs/cli.md's "Exit codes" section).

Scripts may rely on these numbers: each known kind of failure has its own, and an unexpected
error (a bug) always gives INTERNAL with a reference number that is in the log file.
"""
from __future__ import annotations

OK = 0
CHECK_FAILED = 1      # a check ran and found a problem (audit chain broken, anchor mismatch)
USAGE = 2             # bad input or options: the message says what to change
AUTH = 3              # wrong password or recovery key, locked out, deactivated user, tampered keyring
STORE = 4             # the store is missing, empty, half-made, foreign or damaged (nothing was changed)
DISK_FULL = 5         # the disk is full: the write was rolled back, saved data is intact
DENIED = 6            # the user's role does not allow the action
FILE_ACCESS = 7       # a file or folder cannot be read or written (read-only disk, no permission)
QUARANTINED = 8       # exchange import finished, but one or more files were quarantined
INTERNAL = 70         # unexpected error: logged with a traceback under a reference number
INTERRUPTED = 130     # Ctrl+C

DESCRIPTIONS = {
    OK: ("成功", "success"),
    CHECK_FAILED: ("校验发现问题", "a check found a problem"),
    USAGE: ("输入或选项有误", "bad input or options"),
    AUTH: ("身份验证失败", "authentication failed"),
    STORE: ("案件库缺失、不配套或已损坏", "the store is missing, foreign or damaged"),
    DISK_FULL: ("磁盘已满", "disk full"),
    DENIED: ("无权操作", "permission denied by role"),
    FILE_ACCESS: ("文件无法读写", "a file or folder cannot be read or written"),
    QUARANTINED: ("有文件被隔离", "files were quarantined"),
    INTERNAL: ("内部错误（已记录日志）", "internal error (logged)"),
    INTERRUPTED: ("已中断", "interrupted"),
}
