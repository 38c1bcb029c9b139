"""Tests that every language says everything English says, and no more."""

import json
from pathlib import Path
import re
from typing import Any

import pytest

from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations

from custom_components.esim_renewal import model

INTEGRATION = Path(model.__file__).parent
ENGLISH = json.loads((INTEGRATION / "translations" / "en.json").read_text())
PLACEHOLDER = re.compile(r"{(\w+)}")


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Return every string of a translation file by its dotted key."""
    strings: dict[str, str] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            strings |= flatten(value, f"{prefix}{key}.")
        else:
            strings[f"{prefix}{key}"] = value
    return strings


def test_english_is_strings_json() -> None:
    """translations/en.json is strings.json, as core's build would make it."""
    assert json.loads((INTEGRATION / "strings.json").read_text()) == ENGLISH


@pytest.mark.parametrize("language", ["ja", "zh-Hans"])
def test_language_is_complete(language: str) -> None:
    """Every key is translated, with the same placeholders."""
    translated = flatten(
        json.loads((INTEGRATION / "translations" / f"{language}.json").read_text())
    )
    english = flatten(ENGLISH)
    assert list(translated) == list(english)
    for key, text in english.items():
        assert set(PLACEHOLDER.findall(translated[key])) == set(
            PLACEHOLDER.findall(text)
        ), key
        assert translated[key].strip(), key


def test_every_rule_the_domain_core_breaks_is_translated() -> None:
    """Each error key the domain core can raise has English text somewhere."""
    source = (INTEGRATION / "model.py").read_text()
    raised = set(re.findall(r'LineValueError\([^,]+, "(\w+)"\)', source))
    raised |= {
        f"invalid_{field}" for field in re.findall(r'_whole\([^)]*"(\w+)"\)', source)
    }
    english = flatten(ENGLISH)
    known = {key.rsplit(".", 1)[1] for key in english if ".error." in key}
    known |= {key.split(".")[1] for key in english if key.startswith("exceptions.")}
    assert raised
    assert raised - known == set()


async def test_entity_names_are_translated(hass: HomeAssistant) -> None:
    """Home Assistant loads the integration's translations."""
    names = await async_get_translations(hass, "ja", "entity", ["esim_renewal"])
    assert names["component.esim_renewal.entity.sensor.days_until_expiry.name"]
