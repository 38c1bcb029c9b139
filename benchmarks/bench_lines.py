"""Measure how the eSIM Renewal integration scales with the number of lines.

Two parts, both in this process:

1. The domain core (``model.py`` and ``reminders.py``), pure Python: microseconds
   per call of ``take_snapshot``, ``due_reminder`` and ``renew`` on a line that
   holds the longest renewal history, the best of several ``timeit`` repeats.
2. A real Home Assistant, built by pytest-homeassistant-custom-component's
   ``async_test_home_assistant`` on a temporary config folder, in Asia/Tokyo,
   with the time frozen by freezegun at 10:00 on 26 November 2026. N lines of
   mixed kinds are set up one after the other; then the time moves to the next
   local midnight and the timers due by then fire. Measured: the setup time, the
   entities, the timers the integration keeps armed, and the time, state writes
   and store writes of that midnight tick. The memory per line is measured with
   tracemalloc in a second instance, on at most MEMORY_LINES lines: tracing
   slows the setup several times over.

Run from the repository root:

    .venv/bin/python benchmarks/bench_lines.py [--lines N]

It measures and reports; it checks nothing. Wall-clock numbers compare runs on
one machine; they include freezegun's small overhead on Home Assistant's clock.
"""

import argparse
import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
import gc
import logging
from pathlib import Path
import platform
import sys
import tempfile
import timeit
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
from homeassistant.const import (
    CONF_NAME,
    EVENT_STATE_CHANGED,
    EVENT_STATE_REPORTED,
    __version__ as ha_version,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT))

from custom_components.esim_renewal.clock import RENEWAL_CLOCK  # noqa: E402
from custom_components.esim_renewal.const import DOMAIN, SAVE_DELAY  # noqa: E402
from custom_components.esim_renewal.domain.calendar_rules import RollingRule  # noqa: E402
from custom_components.esim_renewal.domain.lapse import Lapse  # noqa: E402
from custom_components.esim_renewal.domain.line import (  # noqa: E402
    MAX_RENEWALS,
    LineSettings,
    LineState,
)
from custom_components.esim_renewal.domain.reminders import (  # noqa: E402
    ReminderLog,
    ReminderPlan,
    due_reminder,
)
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew  # noqa: E402
from custom_components.esim_renewal.domain.snapshot import take_snapshot  # noqa: E402
from custom_components.esim_renewal.domain.validity import Terms  # noqa: E402
from custom_components.esim_renewal.line_config import line_unique_id  # noqa: E402

TIME_ZONE = "Asia/Tokyo"
# Thursday 26 November 2026, 10:00 in Tokyo, as in the tests.
NOW = datetime(2026, 11, 26, 10, tzinfo=ZoneInfo(TIME_ZONE))
NEXT_MIDNIGHT = datetime(2026, 11, 27, tzinfo=ZoneInfo(TIME_ZONE))
TODAY = NOW.date()

CALLS = 2000
REPEATS = 7
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


# Domain core


ROLLING_30 = RollingRule(validity_days=30)


def full_history_state() -> LineState:
    """Return a rolling line renewed every 30 days, MAX_RENEWALS times."""
    first = TODAY - timedelta(days=30 * MAX_RENEWALS)
    state = LineState(terms=Terms(expiry_date=first))
    for cycle in range(MAX_RENEWALS):
        day = first + timedelta(days=30 * cycle)
        state = renew(
            state,
            ROLLING_30,
            RenewalRequest(renewed_on=day, cost=990, currency="JPY"),
            now=NOW,
        )
    return state


def microseconds_per_call(statement: Callable[[], object]) -> float:
    """Return the best time of one call over REPEATS runs of CALLS calls, in µs."""
    return min(timeit.repeat(statement, repeat=REPEATS, number=CALLS)) / CALLS * 1e6


def bench_core() -> list[tuple[str, float]]:
    """Time the domain core's work for one line with the longest history."""
    state = full_history_state()
    settings = LineSettings(rule=ROLLING_30, grace_days=30)
    plan = ReminderPlan()
    lapse = Lapse(expiry_date=state.expiry_date, grace_days=30)
    log = ReminderLog(checked_until=NOW - timedelta(days=1))
    request = RenewalRequest(renewed_on=TODAY)
    return [
        (
            "take_snapshot(state, settings, now)",
            microseconds_per_call(lambda: take_snapshot(state, settings, NOW)),
        ),
        (
            "due_reminder(lapse, plan, log, now)",
            microseconds_per_call(lambda: due_reminder(lapse, plan, log, NOW)),
        ),
        (
            "renew(state, rule, request, now=…)",
            microseconds_per_call(lambda: renew(state, ROLLING_30, request, now=NOW)),
        ),
    ]


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
                unique_id=line_unique_id(data),
                version=1,
                minor_version=2,
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


@dataclass(frozen=True, kw_only=True)
class Tick:
    """What the midnight tick cost."""

    seconds: float
    states_changed: int
    states_unchanged: int
    files_rewritten: int


@dataclass(frozen=True, kw_only=True)
class HassResult:
    """What N lines set up in Home Assistant cost and left behind."""

    setup: Setup
    entities: int
    clock_timers: int
    loop_timers_before: int
    loop_timers_after: int
    tick: Tick


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
def _every_state(_event_data: Any) -> bool:
    """Let every state_reported event through to be counted."""
    return True


def stored_lines(hass: HomeAssistant) -> dict[str, bytes]:
    """Return the content of every line's store file."""
    return {
        path.name: path.read_bytes()
        for path in Path(hass.config.path(".storage")).glob(f"{DOMAIN}.*")
    }


