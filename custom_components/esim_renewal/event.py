"""Event entity of a line: the reminders it sends."""

from collections.abc import Mapping
from typing import Any, override

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .const import EVENT_REMINDER
from .coordinator import EsimRenewalConfigEntry
from .domain.reminders import ReminderKind
from .entity import EsimRenewalEntity

# Events come from the line itself; nothing to serialize.
PARALLEL_UPDATES = 0

# What each reminder keeps as the entity's attributes.
_ATTRIBUTES = ("days_left", "threshold", "expiry_date", "number_lost_date")

REMINDER = EventEntityDescription(
    key="reminder",
    translation_key="reminder",
    event_types=[kind.value for kind in ReminderKind],
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the reminder event entity of a line."""
    async_add_entities([EsimRenewalReminderEventEntity(entry.runtime_data, REMINDER)])


class EsimRenewalReminderEventEntity(EsimRenewalEntity, EventEntity):
    """Each reminder the line sends, as the bus carries it."""

    @override
    async def async_added_to_hass(self) -> None:
        """Hear the line's reminders on the bus while the entity exists."""
        await super().async_added_to_hass()
        entry_id = self.coordinator.config_entry.entry_id

        @callback
        def of_this_line(data: Mapping[str, Any]) -> bool:
            return data.get("config_entry_id") == entry_id

        self.async_on_remove(
            self.hass.bus.async_listen(
                EVENT_REMINDER, self._async_reminded, event_filter=of_this_line
            )
        )

    @callback
    def _async_reminded(self, event: Event[dict[str, Any]]) -> None:
        """Record a reminder as this entity's latest event."""
        self._trigger_event(
            event.data["kind"],
            {key: event.data[key] for key in _ATTRIBUTES},
        )
        self.async_write_ha_state()
