"""Why a package was refused: a stable reason code, a Chinese message and technical detail."""
from __future__ import annotations

from engines.common import InputError

# Stable codes (used in reason files, audit entries and tests) and the message a user sees.
REASONS: dict[str, str] = {
    "too_large": "交换包超过大小限制",
    "bad_name": "文件名不是 UTF-8 编码，无法识别（已隔离，原名以十六进制记在原因文件中）",
    "too_many_entries": "交换包内条目过多",
    "not_a_package": "不是有效的交换包（ZIP 结构损坏或被截断）",
    "bad_structure": "交换包结构不符合规范",
    "unsafe_path": "交换包含有不安全的文件路径",
    "unexpected_entry": "交换包含有规范之外的条目",
    "zip_bomb": "交换包压缩比异常（疑似压缩炸弹）",
    "bad_crc": "交换包条目校验值不符（文件已损坏）",
    "bad_manifest": "交换包清单无法解析或字段不合规范",
    "unsupported_format": "交换包格式版本或算法套件不受支持",
    "unknown_signer": "交换包的签名方不在已固定的公钥之列",
    "retired_key": "交换包使用了已停用的密钥签名",
    "bad_signature": "交换包签名验证失败",
    "wrong_recipient": "交换包的接收方不是本机",
    "payload_mismatch": "交换包载荷与清单不符（大小或摘要错误）",
    "decrypt_failed": "交换包载荷解密失败",
    "file_mismatch": "交换包内文件与清单记录的摘要不符",
    "replay": "交换包序号已处理过（重放）",
    "bad_control": "确认/否认/密钥更新内容不合规范",
    "apply_failed": "交换包内容无法导入",
}


class PackageRejected(InputError):
    """A package failed a check; ``reason`` is one of :data:`REASONS`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(REASONS.get(reason, "交换包被拒收"), detail,
                         code="reject." + (reason if reason in REASONS else "other"))
        self.reason = reason
