"""Persist one line's run-time state: one versioned file per config entry.

The store keeps what a line recorded; only a line with nothing usable stored
starts from its config entry.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
import os
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import (
    ConfigEntryError,
    HomeAssistantError,
    UnsupportedStorageVersionError,
)
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER, SAVE_DELAY, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .domain.line import MAX_RENEWALS, LineState
from .domain.reminders import ReminderLog
from .domain.serialization import (
    log_from_dict,
    log_to_dict,
    state_from_dict,
    state_to_dict,
)
from .domain.validity import ValidityRule
from .domain.values import LineValueError
from .line_config import initial_state_from_config


@dataclass(frozen=True, kw_only=True)
class StoredLine:
    """A line's state and its reminder log."""

    state: LineState
    reminders: ReminderLog


class EsimRenewalStore(Store[dict[str, Any]]):
    """Read and write a line's state, coalescing writes."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Set up the store file of one config entry."""
        super().__init__(
            hass,
            STORAGE_VERSION,
            f"{DOMAIN}.{entry_id}",
            minor_version=STORAGE_MINOR_VERSION,
        )
        self._save_pending = False
        self.set_aside: str | None = None
        """Where a file written by a newer release was moved, if one was."""
        self.dropped_records = 0
        """How many records of the stored state could not be read."""

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        """Bring a store written by an earlier version up to date.

        Data that is not a line's state at all is left for the loader to refuse.
        """
        stored: object = old_data
        if not isinstance(stored, dict):
            return old_data
        data = dict(stored)
        if old_minor_version < 2:
            data["renewals"] = []
        if old_minor_version < 3:
            # Reminders start from the upgrade: none is sent for the past.
            data["reminders"] = {
                "checked_until": dt_util.utcnow().isoformat(),
                "sent": [],
            }
        if old_minor_version < 4:
            # Lines of the earlier rules have no pack end and no wallet.
            data["pack_end"] = None
            data["wallet"] = None
            data["renewals"] = [
                {"pack_days": None, "amount": None, **renewal}
                for renewal in data["renewals"]
            ]
            data["undo"] = None
            data["undo_reminders"] = None
        if old_minor_version < 5:
            # No linked source was read yet; an undo holds a state too.
            for state in (data, data["undo"]):
                if state is not None:
                    state["counters"] = {}
                    state["seen"] = {}
        if old_minor_version < 6:
            _keep_history_apart(data)
        if old_minor_version < 7:
            # No plan was chosen, and no renewal waits for its sources.
            data["plan"] = None
            data["awaiting"] = None
        return data

    async def async_load_line(
        self, entry_data: Mapping[str, Any], rule: ValidityRule, now: datetime
    ) -> StoredLine:
        """Return the line as stored, or as its entry describes it.

        What the line recorded is never rebuilt from its settings: an edit of
        the settings only carries the stored terms over to the line's rule,
        keeping the last safe day. The entry describes the line only when
        nothing usable is stored, as when it was just added; a new state
        starts a new reminder cycle from now.
        """
        stored = await self._async_load_stored()
        if stored is not None:
            try:
                terms = rule.carry_over(stored.state.terms)
            except LineValueError:
                LOGGER.warning(
                    "Stored terms of %s do not fit its rule; they start again"
                    " from its settings",
                    self.key,
                )
            else:
                return replace(stored, state=replace(stored.state, terms=terms))
        state = initial_state_from_config(entry_data, now.date())
        if stored is not None:
            old = stored.state
            state = replace(
                state,
                renewals=old.renewals,
                spending=old.spending,
                uses=old.uses,
            )
        line = StoredLine(state=state, reminders=ReminderLog(checked_until=now))
        self.async_schedule_save(lambda: line)
        return line

    async def _async_load_stored(self) -> StoredLine | None:
        """Return the stored line, or None when there is none or it is unreadable.

        Home Assistant sets aside a file that is not JSON and raises a repair
        for it. A file that a newer release wrote is set aside here, so that
        going back to that release finds it; a file that is JSON but not a
        line's state is logged. Either way the line is built again from its
        settings.
        """
        try:
            stored = await self.async_load()
        except UnsupportedStorageVersionError as err:
            await self._async_set_aside(err)
            return None
        except HomeAssistantError as err:
            LOGGER.warning(
                "Stored state of %s is unreadable and is rebuilt from its settings: %s",
                self.key,
                err,
            )
            return None
        if stored is None:
            return None
        try:
            read = state_from_dict(stored)
            line = StoredLine(
                state=read.state,
                reminders=log_from_dict(stored["reminders"]),
            )
        except (KeyError, TypeError, ValueError) as err:
            LOGGER.warning(
                "Stored state of %s is unreadable and is rebuilt from its settings: %s",
                self.key,
                err,
            )
            return None
        if read.dropped:
            LOGGER.warning(
                "Stored state of %s held %d unreadable records; they are left out",
                self.key,
                read.dropped,
            )
            self.dropped_records = read.dropped
            self.async_schedule_save(lambda: line)
        return line

    async def _async_set_aside(self, err: UnsupportedStorageVersionError) -> None:
        """Move a file a newer release wrote out of the way, keeping it whole."""
        set_aside = f"{self.path}.newer.{dt_util.utcnow().isoformat()}"
        try:
            await self.hass.async_add_executor_job(os.replace, self.path, set_aside)
        except OSError as move_err:
            # Rather no line than a newer release's history overwritten.
            raise ConfigEntryError(
                translation_domain=DOMAIN,
                translation_key="newer_store_not_kept",
                translation_placeholders={"path": self.path, "error": str(move_err)},
            ) from err
        self.set_aside = set_aside
        LOGGER.warning(
            "Stored state of %s was written by a newer release; it is kept as %s"
            " and the line is rebuilt from its settings",
            self.key,
            set_aside,
        )

    @callback
    def async_schedule_save(
        self, line: Callable[[], StoredLine], delay: float = SAVE_DELAY
    ) -> None:
        """Write the line's latest state a little later, once for many changes."""

        def data() -> dict[str, Any]:
            # Called when the write happens, so nothing is pending after it.
            self._save_pending = False
            return _as_dict(line())

        self._save_pending = True
        self.async_delay_save(data, delay)

    async def async_save_line(self, line: StoredLine) -> None:
        """Write the line now, replacing any write that was waiting."""
        self._save_pending = False
        await self.async_save(_as_dict(line))

    async def async_flush(self, line: StoredLine, *, force: bool = False) -> None:
        """Write a waiting change now, as an unload must not lose it."""
        if self._save_pending or force:
            await self.async_save_line(line)


