"""Button of a line: mark it renewed today."""

from typing import override

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import EsimRenewalConfigEntry
from .entity import EsimRenewalEntity

# Pressing changes only local state; nothing to serialize.
PARALLEL_UPDATES = 0

MARK_RENEWED = ButtonEntityDescription(
    key="mark_renewed", translation_key="mark_renewed"
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the button of a line."""
    async_add_entities([EsimRenewalMarkRenewedButton(entry.runtime_data, MARK_RENEWED)])


class EsimRenewalMarkRenewedButton(EsimRenewalEntity, ButtonEntity):
    """Record a renewal now, with the line's usual validity and plan."""

    @override
    async def async_press(self) -> None:
        """Record the renewal."""
        self.coordinator.async_renew()
