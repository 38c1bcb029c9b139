"""Tests that every language says everything English says, and no more."""

import json
from pathlib import Path
import re
from typing import Any

import pytest
import yaml

from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations

from custom_components import esim_renewal

INTEGRATION = Path(esim_renewal.__file__).parent
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


# How the integration names a broken rule: directly, or through the helpers
# that build the key from the field.
RAISED_KEY = re.compile(r'LineValueError\(\s*[^,()]+,\s*"(\w+)"')
FIELD_HELPERS = {
    r'\bwhole\([^)]*?"(\w+)"\)': ("invalid_{}",),
    r'\boptional_whole\([^)]*?"(\w+)"\)': ("invalid_{}",),
    r'\bamount\([^)]*?"(\w+)"': ("invalid_{}",),
    r'\brequired\([^)]*?"(\w+)"\)': ("missing_{}",),
    r'\bpast_date\([^)]*?"(\w+)"': ("missing_{}", "{}_in_future"),
}


def raised_keys() -> set[str]:
    """Return every error key the integration's code can raise."""
    keys: set[str] = set()
    for module in INTEGRATION.rglob("*.py"):
        source = module.read_text()
        keys |= set(RAISED_KEY.findall(source))
        for pattern, templates in FIELD_HELPERS.items():
            for field in re.findall(pattern, source, re.DOTALL):
                keys |= {template.format(field) for template in templates}
    return keys


def test_every_rule_the_integration_breaks_is_translated() -> None:
    """Each error key any module raises has English text somewhere."""
    raised = raised_keys()
    english = flatten(ENGLISH)
    known = {key.rsplit(".", 1)[1] for key in english if ".error." in key}
    known |= {key.split(".")[1] for key in english if key.startswith("exceptions.")}
    assert {"invalid_pack_days", "missing_last_renewal", "wallet_too_long"} <= raised
    assert raised - known == set()


async def test_entity_names_are_translated(hass: HomeAssistant) -> None:
    """Home Assistant loads the integration's translations."""
    names = await async_get_translations(hass, "ja", "entity", ["esim_renewal"])
    assert names["component.esim_renewal.entity.sensor.days_until_expiry.name"]


# The rules hassfest checks translation files against (script/hassfest/translations.py).
TOP_LEVEL = {
    "title",
    "config",
    "options",
    "selector",
    "device_automation",
    "issues",
    "entity",
    "exceptions",
    "services",
    "common",
    "config_subentries",
}
TRANSLATION_KEY = re.compile(r"^(?!.+[_-]{2})(?![_-])[a-z0-9-_]+(?<![_-])$")
URL = re.compile(
    r"(((ftp|ftps|scp|http|https|mqtt|mqtts|socket|socks5):\/\/|www\.)"
    r"[a-z0-9]+([\-\.]{1}[a-z0-9]+)*\.[a-z]{2,5}(:[0-9]{1,5})?(\/.*)?)",
    re.IGNORECASE,
)


@pytest.mark.parametrize("language", ["en", "ja", "zh-Hans"])
def test_strings_pass_hassfest_rules(language: str) -> None:
    """No URLs, HTML, stray spaces, or placeholders where hassfest forbids them."""
    strings = json.loads(
        (INTEGRATION / "translations" / f"{language}.json").read_text()
    )
    assert set(strings) <= TOP_LEVEL
    for key, text in flatten(strings).items():
        assert text == text.strip(), key
        assert not URL.search(text), key
        assert "<" not in text, key
        assert not re.search(r"'{\w+}'", text), key
        if key.startswith("entity.") and ".state" in key:
            assert not PLACEHOLDER.search(text), key
    for platform in strings["entity"].values():
        for translation_key, entity in platform.items():
            assert TRANSLATION_KEY.match(translation_key)
            for state in entity.get("state", {}):
                assert TRANSLATION_KEY.match(state)
    for selector in strings["selector"].values():
        assert all(TRANSLATION_KEY.match(option) for option in selector["options"])
    for flow in (
        strings["config"],
        strings["options"],
        *strings["config_subentries"].values(),
    ):
        for step in flow["step"].values():
            assert set(step.get("data_description", {})) <= set(step.get("data", {}))
    for issue in strings["issues"].values():
        assert "title" in issue
        assert ("description" in issue) != ("fix_flow" in issue)


def test_every_action_field_is_described() -> None:
    """services.yaml and the translations name the same actions and fields."""
    services = yaml.safe_load((INTEGRATION / "services.yaml").read_text())
    translated = ENGLISH["services"]
    assert set(services) == set(translated)
    for action, description in services.items():
        assert set(description["fields"]) == set(translated[action]["fields"])
        for field in translated[action]["fields"].values():
            assert field["name"]
            assert field["description"]


def test_every_translated_entity_has_an_icon() -> None:
    """icons.json gives every entity translation key its icon."""
    icons = json.loads((INTEGRATION / "icons.json").read_text())
    for platform, entities in ENGLISH["entity"].items():
        assert set(entities) == set(icons["entity"][platform]), platform
    assert set(icons["services"]) == set(ENGLISH["services"])
