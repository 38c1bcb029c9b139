"""Measure how the eSIM Renewal integration scales with the number of lines.

Two parts, both in this process:

1. The domain core (``domain/``), pure Python: microseconds
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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
import logging
from pathlib import Path
import platform
import timeit

from freezegun.api import FrozenDateTimeFactory

# First: it lets freezegun freeze Home Assistant's clock and puts the repository
# root on sys.path for the imports of the integration below.
from harness import (
    MEMORY_LINES,
    NEXT_MIDNIGHT,
    NOW,
    QUIET_LOGGERS,
    TODAY,
    Setup,
    armed_clock_timers,
    armed_loop_timers,
    every_state,
    fire_at,
    flat_setup_rows,
    frozen_hass,
    line_entries,
    line_memory,
    setup_lines,
)

from homeassistant.const import (
    EVENT_STATE_CHANGED,
    EVENT_STATE_REPORTED,
    __version__ as ha_version,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.generated.currencies import ACTIVE_CURRENCIES
from homeassistant.helpers import entity_registry as er

from custom_components.esim_renewal.const import DOMAIN, SAVE_DELAY
from custom_components.esim_renewal.domain.calendar_rules import RollingRule
from custom_components.esim_renewal.domain.lapse import Lapse
from custom_components.esim_renewal.domain.line import (
    MAX_RENEWALS,
    LineSettings,
    LineState,
)
from custom_components.esim_renewal.domain.reminders import (
    ReminderLog,
    ReminderPlan,
    due_reminder,
)
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew
from custom_components.esim_renewal.domain.snapshot import take_snapshot
from custom_components.esim_renewal.domain.validity import Terms

CALLS = 2000
REPEATS = 7


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
            currencies=ACTIVE_CURRENCIES,
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
            microseconds_per_call(
                lambda: renew(
                    state, ROLLING_30, request, now=NOW, currencies=ACTIVE_CURRENCIES
                )
            ),
        ),
    ]


# Home Assistant


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
        hass.bus.async_listen(EVENT_STATE_REPORTED, count, event_filter=every_state),
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


# Report


def print_table(header: tuple[str, str], rows: list[tuple[str, str]]) -> None:
    """Print a Markdown table of two columns."""
    print(f"| {header[0]} | {header[1]} |")
    print("|---|---:|")
    for label, value in rows:
        print(f"| {label} | {value} |")
    print()


def hass_rows(count: int, result: HassResult) -> list[tuple[str, str]]:
    """Return the table rows of the Home Assistant measurements."""
    setup, tick = result.setup, result.tick
    return [
        ("setup, all lines", f"{setup.seconds:.2f} s"),
        ("setup, mean per line", f"{setup.seconds / count * 1e3:.2f} ms"),
        *flat_setup_rows(count, setup),
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
        (
            "state writes per line per day: changed / unchanged",
            f"{tick.states_changed / count:.2f} / {tick.states_unchanged / count:.2f}",
        ),
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
    first_line, further_line = asyncio.run(line_memory(memory_lines))
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
