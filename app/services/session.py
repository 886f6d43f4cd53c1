"""Who is logged in, and the context a service needs (store, settings, session).

Services are reached as typed attributes of the context (``ctx.cases``, ``ctx.drafting``,
...), created on first use and kept for the context's life, so every caller of one context
shares one instance per service (a service may cache rules, e.g. the cataloguing categories).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from app.security import audit
from app.security.roles import Permission, Role, require
from app.settings import Settings
from app.store.store import Store

if TYPE_CHECKING:  # the service modules import this one; at run time they load on first use
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

T = TypeVar("T")


@dataclass(frozen=True)
class Session:
    """The logged-in user."""

    user_id: int
    username: str
    display_name: str
    role: Role

    def require(self, permission: Permission) -> None:
        """Raise PermissionDenied unless this user's role grants ``permission``."""
        require(self.role, permission)


@dataclass
class AppContext:
    """Everything a service needs; one per unlocked store and user."""

    store: Store
    session: Session
    settings: Settings
    services: dict[str, Any] = field(default_factory=dict)

    def audit(self, db, action: str, target: str = "", **detail: Any) -> str:
        """Append an audit entry as the session user inside the caller's write transaction."""
        return audit.append(db, self.session.username, action, target, detail or None)

    def audit_now(self, action: str, target: str = "", **detail: Any) -> str:
        """Append an audit entry in its own transaction."""
        with self.store.write() as db:
            return self.audit(db, action, target, **detail)

    def _service(self, key: str, make: Callable[[], T]) -> T:
        # Kept in ``services`` so a service can be dropped to be rebuilt (new court rules).
        if key not in self.services:
            self.services[key] = make()
        return self.services[key]

    def forget(self, key: str) -> None:
        """Drop the cached service ``key`` (its next use builds it afresh)."""
        self.services.pop(key, None)

    # -- the services, typed; imports are local because each service module imports this one

    @property
    def cases(self) -> CaseService:
        """Case records (:class:`app.services.cases.CaseService`)."""
        from app.services.cases import CaseService
        return self._service("cases", lambda: CaseService(self))

    @property
    def case_fields(self) -> CaseFieldService:
        """Taking over case fields extracted from the dossier (:mod:`app.services.case_fields`)."""
        from app.services.case_fields import CaseFieldService
        return self._service("case_fields", lambda: CaseFieldService(self))

    @property
    def users(self) -> UserService:
        """User accounts (:class:`app.services.users.UserService`)."""
        from app.services.users import UserService
        return self._service("users", lambda: UserService(self))

    @property
    def audit_log(self) -> AuditService:
        """Reading and verifying the audit trail (:class:`app.services.audit_service.AuditService`)."""
        from app.services.audit_service import AuditService
        return self._service("audit", lambda: AuditService(self))

    @property
    def outputs(self) -> MachineOutputService:
        """Machine suggestions and the decisions on them (:mod:`app.services.machine_outputs`)."""
        from app.services.machine_outputs import MachineOutputService
        return self._service("outputs", lambda: MachineOutputService(self))

    @property
    def signoff(self) -> SignOffService:
        """Judges' sign-off of drafts (:class:`app.services.signoff.SignOffService`)."""
        from app.services.signoff import SignOffService
        return self._service("signoff", lambda: SignOffService(self))

    @property
    def drafting(self) -> DraftingService:
        """Drafting and review (:class:`app.services.drafting.DraftingService`)."""
        from app.services.drafting import DraftingService
        return self._service("drafting", lambda: DraftingService(self))

    @property
    def transcription(self) -> TranscriptionService:
        """Hearing recordings and transcripts (:mod:`app.services.transcription`)."""
        from app.services.transcription import TranscriptionService
        return self._service("transcription", lambda: TranscriptionService(self))

    @property
    def live_hearings(self) -> LiveHearingService:
        """Live hearing recording (:mod:`app.services.transcription_live`)."""
        from app.services.transcription_live import LiveHearingService
        return self._service("transcription_live", lambda: LiveHearingService(self))

    @property
    def cataloguing(self) -> CataloguingService:
        """The electronic dossier (:class:`app.services.cataloguing.CataloguingService`)."""
        from app.services.cataloguing import CataloguingService
        return self._service("cataloguing", lambda: CataloguingService(self))

    @property
    def exchange(self) -> ExchangeService:
        """The exchange folder with the court platform (:mod:`app.services.exchange`)."""
        from app.services.exchange import ExchangeService
        return self._service("exchange", lambda: ExchangeService(self))
