"""Date entity of a line: its expiry date, to correct from a dashboard."""

from datetime import date
from typing import override

from homeassistant.components.date import DateEntity, DateEntityDescription
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import EsimRenewalConfigEntry
from .entity import EsimRenewalEntity
from .helpers import translated_line_errors

# Setting changes only local state; nothing to serialize.
PARALLEL_UPDATES = 0

EXPIRY_DATE = DateEntityDescription(
    key="expiry_date",
    translation_key="expiry_date",
    entity_category=EntityCategory.CONFIG,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the date entity of a line whose last safe day can be given."""
    if entry.runtime_data.settings.rule.takes_expiry_date:
        async_add_entities(
            [EsimRenewalExpiryDateEntity(entry.runtime_data, EXPIRY_DATE)]
        )


class EsimRenewalExpiryDateEntity(EsimRenewalEntity, DateEntity):
    """The last day the line works, as the carrier shows it."""

    @property
    @override
    def native_value(self) -> date:
        """Return the expiry date."""
        return self.coordinator.data.expiry_date

    @override
    async def async_set_value(self, value: date) -> None:
        """Correct the last safe day: not before the last renewal, and undoable."""
        with translated_line_errors(self.hass):
            self.coordinator.async_set_expiry_date(value)
