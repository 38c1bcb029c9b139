"""Send a line's reminders: one bus event that triggers, entities and blueprints hear."""

from datetime import datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import CONF_RENEWAL_URL, DOMAIN, EVENT_REMINDER, LOGGER
from .domain.lapse import Lapse
from .domain.reminders import Reminder, days_left


class ReminderNotifier:
    """Tell automations of one line's reminders."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Remember the line whose reminders this sends."""
        self._hass = hass
        self._entry = entry

    @callback
    def async_message(
        self, reminder: Reminder, lapse: Lapse, now: datetime
    ) -> dict[str, Any]:
        """Return what a reminder says, as the line stands when it falls due."""
        entry = self._entry
        device = dr.async_get(self._hass).async_get_device_by_identifier(
            (DOMAIN, entry.entry_id), entry.entry_id
        )
        lost_on = lapse.number_lost_on
        return {
            "config_entry_id": entry.entry_id,
            "device_id": device.id if device else None,
            "name": entry.data[CONF_NAME],
            "kind": reminder.kind.value,
            "days_left": days_left(reminder.kind, lapse, now.date()),
            "threshold": reminder.threshold,
            "expiry_date": lapse.expiry_date.isoformat(),
            "number_lost_date": None if lost_on is None else lost_on.isoformat(),
            "renewal_url": entry.data.get(CONF_RENEWAL_URL),
        }

    @callback
    def async_send(self, message: dict[str, Any]) -> None:
        """Fire the reminder on the bus."""
        threshold = message["threshold"]
        LOGGER.debug(
            "Reminding about %s: %s",
            self._entry.title,
            message["kind"] if threshold is None else f"{message['kind']}:{threshold}",
        )
        self._hass.bus.async_fire(EVENT_REMINDER, message)
