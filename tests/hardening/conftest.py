"""Fixtures of the hardening corpus: shared inputs, and the corpus run once for the tests selected."""

from __future__ import annotations

import pytest

from hardening.corpus import Case, Result, Shared, run_cases


@pytest.fixture(scope="session")
def shared(tmp_path_factory) -> Shared:
    return Shared(tmp_path_factory.mktemp("shared"))


@pytest.fixture(scope="session")
def corpus_results(request, tmp_path_factory, shared) -> dict[str, Result]:
    """Run every selected corpus case at once: side by side, they take seconds instead of a minute."""
    cases = [item.callspec.params["case"] for item in request.session.items
             if isinstance(getattr(getattr(item, "callspec", None), "params", {}).get("case"), Case)]
    ids = [case.id for case in cases]
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert not duplicates, f"corpus case ids must be unique: {sorted(duplicates)}"
    return run_cases(cases, tmp_path_factory.mktemp("corpus"), shared)
