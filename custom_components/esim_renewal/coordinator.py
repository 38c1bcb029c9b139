"""The run-time object of one line: its state, its store and its listeners."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util

from .clock import RENEWAL_CLOCK
from .const import DOMAIN, LOGGER
from .line_config import (
    initial_state_from_config,
    reminder_plan_from_options,
    state_seed,
    validity_from_config,
)
from .model import (
    LineSnapshot,
    LineState,
    LineValueError,
    record_data,
    renew,
    take_snapshot,
)
from .store import EsimRenewalStore, StoredLine

type EsimRenewalConfigEntry = ConfigEntry[EsimRenewalCoordinator]


class EsimRenewalCoordinator:
    """Keep one line's state, persist it, and tell its entities when it changes.

    This is not a DataUpdateCoordinator because there is nothing to poll: the
    state changes when the user records something, and the day count changes
    when the shared clock says a new local day has begun.
    """

    state: LineState
    snapshot: LineSnapshot

    def __init__(self, hass: HomeAssistant, entry: EsimRenewalConfigEntry) -> None:
        """Prepare the line described by a config entry."""
        self.hass = hass
        self.config_entry = entry
        self.validity = validity_from_config(entry.data)
        self.reminders = reminder_plan_from_options(entry.options)
        self._seed = state_seed(entry.data)
        self._store = EsimRenewalStore(hass, entry.entry_id)
        self._listeners: list[CALLBACK_TYPE] = []

    async def async_setup(self) -> None:
        """Load the stored state and start following the clock.

        The state is built from the entry when nothing usable is stored, or when a
        reconfigure changed the settings the stored state was built from.
        """
        stored = await self._store.async_load_line()
        now = dt_util.now()
        if stored is not None and stored.seed == self._seed:
            self.state = stored.state
        else:
            if stored is not None:
                LOGGER.debug(
                    "Settings of %s changed; its state starts again from them",
                    self.config_entry.title,
                )
            self.state = initial_state_from_config(self.config_entry.data, now.date())
            self._store.async_schedule_save(self._stored_line)
        self.snapshot = take_snapshot(self.state, self.reminders, now)
        self.config_entry.async_on_unload(
            self.hass.data[RENEWAL_CLOCK].async_add_line(self)
        )

    async def async_shutdown(self) -> None:
        """Write any pending change before the entry unloads."""
        await self._store.async_flush(self._stored_line())

    @property
    def next_change(self) -> datetime:
        """Return the next instant the line's state can change on its own."""
        return self.snapshot.next_change

    @callback
    def async_add_listener(self, update_callback: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call back on every change; return the function that stops it."""
        self._listeners.append(update_callback)

        @callback
        def remove_listener() -> None:
            self._listeners.remove(update_callback)

        return remove_listener

    @callback
    def async_refresh(self, now: datetime | None = None) -> None:
        """Recompute what the entities show, and tell them if it changed."""
        snapshot = take_snapshot(self.state, self.reminders, now or dt_util.now())
        if snapshot == self.snapshot:
            return
        self.snapshot = snapshot
        for update_callback in list(self._listeners):
            update_callback()

    @callback
    def async_renew(
        self,
        *,
        renewed_on: date | datetime | None = None,
        expiry_date: date | None = None,
        validity_days: float | None = None,
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
        if cost is not None and currency is None:
            currency = self.hass.config.currency
        with _as_service_errors():
            state = renew(
                self.state,
                self.validity,
                today=now.date(),
                renewed_on=day,
                renewed_at=renewed_at,
                expiry_date=expiry_date,
                validity_days=validity_days,
                data_total_gb=data_total_gb,
                cost=cost,
                currency=currency,
            )
        self._async_commit(state)

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
                total_gb=total_gb,
                remaining_gb=remaining_gb,
                used_gb=used_gb,
            )
        self._async_commit(state)

    @callback
    def async_set_expiry_date(self, expiry_date: date) -> None:
        """Correct the expiry date, as the carrier shows it."""
        self._async_commit(replace(self.state, expiry_date=expiry_date))

    @callback
    def _async_commit(self, state: LineState) -> None:
        """Keep a new state, persist it, then tell the entities.

        Every change of a line goes through here, whoever asks for it.
        """
        self.state = state
        self._store.async_schedule_save(self._stored_line)
        self.async_refresh()

    @callback
    def _stored_line(self) -> StoredLine:
        """Return what the store keeps of this line."""
        return StoredLine(seed=self._seed, state=self.state)


@contextmanager
def _as_service_errors() -> Iterator[None]:
    """Raise a broken rule of the domain core as a translated validation error."""
    try:
        yield
    except LineValueError as err:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key=err.key,
            translation_placeholders={"field": err.field},
        ) from err
