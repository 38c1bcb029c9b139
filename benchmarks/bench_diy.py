"""Compare the eSIM Renewal integration with the do-it-yourself way, per line.

What users build without the integration, for each line: an ``input_datetime``
helper holding the last day the line works, and a template sensor counting the
days left from ``now()``, which Home Assistant re-renders at the start of every
minute. The template subtracts dates, not datetimes: across the spring change
to daylight saving time, a difference of local midnights is an hour short of
whole days, and its ``.days`` one day short. Users may add more (an "expiring soon" sensor, a
reminder automation); this compares the minimum, one sensor per line.

For each number of lines, both ways run in this process, each in a real Home
Assistant of its own, from ``harness.py`` as in ``bench_lines.py``: the integration's lines as its
config entries, the DIY lines from a generated YAML configuration with the same
expiry dates, read from the integration's date entities. A warm-up of both
comes first, so that no module import is timed. Then the time runs on, frozen
by freezegun and moved from one armed event-loop timer to the next, firing
what is due as the tests do: for the integration a full year (every local
midnight, reminder, calendar alarm and delayed store write), for the DIY
templates DIY_MINUTES around the local midnight, scaled to a year.

Measured: the setup time, the memory per line (tracemalloc, on at most
MEMORY_LINES lines), the timer callbacks the event loop runs for the lines, the
state writes (changed and unchanged) and the template renders, per line and
year. The output says how each figure is defined.

Run from the repository root:

    .venv/bin/python benchmarks/bench_diy.py [--lines 10,100,1000] [--diy-minutes 120]

It measures and reports; it checks nothing. Wall-clock numbers compare runs on
one machine; they include freezegun's overhead on Home Assistant's clock.
"""

import argparse
import asyncio
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
import logging
import platform
import tracemalloc
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory

# First: it lets freezegun freeze Home Assistant's clock and puts the repository
# root on sys.path for the imports of the integration below.
from harness import (
    MEMORY_LINES,
    NEXT_MIDNIGHT,
    NOW,
    QUIET_LOGGERS,
    TIME_ZONE,
    Setup,
    armed_clock_timers,
    armed_loop_timers,
    elapsed,
    every_state,
    fire_at,
    flat_setup_rows,
    frozen_hass,
    line_entries,
    line_memory,
    setup_lines,
    traced_memory,
)
from pytest_homeassistant_custom_component.common import get_scheduled_timer_handles

from homeassistant.const import (
    EVENT_STATE_CHANGED,
    EVENT_STATE_REPORTED,
    __version__ as ha_version,
)
from homeassistant.core import Event, HassJob, HomeAssistant, callback
from homeassistant.helpers.template import Template
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from custom_components.esim_renewal.const import SAVE_DELAY

DEFAULT_LINES = "10,100,1000"
DIY_MINUTES = 120
WARM_UP_LINES = 2

# The simulations start once the writes delayed at setup are done.
SETTLED = NOW + timedelta(seconds=SAVE_DELAY + 1)
YEAR_DAYS = 365
MINUTES_PER_YEAR = YEAR_DAYS * 24 * 60


# The DIY lines


def days_left_template(index: int) -> str:
    """Return the template of a DIY line's days left: 0 on its last day."""
    expiry = f"input_datetime.line_{index}_expiry"
    return "{{ ((states('" + expiry + "') | as_datetime).date() - now().date()).days }}"


