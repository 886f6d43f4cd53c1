"""Demo store for trying the application: three users with printed passwords and sample cases.

Only the start script creates it (in the repository's demo-data folder); the window title
marks it as a demo so nobody mistakes it for a real store.
"""
from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from app.services import auth
from app.services.cases import CaseInput, Party
from app.settings import Settings

DEMO_USERS = (
    ("admin", "演示管理员", "管理员", "Demo-admin-1"),
    ("judge", "王审判员", "审判员", "Demo-judge-1"),
    ("clerk", "李书记员", "书记员", "Demo-clerk-1"),
)


def demo_hint() -> str:
    """Text listing the demo accounts (printed by the start script and shown at login)."""
    lines = ["演示库账户 / demo accounts:"]
    lines += [f"  {role} {username} / {password}" for username, _, role, password in DEMO_USERS]
    return "\n".join(lines)


def _case_number(filing: date, seq: int) -> str:
    return f"（{filing.year}）京0105民初{seq}号"


def create_demo_store(data_dir: Path, settings: Settings | None = None) -> None:
    """Create the demo store with users and sample cases in ``data_dir``."""
    settings = settings or Settings(policy={})
    admin = DEMO_USERS[0]
    auth.init_store(data_dir, admin[0], admin[3], it_display_name=admin[1], court_name="北京市朝阳区人民法院（演示）",
                    court_code="京0105")
    (Path(data_dir) / "DEMO").write_text("demo store\n", encoding="utf-8")
    ctx = auth.login(data_dir, admin[0], admin[3], settings)
    try:
        for username, display, role, password in DEMO_USERS[1:]:
            ctx.users.create_user(username, display, role, password)
    finally:
        ctx.store.close()
    ctx = auth.login(data_dir, "clerk", "Demo-clerk-1", settings)
    try:
        ids = {r["username"]: r["id"] for r in ctx.store.query("SELECT id, username FROM users")}
        today = date.today()
        samples = [
            (today - timedelta(days=40), "普通", "民间借贷纠纷", "判令被告归还借款人民币50000元及逾期利息",
             [Party("原告", "张晓明", address="北京市朝阳区建国路1号", agent="刘亮", agent_detail="北京正言律师事务所律师"),
              Party("被告", "李建国", address="北京市海淀区学院路8号")]),
            (today - timedelta(days=80), "简易", "物业服务合同纠纷", "判令被告支付物业费人民币15600元",
             [Party("原告", "北京安居物业管理有限公司", kind="法人", representative="周平"),
              Party("被告", "何建军")]),
            (today - timedelta(days=20), "简易", "房屋租赁合同纠纷", "判令被告支付租金人民币36000元",
             [Party("原告", "杨帆"), Party("被告", "北京华信商贸有限公司", kind="法人", representative="赵强")]),
        ]
        for seq, (filing, procedure, cause, claims, parties) in enumerate(samples, start=101):
            ctx.cases.create_case(CaseInput(
                case_number=_case_number(filing, seq), cause=cause, procedure=procedure, filing_date=filing,
                judge_id=ids["judge"], clerk_id=ids["clerk"], claims=claims, parties=parties))
    finally:
        ctx.store.close()
