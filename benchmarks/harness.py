"""Run a real Home Assistant with eSIM lines in this process, for the benchmarks.

pytest-homeassistant-custom-component's ``async_test_home_assistant`` on a
temporary config folder, in Asia/Tokyo, with the time frozen by freezegun at
10:00 on 26 November 2026; the lines are config entries of mixed kinds, set up
one after the other as a user adds them. Only the Home Assistant side lives
here: nothing in this module imports the integration's domain core.

Import this module before any Home Assistant module: it lets freezegun freeze
Home Assistant's clock, and puts the repository root on ``sys.path``.
"""

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
import gc
from pathlib import Path
import sys
import tempfile
import tracemalloc
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

import freezegun
import freezegun.api
from freezegun.api import FrozenDateTimeFactory

# Imported before any other Home Assistant module so that freezegun can freeze
# Home Assistant's clock, as pytest-homeassistant-custom-component does.
from pytest_homeassistant_custom_component import patch_time  # noqa: F401
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_test_home_assistant,
    get_scheduled_timer_handles,
)

from homeassistant import loader
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback

# The lines' unique ids are keyed digests; the benchmark's installation has this key.
BENCHMARK_IDENTITY_KEY = bytes(32)
REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from custom_components.esim_renewal.clock import RENEWAL_CLOCK  # noqa: E402
from custom_components.esim_renewal.const import DOMAIN  # noqa: E402
from custom_components.esim_renewal.identity import line_unique_id  # noqa: E402

TIME_ZONE = "Asia/Tokyo"
# Thursday 26 November 2026, 10:00 in Tokyo, as in the tests.
NOW = datetime(2026, 11, 26, 10, tzinfo=ZoneInfo(TIME_ZONE))
NEXT_MIDNIGHT = datetime(2026, 11, 27, tzinfo=ZoneInfo(TIME_ZONE))
TODAY = NOW.date()

MEMORY_LINES = 100

# The domain core never reads a clock. Left out of freezegun's patching, it keeps
# the real datetime classes instead of freezegun's much slower subclasses.
PURE_MODULES = [
    "custom_components.esim_renewal.domain",
]
# Warnings that every run prints and that say nothing about the integration.
QUIET_LOGGERS = ("homeassistant.loader", "aiohttp_fast_zlib")


def elapsed() -> float:
    """Return a wall clock in seconds that frozen time does not stop.

    While time is frozen, freezegun replaces ``time.perf_counter`` and every
    module attribute bound to it, but not the original it keeps for itself.
    """
    return freezegun.api.real_perf_counter()


# Lines


def line_data(index: int) -> dict[str, Any]:
    """Return the entry data of a line: kinds, dates, numbers and data vary."""
    data: dict[str, Any] = {CONF_NAME: f"Line {index}", "unlimited_data": False}
    if index % 2 == 0:
        data["phone_number"] = f"+81 80-{index:08d}"
    match index % 3:
        case 0:
            # A 30-day pack bought 0 to 229 days ago, safe 180 days after it
            # ends, the number kept 30 more: some have lapsed.
            last_renewal = TODAY - timedelta(days=index * 7 % 230)
            data |= {
                "carrier": "povo_2",
                "renewal_url": "https://povo.jp/",
                "validity": "after_pack",
                "last_renewal": last_renewal.isoformat(),
                "pack_days": 30,
                "validity_days": 180,
                "grace_days": 30,
            }
        case 1:
            expiry = TODAY + timedelta(days=index % 90 - 10)
            data |= {
                "carrier": "travel_esim",
                "validity": "fixed",
                "expiry_date": expiry.isoformat(),
                "data_total_gb": 10,
                "data_remaining_gb": index % 100 / 10,
            }
        case _:
            data |= {
                "carrier": "ahamo",
                "validity": "monthly",
                "billing_day": 1 + index % 31,
                "data_total_gb": 30,
                "data_remaining_gb": 12.5,
                "unlimited_data": index % 4 == 0,
            }
    return data


def line_options(index: int) -> dict[str, Any]:
    """Return the options of a line: every fourth has reminders of its own."""
    if index % 4:
        return {}
    return {"reminder_days": [14, 3], "reminder_time": "08:30:00", "data_low_gb": 1}


def line_entries(count: int) -> list[MockConfigEntry]:
    """Return the config entries of the first lines."""
    entries = []
    for index in range(count):
        data = line_data(index)
        entries.append(
            MockConfigEntry(
                domain=DOMAIN,
                title=data[CONF_NAME],
                data=data,
                options=line_options(index),
                unique_id=line_unique_id(BENCHMARK_IDENTITY_KEY, data),
                version=1,
                minor_version=3,
            )
        )
    return entries


# Home Assistant


