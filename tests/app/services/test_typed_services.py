"""Services are reached typed through the context (``ctx.cases``), never looked up by name."""
from __future__ import annotations

import re
from pathlib import Path

from app.services.audit_service import AuditService
from app.services.case_fields import CaseFieldService
from app.services.cases import CaseService
from app.services.cataloguing import CataloguingService
from app.services.drafting import DraftingService
from app.services.exchange import ExchangeService
from app.services.machine_outputs import MachineOutputService
from app.services.signoff import SignOffService
from app.services.transcription import TranscriptionService
from app.services.transcription_live import LiveHearingService
from app.services.users import UserService

ROOT = Path(__file__).resolve().parents[3]
STRING_LOOKUP = re.compile(r"""\.service\(\s*["']""")


def test_no_code_looks_a_service_up_by_name():
    files = sorted(p for folder in ("app", "widgets") for p in (ROOT / folder).rglob("*.py"))
    assert len(files) >= 50, "no sources found"
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in files
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if STRING_LOOKUP.search(line)]
    assert offenders == [], "use the typed attribute (ctx.cases, ctx.outputs, ...) instead"


def test_each_service_is_one_shared_instance_of_its_class(fx):
    ctx = fx.clerk()
    try:
        expected = {"cases": CaseService, "case_fields": CaseFieldService, "users": UserService,
                    "audit_log": AuditService, "outputs": MachineOutputService, "signoff": SignOffService,
                    "drafting": DraftingService, "transcription": TranscriptionService,
                    "live_hearings": LiveHearingService, "cataloguing": CataloguingService,
                    "exchange": ExchangeService}
        for name, cls in expected.items():
            service = getattr(ctx, name)
            assert type(service) is cls and getattr(ctx, name) is service, name
        rules = ctx.cataloguing
        ctx.forget("cataloguing")
        assert ctx.cataloguing is not rules  # rebuilt on next use (new court rules)
    finally:
        ctx.store.close()
