"""Encrypted store: SQLCipher database (under sqlite-utils), migrations, encrypted blobs."""