@dataclass(frozen=True, kw_only=True)
class Setup:
    """How long setting up the lines took."""

    seconds: float
    """All lines, with the final wait for Home Assistant to settle."""
    per_entry: list[float]
    """Each entry's setup call, in order."""


@contextmanager
def config_folder() -> Iterator[str]:
    """Yield a temporary config folder that holds the integration.

    It is laid out as a user's, but Home Assistant imports the same files through
    the repository root, already on ``sys.path``. Setup writes the blueprints and
    the lines' store files here.
    """
    with tempfile.TemporaryDirectory(prefix="esim_renewal_bench_") as folder:
        custom = Path(folder, "custom_components")
        custom.mkdir()
        (custom / DOMAIN).symlink_to(REPO_ROOT / "custom_components" / DOMAIN)
        yield folder


@asynccontextmanager
async def frozen_hass() -> AsyncIterator[tuple[HomeAssistant, FrozenDateTimeFactory]]:
    """Yield a running Home Assistant in Tokyo and the control of frozen time."""
    with (
        freezegun.freeze_time(NOW, ignore=PURE_MODULES) as frozen,
        config_folder() as folder,
        # As the disable_http_server fixture: the calendar platform needs http,
        # but nothing here may listen on a port.
        patch("homeassistant.components.http.HomeAssistantHTTP.async_bind"),
        patch("homeassistant.components.http.HomeAssistantHTTP.start"),
    ):
        async with async_test_home_assistant(config_dir=folder) as hass:
            # What the enable_custom_integrations fixture does.
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            await hass.config.async_set_time_zone(TIME_ZONE)
            try:
                yield hass, frozen
            finally:
                await hass.async_stop(force=True)


async def setup_lines(hass: HomeAssistant, entries: list[MockConfigEntry]) -> Setup:
    """Set up the lines one after the other, as a user adds them."""
    per_entry = []
    start = elapsed()
    for entry in entries:
        # Added one at a time: setting up the first entry of a domain would set
        # up every entry of it already added.
        entry.add_to_hass(hass)
        entry_start = elapsed()
        await hass.config_entries.async_setup(entry.entry_id)
        per_entry.append(elapsed() - entry_start)
    await hass.async_block_till_done()
    return Setup(seconds=elapsed() - start, per_entry=per_entry)


async def fire_at(
    hass: HomeAssistant, frozen: FrozenDateTimeFactory, instant: datetime
) -> float:
    """Move the frozen time on, fire the timers due; return the seconds it took."""
    frozen.move_to(instant)
    start = elapsed()
    async_fire_time_changed(hass, instant)
    await hass.async_block_till_done()
    return elapsed() - start


@callback
def every_state(_event_data: Any) -> bool:
    """Let every state_reported event through to be counted."""
    return True


def armed_clock_timers(hass: HomeAssistant) -> int:
    """Return the timers the integration's shared clock keeps armed.

    The design is one timer for every line. The clock keeps it in the private
    ``_unsub_timer``, read here only to count it: 1 when armed, else 0.
    """
    clock = hass.data[RENEWAL_CLOCK]
    return int(clock._unsub_timer is not None)  # noqa: SLF001


def armed_loop_timers(hass: HomeAssistant) -> int:
    """Return the timers armed on the event loop, by all of Home Assistant."""
    return sum(
        not handle.cancelled() for handle in get_scheduled_timer_handles(hass.loop)
    )


def traced_memory() -> int:
    """Return the bytes tracemalloc sees allocated once garbage is collected."""
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


async def line_memory(count: int) -> tuple[float, float]:
    """Return the bytes held by the first line and by each further line.

    The first line also sets up the entity platforms every line shares.
    """
    async with frozen_hass() as (hass, _frozen):
        entries = line_entries(count)
        tracemalloc.start()
        try:
            start = traced_memory()
            await setup_lines(hass, entries[:1])
            first = traced_memory()
            await setup_lines(hass, entries[1:])
            end = traced_memory()
        finally:
            tracemalloc.stop()
    return first - start, (end - first) / (count - 1)


# Report


def milliseconds(seconds: list[float]) -> str:
    """Return the mean of some durations in milliseconds."""
    return f"{sum(seconds) / len(seconds) * 1e3:.2f} ms"


def flat_setup_rows(count: int, setup: Setup) -> list[tuple[str, str]]:
    """Return the table rows that compare the first lines' setup with the last's."""
    tenth = max(count // 10, 1)
    return [
        ("setup, first line (loads the platforms)", milliseconds(setup.per_entry[:1])),
        (
            f"setup, mean per line, lines 2–{tenth + 1}",
            milliseconds(setup.per_entry[1 : tenth + 1]),
        ),
        (
            f"setup, mean per line, last {tenth} lines",
            milliseconds(setup.per_entry[-tenth:]),
        ),
    ]
