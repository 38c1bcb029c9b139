"""Persist one line's run-time state: one versioned file per config entry."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER, SAVE_DELAY, STORAGE_MINOR_VERSION, STORAGE_VERSION
from .domain.line import LineState
from .domain.reminders import ReminderLog
from .domain.serialization import (
    log_from_dict,
    log_to_dict,
    state_from_dict,
    state_to_dict,
)


@dataclass(frozen=True, kw_only=True)
class StoredLine:
    """A line's state, the entry data it was built from, and its reminder log."""

    seed: dict[str, Any]
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

    async def _async_migrate_func(
        self, old_major_version: int, old_minor_version: int, old_data: dict[str, Any]
    ) -> dict[str, Any]:
        """Bring a store written by an earlier version up to date."""
        data = dict(old_data)
        if old_major_version == 1 and old_minor_version < 2:
            data["renewals"] = []
        if old_major_version == 1 and old_minor_version < 3:
            # Reminders start from the upgrade: none is sent for the past.
            data["reminders"] = {
                "checked_until": dt_util.utcnow().isoformat(),
                "sent": [],
            }
        if old_major_version == 1 and old_minor_version < 4:
            # Lines of this release's rules have no pack end and no wallet.
            data["pack_end"] = None
            data["wallet"] = None
            data["renewals"] = [
                {"pack_days": None, "amount": None, **renewal}
                for renewal in data["renewals"]
            ]
        return data

    async def async_load_line(self) -> StoredLine | None:
        """Return the stored line, or None when there is none or it is unreadable.

        Home Assistant already sets aside a file that is not JSON and raises a
        repair for it; a file that is JSON but not a line's state is logged here.
        Either way the caller rebuilds the state from the config entry.
        """
        try:
            stored = await self.async_load()
            if stored is None:
                return None
            return StoredLine(
                seed=dict(stored["seed"]),
                state=state_from_dict(stored),
                reminders=log_from_dict(stored["reminders"]),
            )
        except (HomeAssistantError, KeyError, TypeError, ValueError) as err:
            LOGGER.warning(
                "Stored state of %s is unreadable and is rebuilt from its settings: %s",
                self.key,
                err,
            )
            return None

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

    async def async_flush(self, line: StoredLine, *, force: bool = False) -> None:
        """Write a pending change now, as an unload must not lose it."""
        if self._save_pending or force:
            self._save_pending = False
            await self.async_save(_as_dict(line))


def _as_dict(line: StoredLine) -> dict[str, Any]:
    """Return the stored form of a line."""
    return {
        "seed": line.seed,
        **state_to_dict(line.state),
        "reminders": log_to_dict(line.reminders),
    }
