"""Buttons of a line: mark it renewed now, or undo the last change recorded."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import override

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.renewals import RenewalRequest
from .entity import EsimRenewalEntity
from .helpers import translated_line_errors

# Pressing changes only local state; nothing to serialize.
PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class EsimRenewalButtonEntityDescription(ButtonEntityDescription):
    """Describes a button of a line."""

    press_fn: Callable[[EsimRenewalCoordinator], None]


def _mark_renewed(line: EsimRenewalCoordinator) -> None:
    """Record a renewal now, buying the plan chosen, or the line's usual way."""
    now = dt_util.now()
    line.async_renew(
        RenewalRequest(renewed_on=now.date(), renewed_at=now), line.chosen_plan
    )


BUTTONS: tuple[EsimRenewalButtonEntityDescription, ...] = (
    EsimRenewalButtonEntityDescription(
        key="mark_renewed", translation_key="mark_renewed", press_fn=_mark_renewed
    ),
    EsimRenewalButtonEntityDescription(
        key="undo_renewal",
        translation_key="undo_renewal",
        press_fn=lambda line: line.async_undo(),
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the buttons of a line."""
    async_add_entities(
        EsimRenewalButtonEntity(entry.runtime_data, description)
        for description in BUTTONS
    )


class EsimRenewalButtonEntity(EsimRenewalEntity, ButtonEntity):
    """A button of a line: mark it renewed, or undo the last change recorded.

    Home Assistant writes a button's state, the time it was pressed, before it
    calls ``async_press``: a press that finds nothing to undo is in the
    logbook all the same, and says so with a translated error.
    """

    entity_description: EsimRenewalButtonEntityDescription

    @override
    async def async_press(self) -> None:
        """Do what the button says."""
        with translated_line_errors(self.hass):
            self.entity_description.press_fn(self.coordinator)
