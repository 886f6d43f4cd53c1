"""Messages of login, users, settings, signing, case access, the store and the engines read in
English when the UI is English, and exactly as before in Chinese (issue 14 item 9)."""
from __future__ import annotations

import pytest

from app import messages
from app.paths import StoreLayout
from app.services import auth, preferences
from app.services.auth import AuthError, RequestError
from app.services.signoff import SignOffService
from app.services.transcription import TranscriptionService
from app.services.users import UserService
from app.store.errors import NotFoundError, StoreMissingError
from app.store.store import check_store_files
from app.security.roles import Permission
from engines.common import EngineError, InputError
from engines.transcription.audio import load_audio_bytes
from engines.transcription.child import probe_audio_in_child
from tests.helpers.stores import JUDGE_PASSWORD


def test_wrong_password_reads_in_the_ui_language(fx):
    with pytest.raises(AuthError) as zh:
        fx.login("judge", "wrong-password-1")
    assert str(zh.value).startswith("用户名或密码不正确")
    messages.set_language("en")
    with pytest.raises(AuthError) as en:
        fx.login("judge", "wrong-password-2")
    assert str(en.value).startswith("Wrong user name or password")
    assert "more wrong tries" in str(en.value)
    fx.login("judge", JUDGE_PASSWORD).store.close()


def test_password_rules_and_users_in_english(fx):
    messages.set_language("en")
    with pytest.raises(RequestError, match="at least 8 characters"):
        auth.check_password_strength("short")
    ctx = fx.it()
    try:
        with pytest.raises(AuthError, match="The user name judge already exists"):
            UserService(ctx).create_user("judge", "x", "审判员", JUDGE_PASSWORD)
        with pytest.raises(AuthError, match="You cannot deactivate the account you are logged in with"):
            UserService(ctx).set_active("it", False)
    finally:
        ctx.store.close()


def test_security_settings_refusal_in_english(judge):
    messages.set_language("en")
    with pytest.raises(PermissionError, match="Only the IT staff can change the security policy"):
        preferences.change_settings(judge, {"lockout_attempts": 9})


def test_case_access_and_signing_in_english(judge, case_id):
    messages.set_language("en")
    with pytest.raises(NotFoundError, match="The document does not exist, or you are not on its case's team"):
        SignOffService(judge).sign(99999)
    with pytest.raises(NotFoundError, match="The case does not exist, or you are not on its team"):
        TranscriptionService(judge).require_case(case_id + 1000)
    messages.set_language("zh_CN")
    with pytest.raises(NotFoundError, match="^案件不存在，或您不是该案的承办人员$"):
        TranscriptionService(judge).require_case(case_id + 1000)


def test_store_errors_in_english(tmp_path):
    layout = StoreLayout(tmp_path / "nothing")
    with pytest.raises(StoreMissingError, match="中没有案件库$"):
        check_store_files(layout)
    messages.set_language("en")
    with pytest.raises(StoreMissingError, match="^There is no case store in "):
        check_store_files(layout)
    assert str(messages.Message("store.disk_full")).startswith("The disk is full")


def test_engine_errors_carry_a_code_rendered_in_english():
    with pytest.raises(InputError) as zh:
        load_audio_bytes(b"not audio at all" * 100, "x.wav")
    assert str(zh.value) == "无法识别的音频文件（支持 WAV、FLAC、MP3、M4A）（x.wav）"
    assert zh.value.code == "audio.unrecognised"
    messages.set_language("en")
    assert str(zh.value) == "Unrecognised audio file (WAV, FLAC, MP3 and M4A are supported) (x.wav)"


def test_an_engine_error_from_the_decoding_process_keeps_its_code():
    messages.set_language("en")
    with pytest.raises(InputError, match=r"^Unrecognised audio file .*\(bad\.mp3\)$"):
        probe_audio_in_child(b"\x00garbage" * 500, "bad.mp3")


def test_check_reason_message_in_english():
    message = messages.Message("hearing.check_reason", count=3)
    assert str(message) == "还有 3 段识别把握较低、未经核改，须填写核对完成的理由"
    messages.set_language("en")
    assert str(ValueError(message)).startswith("3 unsure lines have not been checked")


def test_role_refusals_and_exchange_messages_in_english(judge):
    from app.security.roles import PermissionDenied, Role, require
    from app.services.exchange import ExchangeService

    messages.set_language("en")
    with pytest.raises(PermissionDenied, match="^A judge may not view the audit log$"):
        require(Role.JUDGE, Permission.AUDIT_VIEW)
    with pytest.raises(EngineError, match="^No exchange folder is set"):
        ExchangeService(judge).exchange_dir()
    messages.set_language("zh_CN")
    with pytest.raises(PermissionDenied, match="^审判员无权查看审计日志$"):
        require(Role.JUDGE, Permission.AUDIT_VIEW)


def test_platform_update_refusals_in_english():
    from app.services.platform_updates import check_policy, check_rules

    messages.set_language("en")
    with pytest.raises(ValueError, match="lacks the categories list"):
        check_rules(b'{"categories": []}')
    _accepted, refused = check_policy(b'{"settings": {"no_such_setting": 1}}')
    assert refused == [{"name": "no_such_setting", "reason": "unknown setting"}]


def test_unreadable_dossier_files_are_explained_in_english(tmp_path):
    from engines.cataloguing.pipeline import catalogue

    damaged = tmp_path / "a.pdf"
    damaged.write_bytes(b"%PDF-1.4 broken")
    messages.set_language("en")
    with pytest.raises(InputError, match="^None of the files could be read: a.pdf：The PDF file is damaged"):
        catalogue([damaged])


def test_every_engine_refusal_code_has_a_catalogue_entry():
    from engines.exchange.rejection import REASONS, PackageRejected

    messages.set_language("en")
    assert str(PackageRejected("bad_signature", "x.zip")) == "The exchange package's signature does not verify (x.zip)"
    for reason in REASONS:
        assert f"engine.reject.{reason}" in messages.CATALOGUE
    messages.set_language("zh_CN")
    assert str(PackageRejected("bad_signature", "x.zip")) == "交换包签名验证失败（x.zip）"


def test_every_code_an_engine_raises_has_english():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "engines"
    codes = {m for p in root.rglob("*.py") for m in re.findall(r'code="([\w.]+)"', p.read_text(encoding="utf-8"))}
    assert "audio.unrecognised" in codes and "pdf.damaged" in codes
    # A prefix ("reject." + reason) is checked by the test above, one entry per reason.
    assert sorted(c for c in codes if not c.endswith(".") and f"engine.{c}" not in messages.CATALOGUE) == []