def diy_config(expiry_dates: list[date]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the YAML configuration of the DIY lines: the helpers, the templates."""
    helpers = {
        f"line_{index}_expiry": {
            "name": f"Line {index} expiry",
            "has_date": True,
            "has_time": False,
            "initial": expiry.isoformat(),
        }
        for index, expiry in enumerate(expiry_dates)
    }
    sensors = [
        {
            "name": f"Line {index} days left",
            "unique_id": f"line_{index}_days_left",
            "unit_of_measurement": "d",
            "state": days_left_template(index),
        }
        for index in range(len(expiry_dates))
    ]
    return {"input_datetime": helpers}, {"template": [{"sensor": sensors}]}


async def setup_diy(hass: HomeAssistant, expiry_dates: list[date]) -> float:
    """Set up the DIY lines; return the seconds it took, until settled."""
    helpers, templates = diy_config(expiry_dates)
    start = elapsed()
    await async_setup_component(hass, "input_datetime", helpers)
    await async_setup_component(hass, "template", templates)
    await hass.async_block_till_done()
    return elapsed() - start


def state_of(hass: HomeAssistant, entity_id: str) -> str:
    """Return the state of an entity, or "missing"."""
    state = hass.states.get(entity_id)
    return state.state if state else "missing"


# What runs


@dataclass(kw_only=True)
class Activity:
    """What ran while the time moved on."""

    timers: Counter[str] = field(default_factory=Counter)
    """Timer callbacks the event loop ran, by the name of what they run."""
    changed: int = 0
    """State writes that changed a state: state_changed events."""
    unchanged: int = 0
    """State writes that changed nothing: state_reported events."""
    renders: int = 0
    """Template renders."""
    instants: int = 0
    """The instants the time stopped at to fire the timers due."""
    seconds: float = 0.0
    """Wall-clock time of the simulation."""


def timer_name(handle: asyncio.TimerHandle) -> str:
    """Return the name of the function a timer runs in the end.

    Home Assistant's time trackers wrap it in their own objects, in jobs and in
    closures; the name is the innermost function's.
    """
    target: Any = handle._callback  # noqa: SLF001
    for _ in range(5):
        owner = getattr(target, "__self__", target)
        job = getattr(owner, "job", None) or getattr(owner, "_run_job", None)
        if job is None:
            cells = getattr(target, "__closure__", None) or ()
            job = next(
                (
                    cell.cell_contents
                    for cell in cells
                    if isinstance(cell.cell_contents, HassJob)
                ),
                None,
            )
        if not isinstance(job, HassJob):
            break
        target = job.target
    return getattr(target, "__qualname__", type(target).__name__)


@contextmanager
def recording(hass: HomeAssistant, activity: Activity) -> Iterator[None]:
    """Count the timer callbacks run, the state writes and the template renders.

    A timer callback counts when the event loop, or async_fire_time_changed in
    its stead, runs an asyncio TimerHandle.
    """
    run_timer = asyncio.TimerHandle._run  # noqa: SLF001
    render = Template.async_render
    render_json = Template.async_render_with_possible_json_value

    def counted_run(handle: asyncio.TimerHandle) -> None:
        activity.timers[timer_name(handle)] += 1
        run_timer(handle)

    def counted_render(template: Template, *args: Any, **kwargs: Any) -> Any:
        activity.renders += 1
        return render(template, *args, **kwargs)

    def counted_render_json(template: Template, *args: Any, **kwargs: Any) -> Any:
        activity.renders += 1
        return render_json(template, *args, **kwargs)

    @callback
    def count_write(event: Event) -> None:
        if event.event_type == EVENT_STATE_CHANGED:
            activity.changed += 1
        else:
            activity.unchanged += 1

    unsubs = [
        hass.bus.async_listen(EVENT_STATE_CHANGED, count_write),
        hass.bus.async_listen(
            EVENT_STATE_REPORTED, count_write, event_filter=every_state
        ),
    ]
    try:
        with (
            patch.object(asyncio.TimerHandle, "_run", counted_run),
            patch.object(Template, "async_render", counted_render),
            patch.object(
                Template, "async_render_with_possible_json_value", counted_render_json
            ),
        ):
            yield
    finally:
        for unsub in unsubs:
            unsub()


async def run_timers(
    hass: HomeAssistant,
    frozen: FrozenDateTimeFactory,
    end: datetime,
    activity: Activity,
) -> None:
    """Move the time to each armed timer due before the end in turn, and fire it.

    As async_fire_time_changed does, each stop also fires what is due in the
    next half second, over which Home Assistant spreads its per-minute timers.
    """
    start = elapsed()
    while True:
        due = [
            handle.when()
            for handle in get_scheduled_timer_handles(hass.loop)
            if not handle.cancelled()
        ]
        if not due:
            break
        delay = max(min(due) - hass.loop.time(), 0.0)
        instant = dt_util.utcnow() + timedelta(seconds=delay)
        if instant >= end:
            break
        await fire_at(hass, frozen, instant)
        activity.instants += 1
    activity.seconds += elapsed() - start


# The two ways, side by side


@dataclass(frozen=True, kw_only=True)
class IntegrationRun:
    """The integration's lines: their setup and a year of them."""

    setup: Setup
    entities: int
    clock_timers: int
    loop_timers: int
    expiry_dates: list[date]
    days_left: list[str]
    year: Activity


@dataclass(frozen=True, kw_only=True)
class DiyRun:
    """The DIY lines: their setup and a window of minutes of them."""

    setup_seconds: float
    entities: int
    loop_timers: int
    days_left: list[str]
    window: Activity


@dataclass(frozen=True, kw_only=True)
class Window:
    """The minutes the DIY lines run: around a local midnight, the only one."""

    minutes: int

    @property
    def start(self) -> datetime:
        """Return the first instant of the window."""
        return NEXT_MIDNIGHT - timedelta(minutes=self.minutes / 2)

    @property
    def end(self) -> datetime:
        """Return the instant after the window."""
        return self.start + timedelta(minutes=self.minutes)


async def run_integration(count: int) -> IntegrationRun:
    """Set up the integration's lines and run a year of them."""
    async with frozen_hass() as (hass, frozen):
        setup = await setup_lines(hass, line_entries(count))
        await fire_at(hass, frozen, SETTLED)
        # The entity ids the README documents, for lines named "Line <index>".
        expiry_dates = [
            date.fromisoformat(state_of(hass, f"date.line_{index}_last_safe_day"))
            for index in range(count)
        ]
        days_left = [
            state_of(hass, f"sensor.line_{index}_days_until_expiry")
            for index in range(count)
        ]
        entities = len(hass.states.async_entity_ids())
        clock_timers = armed_clock_timers(hass)
        loop_timers = armed_loop_timers(hass)
        year = Activity()
        with recording(hass, year):
            await run_timers(hass, frozen, SETTLED + timedelta(days=YEAR_DAYS), year)
    return IntegrationRun(
        setup=setup,
        entities=entities,
        clock_timers=clock_timers,
        loop_timers=loop_timers,
        expiry_dates=expiry_dates,
        days_left=days_left,
        year=year,
    )


async def run_diy(expiry_dates: list[date], window: Window) -> DiyRun:
    """Set up the DIY lines and run them over the window."""
    async with frozen_hass() as (hass, frozen):
        setup_seconds = await setup_diy(hass, expiry_dates)
        await fire_at(hass, frozen, SETTLED)
        days_left = [
            state_of(hass, f"sensor.line_{index}_days_left")
            for index in range(len(expiry_dates))
        ]
        entities = len(hass.states.async_entity_ids())
        loop_timers = armed_loop_timers(hass)
        # Up to the minute before the window: each template renders once more.
        await fire_at(hass, frozen, window.start - timedelta(minutes=1))
        activity = Activity()
        with recording(hass, activity):
            await run_timers(hass, frozen, window.end, activity)
    return DiyRun(
        setup_seconds=setup_seconds,
        entities=entities,
        loop_timers=loop_timers,
        days_left=days_left,
        window=activity,
    )


async def integration_baseline() -> Activity:
    """Return what a Home Assistant without lines runs in the integration's year."""
    async with frozen_hass() as (hass, frozen):
        await fire_at(hass, frozen, SETTLED)
        year = Activity()
        with recording(hass, year):
            await run_timers(hass, frozen, SETTLED + timedelta(days=YEAR_DAYS), year)
    return year


async def diy_baseline(window: Window) -> Activity:
    """Return what Home Assistant runs in the DIY window with the helpers but no line."""
    async with frozen_hass() as (hass, frozen):
        await setup_diy(hass, [])
        await fire_at(hass, frozen, window.start - timedelta(minutes=1))
        activity = Activity()
        with recording(hass, activity):
            await run_timers(hass, frozen, window.end, activity)
    return activity


async def warm_up_integration() -> None:
    """Set up a few of the integration's lines, so that its imports are done."""
    async with frozen_hass() as (hass, _frozen):
        await setup_lines(hass, line_entries(WARM_UP_LINES))


async def warm_up_diy() -> None:
    """Set up a few DIY lines, so that the imports of the helpers are done."""
    async with frozen_hass() as (hass, _frozen):
        await setup_diy(hass, [NOW.date()] * WARM_UP_LINES)


async def diy_traced_memory(expiry_dates: list[date]) -> int:
    """Return the bytes that setting up DIY lines leaves allocated."""
    async with frozen_hass() as (hass, _frozen):
        tracemalloc.start()
        try:
            start = traced_memory()
            await setup_diy(hass, expiry_dates)
            return traced_memory() - start
        finally:
            tracemalloc.stop()


def diy_memory(expiry_dates: list[date]) -> tuple[float, float]:
    """Return the bytes held by the first DIY line and by each further line.

    YAML lines cannot be added one by one: two Home Assistants, one with one line
    and one with them all, tell the first line from the others.
    """
    first = asyncio.run(diy_traced_memory(expiry_dates[:1]))
    every = asyncio.run(diy_traced_memory(expiry_dates))
    return first, (every - first) / (len(expiry_dates) - 1)


# Per line and year


@dataclass(frozen=True, kw_only=True)
class Yearly:
    """Per line and year: what the lines make the event loop do."""

    timers: dict[str, float]
    changed: float
    unchanged: float
    renders: float

    @property
    def wakeups(self) -> float:
        """Return the timer callbacks run, whatever they run."""
        return sum(self.timers.values())


def per_line_year(
    activity: Activity,
    baseline: Activity,
    count: int,
    *,
    minutes: float = MINUTES_PER_YEAR,
    midnights: int = YEAR_DAYS,
) -> Yearly:
    """Return the figures per line and year, without Home Assistant's own.

    What a shorter period counts is scaled to a year by its minutes, but its
    state changes, which only come at local midnight, by its midnights.
    """
    scale = MINUTES_PER_YEAR / minutes / count
    names = activity.timers.keys() | baseline.timers.keys()
    timers = {
        name: (activity.timers[name] - baseline.timers[name]) * scale for name in names
    }
    return Yearly(
        timers={name: value for name, value in timers.items() if value},
        changed=(activity.changed - baseline.changed) * YEAR_DAYS / midnights / count,
        unchanged=(activity.unchanged - baseline.unchanged) * scale,
        renders=(activity.renders - baseline.renders) * scale,
    )


# Report


@dataclass(frozen=True, kw_only=True)
class Row:
    """A figure, both ways."""

    label: str
    diy: float
    integration: float
    shown: Callable[[float], str]


def amount(value: float) -> str:
    """Return a count, with the decimals that tell small counts apart."""
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def ratio(diy: float, integration: float) -> str:
    """Return DIY / integration, or what stands for it when that is 0."""
    if integration == 0:
        return "∞" if diy else "n/a"
    return f"{amount(diy / integration)}×"


def print_rows(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Print a Markdown table, its first column left-aligned, the others right."""
    print(f"| {' | '.join(header)} |")
    print(f"|---|{'---:|' * (len(header) - 1)}")
    for row in rows:
        print(f"| {' | '.join(row)} |")
    print()


def definitions(window: Window) -> list[str]:
    """Return what the figures mean, as Markdown list items."""
    template = days_left_template(0).replace("line_0", "line_<i>")
    return [
        (
            "DIY, per line: an input_datetime (date only) holding the expiry date, "
            f"and a template sensor (unit d) with state `{template}`; no "
            '"expiring soon" sensor and no reminder automation. The same expiry '
            "dates as the integration's lines."
        ),
        (
            "eSIM Renewal: the lines as config entries of mixed kinds, as "
            "bench_lines.py sets them up."
        ),
        (
            "Setup: until Home Assistant has settled; eSIM Renewal one entry after "
            "the other, DIY with async_setup_component of input_datetime and "
            "template on the generated YAML. After a warm-up of both, so no import "
            "is timed."
        ),
        (
            "Memory per line: tracemalloc after garbage collection, on "
            f"min(N, {MEMORY_LINES}) lines: (all lines - first line) / (lines - 1); "
            "eSIM Renewal in one Home Assistant, DIY in two (one line, all lines)."
        ),
        (
            f"Simulated time: from {SETTLED:%H:%M:%S} on {SETTLED:%d %B %Y} in "
            f"{TIME_ZONE}, the frozen clock jumps to the next armed timer and fires "
            "what is due within 0.5 s (async_fire_time_changed). eSIM Renewal: "
            f"a full year ({YEAR_DAYS} days, no renewal recorded), simulated. DIY: "
            f"{window.minutes} minutes around the local midnight "
            f"({window.start:%H:%M}–{window.end:%H:%M}), extrapolated to a year: "
            f"timer callbacks, renders and unchanged writes × "
            f"{MINUTES_PER_YEAR:,} / {window.minutes}, state changes (they come at "
            f"midnight only) × {YEAR_DAYS}."
        ),
        (
            "Wake-ups: timer callbacks (asyncio TimerHandle) the event loop runs, "
            "whoever armed them, counted by wrapping TimerHandle._run, less those a "
            "Home Assistant without lines runs over the same simulation (the entity "
            "registry's daily cleanup), divided by N: a timer all lines share "
            "counts 1/N per line. Callbacks due together may share one pass of the "
            "loop in production: this counts callbacks, not passes."
        ),
        (
            "State writes: state_changed events (changed) and state_reported events "
            "(written, unchanged), of all entities."
        ),
        (
            "Template renders: calls of Template.async_render and "
            "Template.async_render_with_possible_json_value."
        ),
    ]


@dataclass(frozen=True, kw_only=True)
class Baselines:
    """What Home Assistant runs without any line, in each simulation."""

    integration: Activity
    diy: Activity


@dataclass(frozen=True, kw_only=True)
class Memory:
    """The bytes held by the first line and by each further line, both ways."""

    diy: tuple[float, float]
    integration: tuple[float, float]


def bench_size(
    count: int, window: Window, baselines: Baselines, memory: dict[int, Memory]
) -> None:
    """Measure both ways with this many lines and print the tables."""
    integration = asyncio.run(run_integration(count))
    diy = asyncio.run(run_diy(integration.expiry_dates, window))
    memory_lines = min(count, MEMORY_LINES)
    if memory_lines not in memory:
        memory[memory_lines] = Memory(
            diy=diy_memory(integration.expiry_dates[:memory_lines]),
            integration=asyncio.run(line_memory(memory_lines)),
        )
    (diy_first, diy_further) = memory[memory_lines].diy
    (integration_first, integration_further) = memory[memory_lines].integration
    diy_year = per_line_year(
        diy.window, baselines.diy, count, minutes=window.minutes, midnights=1
    )
    integration_year = per_line_year(integration.year, baselines.integration, count)

    def seconds(value: float) -> str:
        return f"{value:.2f} s"

    def milliseconds(value: float) -> str:
        return f"{value * 1e3:.2f} ms"

    def kibibytes(value: float) -> str:
        return f"{value / 1024:.1f} KiB"

    def whole(value: float) -> str:
        return f"{value:,.0f}"

    def one_decimal(value: float) -> str:
        return f"{value:.1f}"

    rows = [
        Row(
            label="entities per line",
            diy=diy.entities / count,
            integration=integration.entities / count,
            shown=one_decimal,
        ),
        Row(
            label="setup, all lines",
            diy=diy.setup_seconds,
            integration=integration.setup.seconds,
            shown=seconds,
        ),
        Row(
            label="setup, mean per line",
            diy=diy.setup_seconds / count,
            integration=integration.setup.seconds / count,
            shown=milliseconds,
        ),
        Row(
            label=f"memory, first line (tracemalloc, {memory_lines} lines)",
            diy=diy_first,
            integration=integration_first,
            shown=kibibytes,
        ),
        Row(
            label=f"memory per further line (tracemalloc, {memory_lines} lines)",
            diy=diy_further,
            integration=integration_further,
            shown=kibibytes,
        ),
        Row(
            label="event-loop timers armed after setup, all of HA",
            diy=diy.loop_timers,
            integration=integration.loop_timers,
            shown=whole,
        ),
        Row(
            label="wake-ups (timer callbacks) per line per year",
            diy=diy_year.wakeups,
            integration=integration_year.wakeups,
            shown=amount,
        ),
        Row(
            label="state writes per line per year: changed",
            diy=diy_year.changed,
            integration=integration_year.changed,
            shown=amount,
        ),
        Row(
            label="state writes per line per year: unchanged",
            diy=diy_year.unchanged,
            integration=integration_year.unchanged,
            shown=amount,
        ),
        Row(
            label="template renders per line per year",
            diy=diy_year.renders,
            integration=integration_year.renders,
            shown=amount,
        ),
    ]
    print(f"### {count} lines")
    print()
    print_rows(
        ("figure", "DIY", "eSIM Renewal", "ratio DIY / eSIM Renewal"),
        [
            (
                row.label,
                row.shown(row.diy),
                row.shown(row.integration),
                ratio(row.diy, row.integration),
            )
            for row in rows
        ],
    )
    names = sorted(
        diy_year.timers.keys() | integration_year.timers.keys(),
        key=lambda name: (
            -max(diy_year.timers.get(name, 0), integration_year.timers.get(name, 0))
        ),
    )
    print_rows(
        (
            "wake-ups per line per year, by the function the timer runs",
            "DIY",
            "eSIM Renewal",
        ),
        [
            (
                f"`{name}`",
                amount(diy_year.timers.get(name, 0)),
                amount(integration_year.timers.get(name, 0)),
            )
            for name in names
        ],
    )
    print_rows(
        (f"eSIM Renewal alone, {count} lines", "value"),
        [
            (
                "timers armed by the integration's clock",
                f"{integration.clock_timers}",
            ),
            *flat_setup_rows(count, integration.setup),
        ],
    )
    same_days = sum(
        mine == theirs
        for mine, theirs in zip(diy.days_left, integration.days_left, strict=True)
    )
    print(
        f"Simulated: eSIM Renewal {YEAR_DAYS} days, the clock stopping "
        f"{integration.year.instants:,} times, in {integration.year.seconds:.1f} s; "
        f"DIY {window.minutes} minutes, the clock stopping "
        f"{diy.window.instants:,} times, in {diy.window.seconds:.1f} s. "
        f"DIY days left equal to the integration's days until expiry: "
        f"{same_days} of {count} lines."
    )
    print()


def bench(sizes: list[int], window: Window) -> None:
    """Run every measurement and print the report.

    Each Home Assistant runs in an event loop of its own: the timers one leaves
    armed when it stops would otherwise fire in the next.
    """
    start = elapsed()
    print(
        f"Python {platform.python_version()}, Home Assistant {ha_version}, "
        f"N = {', '.join(str(count) for count in sizes)}"
    )
    print()
    for item in definitions(window):
        print(f"- {item}")
    print()
    asyncio.run(warm_up_integration())
    asyncio.run(warm_up_diy())
    baselines = Baselines(
        integration=asyncio.run(integration_baseline()),
        diy=asyncio.run(diy_baseline(window)),
    )
    memory: dict[int, Memory] = {}
    for count in sizes:
        bench_size(count, window, baselines, memory)
    print(f"Run time: {elapsed() - start:.0f} s")


def line_counts(value: str) -> list[int]:
    """Return the numbers of lines from the command line: each at least 2."""
    try:
        counts = [int(item) for item in value.split(",")]
    except ValueError as err:
        raise argparse.ArgumentTypeError("comma-separated numbers") from err
    if min(counts) < 2:
        raise argparse.ArgumentTypeError("at least 2 lines")
    return counts


def window_minutes(value: str) -> int:
    """Return the DIY window from the command line: 2 to 1440 minutes, even."""
    minutes = int(value)
    if not 2 <= minutes <= 1440 or minutes % 2:
        raise argparse.ArgumentTypeError("an even number of minutes, 2 to 1440")
    return minutes


def main() -> None:
    """Parse the arguments and print the report."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--lines",
        type=line_counts,
        default=line_counts(DEFAULT_LINES),
        help=f"numbers of lines, comma-separated (default: {DEFAULT_LINES})",
    )
    parser.add_argument(
        "--diy-minutes",
        type=window_minutes,
        default=DIY_MINUTES,
        help="minutes of DIY templates simulated around midnight "
        f"(default: {DIY_MINUTES})",
    )
    arguments = parser.parse_args()
    bench(arguments.lines, Window(minutes=arguments.diy_minutes))


if __name__ == "__main__":
    main()
