"""What users read about the presets says what the presets hold.

The README's table of presets is compared with ``CARRIER_PRESETS`` row for
row, and the flow's texts in every language with the presets' labels.
"""

import json
from pathlib import Path
import re

import pytest

from custom_components.esim_renewal.domain.carrier_preset import (
    UNCONFIRMED_MARK,
    CarrierPreset,
)
from custom_components.esim_renewal.domain.carriers import CARRIER_PRESETS
from custom_components.esim_renewal.domain.validity import ValidityKind

ROOT = Path(__file__).parents[2]
INTEGRATION = ROOT / "custom_components" / "esim_renewal"
FLOW_TEXTS = [
    INTEGRATION / "strings.json",
    *sorted((INTEGRATION / "translations").glob("*.json")),
]
# A cell may end in a note in brackets, which says what the numbers cannot.
_NOTE = re.compile(r"(?P<value>.*?)(?: \([^()]*\))?")


def presets_table(readme: str) -> list[list[str]]:
    """Return the cells of each row of the table under "Carrier presets"."""
    section = readme.split("\n### Carrier presets\n", 1)[1]
    lines = section.splitlines()
    first = next(index for index, line in enumerate(lines) if line.startswith("|"))
    table = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip("|").split(" | ")])
    header, separator, *rows = table
    assert header == ["Preset", "Rule", "Grace", "Data", "Source"]
    assert set("".join(separator)) <= {"-", " "}
    return rows


def without_note(cell: str) -> str:
    """Return a cell without the note in brackets it may end in."""
    match = _NOTE.fullmatch(cell)
    assert match is not None
    return match["value"]


def ordinal(day: int) -> str:
    """Return a day of the month as English writes it: 1st, 2nd, 11th."""
    suffixes = {1: "st", 2: "nd", 3: "rd"}
    suffix = "th" if 11 <= day <= 13 else suffixes.get(day % 10, "th")
    return f"{day}{suffix}"


def rule_text(preset: CarrierPreset) -> str:
    """Return how the README's table words a preset's rule."""
    days = preset.validity_days
    match preset.validity:
        case ValidityKind.FIXED:
            return "fixed" if days is None else f"fixed, {days}-day pack"
        case ValidityKind.ROLLING:
            if days is None:
                return "the top-up's own days from the top-up"
            return f"{days} days from the top-up"
        case ValidityKind.MONTHLY:
            assert preset.billing_day is not None
            return f"monthly, billed on the {ordinal(preset.billing_day)}"
        case ValidityKind.AFTER_PACK:
            return f"{days} days after a {preset.pack_days}-day pack ends"
        case ValidityKind.ACTIVITY:
            months = preset.validity_months
            window = f"{days} days" if months is None else f"{months} months"
            return f"{window} after the last use"
        case ValidityKind.STACKING:
            cap = preset.max_validity_days
            limit = "" if cap is None else f", at most {cap} ahead"
            return f"{days} days added per renewal{limit}"
        case ValidityKind.BALANCE:
            assert preset.fee is not None
            fee = f"{preset.fee:g} {preset.currency}"
            return f"wallet, {fee} every {preset.fee_period_days} days"


def grace_text(preset: CarrierPreset) -> str:
    """Return how the README's table words a preset's grace period."""
    if preset.grace_days is None:
        return "no number" if preset.validity is ValidityKind.FIXED else "unknown"
    return "0" if preset.grace_days == 0 else f"{preset.grace_days} days"


def data_text(preset: CarrierPreset) -> str:
    """Return how the README's table words a preset's data."""
    if preset.unlimited_data:
        return "unlimited"
    if preset.data_total_gb is None:
        return "–"
    return f"{preset.data_total_gb:g} GB"


README_ROWS = presets_table((ROOT / "README.md").read_text(encoding="utf-8"))


def test_readme_lists_the_presets_in_order() -> None:
    """The table has one row a preset, in the code's order, labelled as the list is."""
    assert [row[0] for row in README_ROWS] == [
        preset.label for preset in CARRIER_PRESETS.values()
    ]


@pytest.mark.parametrize(
    ("preset", "row"),
    zip(CARRIER_PRESETS.values(), README_ROWS, strict=False),
    ids=list(CARRIER_PRESETS),
)
def test_readme_row_matches_the_preset(preset: CarrierPreset, row: list[str]) -> None:
    """A preset's row says its rule, grace, data and source as the code has them."""
    label, rule, grace, data, source = row
    assert label == preset.label
    assert without_note(rule) == rule_text(preset)
    assert without_note(grace) == grace_text(preset)
    assert data == data_text(preset)
    assert source == preset.source


def test_readme_notes_are_only_notes() -> None:
    """A note in brackets is cut from the end of a cell, and nothing else is."""
    assert without_note("60 days (unpaid about a month: suspended)") == "60 days"
    assert without_note("180 days from the top-up") == "180 days from the top-up"
    assert ordinal(1) == "1st"
    assert ordinal(12) == "12th"
    assert ordinal(23) == "23rd"


def test_readme_says_how_days_are_counted() -> None:
    """The README says once, next to the presets, how each rule counts days."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.count("#### How days are counted") == 1
    presets = readme.split("\n### Carrier presets\n", 1)[1].split("\n### ", 1)[0]
    counting = presets.split("#### How days are counted", 1)[1]
    for rule in (
        "Fixed end date",
        "days from the top-up",
        "Monthly",
        "After the pack",
        "After the last use",
        "Stacking",
        "Prepaid wallet",
        "Grace",
    ):
        assert f"**{rule}**" in counting


@pytest.mark.parametrize("path", FLOW_TEXTS, ids=lambda path: path.name)
def test_the_carrier_step_explains_the_mark(path: Path) -> None:
    """Every language explains the mark that unconfirmed presets carry in the list."""
    steps = json.loads(path.read_text(encoding="utf-8"))["config"]["step"]
    assert f"{UNCONFIRMED_MARK} " in steps["user"]["description"]
    assert "{source}" in steps["unconfirmed_preset"]["description"]


@pytest.mark.parametrize("path", FLOW_TEXTS, ids=lambda path: path.name)
def test_rule_steps_name_only_the_line(path: Path) -> None:
    """A rule step names the line by {name} and no carrier: a preset's line is one."""
    steps = json.loads(path.read_text(encoding="utf-8"))["config"]["step"]
    carriers = re.compile(
        "|".join(
            rf"\b{re.escape(preset.name)}\b" for preset in CARRIER_PRESETS.values()
        ),
        re.IGNORECASE,
    )
    for kind in ValidityKind:
        description = steps[kind]["description"]
        assert "{name}" in description
        assert carriers.search(description) is None, (kind, description)
