"""Tests of the check that the end-to-end tests have what they need."""

from pathlib import Path

from .harness import missing_requirements


def test_installed_requirements_are_not_missing(tmp_path: Path) -> None:
    """A pinned requirement installed as pinned is not reported, comments aside."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("# The web UI.\n\nPyYAML  # comment\n")
    assert missing_requirements(requirements) == []


def test_missing_requirements_are_named(tmp_path: Path) -> None:
    """A package that is not installed, or not at its pin, is named."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("no-such-package-esim-renewal==1.0\nPyYAML==0.0.1\n")
    missing = missing_requirements(requirements)
    assert missing[0] == "no-such-package-esim-renewal==1.0"
    assert missing[1].startswith("PyYAML==0.0.1 (")
    assert len(missing) == 2
