"""Exchange with the central platform through the exchange folder, on top of the store.

The engine's :class:`~engines.exchange.node.ExchangeNode` does the folder work; this service
gives it a ledger inside the encrypted store (so applying a package and recording its id is
one transaction), the terminal's keys from the store, an applier that turns a case assignment
into a case, its dossier files into encrypted blobs, and audit entries for everything that
happens. Roles: judges and clerks exchange their cases; IT manages keys and may run imports
and exports (it sees package ids and states, never case content).
"""
from __future__ import annotations

import json
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.messages import Message, Term
from app.security import audit
from app.security.roles import Permission, PermissionDenied, has_permission
from app.services import platform_updates as updates
from app.services.base import CaseBoundService
from app.services.exchange_incoming import apply_package, set_fields, stage_package
from app.services.exchange_outgoing import case_export_files
from app.services.session import AppContext
from app.store.errors import NotFoundError
from engines.common import NEVER_CANCELLED, CancelToken, EngineError, ProgressCallback, no_progress, to_jsonable
from engines.exchange.folder import ExchangeFolder
from engines.exchange.keys import NodeKeys, PeerKey, fingerprint, generate_node_keys
from engines.exchange.ledger import SqliteLedger
from engines.exchange.node import ExchangeNode
from engines.exchange.package_reader import Limits, VerifiedPackage
from engines.exchange.status import ImportReport


class StoreLedger(SqliteLedger):
    """The engine's SQLite ledger on the store's write connection, transactions via the store."""

    def __init__(self, store) -> None:
        self.store = store
        super().__init__(store.database.db.conn, create=False)

    @contextmanager
    def transaction(self):
        """One serialised store write transaction (nested calls become savepoints)."""
        with self.store.write():
            yield

    def _rows(self, sql: str, params=()) -> list[tuple]:
        # Reads go through the writer under its lock so they see this thread's open transaction.
        with self.store.write() as db:
            return list(db.execute(sql, params).fetchall())


@dataclass
class Conflict:
    """A field the platform changed while it was also changed locally."""

    id: int
    case_id: int
    case_number: str
    field: str
    local_value: str
    platform_value: str
    package_id: str
    created_at: str


