"""Translate the domain core's broken rules at the edges: actions and entities."""

from collections.abc import Iterator
from contextlib import contextmanager

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.translation import async_get_cached_translations

from .const import DOMAIN, SERVICE_RENEW, SERVICE_SET_DATA
from .domain.values import LineValueError


@contextmanager
def translated_line_errors(hass: HomeAssistant) -> Iterator[None]:
    """Raise a broken rule of the domain core as a translated validation error.

    The message names the field by its label, as the actions show it.
    """
    try:
        yield
    except LineValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders={
                "field": field_label(hass, err.field),
                **err.placeholders,
            },
        ) from err


@callback
def field_label(hass: HomeAssistant, field: str) -> str:
    """Return the label of an action's field in Home Assistant's language.

    A field that no action has (the undo, a line's setting) keeps its key.
    """
    labels = async_get_cached_translations(
        hass, hass.config.language, "services", DOMAIN
    )
    for action in (SERVICE_RENEW, SERVICE_SET_DATA):
        key = f"component.{DOMAIN}.services.{action}.fields.{field}.name"
        if label := labels.get(key):
            return label
    return field
