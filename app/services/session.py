"""Who is logged in, and the context a service needs (store, settings, session)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.security import audit
from app.security.roles import Permission, Role, require
from app.settings import Settings
from app.store.store import Store


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

    def service(self, name: str):
        """Lazily created services by name ('cases', 'users', 'audit', ...)."""
        if name not in self.services:
            from app.services.registry import create_service

            self.services[name] = create_service(name, self)
        return self.services[name]
