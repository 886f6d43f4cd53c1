"""The keyring's MAC, Argon2 bounds, unauthenticated failed-login reports and the legacy upgrade."""
from __future__ import annotations

import json
import time

import pytest

from app.paths import StoreLayout
from app.security import audit
from app.security.keys import FAST_TEST_PARAMS, KdfParams, Keyring
from app.security.roles import Role
from app.services import auth
from app.store.store import Store
from tests.helpers.stores import CLERK_PASSWORD, IT_PASSWORD, JUDGE_PASSWORD


def _edit(fx, change) -> None:
    path = fx.data_dir / "keyring.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def _audit_rows(fx) -> list[dict]:
    """The audit log read with the recovery key (no login, so nothing is added)."""
    layout = StoreLayout(fx.data_dir)
    keyring = Keyring.load(layout.keyring)
    store = Store(layout, keyring.unwrap_with_recovery(fx.recovery_key), keyring)
    try:
        return store.query("SELECT * FROM audit_log ORDER BY id")
    finally:
        store.database.close()


def test_an_edited_sealed_field_is_refused_at_unlock_and_audited(fx):
    _edit(fx, lambda d: d["recovery"].update(fingerprint="deadbeef"))
    with pytest.raises(auth.AuthError, match="校验码不符"):
        fx.judge()
    rows = _audit_rows(fx)
    assert rows[-1]["action"] == "keyring.tampered" and rows[-1]["username"] == "judge"


def test_a_stripped_mac_is_not_taken_for_an_old_keyring(fx):
    def strip(d):
        d.pop("mac")
        d["version"] = 1
    _edit(fx, strip)
    with pytest.raises(auth.AuthError, match="校验码不符"):
        fx.judge()


def test_recover_reseals_a_tampered_keyring_with_the_policy_parameters(fx):
    _edit(fx, lambda d: d["users"]["judge"].update(kdf={"time_cost": 1, "memory_cost": 9000, "parallelism": 1}))
    auth.recover(fx.data_dir, fx.recovery_key, "judge", "New-judge-pass-2")
    data = json.loads((fx.data_dir / "keyring.json").read_text(encoding="utf-8"))
    assert data["users"]["judge"]["kdf"] == {"time_cost": 5, "memory_cost": 131072, "parallelism": 2}
    fx.login("judge", "New-judge-pass-2").store.close()
    actions = [r["action"] for r in _audit_rows(fx)]
    assert "keyring.resealed" in actions and actions[-2:] == ["password.recover", "login"]


@pytest.mark.parametrize("kdf, message", [
    ({"time_cost": 5, "memory_cost": 1 << 30, "parallelism": 2}, "超过上限"),
    ({"time_cost": 0, "memory_cost": 8192, "parallelism": 1}, "低于安全下限"),
    ({"time_cost": "5", "memory_cost": 8192, "parallelism": 1}, "不是整数"),
    ({"x": 1}, "格式不对"),
])
def test_argon2_parameters_out_of_bounds_are_refused_before_argon2_runs(fx, kdf, message):
    _edit(fx, lambda d: d["users"]["judge"].update(kdf=kdf))
    start = time.perf_counter()
    with pytest.raises(auth.AuthError, match=message):
        fx.judge()
    assert time.perf_counter() - start < 2


def test_the_production_floor_refuses_the_test_parameters(monkeypatch):
    from app.security.keyring_checks import kdf_problem

    monkeypatch.delenv("TRIAL_ASSISTANT_KDF_FLOOR")
    assert "低于安全下限" in kdf_problem(FAST_TEST_PARAMS.time_cost, FAST_TEST_PARAMS.memory_cost, 1)
    assert kdf_problem(KdfParams().time_cost, KdfParams().memory_cost, KdfParams().parallelism) == ""


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(users=[]), "users"),
    (lambda d: d["users"]["judge"].update(salt="!!not base64!!"), "格式不对"),
    (lambda d: d.update(throttle=[1, 2]), "throttle"),
    (lambda d: d.update(version=7), "版本"),
])
def test_keyring_of_the_wrong_shape_gives_a_clear_message(fx, change, message):
    _edit(fx, change)
    with pytest.raises(auth.AuthError, match=message):
        fx.judge()


def test_garbage_lock_out_time_fails_closed_and_ends_by_itself(fx):
    _edit(fx, lambda d: d["throttle"].update(judge={"locked_until": "not a time"}))
    with pytest.raises(auth.AuthError, match="锁定"):
        fx.judge()
    data = json.loads((fx.data_dir / "keyring.json").read_text(encoding="utf-8"))
    assert data["throttle"]["judge"]["locked_until"].startswith("20")  # a real time now


def test_forged_failure_records_can_only_say_login_failed(fx):
    def forge(d):
        d["reports"].append({"seq": 99, "username": "judge", "ts": "2024-05-01T10:00:00+00:00",
                             "action": "draft.sign", "reason": "signed"})
        d["report_seq"] = 99
    _edit(fx, forge)
    fx.it().store.close()
    rows = _audit_rows(fx)
    forged = [r for r in rows if r["username"] == "judge" and "2024-05-01" in r["detail"]]
    assert [r["action"] for r in forged] == ["login.failed"]
    detail = json.loads(forged[0]["detail"])
    assert detail["unauthenticated"] is True and "signed" not in forged[0]["detail"]
    assert not any(r["action"] == "draft.sign" for r in rows)
    assert any(r["action"] == "keyring.reports_missing" for r in rows)  # seq jumped to 99
    assert audit.verify(_raw_conn(fx)).ok


