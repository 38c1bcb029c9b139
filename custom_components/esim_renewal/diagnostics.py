"""Diagnostics of a line, with its phone number and its sources' values redacted."""

from datetime import datetime
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_PHONE_NUMBER
from .coordinator import EsimRenewalConfigEntry
from .domain.serialization import log_to_dict, state_to_dict

# What linked sources said may be private: a "last SMS" sensor can hold a number.
TO_REDACT = {CONF_PHONE_NUMBER, "unique_id", "seen"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> dict[str, Any]:
    """Return the line's settings, state and reminder log."""
    line = entry.runtime_data
    snapshot = line.data
    return {
        "entry": async_redact_data(entry.as_dict(), TO_REDACT),
        "state": async_redact_data(state_to_dict(line.state), TO_REDACT),
        "snapshot": {
            "days_until_expiry": snapshot.days_until_expiry,
            "status": snapshot.status,
            "expires_at": snapshot.expires_at.isoformat(),
            "number_lost_at": _iso(snapshot.number_lost_at),
            "pack_expires_at": _iso(snapshot.pack_expires_at),
            "balance": snapshot.balance,
            "next_change": snapshot.next_change.isoformat(),
        },
        "reminders": {
            **log_to_dict(line.reminder_log),
            "next_wake_up": line.next_change.isoformat(),
        },
    }


def _iso(instant: datetime | None) -> str | None:
    """Return an instant in ISO form, or None."""
    return None if instant is None else instant.isoformat()
