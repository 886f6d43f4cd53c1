"""Make sqlite-utils run on SQLCipher.

sqlite-utils imports ``pysqlite3`` when it exists and otherwise the standard ``sqlite3``; its
error handling catches that module's exceptions.  Registering ``sqlcipher3`` under the name
``pysqlite3`` *before* sqlite_utils is imported makes sqlite-utils use the encrypted driver
and catch the right exception classes.  Every module that needs sqlite-utils imports it
from here.
"""
from __future__ import annotations

import sys

import sqlcipher3
from sqlcipher3 import dbapi2

if "sqlite_utils" in sys.modules and sys.modules.get("pysqlite3") is not sqlcipher3:
    raise RuntimeError("sqlite_utils was imported before app.store.sqlite registered sqlcipher3")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = dbapi2

import sqlite_utils  # noqa: E402

__all__ = ["sqlcipher3", "dbapi2", "sqlite_utils"]