async def measure_tick(hass: HomeAssistant, frozen: FrozenDateTimeFactory) -> Tick:
    """Time the local-midnight tick; count the state and store writes it makes.

    A state write that changes nothing fires state_reported, not state_changed.
    """
    counts = {EVENT_STATE_CHANGED: 0, EVENT_STATE_REPORTED: 0}

    @callback
    def count(event: Event) -> None:
        counts[event.event_type] += 1

    unsubs = [
        hass.bus.async_listen(EVENT_STATE_CHANGED, count),
        hass.bus.async_listen(EVENT_STATE_REPORTED, count, event_filter=_every_state),
    ]
    files_before = stored_lines(hass)
    seconds = await fire_at(hass, frozen, NEXT_MIDNIGHT)
    for unsub in unsubs:
        unsub()
    # Let the delayed store writes the tick asked for happen.
    await fire_at(hass, frozen, NEXT_MIDNIGHT + timedelta(seconds=SAVE_DELAY + 1))
    files_after = stored_lines(hass)
    return Tick(
        seconds=seconds,
        states_changed=counts[EVENT_STATE_CHANGED],
        states_unchanged=counts[EVENT_STATE_REPORTED],
        files_rewritten=sum(
            files_after[name] != content for name, content in files_before.items()
        ),
    )


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


async def bench_hass(count: int) -> HassResult:
    """Set up the lines, count what they left behind and time a midnight."""
    async with frozen_hass() as (hass, frozen):
        loop_timers_before = armed_loop_timers(hass)
        setup = await setup_lines(hass, line_entries(count))
        # Let the store writes delayed at setup happen, so the tick does not
        # pay for them and the timers counted are the ones that stay.
        await fire_at(hass, frozen, NOW + timedelta(seconds=SAVE_DELAY + 1))
        return HassResult(
            setup=setup,
            entities=len(er.async_get(hass).entities),
            clock_timers=armed_clock_timers(hass),
            loop_timers_before=loop_timers_before,
            loop_timers_after=armed_loop_timers(hass),
            tick=await measure_tick(hass, frozen),
        )


def traced_memory() -> int:
    """Return the bytes tracemalloc sees allocated once garbage is collected."""
    gc.collect()
    return tracemalloc.get_traced_memory()[0]


async def bench_memory(count: int) -> tuple[float, float]:
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


def print_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> None:
    """Print a Markdown table of two columns."""
    print(f"| {header[0]} | {header[1]} |")
    print("|---|---:|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    print()


def milliseconds(seconds: list[float]) -> str:
    """Return the mean of some durations in milliseconds."""
    return f"{sum(seconds) / len(seconds) * 1e3:.2f} ms"


def hass_rows(count: int, result: HassResult) -> list[tuple[str, str]]:
    """Return the table rows of the Home Assistant measurements."""
    setup, tick = result.setup, result.tick
    tenth = max(count // 10, 1)
    return [
        ("setup, all lines", f"{setup.seconds:.2f} s"),
        ("setup, mean per line", f"{setup.seconds / count * 1e3:.2f} ms"),
        ("setup, first line (loads the platforms)", milliseconds(setup.per_entry[:1])),
        (
            f"setup, mean per line, lines 2–{tenth + 1}",
            milliseconds(setup.per_entry[1 : tenth + 1]),
        ),
        (
            f"setup, mean per line, last {tenth} lines",
            milliseconds(setup.per_entry[-tenth:]),
        ),
        ("entities", f"{result.entities}"),
        ("entities per line", f"{result.entities / count:.1f}"),
        ("timers armed by the integration's clock", f"{result.clock_timers}"),
        (
            "event-loop timers, all of HA, before / after setup",
            f"{result.loop_timers_before} / {result.loop_timers_after}",
        ),
        ("midnight tick, all lines", f"{tick.seconds * 1e3:.0f} ms"),
        ("midnight tick, per line", f"{tick.seconds / count * 1e6:.0f} µs"),
        ("state writes on the tick: changed", f"{tick.states_changed}"),
        ("state writes on the tick: unchanged", f"{tick.states_unchanged}"),
        ("line store files rewritten after the tick", f"{tick.files_rewritten}"),
    ]


def report(count: int) -> None:
    """Run every measurement and print the report."""
    print(
        f"Python {platform.python_version()}, Home Assistant {ha_version}, N = {count}"
    )
    print()
    print_table(
        ("Domain core, one call", "µs"),
        [(name, f"{micros:.1f}") for name, micros in bench_core()],
    )
    result = asyncio.run(bench_hass(count))
    memory_lines = min(count, MEMORY_LINES)
    first_line, further_line = asyncio.run(bench_memory(memory_lines))
    print_table(
        (f"Home Assistant, {count} lines", "value"),
        [
            *hass_rows(count, result),
            (
                f"memory, first line (tracemalloc, {memory_lines} lines)",
                f"{first_line / 1024:.0f} KiB",
            ),
            (
                f"memory per further line (tracemalloc, {memory_lines} lines)",
                f"{further_line / 1024:.1f} KiB",
            ),
        ],
    )


def line_count(value: str) -> int:
    """Return a number of lines from the command line: at least 2."""
    count = int(value)
    if count < 2:
        raise argparse.ArgumentTypeError("at least 2 lines")
    return count


def main() -> None:
    """Parse the arguments and print the report."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lines", type=line_count, default=500, help="lines to set up (default: 500)"
    )
    report(parser.parse_args().lines)


if __name__ == "__main__":
    main()
