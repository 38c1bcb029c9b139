"""Tell automations and the logbook of a line's reminders and renewals.

Reminders go out as one bus event that device triggers, the event entity and
the blueprint hear; renewals and their undo as events the logbook shows.
"""

from datetime import datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import (
    CONF_RENEWAL_URL,
    DOMAIN,
    EVENT_REMINDER,
    EVENT_RENEWAL_UNDONE,
    EVENT_RENEWED,
    LOGGER,
)
from .domain.lapse import Lapse
from .domain.line import Renewal
from .domain.reminders import Reminder, days_left


class LineNotifier:
    """Tell automations and the logbook of one line's reminders and renewals."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Remember the line whose reminders this sends."""
        self._hass = hass
        self._entry = entry

    @callback
    def _line(self) -> dict[str, Any]:
        """Return what every event says of the line."""
        entry = self._entry
        device = dr.async_get(self._hass).async_get_device_by_identifier(
            (DOMAIN, entry.entry_id), entry.entry_id
        )
        return {
            "config_entry_id": entry.entry_id,
            "device_id": device.id if device else None,
            "name": entry.data[CONF_NAME],
        }

    @callback
    def async_message(
        self, reminder: Reminder, lapse: Lapse, now: datetime
    ) -> dict[str, Any]:
        """Return what a reminder says, as the line stands when it falls due."""
        lost_on = lapse.number_lost_on
        return {
            **self._line(),
            "kind": reminder.kind.value,
            "days_left": days_left(reminder.kind, lapse, now.date()),
            "threshold": reminder.threshold,
            "expiry_date": lapse.expiry_date.isoformat(),
            "number_lost_date": None if lost_on is None else lost_on.isoformat(),
            "renewal_url": self._entry.data.get(CONF_RENEWAL_URL),
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

    @callback
    def async_renewed(self, renewal: Renewal) -> None:
        """Tell the logbook of a renewal."""
        self._hass.bus.async_fire(EVENT_RENEWED, self._renewal(renewal))

    @callback
    def async_renewal_undone(self, renewal: Renewal) -> None:
        """Tell the logbook that a renewal was undone."""
        self._hass.bus.async_fire(EVENT_RENEWAL_UNDONE, self._renewal(renewal))

    @callback
    def _renewal(self, renewal: Renewal) -> dict[str, Any]:
        """Return what the logbook says of a renewal."""
        return {
            **self._line(),
            "renewed_on": renewal.renewed_on.isoformat(),
            "expiry_date": renewal.expiry_date.isoformat(),
            "cost": renewal.cost,
            "currency": renewal.currency,
        }
