"""A full local disk while applying is not the package's fault: it stays to be applied later."""
from __future__ import annotations

import errno

import pytest

from tests.helpers.exchange_builders import small_files


def test_disk_full_while_applying_leaves_the_package_for_the_next_scan(pair):
    pair.platform.export("terminal-1", small_files("one"))
    real = pair.terminal.applier

    def full(package, cancel):
        raise OSError(errno.ENOSPC, "No space left on device")

    pair.terminal.applier = full
    with pytest.raises(OSError):
        pair.terminal.import_incoming()
    assert list(pair.terminal.folder.quarantine_dir.glob("*.zip")) == []
    assert len(list(pair.terminal.folder.processing.glob("*.zip"))) == 1
    pair.terminal.applier = real
    report = pair.terminal.import_incoming()
    assert [o.action for o in report.outcomes] == ["applied"]


def test_an_applier_bug_still_quarantines(pair):
    pair.platform.export("terminal-1", small_files("one"))

    def bug(package, cancel):
        raise KeyError("bug")

    pair.terminal.applier = bug
    report = pair.terminal.import_incoming()
    assert [(o.action, o.reason) for o in report.outcomes] == [("quarantined", "apply_failed")]
