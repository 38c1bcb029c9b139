"""Sensors of a line: days to expiry, expiry, data and status."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, override

from homeassistant.components.sensor import (
    DOMAIN as SENSOR_DOMAIN,
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfInformation, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.lapse import LineStatus
from .domain.line import LineSettings
from .domain.snapshot import LineSnapshot
from .entity import EsimRenewalEntity, async_remove_absent

# The renewals shown on the last-renewal sensor; the full history is in the
# renew action's response and in diagnostics.
RECENT_RENEWALS = 5

# Entities are updated by their line, never polled.
PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class EsimRenewalSensorEntityDescription(SensorEntityDescription):
    """Describes a sensor of a line."""

    value_fn: Callable[[LineSnapshot], StateType | date | datetime]
    exists_fn: Callable[[LineSettings, LineSnapshot], bool] = lambda *_: True
    attributes_fn: Callable[[LineSnapshot], dict[str, Any] | None] = lambda _: None


def _recent_renewals(line: LineSnapshot) -> dict[str, Any]:
    """Return the last few renewals, newest first, and the uses counted apart."""
    attributes: dict[str, Any] = {
        "recent_renewals": [
            {
                "renewed_on": renewal.renewed_on.isoformat(),
                "expiry_date": renewal.expiry_date.isoformat(),
                "cost": renewal.cost,
                "currency": renewal.currency,
            }
            for renewal in reversed(line.renewals[-RECENT_RENEWALS:])
        ]
    }
    if (uses := line.uses) is not None:
        attributes["last_use"] = uses.last_at and uses.last_at.isoformat()
        attributes["uses"] = uses.count
    return attributes


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
        key="number_lost",
        translation_key="number_lost",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda line: line.number_lost_at,
    ),
    EsimRenewalSensorEntityDescription(
        key="pack_expiry",
        translation_key="pack_expiry",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda line: line.pack_expires_at,
        exists_fn=lambda settings, _: settings.rule.has_packs,
    ),
    EsimRenewalSensorEntityDescription(
        key="data_remaining",
        translation_key="data_remaining",
        device_class=SensorDeviceClass.DATA_SIZE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfInformation.GIGABYTES,
        suggested_display_precision=2,
        value_fn=lambda line: line.data.remaining_gb,
        exists_fn=lambda _, line: line.data.tracked,
    ),
    EsimRenewalSensorEntityDescription(
        key="data_used",
        translation_key="data_used",
        device_class=SensorDeviceClass.DATA_SIZE,
        state_class=SensorStateClass.MEASUREMENT,
        native_unit_of_measurement=UnitOfInformation.GIGABYTES,
        suggested_display_precision=2,
        entity_registry_enabled_default=False,
        value_fn=lambda line: line.data.used_gb,
        exists_fn=lambda _, line: line.data.tracked,
    ),
    EsimRenewalSensorEntityDescription(
        key="status",
        translation_key="status",
        device_class=SensorDeviceClass.ENUM,
        options=[status.value for status in LineStatus],
        value_fn=lambda line: line.status.value,
    ),
    EsimRenewalSensorEntityDescription(
        key="last_renewal",
        translation_key="last_renewal",
        device_class=SensorDeviceClass.DATE,
        value_fn=lambda line: line.last_renewal,
        attributes_fn=_recent_renewals,
    ),
)

BALANCE = SensorEntityDescription(
    key="balance",
    translation_key="balance",
    device_class=SensorDeviceClass.MONETARY,
    suggested_display_precision=2,
)

KEEPING_COST = SensorEntityDescription(
    key="keeping_cost",
    translation_key="keeping_cost",
    device_class=SensorDeviceClass.MONETARY,
    suggested_display_precision=0,
)

SPENT_THIS_YEAR = SensorEntityDescription(
    key="spent_this_year",
    translation_key="spent_this_year",
    device_class=SensorDeviceClass.MONETARY,
    state_class=SensorStateClass.TOTAL,
    suggested_display_precision=0,
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the sensors of a line."""
    line = entry.runtime_data
    settings = line.settings
    entities: list[SensorEntity] = []
    absent: list[str] = []
    for description in SENSORS:
        if description.exists_fn(settings, line.data):
            entities.append(EsimRenewalSensorEntity(line, description))
        else:
            absent.append(description.key)
    async_remove_absent(hass, SENSOR_DOMAIN, entry, absent)
    entities.append(EsimRenewalSpendingSensorEntity(line, SPENT_THIS_YEAR))
    entities.append(EsimRenewalKeepingCostSensorEntity(line, KEEPING_COST))
    if settings.rule.has_wallet:
        entities.append(EsimRenewalBalanceSensorEntity(line, BALANCE))
    async_add_entities(entities)


class EsimRenewalSensorEntity(EsimRenewalEntity, SensorEntity):
    """A sensor of a line."""

    entity_description: EsimRenewalSensorEntityDescription
    # The history is kept in the store, and the uses change daily; keep them
    # out of the recorder.
    _unrecorded_attributes = frozenset({"recent_renewals", "last_use", "uses"})

    @property
    @override
    def native_value(self) -> StateType | date | datetime:
        """Return the sensor's value."""
        return self.entity_description.value_fn(self.coordinator.data)

    @property
    @override
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Return the sensor's extra attributes, if it has any."""
        return self.entity_description.attributes_fn(self.coordinator.data)


class EsimRenewalMoneySensorEntity(EsimRenewalEntity, SensorEntity):
    """An amount of money in the line's currency, which is also its wallet's."""

    def __init__(
        self, line: EsimRenewalCoordinator, description: SensorEntityDescription
    ) -> None:
        """Give the sensor the line's currency as its unit."""
        super().__init__(line, description)
        self._attr_native_unit_of_measurement = line.currency


class EsimRenewalSpendingSensorEntity(EsimRenewalMoneySensorEntity):
    """Money spent on the line's renewals this year, in the line's currency.

    The line's currency is Home Assistant's when the line was added, and stays,
    so the unit never changes under the sensor's statistics. Renewals paid in
    another currency are not converted: each currency's total is shown apart.
    """

    @property
    @override
    def native_value(self) -> float:
        """Return the total of this year's renewals."""
        return self.coordinator.data.spent_this_year.get(self.coordinator.currency, 0.0)

    @property
    @override
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return this year's total in each currency paid, the line's included."""
        return {"by_currency": self.coordinator.data.spent_this_year}

    @property
    @override
    def last_reset(self) -> datetime:
        """Return the start of the year, when the total starts again."""
        return dt_util.start_of_local_day(dt_util.now().date().replace(month=1, day=1))


class EsimRenewalKeepingCostSensorEntity(EsimRenewalMoneySensorEntity):
    """What keeping the line costs a year, with its cheapest plan under its rule.

    Plans in another currency than the line's are left out: a cost is never
    converted. Unknown when no plan can keep the line.
    """

    @property
    @override
    def native_value(self) -> float | None:
        """Return the yearly cost."""
        cost = self.coordinator.keeping_cost
        return None if cost is None else cost.yearly

    @property
    @override
    def extra_state_attributes(self) -> dict[str, Any]:
        """Return the plan the cost assumes, by name; none on a wallet line."""
        cost = self.coordinator.keeping_cost
        return {"plan": None if cost is None or cost.plan is None else cost.plan.name}


class EsimRenewalBalanceSensorEntity(EsimRenewalMoneySensorEntity):
    """What the line's prepaid wallet holds, as each period's fee is taken."""

    @property
    @override
    def native_value(self) -> float | None:
        """Return the balance."""
        return self.coordinator.data.balance
