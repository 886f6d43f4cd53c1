"""Inbox file names that are not UTF-8 are quarantined with a reason while the batch goes on."""
from __future__ import annotations

import json
import os
import sys

import pytest

from tests.helpers.exchange_builders import small_files

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are always Unicode")


def test_undecodable_name_is_quarantined_and_the_batch_goes_on(pair):
    pair.platform.export("terminal-1", small_files("good"))
    inbox = pair.exchange / "inbox"
    bad = os.path.join(os.fsencode(inbox), b"\xff\xfe-bad\xe9.zip")
    with open(bad, "wb") as fh:
        fh.write(b"not a package")
    report = pair.terminal.import_incoming()
    actions = sorted(o.action for o in report.outcomes)
    assert actions == ["applied", "quarantined"]
    (q,) = [o for o in report.outcomes if o.action == "quarantined"]
    assert q.reason == "bad_name" and q.file.startswith("undecodable-")
    (reason_file,) = pair.terminal.folder.quarantine_dir.glob("undecodable-*.reason.json")
    info = json.loads(reason_file.read_text(encoding="utf-8"))
    assert bytes.fromhex(info["original_name_hex"]) == b"\xff\xfe-bad\xe9.zip"
    assert info["reason"] == "bad_name" and info["message"]
    assert not os.path.exists(bad)  # moved out of the inbox, nothing deleted
