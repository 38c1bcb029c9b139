"""Button of a line: mark it renewed today."""

from typing import override

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util import dt as dt_util

from .coordinator import EsimRenewalConfigEntry
from .domain.renewals import RenewalRequest
from .entity import EsimRenewalEntity
from .helpers import translated_line_errors

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
        now = dt_util.now()
        with translated_line_errors():
            self.coordinator.async_renew(
                RenewalRequest(renewed_on=now.date(), renewed_at=now)
            )
