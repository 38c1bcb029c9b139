"""The words the integration writes itself, in Home Assistant's language.

Forms, entity names and repairs are translated by the frontend. What the
integration composes on its own (calendar titles, logbook lines, reminder
texts for pushes, the result of a recorded renewal) is written before anyone
reads it, for whoever reads it, and the backend knows no user's language: it
follows Home Assistant's language, as core's translated device names do.

Dates are written the way that language writes them, from a translated
pattern and month names: no locale of the process (which is shared by every
thread) and no extra library.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import (
    LOCALE_EN,
    async_get_cached_translations,
    async_get_translations,
)

from .const import DOMAIN

_CATEGORY = "common"
_PREFIX = f"component.{DOMAIN}.{_CATEGORY}."


@dataclass(frozen=True)
class Words:
    """The integration's texts in one language, with English for any it lacks."""

    translations: Mapping[str, str]
    english: Mapping[str, str]

    def text(self, key: str, **placeholders: Any) -> str:
        """Return a text with its placeholders filled in."""
        full_key = _PREFIX + key
        template = self.translations.get(full_key) or self.english[full_key]
        return template.format(**placeholders)

    def date(self, day: date) -> str:
        """Return a day as the language writes it: 5 December 2026, 2026年12月5日."""
        return self.text(
            "date",
            year=day.year,
            month=self.text(f"month_{day.month}"),
            day=day.day,
        )


async def async_load_english(hass: HomeAssistant) -> None:
    """Load the English texts, the fallback while another language loads."""
    await async_get_translations(hass, LOCALE_EN, _CATEGORY, {DOMAIN})


def words(hass: HomeAssistant) -> Words:
    """Return the texts in Home Assistant's language, as they are loaded now.

    Home Assistant loads an integration's translations in its language when
    it sets the integration up, and again when the language changes; until
    the new language is there, the English texts stand in. This only reads,
    so the logbook may call it from its worker thread.
    """
    return Words(
        translations=async_get_cached_translations(
            hass, hass.config.language, _CATEGORY, DOMAIN
        ),
        english=async_get_cached_translations(hass, LOCALE_EN, _CATEGORY, DOMAIN),
    )
