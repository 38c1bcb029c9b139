"""Translate the domain core's broken rules at the edges: actions and entities."""

from collections.abc import Iterator
from contextlib import contextmanager

from homeassistant.exceptions import ServiceValidationError

from .const import DOMAIN
from .domain.values import LineValueError


@contextmanager
def translated_line_errors() -> Iterator[None]:
    """Raise a broken rule of the domain core as a translated validation error."""
    try:
        yield
    except LineValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders={"field": err.field, **err.placeholders},
        ) from err