def _as_dict(line: StoredLine) -> dict[str, Any]:
    """Return the stored form of a line."""
    return {
        **state_to_dict(line.state),
        "reminders": log_to_dict(line.reminders),
    }


def _keep_history_apart(data: dict[str, Any]) -> None:
    """Bring a 1.5 state to 1.6: yearly spending, uses apart, undo in steps.

    Spending is totalled from the renewals kept. A 1.5 store keeps the uses of
    a line among its renewals, where nothing tells them from a renewal without
    a cost, so they stay there; none is counted. Its undo, the whole state
    before the last renewal, becomes one step. A malformed part is left as it
    is, for the loader to leave out.
    """
    renewals = data.get("renewals")
    data["spending"] = _spending_of(renewals if isinstance(renewals, list) else [])
    data["uses"] = {"last_at": None, "count": 0}
    before = data.get("undo")
    reminders = data.pop("undo_reminders", None) or data.get("reminders")
    data["undo"] = []
    if isinstance(before, dict):
        kept = before.get("renewals")
        data["undo"].append(
            {
                "change": "renewal",
                "terms": _terms_of(before),
                "data": before.get("data"),
                "terms_after": _terms_of(data),
                "data_after": data.get("data"),
                "renewal": (
                    renewals[-1] if isinstance(renewals, list) and renewals else None
                ),
                "dropped": (
                    kept[0]
                    if isinstance(kept, list) and len(kept) == MAX_RENEWALS
                    else None
                ),
                "reminders": reminders,
            }
        )


def _spending_of(renewals: list[Any]) -> dict[str, dict[str, float]]:
    """Return what the renewals cost, by year and currency, as 1.6 stores it."""
    totals: dict[str, dict[str, float]] = {}
    for renewal in renewals:
        if not isinstance(renewal, dict):
            continue
        day, cost, currency = (
            renewal.get("renewed_on"),
            renewal.get("cost"),
            renewal.get("currency"),
        )
        if not (
            isinstance(day, str)
            and isinstance(cost, int | float)
            and not isinstance(cost, bool)
            and cost > 0
            and isinstance(currency, str)
        ):
            continue
        in_year = totals.setdefault(day[:4], {})
        in_year[currency] = round(in_year.get(currency, 0) + cost, 2)
    return totals


def _terms_of(state: dict[str, Any]) -> dict[str, Any]:
    """Return the terms of a stored state, as an undo step keeps them."""
    return {
        key: state.get(key)
        for key in ("expiry_date", "last_renewal", "pack_end", "wallet")
    }
