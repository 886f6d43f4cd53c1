"""One access check for case content: every public service method that takes a case (or a
hearing, segment, draft, suggestion or conflict of one) goes through ``require_case``.

The scan reads the service modules' source (AST): a method passes when it calls
``require_case`` or a function that does (found transitively by name, e.g. a private
``_hearing`` that checks the hearing's case, or another service's ``get_case``), or when it is
marked ``@checked_by_caller``. A new method that forgets the check fails here.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.services.base import AssistantOff
from app.store.errors import NotFoundError

SERVICES = Path(__file__).resolve().parents[3] / "app" / "services"
# Parameters that name case content.
CASE_PARAMS = {"case_id", "hearing_id", "segment_id", "draft_id", "output_id", "conflict_id"}


def _calls(node: ast.AST) -> set[str]:
    names = set()
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            if isinstance(call.func, ast.Attribute):
                names.add(call.func.attr)
            elif isinstance(call.func, ast.Name):
                names.add(call.func.id)
    return names


def _decorators(fn: ast.FunctionDef) -> set[str]:
    return {d.id if isinstance(d, ast.Name) else getattr(d, "attr", "") for d in fn.decorator_list}


def unchecked_methods(sources: dict[str, str]) -> tuple[list[str], int]:
    """(``module.Class.method`` names that take case content without a check, methods seen)."""
    functions: list[tuple[str, ast.FunctionDef]] = []
    owners: dict[int, str] = {}
    for module, text in sources.items():
        tree = ast.parse(text)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        owners[id(item)] = f"{module}.{node.name}"
            if isinstance(node, ast.FunctionDef):
                functions.append((module, node))
    checkers = {"require_case"}
    while True:  # close over "calls something that checks"
        grown = {fn.name for _, fn in functions if _calls(fn) & checkers} - checkers
        if not grown:
            break
        checkers |= grown
    missing, seen = [], 0
    for _module, fn in functions:
        owner = owners.get(id(fn))
        if owner is None or fn.name.startswith("_"):
            continue
        params = {a.arg for a in fn.args.args + fn.args.kwonlyargs}
        if not params & CASE_PARAMS:
            continue
        seen += 1
        if "checked_by_caller" in _decorators(fn) or _calls(fn) & checkers:
            continue
        missing.append(f"{owner}.{fn.name}")
    return missing, seen


def test_every_case_method_of_every_service_checks_access():
    sources = {p.stem: p.read_text(encoding="utf-8") for p in sorted(SERVICES.glob("*.py"))}
    assert len(sources) >= 15, "the scan found no service modules"
    missing, seen = unchecked_methods(sources)
    assert seen >= 40, f"only {seen} case methods found: the scan is not looking where the services are"
    assert missing == []


def test_the_scan_finds_a_method_that_skips_the_check():
    source = '''
class Good:
    def _thing(self, thing_id):
        row = self.ctx.store.query("...")
        self.require_case(row["case_id"])
    def read(self, case_id):
        self.require_case(case_id)
    def via_helper(self, segment_id):
        self._thing(segment_id)

class Bad:
    def leak(self, case_id):
        return self.ctx.store.query("SELECT * FROM parties WHERE case_id = ?", (case_id,))
    def unrelated(self, name):
        return name
'''
    missing, seen = unchecked_methods({"fake": source})
    assert seen == 3
    assert missing == ["fake.Bad.leak"]


def test_one_assistant_off_for_every_assistant():
    from app.services import cataloguing, drafting, transcription, transcription_live

    assert transcription.AssistantOff is drafting.AssistantOff is cataloguing.AssistantOff \
        is transcription_live.AssistantOff is AssistantOff


def test_vocabulary_and_rebuild_refuse_a_user_not_on_the_case(fx, case_id, tmp_path):
    """Bug fixed: both read a case's content without checking the caller was on the case."""
    from app.security.keys import FAST_TEST_PARAMS

    it = fx.it()
    try:
        it.users.kdf_params = FAST_TEST_PARAMS
        it.users.create_user("clerk2", "另一书记员", "书记员", "Clerk-two-22")
    finally:
        it.store.close()
    other = fx.login("clerk2", "Clerk-two-22")
    clerk = fx.clerk()
    try:
        with pytest.raises(NotFoundError):
            other.transcription.vocabulary(case_id)
        with pytest.raises(NotFoundError):
            other.cataloguing.rebuild_documents(case_id)
        vocabulary = clerk.transcription.vocabulary(case_id)  # on the case: allowed
        assert "张晓明" in vocabulary.parties and vocabulary.court == "北京市朝阳区人民法院"
        assert clerk.cataloguing.rebuild_documents(case_id) == []
    finally:
        other.store.close()
        clerk.store.close()


def test_one_clock_for_every_stored_time():
    """No service keeps its own copy of the time stamp helper."""
    copies = [p.name for p in sorted(SERVICES.glob("*.py"))
              if "def _now" in p.read_text(encoding="utf-8") or "datetime.now(" in p.read_text(encoding="utf-8")]
    assert copies == []
