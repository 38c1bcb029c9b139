"""Describe a line's renewals in the logbook, where users look for its history."""

from collections.abc import Callable

from homeassistant.components.logbook import (
    LOGBOOK_ENTRY_ICON,
    LOGBOOK_ENTRY_MESSAGE,
    LOGBOOK_ENTRY_NAME,
)
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_RENEWAL_UNDONE, EVENT_RENEWED


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[[str, str, Callable[[Event], dict[str, str]]], None],
) -> None:
    """Describe renewals and their undo.

    The events carry the line's device, so they show on its device page too.
    """

    @callback
    def describe_renewal(event: Event) -> dict[str, str]:
        """Say what a renewal did, and what it cost."""
        data = event.data
        message = (
            f"was renewed on {data['renewed_on']}, safe through {data['expiry_date']}"
        )
        if data["cost"] is not None:
            message += f", for {data['cost']:g} {data['currency'] or ''}".rstrip()
        return {
            LOGBOOK_ENTRY_NAME: data["name"],
            LOGBOOK_ENTRY_MESSAGE: message,
            LOGBOOK_ENTRY_ICON: "mdi:calendar-check",
        }

    @callback
    def describe_undo(event: Event) -> dict[str, str]:
        """Say which renewal was undone."""
        data = event.data
        return {
            LOGBOOK_ENTRY_NAME: data["name"],
            LOGBOOK_ENTRY_MESSAGE: f"had its renewal of {data['renewed_on']} undone",
            LOGBOOK_ENTRY_ICON: "mdi:undo",
        }

    async_describe_event(DOMAIN, EVENT_RENEWED, describe_renewal)
    async_describe_event(DOMAIN, EVENT_RENEWAL_UNDONE, describe_undo)
