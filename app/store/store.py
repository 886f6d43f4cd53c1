"""One open store: the encrypted database, the blob folder and the keyring, by data folder."""
from __future__ import annotations

from pathlib import Path

from app.paths import StoreLayout
from app.security.keys import Keyring
from app.store import migrations
from app.store.blobs import BlobStore
from app.store.database import Database
from app.store.errors import StoreError


class Store:
    """Database + blobs + keyring of one data folder, opened with the data key."""

    def __init__(self, layout: StoreLayout, data_key: bytes, keyring: Keyring) -> None:
        if not keyring.verify_data_key(data_key):
            raise StoreError("密钥与本案件库不符")
        self.layout = layout
        self.keyring = keyring
        self.database = Database(layout.database, data_key)
        migrations.migrate(self.database)
        self.blobs = BlobStore(layout.blobs, data_key)
        self._data_key = data_key

    @property
    def data_key(self) -> bytes:
        """The raw data key (only for rewrapping under a new password or recovery key)."""
        return self._data_key

    @property
    def is_demo(self) -> bool:
        """True for the demo store that the start script creates."""
        return self.layout.demo_marker.exists()

    def write(self):
        """Serialised write transaction (see Database.write)."""
        return self.database.write()

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        """Read rows as dicts."""
        return self.database.query(sql, params)

    def close(self) -> None:
        """Close the database."""
        self.database.close()

    @staticmethod
    def layout_for(data_dir: Path | str) -> StoreLayout:
        """The file layout of a data folder."""
        return StoreLayout(data_dir)
