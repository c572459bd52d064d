"""The engine package loads each of its names on first use: every name is there, from the module it is from."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import pytest

import kremlin_sim.engine as engine


def type_checking_imports() -> dict[str, str]:
    """Name -> module, as the package's `if TYPE_CHECKING:` block imports them for type checkers and readers."""
    tree = ast.parse(Path(engine.__file__).read_text(encoding="utf-8"))
    block = next(node for node in tree.body if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING")
    return {alias.name: node.module for node in block.body for alias in node.names}


def test_the_names_type_checkers_see_are_the_names_the_package_gives():
    assert sorted(type_checking_imports()) == engine.__all__
    assert set(engine.__all__) <= set(dir(engine))


@pytest.mark.parametrize("name, module", sorted(type_checking_imports().items()))
def test_each_name_is_the_object_of_its_module(name, module):
    assert getattr(engine, name) is getattr(importlib.import_module(f"kremlin_sim.engine.{module}"), name)


def test_an_unknown_name_is_an_attribute_error_so_submodules_still_import():
    with pytest.raises(AttributeError, match="no_such_name"):
        engine.no_such_name  # noqa: B018
    from kremlin_sim.engine import savelog

    assert savelog.read_log is engine.read_log


def test_no_module_is_named_as_a_name_of_the_package():
    """Importing a submodule sets it as the package's attribute of that name: a module `replay` loaded
    directly would replace the function `replay` that the package gives on first use."""
    assert {info.name for info in pkgutil.iter_modules(engine.__path__)} & set(engine.__all__) == set()
