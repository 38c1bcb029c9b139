"""Select entity of a line: the plan *Mark renewed* records."""

from typing import override

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import EsimRenewalConfigEntry
from .entity import EsimRenewalEntity
from .helpers import translated_line_errors

# Choosing changes only local state; nothing to serialize.
PARALLEL_UPDATES = 0

PLAN = SelectEntityDescription(key="plan", translation_key="plan")


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the plan select of a line."""
    async_add_entities([EsimRenewalPlanSelect(entry.runtime_data, PLAN)])


class EsimRenewalPlanSelect(EsimRenewalEntity, SelectEntity):
    """The line's plans by name; the one shown is what *Mark renewed* buys.

    A line without plans shows none (unknown), and renews its usual way.
    """

    @property
    @override
    def options(self) -> list[str]:
        """Return the names of the line's plans, in the order they were added."""
        return [plan.name for plan in self.coordinator.plans]

    @property
    @override
    def current_option(self) -> str | None:
        """Return the plan chosen, or the first when none is."""
        plan = self.coordinator.chosen_plan
        return None if plan is None else plan.name

    @override
    async def async_select_option(self, option: str) -> None:
        """Choose the plan the next *Mark renewed* records."""
        with translated_line_errors(self.hass):
            self.coordinator.async_choose_plan(option)
