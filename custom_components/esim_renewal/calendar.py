"""Calendar of a line: its renewals, reminder days and expiry day."""

from datetime import datetime, timedelta
from typing import override

from homeassistant.components.calendar import (
    CalendarEntity,
    CalendarEntityDescription,
    CalendarEvent,
)
from homeassistant.const import CONF_NAME, EVENT_CORE_CONFIG_UPDATE
from homeassistant.core import Event, HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util

from .const import CONF_RENEWAL_URL, DOMAIN
from .coordinator import EsimRenewalConfigEntry
from .domain.line import LineState
from .domain.snapshot import LineEvent, LineEventKind, line_events
from .entity import EsimRenewalEntity

# Events are computed from the line's state; nothing to serialize.
PARALLEL_UPDATES = 0

RENEWALS = CalendarEntityDescription(key="renewals", translation_key="renewals")

# Event summaries are translated, with the line's name and days as placeholders.
_SUMMARY_KEY = f"component.{DOMAIN}.common.calendar"


async def async_setup_entry(
    hass: HomeAssistant,
    entry: EsimRenewalConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Set up the calendar of a line."""
    async_add_entities([EsimRenewalCalendarEntity(entry.runtime_data, RENEWALS)])


class EsimRenewalCalendarEntity(EsimRenewalEntity, CalendarEntity):
    """All-day events: each renewal, each reminder day and the expiry day."""

    _summaries: dict[str, str]
    # The events of the state and language they were made in; a state is never
    # changed in place, so a new state object means new events.
    _events_of: tuple[LineState, dict[str, str], list[CalendarEvent]] | None = None

    @override
    async def async_added_to_hass(self) -> None:
        """Load the event summaries, and again when the language changes."""
        await self._async_load_summaries()
        await super().async_added_to_hass()
        self.async_on_remove(
            self.hass.bus.async_listen(
                EVENT_CORE_CONFIG_UPDATE, self._async_core_config_updated
            )
        )

    async def _async_load_summaries(self) -> None:
        """Load the event summaries in Home Assistant's language."""
        self._summaries = await async_get_translations(
            self.hass, self.hass.config.language, "common", {DOMAIN}
        )

    async def _async_core_config_updated(self, _event: Event) -> None:
        """Speak the new language, if it changed."""
        await self._async_load_summaries()
        self._handle_coordinator_update()

    @property
    @override
    def event(self) -> CalendarEvent | None:
        """Return the event of today, or else the next one."""
        today = dt_util.now().date()
        return next((event for event in self._events() if event.end > today), None)

    @override
    async def async_get_events(
        self, hass: HomeAssistant, start_date: datetime, end_date: datetime
    ) -> list[CalendarEvent]:
        """Return the events that overlap a time range."""
        return [
            event
            for event in self._events()
            if event.start_datetime_local < end_date
            and event.end_datetime_local > start_date
        ]

    def _events(self) -> list[CalendarEvent]:
        """Return the line's events in date order."""
        state = self.coordinator.state
        summaries = self._summaries
        if (
            self._events_of is None
            or self._events_of[0] is not state
            or self._events_of[1] is not summaries
        ):
            self._events_of = (
                state,
                summaries,
                [
                    self._calendar_event(event)
                    for event in line_events(state, self.coordinator.settings)
                ],
            )
        return self._events_of[2]

    def _calendar_event(self, event: LineEvent) -> CalendarEvent:
        """Return a line's event as an all-day calendar event."""
        data = self.coordinator.config_entry.data
        template = self._summaries.get(f"{_SUMMARY_KEY}_{event.kind}", "{name}")
        return CalendarEvent(
            start=event.day,
            end=event.day + timedelta(days=1),
            summary=template.format(name=data[CONF_NAME], days=event.days_left),
            description=(
                data.get(CONF_RENEWAL_URL)
                if event.kind is not LineEventKind.RENEWAL
                else None
            ),
            uid=f"{self.coordinator.config_entry.entry_id}-{event.kind}-{event.day}",
        )
