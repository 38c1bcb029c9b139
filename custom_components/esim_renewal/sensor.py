"""Sensors of a line: days to expiry, expiry, data and status."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import override

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfInformation, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.typing import StateType

from .coordinator import EsimRenewalConfigEntry
from .entity import EsimRenewalEntity
from .model import LineSnapshot, LineStatus

# Entities are updated by their line, never polled.
PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class EsimRenewalSensorEntityDescription(SensorEntityDescription):
    """Describes a sensor of a line."""

    value_fn: Callable[[LineSnapshot], StateType | datetime]
    available_fn: Callable[[LineSnapshot], bool] = lambda _: True


SENSORS: tuple[EsimRenewalSensorEntityDescription, ...] = (
    EsimRenewalSensorEntityDescription(
        key="days_until_expiry",
        translation_key="days_until_expiry",
        device_class=SensorDeviceClass.DURATION,
        native_unit_of_measurement=UnitOfTime.DAYS,
        value_fn=lambda line: line.days_until_expiry,
    ),
    EsimRenewalSensorEntityDescription(
        key="expiry",
        translation_key="expiry",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda line: line.expires_at,
    ),
    EsimRenewalSensorEntityDescription(
        key="data_remaining",
        translation_key="data_remaining",
        device_class=SensorDeviceClass.DATA_SIZE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfInformation.GIGABYTES,
        suggested_display_precision=2,
        value_fn=lambda line: line.data.remaining_gb,
        available_fn=lambda line: line.data.remaining_gb is not None,
    ),
    EsimRenewalSensorEntityDescription(
        key="data_used",
        translation_key="data_used",
        device_class=SensorDeviceClass.DATA_SIZE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfInformation.GIGABYTES,
        suggested_display_precision=2,
        value_fn=lambda line: line.data.used_gb,
        available_fn=lambda line: line.data.used_gb is not None,
    ),
    EsimRenewalSensorEntityDescription(
        key="status",
        translation_key="status",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in LineStatus],
        value_fn=lambda line: line.status.value,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the sensors of a line."""
    async_add_entities(
        EsimRenewalSensorEntity(entry.runtime_data, description)
        for description in SENSORS
    )


class EsimRenewalSensorEntity(EsimRenewalEntity, SensorEntity):
    """A sensor of a line."""

    entity_description: EsimRenewalSensorEntityDescription

    @property
    @override
    def available(self) -> bool:
        """Return whether the value is known; unlimited data has no amount."""
        return self.entity_description.available_fn(self.coordinator.snapshot)

    @property
    @override
    def native_value(self) -> StateType | datetime:
        """Return the sensor's value."""
        return self.entity_description.value_fn(self.coordinator.snapshot)