def _raw_conn(fx):
    layout = StoreLayout(fx.data_dir)
    keyring = Keyring.load(layout.keyring)
    return Store(layout, keyring.unwrap_with_recovery(fx.recovery_key), keyring).database.db.conn


def test_erased_throttle_and_deleted_reports_are_found_at_the_next_unlock(fx):
    for _ in range(2):
        with pytest.raises(auth.AuthError):
            fx.login("clerk", "wrong-password-1")
    fx.it().store.close()  # seals: clerk had 2 failed attempts
    for _ in range(2):
        with pytest.raises(auth.AuthError):
            fx.login("clerk", "wrong-password-1")

    def erase(d):
        d["throttle"].pop("clerk")
        d["reports"] = []
    _edit(fx, erase)
    fx.it().store.close()
    actions = {r["action"]: json.loads(r["detail"]) for r in _audit_rows(fx)}
    assert actions["keyring.throttle_rolled_back"]["user"] == "clerk"
    assert actions["keyring.reports_missing"]["count"] == 2


def test_real_failed_logins_reach_the_chain_marked_unauthenticated(fx):
    with pytest.raises(auth.AuthError):
        fx.login("judge", "wrong-password-1")
    fx.it().store.close()
    (row,) = [r for r in _audit_rows(fx) if r["action"] == "login.failed"]
    assert row["username"] == "judge" and json.loads(row["detail"])["unauthenticated"] is True


def _legacy_store(tmp_path):
    """A store as the previous version wrote it: keyring version 1, no MAC, no sealed part."""
    data_dir = tmp_path / "legacy"
    data_dir.mkdir()
    layout = StoreLayout(data_dir)
    key = b"\x07" * 32
    keyring = Keyring.create(layout.keyring, key)
    keyring.set_password("it", IT_PASSWORD, key, FAST_TEST_PARAMS)
    recovery = keyring.set_recovery(key)
    keyring.save()
    store = Store(layout, key, keyring, create=True)
    with store.write() as db:
        db["users"].insert({"username": "it", "display_name": "IT", "role": Role.IT.value, "active": 1,
                            "created_at": "2024-01-01T00:00:00+00:00"})
        audit.append(db, "it", "store.init", str(data_dir), {})
    store.database.close()
    legacy = json.loads(layout.keyring.read_text(encoding="utf-8"))
    for field in ("mac", "sealed", "reports", "report_seq"):
        legacy.pop(field, None)
    legacy["version"] = 1
    legacy["pending_audit"] = [{"ts": "2024-02-01T08:00:00+00:00", "username": "it", "action": "login.failed",
                                "reason": "wrong password"}]
    layout.keyring.write_text(json.dumps(legacy), encoding="utf-8")
    return data_dir, recovery


def test_a_keyring_of_the_previous_version_is_sealed_at_the_first_unlock(tmp_path):
    from tests.helpers.stores import settings_for

    data_dir, recovery = _legacy_store(tmp_path)
    ctx = auth.login(data_dir, "it", IT_PASSWORD, settings_for(tmp_path))
    rows = ctx.store.query("SELECT action, detail FROM audit_log ORDER BY id")
    ctx.store.close()
    data = json.loads((data_dir / "keyring.json").read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["mac"] and "pending_audit" not in data
    assert data["sealed"]["audit_anchor"]["count"] == len(rows)
    actions = [r["action"] for r in rows]
    assert actions[:2] == ["store.init", "keyring.sealed"] and "login.failed" in actions
    # Sealed from now on: an edit is caught at the next unlock.
    data["recovery"]["fingerprint"] = "00000000"
    (data_dir / "keyring.json").write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(auth.AuthError, match="校验码不符"):
        auth.login(data_dir, "it", IT_PASSWORD, settings_for(tmp_path))


def test_password_changes_use_the_policy_parameters(fx):
    ctx = fx.clerk()
    auth.change_password(ctx, CLERK_PASSWORD, "Clerk-new-pass-9")
    ctx.store.close()
    data = json.loads((fx.data_dir / "keyring.json").read_text(encoding="utf-8"))
    assert data["users"]["clerk"]["kdf"]["memory_cost"] == KdfParams().memory_cost
    assert JUDGE_PASSWORD not in json.dumps(data)


def test_threads_writing_the_keyring_at_once_do_not_trip_over_the_temporary_file(tmp_path):
    # An unlock being checked while another task saves the keyring (seen as "No such file:
    # keyring.json.tmp" on the lock screen): writes in one process take turns.
    import threading

    from app.security.keyring_checks import write_private

    target = tmp_path / "keyring.json"
    errors: list[BaseException] = []

    def write(tag: str) -> None:
        try:
            for i in range(200):
                write_private(target, f'{{"writer": "{tag}", "i": {i}}}')
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in "abc"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and not (tmp_path / "keyring.json.tmp").exists()
    assert target.read_text(encoding="utf-8").startswith('{"writer"')
