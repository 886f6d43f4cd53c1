"""Map of service names to classes so widgets ask the context instead of importing each.

Every service is listed here (not registered on import), so ``ctx.service(name)`` works
whatever has been imported so far.
"""
from __future__ import annotations

import importlib

SERVICES = {
    "cases": "app.services.cases:CaseService",
    "users": "app.services.users:UserService",
    "audit": "app.services.audit_service:AuditService",
    "outputs": "app.services.machine_outputs:MachineOutputService",
    "signoff": "app.services.signoff:SignOffService",
    "drafting": "app.services.drafting:DraftingService",
    "transcription": "app.services.transcription:TranscriptionService",
    "transcription_live": "app.services.transcription_live:LiveHearingService",
    "cataloguing": "app.services.cataloguing:CataloguingService",
    "exchange": "app.services.exchange:ExchangeService",
}


def register(name: str, target: str) -> None:
    """Add a service ('module:Class') under ``name`` (used by later capabilities)."""
    SERVICES[name] = target


def create_service(name: str, ctx):
    """Instantiate the service ``name`` for ``ctx``."""
    module_name, _, cls_name = SERVICES[name].partition(":")
    return getattr(importlib.import_module(module_name), cls_name)(ctx)
