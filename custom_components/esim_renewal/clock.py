"""One timer for every line: wake them only when the next of them can change."""

from datetime import datetime
from typing import Any, Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE, EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from .const import DOMAIN, LOGGER
from .domain.localtime import end_of_day
from .issues import async_sync_update_failed_issue


class ClockedLine(Protocol):
    """A line the clock wakes."""

    @property
    def config_entry(self) -> ConfigEntry[Any]:
        """Return the config entry of the line."""

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
    line at once and re-arms. Each line is woken on its own: one that fails is
    logged, raises its issue and is tried again at the next change of another
    line or the next midnight, while the others go on.
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Start with no lines and no timer."""
        self._hass = hass
        self._lines: list[ClockedLine] = []
        self._failed: set[ClockedLine] = set()
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
                self._failed.discard(line)
                self.async_schedule()

        return remove_line

    @callback
    def async_schedule(self) -> None:
        """Arm the timer for the earliest change of any line, or stop when none.

        A line whose last update failed still says when it was due, which has
        passed: it waits for the next midnight, or another line's change.
        """
        if self._unsub_timer is not None:
            self._unsub_timer()
            self._unsub_timer = None
        if not self._lines:
            if self._unsub_config is not None:
                self._unsub_config()
                self._unsub_config = None
            return
        now = dt_util.now()
        self._unsub_timer = async_track_point_in_utc_time(
            self._hass,
            self._async_tick,
            min(
                (line.next_change for line in self._lines if line not in self._failed),
                default=end_of_day(now.date(), dt_util.get_default_time_zone()),
            ),
        )

    @callback
    def async_refresh(self, line: ClockedLine) -> None:
        """Bring one line up to date now, then re-arm."""
        self._async_tick_line(line, dt_util.now())
        self.async_schedule()

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
            self._async_tick_line(line, now)
        self.async_schedule()

    @callback
    def _async_tick_line(self, line: ClockedLine, now: datetime) -> None:
        """Bring one line up to date; a failure stays with that line."""
        entry = line.config_entry
        try:
            line.async_tick(now)
        except Exception:
            LOGGER.exception(
                "%s could not be brought up to date; the other lines go on",
                entry.title,
            )
            self._failed.add(line)
        else:
            self._failed.discard(line)
        async_sync_update_failed_issue(self._hass, entry, failed=line in self._failed)


RENEWAL_CLOCK: HassKey[RenewalClock] = HassKey(f"{DOMAIN}_clock")
