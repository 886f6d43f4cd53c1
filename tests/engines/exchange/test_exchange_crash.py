"""SIGKILL of a real importer / exporter child at a few points (the benchmark does 50 each)."""
from __future__ import annotations

import random

from tests.helpers.exchange_faults import (build_world, child_command, copy_world, finish_export, finish_import,
                                           run_child)

PACKAGES, SIZE = 4, 600_000


def test_killed_importer_applies_everything_exactly_once(tmp_path):
    template = build_world(tmp_path / "template", PACKAGES, SIZE)
    full, _ = run_child(child_command("import", copy_world(template, tmp_path / "full")), None)
    assert finish_import(tmp_path / "full", PACKAGES).problems == []
    rng = random.Random(7)
    killed = 0
    for i in range(4):
        world = copy_world(template, tmp_path / f"w{i}")
        _, was_killed = run_child(child_command("import", world), rng.uniform(0.0, full))
        killed += was_killed
        check = finish_import(world, PACKAGES)
        assert check.problems == [], (i, check.problems)
    assert killed >= 2


def test_killed_exporter_leaves_no_half_written_package(tmp_path):
    template = build_world(tmp_path / "template", 0, 0)
    full, _ = run_child(child_command("export", copy_world(template, tmp_path / "full"), 4, SIZE), None)
    assert finish_export(tmp_path / "full").applied == 4
    rng = random.Random(11)
    for i in range(4):
        world = copy_world(template, tmp_path / f"w{i}")
        run_child(child_command("export", world, 4, SIZE), rng.uniform(0.0, full))
        check = finish_export(world)
        assert check.problems == [], (i, check.problems)

