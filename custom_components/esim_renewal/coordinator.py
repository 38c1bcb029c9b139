"""The run-time object of one line: its state, its store and its listeners."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util

from .clock import RENEWAL_CLOCK
from .const import CONF_RENEWAL_URL, DOMAIN, EVENT_REMINDER, LOGGER, SAVE_DELAY
from .domain.lapse import Lapse
from .domain.line import LineState, record_data
from .domain.reminders import (
    Reminder,
    ReminderLog,
    data_low_reminder,
    days_left,
    due_reminder,
    next_reminder_at,
)
from .domain.renewals import RenewalRequest, renew
from .domain.snapshot import LineSnapshot, take_snapshot
from .domain.values import LineValueError
from .line_config import initial_state_from_config, settings_from_config, state_seed
from .repairs import async_sync_expired_issue
from .store import EsimRenewalStore, StoredLine

type EsimRenewalConfigEntry = ConfigEntry[EsimRenewalCoordinator]
type ReminderListener = Callable[[dict[str, Any]], None]


class EsimRenewalCoordinator:
    """Keep one line's state, persist it, remind, and tell its entities.

    This is not a DataUpdateCoordinator because there is nothing to poll: the
    state changes when the user records something, and the day count and the
    reminders change when the shared clock says their instant has come.
    """

    state: LineState
    snapshot: LineSnapshot

    def __init__(self, hass: HomeAssistant, entry: EsimRenewalConfigEntry) -> None:
        """Prepare the line described by a config entry."""
        self.hass = hass
        self.config_entry = entry
        self.settings = settings_from_config(entry.data, entry.options)
        self._seed = state_seed(entry.data)
        self._store = EsimRenewalStore(hass, entry.entry_id)
        self._listeners: list[CALLBACK_TYPE] = []
        self._reminder_listeners: list[ReminderListener] = []
        self._reminder_log: ReminderLog
        # The log's check time moves on every refresh; it is written with the
        # next change, or at unload, not on every tick.
        self._reminder_log_unsaved = False
        self._reminding = False
        self._next_change: datetime

    async def async_setup(self) -> None:
        """Load the stored state and start following the clock.

        The state is built from the entry when nothing usable is stored, or when a
        reconfigure changed the settings the stored state was built from; a new
        state starts a new reminder cycle from now.
        """
        stored = await self._store.async_load_line()
        now = dt_util.now()
        if stored is not None and stored.seed == self._seed:
            self.state = stored.state
            self._reminder_log = stored.reminders
        else:
            self.state = initial_state_from_config(self.config_entry.data, now.date())
            self._reminder_log = ReminderLog(checked_until=now)
            if stored is not None:
                LOGGER.debug(
                    "Settings of %s changed; its state starts again from them",
                    self.config_entry.title,
                )
                self._async_keep_history(stored)
            self._async_save()
        self.snapshot = take_snapshot(self.state, self.settings, now)
        self._next_change = self._async_next_change(now)
        async_sync_expired_issue(self.hass, self.config_entry, self.snapshot)
        self.config_entry.async_on_unload(
            self.hass.data[RENEWAL_CLOCK].async_add_line(self)
        )

    @callback
    def _async_keep_history(self, stored: StoredLine) -> None:
        """Carry what happened over to a state rebuilt from new settings.

        The renewals stay, and so does the last renewal when the new settings
        name none; the reminder cycle stays while the expiry date is the same.
        """
        terms = self.state.terms
        self.state = replace(
            self.state,
            terms=replace(
                terms,
                last_renewal=terms.last_renewal or stored.state.terms.last_renewal,
            ),
            renewals=stored.state.renewals,
        )
        if self.state.expiry_date == stored.state.expiry_date:
            self._reminder_log = stored.reminders

    @callback
    def async_start_reminding(self) -> None:
        """Remind from the moment Home Assistant has started.

        Waiting for the start means automations are listening when a reminder
        that fell due during a downtime is caught up.
        """
        self.config_entry.async_on_unload(
            async_at_started(self.hass, self._async_started)
        )

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        """Catch up on reminders, then remind as they fall due."""
        self._reminding = True
        self.async_refresh()
        self.hass.data[RENEWAL_CLOCK].async_schedule()

    async def async_shutdown(self) -> None:
        """Write any pending change before the entry unloads."""
        await self._store.async_flush(
            self._stored_line(), force=self._reminder_log_unsaved
        )

    @property
    def reminder_log(self) -> ReminderLog:
        """Return which reminders this cycle has sent."""
        return self._reminder_log

    @property
    def next_change(self) -> datetime:
        """Return the next instant the line's state or reminders can change."""
        return self._next_change

    @callback
    def _async_next_change(self, now: datetime) -> datetime:
        """Return the next midnight or reminder of the line, after now."""
        reminder_at = next_reminder_at(
            self.lapse,
            self.settings.reminders,
            replace(
                self._reminder_log,
                checked_until=max(now, self._reminder_log.checked_until),
            ),
            self.snapshot.expires_at.tzinfo or dt_util.get_default_time_zone(),
        )
        if reminder_at is None:
            return self.snapshot.next_change
        return min(self.snapshot.next_change, reminder_at)

    @property
    def lapse(self) -> Lapse:
        """Return the days that matter if the line is not renewed."""
        return Lapse(
            expiry_date=self.state.expiry_date, grace_days=self.settings.grace_days
        )

    @callback
    def async_add_listener(self, update_callback: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call back on every change; return the function that stops it."""
        return _subscribe(self._listeners, update_callback)

    @callback
    def async_add_reminder_listener(self, listener: ReminderListener) -> CALLBACK_TYPE:
        """Call back with every reminder sent; return the function that stops it."""
        return _subscribe(self._reminder_listeners, listener)

    @callback
    def async_refresh(self, now: datetime | None = None) -> None:
        """Recompute what the entities show, tell them, and send due reminders."""
        now = now or dt_util.now()
        snapshot = take_snapshot(self.state, self.settings, now)
        if snapshot != self.snapshot:
            before = self.snapshot
            self.snapshot = snapshot
            if (before.status, before.expiry_date) != (
                snapshot.status,
                snapshot.expiry_date,
            ):
                async_sync_expired_issue(self.hass, self.config_entry, snapshot)
            for update_callback in list(self._listeners):
                update_callback()
        if self._reminding:
            self._async_check_reminders(now)
        self._next_change = self._async_next_change(now)

    @callback
    def async_renew(
        self,
        *,
        renewed_on: date | datetime | None = None,
        expiry_date: date | None = None,
        validity_days: float | None = None,
        pack_days: float | None = None,
        amount: float | None = None,
        data_total_gb: float | None = None,
        cost: float | None = None,
        currency: str | None = None,
    ) -> None:
        """Record a renewal: by default now, with the line's usual validity.

        A date without a time is a renewal on that local day; a datetime without
        a time zone is local time. A cost without a currency is in Home
        Assistant's currency.
        """
        now = dt_util.now()
        if renewed_on is None:
            renewed_on = now
        renewed_at: datetime | None = None
        day: date = renewed_on
        if isinstance(renewed_on, datetime):
            renewed_at = dt_util.as_local(
                renewed_on
                if renewed_on.tzinfo
                else renewed_on.replace(tzinfo=now.tzinfo)
            )
            day = renewed_at.date()
        request = RenewalRequest(
            renewed_on=day,
            renewed_at=renewed_at,
            expiry_date=expiry_date,
            validity_days=validity_days,
            pack_days=pack_days,
            amount=amount,
            data_total_gb=data_total_gb,
            cost=cost,
            currency=currency,
        )
        with _as_service_errors():
            state = renew(
                self.state,
                self.settings.rule,
                request,
                now=now,
                default_currency=self.hass.config.currency,
            )
        self._async_commit(state, renewed=True)

    @callback
    def async_set_data(
        self,
        *,
        total_gb: float | None = None,
        remaining_gb: float | None = None,
        used_gb: float | None = None,
    ) -> None:
        """Record a data reading; the amounts not read follow from the others."""
        with _as_service_errors():
            state = record_data(
                self.state,
                self.settings.rule,
                dt_util.now().date(),
                total_gb=total_gb,
                remaining_gb=remaining_gb,
                used_gb=used_gb,
            )
        self._async_commit(state)

    @callback
    def async_set_expiry_date(self, expiry_date: date) -> None:
        """Correct the expiry date, as the carrier shows it."""
        self._async_commit(
            replace(
                self.state, terms=replace(self.state.terms, expiry_date=expiry_date)
            )
        )

    @callback
    def _async_commit(self, state: LineState, *, renewed: bool = False) -> None:
        """Keep a new state, persist it, then tell the entities and remind.

        Every change of a line goes through here, whoever asks for it. A
        renewal or a new expiry date starts a new reminder cycle.
        """
        now = dt_util.now()
        previous = self.state
        self.state = state
        log = self._reminder_log
        if renewed or state.expiry_date != previous.expiry_date:
            log = ReminderLog(checked_until=now)
        reminder, self._reminder_log = data_low_reminder(
            previous.data, state.data, self.settings.reminders, log, now
        )
        self._async_save(urgent=reminder is not None)
        self.async_refresh(now)
        if reminder is not None:
            self._async_send(reminder, now)
        self.hass.data[RENEWAL_CLOCK].async_schedule()

    @callback
    def _async_check_reminders(self, now: datetime) -> None:
        """Send the reminder that is due, if one is."""
        reminder, log = due_reminder(
            self.lapse, self.settings.reminders, self._reminder_log, now
        )
        if log == self._reminder_log:
            return
        self._reminder_log = log
        if reminder is None:
            self._reminder_log_unsaved = True
            return
        self._async_save(urgent=True)
        self._async_send(reminder, now)

    @callback
    def _async_send(self, reminder: Reminder, now: datetime) -> None:
        """Fire the reminder on the bus and to the line's event entity."""
        entry = self.config_entry
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, entry.entry_id), entry.entry_id
        )
        data: dict[str, Any] = {
            "config_entry_id": entry.entry_id,
            "device_id": device.id if device else None,
            "name": entry.data[CONF_NAME],
            "kind": reminder.kind.value,
            "days_left": days_left(reminder.kind, self.lapse, now.date()),
            "threshold": reminder.threshold,
            "expiry_date": self.state.expiry_date.isoformat(),
            "number_lost_date": (
                None
                if (lost_on := self.lapse.number_lost_on) is None
                else lost_on.isoformat()
            ),
            "renewal_url": entry.data.get(CONF_RENEWAL_URL),
        }
        LOGGER.debug("Reminding about %s: %s", entry.title, reminder.key)
        self.hass.bus.async_fire(EVENT_REMINDER, data)
        for listener in list(self._reminder_listeners):
            listener(data)

    @callback
    def _async_save(self, *, urgent: bool = False) -> None:
        """Persist the line; at once when a sent reminder must not be repeated."""
        self._reminder_log_unsaved = False
        self._store.async_schedule_save(
            self._stored_line, delay=0 if urgent else SAVE_DELAY
        )

    @callback
    def _stored_line(self) -> StoredLine:
        """Return what the store keeps of this line."""
        return StoredLine(
            seed=self._seed, state=self.state, reminders=self._reminder_log
        )


def _subscribe[T](listeners: list[T], listener: T) -> CALLBACK_TYPE:
    """Add a listener; return the function that removes it."""
    listeners.append(listener)

    @callback
    def unsubscribe() -> None:
        listeners.remove(listener)

    return unsubscribe


@contextmanager
def _as_service_errors() -> Iterator[None]:
    """Raise a broken rule of the domain core as a translated validation error."""
    try:
        yield
    except LineValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders={"field": err.field, **err.placeholders},
        ) from err
