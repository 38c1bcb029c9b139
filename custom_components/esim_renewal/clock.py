"""One timer for every line: wake them only when the next of them can change."""

from datetime import datetime
from typing import Protocol

from homeassistant.const import EVENT_CORE_CONFIG_UPDATE, EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN


class ClockedLine(Protocol):
    """A line the clock wakes."""

    @property
    def next_change(self) -> datetime:
        """Return the next instant the line's state can change on its own."""

    @callback
    def async_tick(self, now: datetime) -> None:
        """Bring the line up to date at a local instant."""


class RenewalClock:
    """Arm a single timer at the earliest instant any line can change.

    Every line changes at local midnight, so one timer serves them all. A change
    of Home Assistant's time zone moves that midnight: the clock refreshes every
    line at once and re-arms.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with no lines and no timer."""
        self._hass = hass
        self._lines: list[ClockedLine] = []
        self._unsub_timer: CALLBACK_TYPE | None = None
        self._unsub_config: CALLBACK_TYPE | None = None
        hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, self._async_stop)

    @callback
    def async_add_line(self, line: ClockedLine) -> CALLBACK_TYPE:
        """Wake a line from now on; return the function that stops it."""
        self._lines.append(line)
        if self._unsub_config is None:
            self._unsub_config = self._hass.bus.async_listen(
                EVENT_CORE_CONFIG_UPDATE, self._async_core_config_updated
            )
        self.async_schedule()

        @callback
        def remove_line() -> None:
            if line in self._lines:
                self._lines.remove(line)
                self.async_schedule()

        return remove_line

    @callback
    def async_schedule(self) -> None:
        """Arm the timer for the earliest change of any line, or stop when none."""
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
        if not self._lines:
            if self._unsub_config is not None:
                self._unsub_config()
                self._unsub_config = None
            return
        self._unsub_timer = async_track_point_in_utc_time(
            self._hass,
            self._async_tick,
            min(line.next_change for line in self._lines),
        )

    @callback
    def _async_stop(self, _event: Event) -> None:
        """Wake nothing once Home Assistant stops."""
        self._lines.clear()
        self.async_schedule()

    @callback
    def _async_tick(self, _now: datetime) -> None:
        """Refresh the lines when the timer fires."""
        self._unsub_timer = None
        self._async_refresh_all()

    @callback
    def _async_core_config_updated(self, _event: Event) -> None:
        """Refresh the lines, as the time zone may have changed."""
        self._async_refresh_all()

    @callback
    def _async_refresh_all(self) -> None:
        """Bring every line up to date, then re-arm."""
        now = dt_util.now()
        for line in self._lines:
            line.async_tick(now)
        self.async_schedule()


RENEWAL_CLOCK: HassKey[RenewalClock] = HassKey(f"{DOMAIN}_clock")
