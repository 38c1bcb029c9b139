"""Event entity of a line: the reminders it sends."""

from typing import Any, override

from homeassistant.components.event import EventEntity, EventEntityDescription
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import EsimRenewalConfigEntry
from .domain.reminders import ReminderKind
from .entity import EsimRenewalEntity

# Events come from the line itself; nothing to serialize.
PARALLEL_UPDATES = 0

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
    """Each reminder the line sends: expiring, expired or data low."""

    @override
    async def async_added_to_hass(self) -> None:
        """Hear the line's reminders while the entity exists."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.async_add_reminder_listener(self._async_reminded)
        )

    @callback
    def _async_reminded(self, reminder: dict[str, Any]) -> None:
        """Record a reminder as this entity's latest event."""
        self._trigger_event(
            reminder["kind"],
            {
                key: reminder[key]
                for key in ("days_left", "threshold", "expiry_date", "number_lost_date")
            },
        )
        self.async_write_ha_state()
