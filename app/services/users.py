"""User administration for IT: create users, deactivate, reset passwords, clear lock-outs."""
from __future__ import annotations

from dataclasses import dataclass

from app.clock import now as _now
from app.messages import Message
from app.security.keys import KdfParams
from app.security.roles import Permission, Role
from app.services.auth import AuthError, check_password_strength
from app.services.session import AppContext


@dataclass
class UserInfo:
    """A user as the administration view shows it."""

    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool


class UserService:
    """Users of this store (IT only, except :meth:`display_names`)."""

    # Tests may lower this to keep Argon2 fast; production keeps the default.
    kdf_params = KdfParams()

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def list_users(self) -> list[UserInfo]:
        """All users with their lock-out state."""
        self.ctx.session.require(Permission.USER_ADMIN)
        keyring = self.ctx.store.keyring
        out = []
        for r in self.ctx.store.query("SELECT * FROM users ORDER BY role, username"):
            try:
                keyring.check_not_locked(r["username"])
                locked = False
            except Exception:  # noqa: BLE001 - an unreadable lock-out entry shows the user as locked
                locked = True
            out.append(UserInfo(r["id"], r["username"], r["display_name"], r["role"], bool(r["active"]), locked))
        return out

    def create_user(self, username: str, display_name: str, role: str, password: str) -> int:
        """Add a user who can log in with ``password``."""
        self.ctx.session.require(Permission.USER_ADMIN)
        username = username.strip()
        if not username or not username.replace("_", "").replace(".", "").isalnum():
            raise AuthError(Message("users.name_chars"))
        Role(role)
        check_password_strength(password)
        if self.ctx.store.query("SELECT 1 FROM users WHERE username = ?", (username,)):
            raise AuthError(Message("users.exists", username=username))
        with self.ctx.store.write() as db:
            user_id = db["users"].insert({
                "username": username, "display_name": display_name.strip() or username, "role": role, "active": 1,
                "created_at": _now(),
            }).last_pk
            self.ctx.audit(db, "user.create", f"user:{username}", role=role)
        keyring = self.ctx.store.keyring
        keyring.set_password(username, password, self.ctx.store.data_key, self.kdf_params)
        keyring.save()
        return user_id

    def set_active(self, username: str, active: bool) -> None:
        """Deactivate (cannot log in; history kept) or reactivate a user."""
        self.ctx.session.require(Permission.USER_ADMIN)
        if username == self.ctx.session.username and not active:
            raise AuthError(Message("users.self"))
        with self.ctx.store.write() as db:
            db.execute("UPDATE users SET active = ? WHERE username = ?", (1 if active else 0, username))
            self.ctx.audit(db, "user.activate" if active else "user.deactivate", f"user:{username}")

    def reset_password(self, username: str, new_password: str) -> None:
        """Set a new password for a user (IT); also clears a lock-out."""
        self.ctx.session.require(Permission.USER_ADMIN)
        check_password_strength(new_password)
        if not self.ctx.store.query("SELECT 1 FROM users WHERE username = ?", (username,)):
            raise AuthError(Message("users.missing", username=username))
        keyring = self.ctx.store.keyring
        # The policy's parameters, never the file's (an edited keyring could have weakened them).
        keyring.set_password(username, new_password, self.ctx.store.data_key, self.kdf_params)
        keyring.save()
        self.ctx.audit_now("user.reset_password", f"user:{username}")

    def unlock(self, username: str) -> None:
        """Clear a lock-out after too many wrong passwords."""
        self.ctx.session.require(Permission.USER_ADMIN)
        self.ctx.store.keyring.unlock_user(username)
        self.ctx.store.keyring.save()
        self.ctx.audit_now("user.unlock", f"user:{username}")
