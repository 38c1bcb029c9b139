"""The run-time object of one line: its state, its store, and the one write path."""

from dataclasses import replace
from datetime import date, datetime
from typing import Any

from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.generated.currencies import ACTIVE_CURRENCIES
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator
from homeassistant.util import dt as dt_util

from .clock import RENEWAL_CLOCK
from .const import CONF_CURRENCY, DOMAIN, LOGGER
from .domain.confirmations import (
    await_confirmation,
    data_left_seen,
    expiry_seen,
    unconfirmed_since,
)
from .domain.data import has_allowance
from .domain.edits import LineEdit, edit_line
from .domain.history import record_use, remember, undo_last
from .domain.lapse import Lapse
from .domain.line import (
    Change,
    LineSettings,
    LineState,
    follow_expiry,
    follow_remaining,
    read_counter,
    record_data,
    rename_source,
    see,
    set_expiry_date,
)
from .domain.plans import (
    KeepingCost,
    Plan,
    chosen_plan,
    keeping_cost,
    plan_named,
    with_plan,
)
from .domain.reminders import (
    Reminder,
    ReminderKind,
    ReminderLog,
    data_low_reminder,
    due_reminder,
    next_reminder_at,
)
from .domain.renewals import RenewalRequest, renew, renewal_errors
from .domain.snapshot import LineSnapshot, take_snapshot
from .domain.sources import is_new_use
from .domain.values import LineValueError
from .issues import (
    async_report_dropped_records,
    async_report_newer_store,
    async_sync_expired_issue,
    async_sync_unconfirmed_issue,
)
from .line_config import line_plans, settings_from_config
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
        self.plans: tuple[Plan, ...] = line_plans(entry)
        self.state: LineState
        self.reminder_log: ReminderLog
        self.next_change: datetime
        self._store = EsimRenewalStore(hass, entry.entry_id)
        self._notifier = LineNotifier(hass, entry)
        self._linked = linked_sources(entry.options, self.settings.rule)
        self._sources = SourceFollower(hass, self, self._linked)
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
        self.data = take_snapshot(self.state, self.settings, now)
        self.next_change = self._next_change(now)
        async_sync_expired_issue(self.hass, self.config_entry, self.data)
        self._async_sync_unconfirmed(now)
        if self._store.set_aside is not None:
            async_report_newer_store(
                self.hass, self.config_entry, self._store.set_aside
            )
        if self._store.dropped_records:
            async_report_dropped_records(
                self.hass, self.config_entry, self._store.dropped_records
            )
        self._leave_clock = self.hass.data[RENEWAL_CLOCK].async_add_line(self)
        self._stop_listening.append(
            async_dispatcher_connect(
                self.hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._async_entry_changed
            )
        )
        self._loaded = True

    @callback
    def _async_entry_changed(
        self, change: ConfigEntryChange, entry: ConfigEntry[Any]
    ) -> None:
        """Take the line's plans as the user added, edited or deleted them.

        Plans are the entry's subentries; a change of them changes what the
        plan select offers and what keeping the line costs, with no reload.
        """
        if (
            change is not ConfigEntryChange.UPDATED
            or entry.entry_id != self.config_entry.entry_id
            or (plans := line_plans(entry)) == self.plans
        ):
            return
        self.plans = plans
        self.async_update_listeners()

    @property
    def chosen_plan(self) -> Plan | None:
        """Return the plan *Mark renewed* records: the one chosen, or the first."""
        return chosen_plan(self.plans, self.state.plan)

    @property
    def keeping_cost(self) -> KeepingCost | None:
        """Return what keeping the line costs a year, with its plans."""
        return keeping_cost(self.settings.rule, self.plans, self.currency)

    @callback
    def plan_named(self, name: str) -> Plan:
        """Return one of the line's plans by its name."""
        return plan_named(self.plans, name)

    @callback
    def async_choose_plan(self, name: str) -> None:
        """Choose the plan *Mark renewed* records; the choice is kept.

        The snapshot does not hold the choice, so the entities are told here.
        """
        self.async_commit(replace(self.state, plan=self.plan_named(name).key))
        self.async_update_listeners()

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
        self.async_commit(state)

    @callback
    def renewal_errors(self, request: RenewalRequest) -> list[LineValueError]:
        """Return what is wrong with each part of a renewal, for a form to show."""
        return renewal_errors(
            self.settings.rule, request, now=dt_util.now(), currencies=ACTIVE_CURRENCIES
        )

    @callback
    def async_renew(self, request: RenewalRequest, plan: Plan | None = None) -> None:
        """Record a renewal, buying a plan if one is given.

        What the request gives itself wins over the plan; a cost without a
        currency is in the line's. A renewal that should raise a linked
        source waits for it to catch up.
        """
        if plan is not None:
            request = with_plan(request, plan, tracks_data=self.state.data.tracked)
        now = dt_util.now()
        state = renew(
            self.state,
            self.settings.rule,
            request,
            now=now,
            currencies=ACTIVE_CURRENCIES,
            default_currency=self.currency,
        )
        state = await_confirmation(
            self.state,
            state,
            now,
            follows_data_left=self._linked.data_remaining is not None,
            follows_expiry=self._linked.expiry is not None,
        )
        self.async_commit(state, change=Change.RENEWAL)
        self._notifier.async_renewed(state.renewals[-1])

    @callback
    def async_undo(self) -> None:
        """Take back the last change the user recorded, and say so if a renewal."""
        state, step = undo_last(self.state, self.settings.rule)
        if step.renewal is not None:
            state = replace(state, awaiting=None)
        self.async_commit(state, reminder_log=step.reminders)
        if step.renewal is not None:
            self._notifier.async_renewal_undone(step.renewal)

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
        self.async_commit(state, change=Change.DATA)

    @callback
    def async_set_expiry_date(self, expiry_date: date) -> None:
        """Correct the last safe day by hand, as the carrier shows it."""
        state = set_expiry_date(self.state, expiry_date, dt_util.now().date())
        self.async_commit(state, change=Change.EXPIRY_DATE)

    @callback
    def async_read_counter(self, source: str, value_gb: float) -> None:
        """Count what a linked data counter counted since its last reading."""
        state = read_counter(
            self.state, self.settings.rule, dt_util.now().date(), source, value_gb
        )
        if state != self.state:
            self.async_commit(state)

    @callback
    def async_rename_source(self, old: str, new: str) -> None:
        """Know a renamed source by its new entity id, keeping what it said."""
        state = rename_source(self.state, old, new)
        if state != self.state:
            self.async_commit(state)

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
            state = data_left_seen(state, gb)
        except LineValueError as err:
            LOGGER.debug("%s: %s left not taken: %s", self.name, source, err.key)
        self.async_commit(state)

    @callback
    def async_follow_expiry(self, source: str, value: str, expiry_date: date) -> None:
        """Take the last safe day from a linked source, when it says something new."""
        if self.state.seen.get(source) == value:
            return
        state = see(self.state, source, value)
        try:
            state = follow_expiry(state, expiry_date, dt_util.now().date())
            state = expiry_seen(state, expiry_date)
        except LineValueError as err:
            LOGGER.debug("%s: %s expiry not taken: %s", self.name, source, err.key)
        self.async_commit(state)

    @callback
    def async_record_use(self, source: str, value: str, used_at: datetime) -> None:
        """Count a new value of a linked source as a use that keeps the line."""
        state = see(self.state, source, value)
        if is_new_use(self.state.seen.get(source), value):
            state = record_use(state, self.settings.rule, dt_util.as_local(used_at))
        if state != self.state:
            self.async_commit(state)

    @callback
    def async_commit(
        self,
        state: LineState,
        *,
        change: Change | None = None,
        reminder_log: ReminderLog | None = None,
    ) -> None:
        """Keep a new state, persist it, then tell the entities and remind.

        Every change of a line goes through here, whoever asks for it. The new
        state, its reminder log and what the entities show are all computed
        before anything is kept, so a change that cannot be shown leaves the
        line as it was. A change the user records (``change``) pushes an undo
        step; what linked sources say pushes none and takes none away. A
        renewal or a new expiry date starts a new reminder cycle, unless the
        change brings back a log (an undo). A line that is closing refuses
        changes, so nothing is written after its unload.
        """
        if self._closed:
            raise HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="line_not_loaded",
                translation_placeholders={"target": self.config_entry.title},
            )
        now = dt_util.now()
        previous = self.state
        if change is not None:
            state = remember(previous, state, change, self.reminder_log)
        log = self.reminder_log
        if reminder_log is not None:
            log = replace(reminder_log, checked_until=now)
        elif change is Change.RENEWAL or state.expiry_date != previous.expiry_date:
            log = ReminderLog(checked_until=now)
        reminder, log = data_low_reminder(
            previous.data, state.data, self.settings.reminders, log, now
        )
        snapshot = take_snapshot(state, self.settings, now)
        self.state, self.reminder_log = state, log
        if reminder is None:
            self._reminder_log_unsaved = False
            self._store.async_schedule_save(self._stored_line)
        self._async_show(snapshot, now)
        self._async_sync_unconfirmed(now)
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
        self._async_sync_unconfirmed(now)
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
    def _async_sync_unconfirmed(self, now: datetime) -> None:
        """Raise the issue of a renewal the carrier has not shown for a day."""
        async_sync_unconfirmed_issue(
            self.hass, self.config_entry, unconfirmed_since(self.state, now)
        )

    @callback
    def _async_update(self, now: datetime) -> None:
        """Bring what the entities show up to date."""
        self._async_show(take_snapshot(self.state, self.settings, now), now)

    @callback
    def _async_show(self, snapshot: LineSnapshot, now: datetime) -> None:
        """Tell the entities, and the repair issue, when the snapshot changed."""
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
        """Return the line's next midnight, reminder or end of a confirmation wait."""
        reminder_at = next_reminder_at(
            self.lapse,
            self.settings.reminders,
            replace(
                self.reminder_log,
                checked_until=max(now, self.reminder_log.checked_until),
            ),
            self.data.expires_at.tzinfo or dt_util.get_default_time_zone(),
        )
        changes = [self.data.next_change]
        if reminder_at is not None:
            changes.append(reminder_at)
        if (awaiting := self.state.awaiting) is not None and awaiting.due_at > now:
            changes.append(awaiting.due_at)
        return min(changes)

    @callback
    def _stored_line(self) -> StoredLine:
        """Return what the store keeps of this line."""
        return StoredLine(state=self.state, reminders=self.reminder_log)


def _data_low(state: LineState, mark_gb: float | None) -> bool:
    """Return whether the data left is known and below the mark."""
    left = state.data.remaining_gb
    return mark_gb is not None and left is not None and left < mark_gb


def _data_entities(state: LineState) -> tuple[bool, bool]:
    """Return which data entities a line has: sensors, and the reading box."""
    return state.data.tracked, has_allowance(state.data)
