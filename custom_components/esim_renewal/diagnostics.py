"""Diagnostics of a line, with its phone number redacted."""

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from .const import CONF_PHONE_NUMBER
from .coordinator import EsimRenewalConfigEntry
from .model import state_to_dict
from .reminders import log_to_dict

TO_REDACT = {CONF_PHONE_NUMBER, "unique_id"}


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> dict[str, Any]:
    """Return the line's settings, state and reminder log."""
    coordinator = entry.runtime_data
    snapshot = coordinator.snapshot
    return {
        "entry": async_redact_data(entry.as_dict(), TO_REDACT),
        "state": state_to_dict(coordinator.state),
        "snapshot": {
            "days_until_expiry": snapshot.days_until_expiry,
            "status": snapshot.status,
            "expires_at": snapshot.expires_at.isoformat(),
            "next_change": snapshot.next_change.isoformat(),
        },
        "reminders": {
            **log_to_dict(coordinator.reminder_log),
            "next_wake_up": coordinator.next_change.isoformat(),
        },
    }
