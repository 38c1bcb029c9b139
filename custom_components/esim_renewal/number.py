"""Number entity of a line: the data remaining, to update from a dashboard."""

from typing import override

from homeassistant.components.number import (
    DOMAIN as NUMBER_DOMAIN,
    NumberDeviceClass,
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import EntityCategory, UnitOfInformation
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import EsimRenewalConfigEntry
from .domain.data import has_allowance
from .entity import EsimRenewalEntity, async_remove_absent
from .helpers import translated_line_errors

# Setting changes only local state; nothing to serialize.
PARALLEL_UPDATES = 0

# The largest reading accepted when the allowance is not known.
MAX_DATA_GB = 10000

DATA_REMAINING = NumberEntityDescription(
    key="data_remaining",
    translation_key="data_remaining",
    device_class=NumberDeviceClass.DATA_SIZE,
    entity_category=EntityCategory.CONFIG,
    mode=NumberMode.BOX,
    native_min_value=0,
    native_step=0.01,
    native_unit_of_measurement=UnitOfInformation.GIGABYTES,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the number entity of a line that has a data allowance."""
    if has_allowance(entry.runtime_data.state.data):
        async_add_entities(
            [EsimRenewalDataRemainingNumber(entry.runtime_data, DATA_REMAINING)]
        )
    else:
        async_remove_absent(hass, NUMBER_DOMAIN, entry, [DATA_REMAINING.key])


class EsimRenewalDataRemainingNumber(EsimRenewalEntity, NumberEntity):
    """The data left on the line, in GB, to record a reading from a dashboard."""

    @property
    @override
    def native_max_value(self) -> float:
        """Return the allowance, when known, as the largest reading."""
        total = self.coordinator.data.data.total_gb
        return MAX_DATA_GB if total is None else total

    @property
    @override
    def native_value(self) -> float | None:
        """Return the data remaining."""
        return self.coordinator.data.data.remaining_gb

    @override
    async def async_set_native_value(self, value: float) -> None:
        """Record a reading of the data remaining."""
        with translated_line_errors(self.hass):
            self.coordinator.async_set_data(remaining_gb=value)
