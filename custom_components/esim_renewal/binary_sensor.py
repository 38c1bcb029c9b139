"""Binary sensor of a line: whether it needs renewing."""

from typing import override

from homeassistant.components.binary_sensor import (
    BinarySensorDeviceClass,
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import EsimRenewalConfigEntry
from .domain.lapse import LineStatus
from .entity import EsimRenewalEntity

# Entities are updated by their line, never polled.
PARALLEL_UPDATES = 0

RENEWAL_DUE = BinarySensorEntityDescription(
    key="renewal_due",
    translation_key="renewal_due",
    device_class=BinarySensorDeviceClass.PROBLEM,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the binary sensor of a line."""
    async_add_entities([EsimRenewalRenewalDueEntity(entry.runtime_data, RENEWAL_DUE)])


class EsimRenewalRenewalDueEntity(EsimRenewalEntity, BinarySensorEntity):
    """On while the line is expiring soon or has expired."""

    @property
    @override
    def is_on(self) -> bool:
        """Return whether the line needs renewing."""
        return self.coordinator.data.status is not LineStatus.ACTIVE