class ExchangeService(CaseBoundService):
    """Export, import, status, keys and conflicts for the logged-in user."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ledger = StoreLedger(ctx.store)

    # -- permissions ------------------------------------------------------------------------
    def _require_exchange(self) -> None:
        role = self.ctx.session.role
        if not (has_permission(role, Permission.EXCHANGE_USE) or has_permission(role, Permission.EXCHANGE_ADMIN)):
            raise PermissionDenied(Message("perm.denied", role=Term(role.value), action=Message("perm.exchange.use")))

    # -- node -------------------------------------------------------------------------------
    def exchange_dir(self, override: str | Path | None = None) -> Path:
        """The exchange folder: ``override`` or the ``exchange_dir`` setting."""
        folder = override or self.ctx.settings["exchange_dir"]
        if not folder:
            raise EngineError(Message("exchange.no_dir"), "exchange_dir")
        return Path(folder)

    def node(self, exchange_dir: str | Path | None = None) -> ExchangeNode:
        """An engine node over the exchange folder, this store's ledger and applier."""
        return ExchangeNode(folder=ExchangeFolder.terminal(self.exchange_dir(exchange_dir)), ledger=self.ledger,
                            applier=self._apply, stager=self._stage, limits=self.limits(), on_event=self._event,
                            audit_head=self._audit_head)

    def limits(self) -> Limits:
        """Incoming-package limits: the engine's, with the size cap IT sets by policy."""
        return Limits(max_package_bytes=int(self.ctx.settings["exchange_max_package_mb"]) << 20)

    def _audit_head(self) -> str:
        # Called when a package is built: the head it carries is also sealed locally, so that
        # `audit verify` can compare the chain with what the platform was last told.
        with self.ctx.store.write() as db:
            head = audit.head(db)
            count = db.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        self.ctx.store.record_platform_head(count, head)
        return head

    def _event(self, event: str, detail: dict) -> None:
        # Runs inside the ledger transaction for applied packages: the audit entry commits with them.
        self.ctx.audit_now(event, f"package:{detail.get('package_id') or ''}", **detail)

    def _stage(self, package: VerifiedPackage, cancel: CancelToken):
        return stage_package(self.ctx.store.blobs, package, cancel)

    def _apply(self, package: VerifiedPackage, cancel: CancelToken) -> None:
        root = self.ctx.store.layout.root
        with self.ctx.store.write() as db:
            result = apply_package(db, self.ctx.store.blobs, package, cancel, data_root=root)
            if result["case_id"] is not None:
                self.ctx.audit(db, "exchange.case_applied", f"case:{result['case_id']}",
                               package_id=package.manifest.package_id, fields=result["applied"],
                               conflicts=result["conflicts"])
            for update in result["updates"]:
                action = f"exchange.{update['kind']}_{'installed' if update['installed'] else 'refused'}"
                self.ctx.audit(db, action, f"file:{update['path']}", package_id=package.manifest.package_id,
                               **{k: v for k, v in update.items() if k not in ("kind", "path", "installed")})
        if result["updates"]:
            self._reload_platform_updates(root)

    def _reload_platform_updates(self, root: Path) -> None:
        # Installed files take effect in this session too: the settings' platform layer is
        # re-read and the cataloguing service re-reads its (cached) rule file when next used.
        from engines.cataloguing.rules import load_rules

        from app.security.platform_policy import store_verifier

        self.ctx.settings.use_platform_policy(updates.platform_policy_file(root), store_verifier(self.ctx.store))
        load_rules.cache_clear()
        self.ctx.forget("cataloguing")

    def platform_updates(self) -> dict:
        """Templates, catalogue rules and policy the platform installed here (and what was refused)."""
        self._require_exchange()
        return updates.installed(self.ctx.store.layout.root)

    def platform_node(self) -> str:
        """Node name of the pinned platform key."""
        self._pin_from_policy()
        active = [p.key for p in self.ledger.pinned_keys() if not p.retired]
        if not active:
            raise EngineError(Message("exchange.no_platform_key"))
        return active[-1].node

    # -- keys -------------------------------------------------------------------------------
    def _policy_key(self) -> tuple[Path | None, str]:
        """The ``platform_key`` setting: a key file to pin, or a fingerprint imports must match."""
        value = str(self.ctx.settings["platform_key"] or "").strip()
        if not value:
            return None, ""
        compact = value.replace(" ", "").lower()
        if len(compact) == 40 and all(ch in "0123456789abcdef" for ch in compact):
            return None, compact
        return Path(value), ""

    def _pin_from_policy(self) -> None:
        # IT may deploy the platform key with the MSI; it is pinned the first time it is needed.
        path, _ = self._policy_key()
        if path is None or not path.is_file():
            return
        try:
            peer = PeerKey.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, EngineError):
            return
        if self.ledger.find_key(peer.node, peer.key_id) is None:
            with self.ledger.transaction():
                self.ledger.pin_key(peer)
                self.ctx.audit_now("exchange.platform_key_pinned", f"node:{peer.node}", key_id=peer.key_id,
                                   source="policy")

    def own_key(self) -> dict:
        """This terminal's public key (the file IT hands to the platform) with its fingerprint."""
        self._require_exchange()
        own = self.ledger.own_keys()
        if not own:
            raise EngineError(Message("exchange.no_keys"))
        return own[0].public().to_json()

    @staticmethod
    def read_key_file(path: str | Path) -> dict:
        """A public key file's content with its fingerprint, checked (for IT to compare first)."""
        try:
            return PeerKey.from_json(json.loads(Path(path).read_text(encoding="utf-8"))).to_json()
        except (OSError, ValueError) as exc:
            raise EngineError(Message("exchange.key_unreadable"), str(exc)) from None

    def pin_platform_key(self, key: dict | str | Path, expected_fingerprint: str = "") -> dict:
        """Pin the platform's public key (IT only); refuse it if the fingerprint IT read differs."""
        self.ctx.session.require(Permission.EXCHANGE_ADMIN)
        if not isinstance(key, dict):
            try:
                key = json.loads(Path(key).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise EngineError(Message("exchange.platform_key_unreadable"), str(exc)) from None
        peer = PeerKey.from_json(key)
        expected_fingerprint = expected_fingerprint or self._policy_key()[1]
        if expected_fingerprint and expected_fingerprint.replace(" ", "").lower() != peer.key_id:
            raise EngineError(Message("exchange.fingerprint_mismatch"), fingerprint(peer.key_id))
        with self.ledger.transaction():
            self.ledger.pin_key(peer)
            self.ctx.audit_now("exchange.platform_key_pinned", f"node:{peer.node}", key_id=peer.key_id)
        return peer.to_json()

    def rotate_keys(self, exchange_dir: str | Path | None = None) -> dict:
        """New terminal keys, announced to the platform by a key update signed with the old key."""
        self.ctx.session.require(Permission.EXCHANGE_ADMIN)
        new = self.node(exchange_dir).rotate_keys([self.platform_node()])
        return new.public().to_json()

    def create_keys(self, node_name: str) -> dict:
        """Replace the terminal's node name and keys before first use (IT only, nothing sent yet)."""
        self.ctx.session.require(Permission.EXCHANGE_ADMIN)
        if self.ledger.outgoing_list():
            raise EngineError(Message("exchange.already_sent"))
        keys: NodeKeys = generate_node_keys(node_name)
        with self.ledger.transaction():
            self.ledger.add_own_key(keys)
            self.ctx.audit_now("exchange.keys_created", f"node:{node_name}", key_id=keys.key_id)
        return keys.public().to_json()

    # -- work -------------------------------------------------------------------------------
    def import_now(self, exchange_dir: str | Path | None = None, progress: ProgressCallback = no_progress,
                   cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Claim, verify and apply everything waiting in the inbox."""
        self._require_exchange()
        return self.node(exchange_dir).import_incoming(progress, cancel)

    def retry_quarantined(self, name: str, exchange_dir: str | Path | None = None,
                          progress: ProgressCallback = no_progress,
                          cancel: CancelToken = NEVER_CANCELLED) -> ImportReport:
        """Put quarantined package ``name`` back in the inbox and import again.

        For after its cause was fixed (the platform key pinned, the size cap raised by
        policy); every check runs again, so nothing refused before can slip through.
        """
        self._require_exchange()
        node = self.node(exchange_dir)
        try:
            node.requeue_quarantined(name)
        except (FileNotFoundError, ValueError) as exc:
            raise NotFoundError(Message("exchange.not_quarantined", name=name)) from exc
        return node.import_incoming(progress, cancel)

    def export_case(self, case_id: int, exchange_dir: str | Path | None = None, include_audio: bool = False,
                    progress: ProgressCallback = no_progress, cancel: CancelToken = NEVER_CANCELLED) -> dict:
        """Send one case (record, dossier, signed drafts, optionally audio) to the platform."""
        self.require_case(case_id, Permission.EXCHANGE_USE)
        return self._export(case_id, exchange_dir, include_audio, progress, cancel)

    def _hearing_docx(self, case_id: int) -> dict[int, bytes]:
        """Each hearing's 庭审笔录 .docx, made by the transcription service's export.

        The export writes a file; it goes to a temporary name inside the data folder and is read
        back and deleted at once, so no plaintext record stays on disk. A user who may not read
        the case (IT exporting pending cases) sends the JSON records only.
        """
        from app.security.roles import PermissionDenied as Denied

        transcription = self.ctx.transcription
        ids = [r["id"] for r in self.ctx.store.query("SELECT id FROM hearings WHERE case_id=? ORDER BY id",
                                                     (case_id,))]
        tmp_dir = Path(self.ctx.store.layout.root) / "tmp"
        for stale in tmp_dir.glob(".hearing-*.part"):  # left by a crash during an earlier export
            stale.unlink(missing_ok=True)
        out: dict[int, bytes] = {}
        for hearing_id in ids:
            tmp_dir.mkdir(exist_ok=True)
            tmp = tmp_dir / f".hearing-{hearing_id}-{uuid.uuid4().hex}.docx.part"
            try:
                transcription.export(hearing_id, tmp, "docx")
                out[hearing_id] = tmp.read_bytes()
            except (Denied, NotFoundError):
                return {}
            finally:
                tmp.unlink(missing_ok=True)
        return out

    def _export(self, case_id, exchange_dir, include_audio, progress, cancel) -> dict:
        hearing_docx = self._hearing_docx(case_id)
        with self.ctx.store.write() as db:
            files, version = case_export_files(db, self.ctx.store.blobs, case_id, include_audio, hearing_docx)
        record = self.node(exchange_dir).export(self.platform_node(), files, progress, cancel)
        with self.ctx.store.write() as db:
            db.execute("UPDATE exchange_case_sync SET exported_version=? WHERE case_id=?", (version, case_id))
            if not db.execute("SELECT 1 FROM exchange_case_sync WHERE case_id=?", (case_id,)).fetchone():
                db.execute("INSERT INTO exchange_case_sync (case_id, platform_case_id, exported_version, updated_at)"
                           " VALUES (?,?,?,datetime('now'))", (case_id, f"local-{case_id}", version))
            for f in files:
                db.execute("INSERT INTO exchange_files (package_id, direction, case_id, path, sha256, size, created_at)"
                           " VALUES (?,?,?,?,?,?,datetime('now'))", (record.package_id, "out", case_id, f.path, "", f.size))
            self.ctx.audit(db, "exchange.case_exported", f"case:{case_id}", package_id=record.package_id,
                           sequence=record.sequence)
        return to_jsonable(record)

    def export_pending(self, exchange_dir: str | Path | None = None, progress: ProgressCallback = no_progress,
                       cancel: CancelToken = NEVER_CANCELLED) -> list[dict]:
        """Export every case changed since it was last sent ("export now")."""
        self._require_exchange()
        rows = self.ctx.store.query(
            "SELECT c.id FROM cases c LEFT JOIN exchange_case_sync s ON s.case_id = c.id"
            " WHERE s.case_id IS NULL OR c.version > s.exported_version ORDER BY c.id")
        out = []
        for i, row in enumerate(rows):
            cancel.check()
            progress(i / max(1, len(rows)), f"case {row['id']}")
            out.append(self._export(row["id"], exchange_dir, False, no_progress, cancel))
        progress(1.0, "")
        return out

    def status(self, exchange_dir: str | Path | None = None) -> dict:
        """Folder, keys, pending/held/quarantined packages and open conflicts."""
        self._require_exchange()
        status = to_jsonable(self.node(exchange_dir).status())
        status["exchange_dir"] = str(self.exchange_dir(exchange_dir))
        status["incoming"] = [to_jsonable(r) for r in self.ledger.incoming_list()[-50:]]
        status["outgoing"] = [to_jsonable(r) for r in self.ledger.outgoing_list()[-50:]]
        status["open_conflicts"] = self.ctx.store.query(
            "SELECT count(*) AS n FROM exchange_conflicts WHERE state='open'")[0]["n"]
        status["platform_updates"] = updates.installed(self.ctx.store.layout.root)
        return status

    # -- conflicts --------------------------------------------------------------------------
    def conflicts(self, case_id: int | None = None) -> list[Conflict]:
        """Open conflicts on cases the user is assigned to (of one case when ``case_id`` is given)."""
        self.ctx.session.require(Permission.CASE_READ)
        if case_id is not None:
            self.require_case(case_id)
        rows = self.ctx.store.query(
            "SELECT x.*, c.case_number FROM exchange_conflicts x JOIN cases c ON c.id = x.case_id"
            " WHERE x.state='open' AND x.case_id IN (SELECT case_id FROM case_members WHERE user_id=?)"
            " AND (? IS NULL OR x.case_id = ?) ORDER BY x.id", (self.ctx.session.user_id, case_id, case_id))
        return [Conflict(r["id"], r["case_id"], r["case_number"], r["field"], r["local_value"], r["platform_value"],
                         r["package_id"], r["created_at"]) for r in rows]

    def resolve_conflict(self, conflict_id: int, choice: str) -> None:
        """Keep the local value (``local``) or take the platform's (``platform``)."""
        self.ctx.session.require(Permission.CASE_EDIT)
        if choice not in ("local", "platform"):
            raise ValueError("choice must be 'local' or 'platform'")
        rows = self.ctx.store.query("SELECT * FROM exchange_conflicts WHERE id=? AND state='open'", (conflict_id,))
        if not rows:
            raise NotFoundError(Message("exchange.conflict_missing"))
        c = rows[0]
        self.require_case(c["case_id"])
        with self.ctx.store.write() as db:
            if choice == "platform":
                set_fields(db, c["case_id"], {c["field"]: c["platform_value"]})
            db.execute("UPDATE exchange_conflicts SET state=?, resolved_by=?, resolved_at=datetime('now') WHERE id=?",
                       (choice, self.ctx.session.username, conflict_id))
            self.ctx.audit(db, "exchange.conflict_resolved", f"case:{c['case_id']}", field=c["field"], choice=choice)
