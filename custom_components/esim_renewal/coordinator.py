"""The run-time object of one line: its state, its store, and the one write path."""

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .clock import RENEWAL_CLOCK
from .const import CONF_CURRENCY, DOMAIN, LOGGER
from .domain.data import has_allowance
from .domain.lapse import Lapse
from .domain.line import (
    LineEdit,
    LineSettings,
    LineState,
    edit_line,
    follow_remaining,
    read_counter,
    record_data,
    rename_source,
    see,
    undo_renewal,
)
from .domain.reminders import (
    Reminder,
    ReminderKind,
    ReminderLog,
    data_low_reminder,
    due_reminder,
    next_reminder_at,
)
from .domain.renewals import RenewalRequest, renew
from .domain.snapshot import LineSnapshot, take_snapshot
from .domain.sources import is_new_use
from .domain.values import LineValueError
from .issues import async_report_newer_store, async_sync_expired_issue
from .line_config import settings_from_config
from .notifier import LineNotifier
from .sources import SourceFollower, linked_sources
from .store import EsimRenewalStore, StoredLine

type EsimRenewalConfigEntry = ConfigEntry[EsimRenewalCoordinator]


class EsimRenewalCoordinator(DataUpdateCoordinator[LineSnapshot]):
    """Keep one line's state, persist it, and tell its entities and the user.

    Nothing is polled: the state changes when the user records something, or a
    linked source changes, through ``async_commit``, and the day count and
    reminders change when the shared clock wakes the line. Listeners get a new snapshot only when it
    differs from the last one. Broken rules of the domain core are raised as
    they are; the actions, entities and flows translate them.
    """

    config_entry: EsimRenewalConfigEntry

    def __init__(self, hass: HomeAssistant, entry: EsimRenewalConfigEntry) -> None:
        """Prepare the line described by a config entry."""
        self.settings = settings_from_config(entry.data, entry.options)
        super().__init__(hass, LOGGER, config_entry=entry, name=entry.title)
        self.currency: str = entry.data.get(CONF_CURRENCY) or hass.config.currency
        self.state: LineState
        self.reminder_log: ReminderLog
        self._undo_reminders: ReminderLog | None = None
        self.next_change: datetime
        self._store = EsimRenewalStore(hass, entry.entry_id)
        self._notifier = LineNotifier(hass, entry)
        self._sources = SourceFollower(
            hass, self, linked_sources(entry.options, self.settings.rule)
        )
        # The log's check time moves on every tick; it is written with the
        # next change, or at unload, not on every tick.
        self._reminder_log_unsaved = False
        self._reminding = False
        self._loaded = False
        self._closed = False
        self._leave_clock: CALLBACK_TYPE | None = None
        self._stop_listening: list[CALLBACK_TYPE] = []

    async def async_load(self) -> None:
        """Load the line and start following the shared clock."""
        now = dt_util.now()
        stored = await self._store.async_load_line(
            self.config_entry.data, self.settings.rule, now
        )
        self.state = stored.state
        self.reminder_log = stored.reminders
        self._undo_reminders = stored.undo_reminders
        self.data = take_snapshot(self.state, self.settings, now)
        self.next_change = self._next_change(now)
        async_sync_expired_issue(self.hass, self.config_entry, self.data)
        if self._store.set_aside is not None:
            async_report_newer_store(
                self.hass, self.config_entry, self._store.set_aside
            )
        self._leave_clock = self.hass.data[RENEWAL_CLOCK].async_add_line(self)
        self._loaded = True

    @callback
    def async_start_reminding(self) -> None:
        """Remind from the moment Home Assistant has started.

        Waiting for the start means automations are listening when a reminder
        that fell due during a downtime is caught up.
        """
        self._stop_listening.append(async_at_started(self.hass, self._async_started))

    @callback
    def async_follow_sources(self) -> None:
        """Follow the entities the line is linked to, until it unloads."""
        self._stop_listening.extend(self._sources.async_start())

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        """Catch up on reminders, then remind as they fall due."""
        self._reminding = True
        self.hass.data[RENEWAL_CLOCK].async_refresh(self)

    async def async_shutdown(self) -> None:
        """Close the line: stop listening, refuse changes, then write what waits.

        The config entry calls this once, after its entities are gone, as the
        base class registers it; nothing the line follows can change it while
        it writes, so what it writes is what it had.
        """
        self._async_leave_clock()
        while self._stop_listening:
            self._stop_listening.pop()()
        self._closed = True
        await super().async_shutdown()
        if self._loaded:
            await self._store.async_flush(
                self._stored_line(), force=self._reminder_log_unsaved
            )

    @callback
    def _async_leave_clock(self) -> None:
        """Stop being woken by the shared clock."""
        if self._leave_clock is not None:
            self._leave_clock()
            self._leave_clock = None

    async def _async_update_data(self) -> LineSnapshot:
        """Return the line as it stands now, for the entity update action."""
        return take_snapshot(self.state, self.settings, dt_util.now())

    @property
    def lapse(self) -> Lapse:
        """Return the days that matter if the line is not renewed."""
        return Lapse(
            expiry_date=self.state.expiry_date, grace_days=self.settings.grace_days
        )

    @callback
    def async_edit(self, settings: LineSettings, edit: LineEdit) -> None:
        """Take edited settings; the line keeps what it recorded.

        Raise, changing nothing, when the edit does not fit the line.
        """
        now = dt_util.now()
        state = edit_line(self.state, settings.rule, edit, now.date())
        take_snapshot(state, settings, now)
        self.settings = settings
        self.async_commit(state, keep_undo=True)

    @callback
    def async_renew(self, request: RenewalRequest) -> None:
        """Record a renewal; a cost without a currency is in the line's."""
        self._async_commit_renewal(
            renew(
                self.state,
                self.settings.rule,
                request,
                now=dt_util.now(),
                default_currency=self.currency,
            )
        )

    @callback
    def _async_commit_renewal(self, state: LineState) -> None:
        """Keep the state a renewal made, and say it was renewed."""
        self.async_commit(state, renewal=True)
        self._notifier.async_renewed(state.renewals[-1])

    @callback
    def async_undo_renewal(self) -> None:
        """Put the line back as it was before its last renewal."""
        undone = self.state.renewals[-1] if self.state.renewals else None
        state = undo_renewal(self.state)
        self.async_commit(state, reminder_log=self._undo_reminders)
        if undone is not None:
            self._notifier.async_renewal_undone(undone)

    @callback
    def async_set_data(
        self,
        *,
        total_gb: float | None = None,
        remaining_gb: float | None = None,
        used_gb: float | None = None,
    ) -> None:
        """Record a data reading; the amounts not read follow from the others."""
        state = record_data(
            self.state,
            self.settings.rule,
            dt_util.now().date(),
            total_gb=total_gb,
            remaining_gb=remaining_gb,
            used_gb=used_gb,
        )
        self.async_commit(state)

    @callback
    def async_set_expiry_date(self, expiry_date: date) -> None:
        """Correct the last safe day, as the carrier shows it."""
        self.async_commit(
            replace(
                self.state, terms=replace(self.state.terms, expiry_date=expiry_date)
            )
        )

    @callback
    def async_read_counter(self, source: str, value_gb: float) -> None:
        """Count what a linked data counter counted since its last reading."""
        state = read_counter(
            self.state, self.settings.rule, dt_util.now().date(), source, value_gb
        )
        if state != self.state:
            self.async_commit(state, keep_undo=True)

    @callback
    def async_rename_source(self, old: str, new: str) -> None:
        """Know a renamed source by its new entity id, keeping what it said."""
        state = rename_source(self.state, old, new)
        if state != self.state:
            self.async_commit(state, keep_undo=True)

    @callback
    def async_follow_remaining(self, source: str, value: str, gb: float) -> None:
        """Take the data left from a linked source, when it says something new."""
        if self.state.seen.get(source) == value:
            return
        state = see(self.state, source, value)
        try:
            state = follow_remaining(
                state, self.settings.rule, dt_util.now().date(), gb
            )
        except LineValueError as err:
            LOGGER.debug("%s: %s left not taken: %s", self.name, source, err.key)
        self.async_commit(state, keep_undo=True)

    @callback
    def async_follow_expiry(self, source: str, value: str, expiry_date: date) -> None:
        """Take the last safe day from a linked source, when it says something new."""
        if self.state.seen.get(source) == value:
            return
        state = see(self.state, source, value)
        self.async_commit(
            replace(state, terms=replace(state.terms, expiry_date=expiry_date))
        )

    @callback
    def async_record_use(self, source: str, value: str, used_at: datetime) -> None:
        """Count a new value of a linked source as a use that keeps the line.

        A use restarts the window as a renewal does, once a day.
        """
        if not is_new_use(self.state.seen.get(source), value):
            state = see(self.state, source, value)
            if state != self.state:
                self.async_commit(state, keep_undo=True)
            return
        state = see(self.state, source, value)
        used_at = dt_util.as_local(used_at)
        last = state.terms.last_renewal
        if last is not None and used_at.date() <= last:
            self.async_commit(state, keep_undo=True)
            return
        self._async_commit_renewal(
            renew(
                state,
                self.settings.rule,
                RenewalRequest(renewed_on=used_at.date(), renewed_at=used_at),
                now=max(used_at, dt_util.now()),
                default_currency=self.currency,
            )
        )

    @callback
    def async_commit(
        self,
        state: LineState,
        *,
        renewal: bool = False,
        reminder_log: ReminderLog | None = None,
        keep_undo: bool = False,
    ) -> None:
        """Keep a new state, persist it, then tell the entities and remind.

        Every change of a line goes through here, whoever asks for it. A
        renewal or a new expiry date starts a new reminder cycle, unless the
        change brings back a log (an undone renewal). Only a renewal can be
        undone, and only until the next change the user makes: what linked
        sources say keeps it. A line that is closing refuses changes, so
        nothing is written after its unload.
        """
        if self._closed:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="line_not_loaded",
                translation_placeholders={"target": self.config_entry.title},
            )
        now = dt_util.now()
        # The whole new state is checked before anything is kept: a state the
        # line cannot show is refused here, and nothing changes.
        take_snapshot(state, self.settings, now)
        previous = self.state
        if renewal:
            self._undo_reminders = self.reminder_log
        elif not keep_undo:
            state = replace(state, undo=None)
            self._undo_reminders = None
        self.state = state
        log = self.reminder_log
        if reminder_log is not None:
            log = replace(reminder_log, checked_until=now)
        elif renewal or state.expiry_date != previous.expiry_date:
            log = ReminderLog(checked_until=now)
        reminder, self.reminder_log = data_low_reminder(
            previous.data, state.data, self.settings.reminders, log, now
        )
        if reminder is None:
            self._reminder_log_unsaved = False
            self._store.async_schedule_save(self._stored_line)
        self._async_update(now)
        if reminder is not None:
            self._async_remind(reminder, now)
        if _data_entities(previous) != _data_entities(state):
            # The data entities come and go with the allowance.
            self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)
        self.hass.data[RENEWAL_CLOCK].async_schedule()

    @callback
    def async_tick(self, now: datetime) -> None:
        """Bring the line up to date when the clock wakes it, and remind."""
        if self._closed:
            return
        self._async_update(now)
        if self._reminding:
            reminder, log = due_reminder(
                self.lapse, self.settings.reminders, self.reminder_log, now
            )
            if log != self.reminder_log:
                self.reminder_log = log
                if reminder is None:
                    self._reminder_log_unsaved = True
                else:
                    self._async_remind(reminder, now)
        self.next_change = self._next_change(now)

    @callback
    def _async_update(self, now: datetime) -> None:
        """Tell the entities, and sync the repair issue, when the snapshot changed."""
        snapshot = take_snapshot(self.state, self.settings, now)
        if snapshot != self.data:
            async_sync_expired_issue(self.hass, self.config_entry, snapshot)
            self.async_set_updated_data(snapshot)
        self.next_change = self._next_change(now)

    @callback
    def async_remind_again(self, key: str) -> None:
        """Send a reminder of the current cycle again, as the line stands now.

        Not once the line has left the cycle (renewed), nor data low once the
        data is no longer low.
        """
        if self._closed or key not in self.reminder_log.sent:
            return
        now = dt_util.now()
        reminder = Reminder.from_key(key, now)
        if reminder.kind is ReminderKind.DATA_LOW and not _data_low(
            self.state, self.settings.reminders.data_low_gb
        ):
            return
        self._notifier.async_send(self._reminder_message(reminder, now))

    @callback
    def _reminder_message(self, reminder: Reminder, now: datetime) -> dict[str, Any]:
        """Return what a reminder says now."""
        return self._notifier.async_message(
            reminder,
            self.lapse,
            now,
            data_left_gb=self.state.data.remaining_gb,
            data_low_gb=self.settings.reminders.data_low_gb,
        )

    @callback
    def _async_remind(self, reminder: Reminder, now: datetime) -> None:
        """Write the log that says the reminder was sent, then send it."""
        message = self._reminder_message(reminder, now)
        line = self._stored_line()
        self._reminder_log_unsaved = False

        async def save_then_send() -> None:
            await self._store.async_save_line(line)
            self._notifier.async_send(message)

        self.config_entry.async_create_task(
            self.hass, save_then_send(), f"{DOMAIN} reminder"
        )

    @callback
    def _next_change(self, now: datetime) -> datetime:
        """Return the next midnight or reminder of the line, after now."""
        reminder_at = next_reminder_at(
            self.lapse,
            self.settings.reminders,
            replace(
                self.reminder_log,
                checked_until=max(now, self.reminder_log.checked_until),
            ),
            self.data.expires_at.tzinfo or dt_util.get_default_time_zone(),
        )
        if reminder_at is None:
            return self.data.next_change
        return min(self.data.next_change, reminder_at)

    @callback
    def _stored_line(self) -> StoredLine:
        """Return what the store keeps of this line."""
        return StoredLine(
            state=self.state,
            reminders=self.reminder_log,
            undo_reminders=self._undo_reminders,
        )


def _data_low(state: LineState, mark_gb: float | None) -> bool:
    """Return whether the data left is known and below the mark."""
    left = state.data.remaining_gb
    return mark_gb is not None and left is not None and left < mark_gb


def _data_entities(state: LineState) -> tuple[bool, bool]:
    """Return which data entities a line has: sensors, and the reading box."""
    return state.data.tracked, has_allowance(state.data)
