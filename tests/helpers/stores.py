"""Builders for real encrypted stores in temporary folders (fast Argon2 parameters)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.security.keys import FAST_TEST_PARAMS
from app.services import auth
from app.services.cases import CaseInput, CaseService, Party
from app.services.session import AppContext
from app.services.users import UserService
from app.settings import Settings

IT_PASSWORD = "It-admin-2024"
JUDGE_PASSWORD = "Judge-pass-1"
CLERK_PASSWORD = "Clerk-pass-1"


def settings_for(tmp_path: Path, **policy) -> Settings:
    """Settings with an empty user file in ``tmp_path`` and the given machine policy."""
    return Settings(policy=policy, user_file=tmp_path / "user-settings.json")


@dataclass
class StoreFixture:
    """A store with one IT user, one judge and one clerk."""

    data_dir: Path
    recovery_key: str
    settings: Settings

    def login(self, username: str, password: str) -> AppContext:
        """Log in as a user of this store."""
        return auth.login(self.data_dir, username, password, self.settings)

    def judge(self) -> AppContext:
        """Logged-in judge."""
        return self.login("judge", JUDGE_PASSWORD)

    def clerk(self) -> AppContext:
        """Logged-in clerk."""
        return self.login("clerk", CLERK_PASSWORD)

    def it(self) -> AppContext:
        """Logged-in IT user."""
        return self.login("it", IT_PASSWORD)


def make_store(tmp_path: Path) -> StoreFixture:
    """Create a real SQLCipher store with it/judge/clerk users."""
    data_dir = tmp_path / "store"
    settings = settings_for(tmp_path)
    result = auth.init_store(data_dir, "it", IT_PASSWORD, court_name="北京市朝阳区人民法院", court_code="京0105",
                             params=FAST_TEST_PARAMS)
    ctx = auth.login(data_dir, "it", IT_PASSWORD, settings)
    users = UserService(ctx)
    users.kdf_params = FAST_TEST_PARAMS
    users.create_user("judge", "王法官", "审判员", JUDGE_PASSWORD)
    users.create_user("clerk", "李书记员", "书记员", CLERK_PASSWORD)
    ctx.store.close()
    return StoreFixture(data_dir, result.recovery_key, settings)


def sample_case(judge_id: int | None = None, clerk_id: int | None = None, number: str = "(2024)京0105民初12345号",
                filing: date = date(2024, 3, 5), procedure: str = "普通") -> CaseInput:
    """A 民间借贷 case with two parties."""
    return CaseInput(
        case_number=number, cause="民间借贷纠纷", procedure=procedure, filing_date=filing,
        judge_id=judge_id, clerk_id=clerk_id, claims="判令被告归还借款50000元及利息",
        parties=[Party("原告", "张晓明", address="北京市朝阳区", agent="刘律师"),
                 Party("被告", "北京华信商贸有限公司", kind="法人", representative="赵强")],
    )


def user_id(ctx: AppContext, username: str) -> int:
    """Id of a user (read with the context's store)."""
    return ctx.store.query("SELECT id FROM users WHERE username = ?", (username,))[0]["id"]


def create_sample_case(fx: StoreFixture, **kwargs) -> int:
    """Create the sample case as the clerk, assigned to judge and clerk; returns its id."""
    ctx = fx.clerk()
    try:
        return CaseService(ctx).create_case(sample_case(user_id(ctx, "judge"), user_id(ctx, "clerk"), **kwargs))
    finally:
        ctx.store.close()
