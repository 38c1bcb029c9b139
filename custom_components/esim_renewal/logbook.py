"""Describe a line's renewals in the logbook, where users look for its history.

The logbook shows what the backend writes, whoever reads it: the lines are in
Home Assistant's language (Settings → System → General), with its dates.
"""

from collections.abc import Callable
from datetime import date

from homeassistant.components.logbook import (
    LOGBOOK_ENTRY_ICON,
    LOGBOOK_ENTRY_MESSAGE,
    LOGBOOK_ENTRY_NAME,
)
from homeassistant.core import Event, HomeAssistant, callback

from .const import DOMAIN, EVENT_RENEWAL_UNDONE, EVENT_RENEWED
from .texts import words


@callback
def async_describe_events(
    hass: HomeAssistant,
    async_describe_event: Callable[[str, str, Callable[[Event], dict[str, str]]], None],
) -> None:
    """Describe renewals and their undo.

    The events carry the line's device, so they show on its device page too.
    The logbook describes events in its worker thread: the texts are read
    from Home Assistant's cache of translations, never loaded here.
    """

    def describe_renewal(event: Event) -> dict[str, str]:
        """Say what a renewal did, and what it cost."""
        data = event.data
        texts = words(hass)
        dates = {
            "renewed_on": texts.date(date.fromisoformat(data["renewed_on"])),
            "expiry_date": texts.date(date.fromisoformat(data["expiry_date"])),
        }
        if data["cost"] is None:
            message = texts.text("logbook_renewed", **dates)
        else:
            cost = f"{data['cost']:g} {data['currency'] or ''}".rstrip()
            message = texts.text("logbook_renewed_cost", cost=cost, **dates)
        return {
            LOGBOOK_ENTRY_NAME: data["name"],
            LOGBOOK_ENTRY_MESSAGE: message,
            LOGBOOK_ENTRY_ICON: "mdi:calendar-check",
        }

    def describe_undo(event: Event) -> dict[str, str]:
        """Say which renewal was undone."""
        data = event.data
        texts = words(hass)
        return {
            LOGBOOK_ENTRY_NAME: data["name"],
            LOGBOOK_ENTRY_MESSAGE: texts.text(
                "logbook_renewal_undone",
                renewed_on=texts.date(date.fromisoformat(data["renewed_on"])),
            ),
            LOGBOOK_ENTRY_ICON: "mdi:undo",
        }

    async_describe_event(DOMAIN, EVENT_RENEWED, describe_renewal)
    async_describe_event(DOMAIN, EVENT_RENEWAL_UNDONE, describe_undo)
