"""The domain core stands on its own: no Home Assistant, one short topic a file."""

import ast
from pathlib import Path

import pytest

from custom_components.esim_renewal import domain

MODULES = sorted(Path(domain.__file__).parent.glob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_imports_no_home_assistant(module: Path) -> None:
    """No module of the domain core imports Home Assistant."""
    tree = ast.parse(module.read_text())
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert not {name for name in imported if name.startswith("homeassistant")}


@pytest.mark.parametrize("module", MODULES, ids=lambda path: path.name)
def test_modules_stay_short(module: Path) -> None:
    """Each topic fits in a file well under 300 lines."""
    assert len(module.read_text().splitlines()) < 300
