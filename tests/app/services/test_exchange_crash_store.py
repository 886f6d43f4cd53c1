"""SIGKILL of the application's importer (real encrypted store) at a few points; the benchmark does 50."""
from __future__ import annotations

import random

from tests.helpers.exchange_faults import (build_store_world, child_command, copy_world, finish_store_import,
                                           run_child)


def test_killed_store_importer_applies_exactly_once_and_store_stays_intact(tmp_path):
    template = build_store_world(tmp_path / "template", 3, 400_000)
    full, _ = run_child(child_command("store-import", copy_world(template, tmp_path / "full")), None)
    assert finish_store_import(tmp_path / "full", 3).problems == []
    rng = random.Random(5)
    for i in range(3):
        world = copy_world(template, tmp_path / f"w{i}")
        run_child(child_command("store-import", world), rng.uniform(0.0, full))
        check = finish_store_import(world, 3)
        assert check.problems == [], (i, check.problems)
