"""A stateful property test: random sequences of all a user and time do to lines.

Hypothesis's ``RuleBasedStateMachine`` drives a running Home Assistant. Its
rules add lines of all seven rules through the config flow, reconfigure them
(unchanged, renamed, to another rule), submit their options, renew them with
valid and invalid fields, undo, record data, set the date and number
entities, move the entities they follow (rises, dips, resets, gaps, renames,
removals), fix their repairs, reload and restart them on the same storage,
and let time pass across midnights, clock changes and a change of Home
Assistant's time zone. After every step:

- every line is loaded;
- no untranslated error escapes (a raised error is a translated Home
  Assistant error, a form error is a key of ``strings.json``, and nothing is
  logged as an error);
- an unchanged reconfigure or options submit changes no entity state;
- a refused call changes no entity state, no entry and no stored file;
- every other line's days left drop by one at each local midnight;
- *Spent this year* is what the renewals recorded this year cost in the
  line's currency;
- an undo right after a renewal brings back every entity's state;
- a line has its lapse repair exactly while it is expired or lost.

How it runs: the ``hass`` fixture lives on pytest's event loop, and a state
machine's rules are plain functions. The test runs the machine with
``run_state_machine_as_test`` in a worker thread; each rule hands its work to
the event loop as a coroutine and waits for it, so Home Assistant runs only
on its own loop and every step has finished when the next one starts. One
Home Assistant serves every sequence: each sequence first removes what the
last one left (lines, followed entities, issues, stored files) and sets the
clock and time zone it starts from. Stored files are ``hass_storage``; the
writes a line delays are flushed by ``EVENT_HOMEASSISTANT_FINAL_WRITE``, as
Home Assistant does when it stops. The clock is the ``freezer``, moved with
``async_fire_time_changed``. The sequences are derandomized, so every run
tries the same ones; the run ends with the count of steps.
"""

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from copy import deepcopy
from dataclasses import dataclass
from datetime import date, datetime, timedelta
import json
import logging
from pathlib import Path
import random
from typing import Any, cast
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    multiple,
    rule,
    run_state_machine_as_test,
)
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.date import (
    ATTR_DATE,
    DOMAIN as DATE_DOMAIN,
    SERVICE_SET_VALUE as SET_DATE,
)
from homeassistant.components.number import (
    ATTR_VALUE,
    DOMAIN as NUMBER_DOMAIN,
    SERVICE_SET_VALUE as SET_NUMBER,
)
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.components.sensor import DOMAIN as SENSOR_DOMAIN, SensorDeviceClass
from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    SOURCE_USER,
    ConfigEntry,
    ConfigEntryState,
)
from homeassistant.const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DEVICE_CLASS,
    ATTR_DEVICE_ID,
    ATTR_ENTITY_ID,
    ATTR_UNIT_OF_MEASUREMENT,
    CONF_NAME,
    EVENT_HOMEASSISTANT_FINAL_WRITE,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import (
    device_registry as dr,
    entity_registry as er,
    issue_registry as ir,
    restore_state,
)
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util

from .conftest import STATEFUL_STEPS
from custom_components.esim_renewal.const import (
    ATTR_AMOUNT,
    ATTR_COST,
    ATTR_CURRENCY,
    ATTR_DATA_REMAINING_GB,
    ATTR_DATA_TOTAL_GB,
    ATTR_DATA_USED_GB,
    ATTR_EXPIRY_DATE,
    ATTR_PACK_DAYS,
    ATTR_RENEWED_ON,
    ATTR_VALIDITY_DAYS,
    CONF_ACTIVITY_ENTITIES,
    CONF_BALANCE,
    CONF_BILLING_DAY,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_DATA_LOW_GB,
    CONF_DATA_REMAINING_ENTITY,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_DATA_USAGE_ENTITIES,
    CONF_EXPIRY_DATE,
    CONF_EXPIRY_ENTITY,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_GRACE_DAYS,
    CONF_LAST_RENEWAL,
    CONF_MAX_VALIDITY_DAYS,
    CONF_PACK_DAYS,
    CONF_PHONE_NUMBER,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    CONF_VALIDITY_MONTHS,
    DOMAIN,
    EVENT_RENEWED,
    SERVICE_RENEW,
    SERVICE_SET_DATA,
    SERVICE_UNDO_RENEWAL,
)
from custom_components.esim_renewal.domain.carriers import CARRIER_PRESETS
from custom_components.esim_renewal.domain.line import Change
from custom_components.esim_renewal.domain.validity import ValidityKind

# At least this many steps run, in sequences of at most STEPS_PER_SEQUENCE.
MIN_STEPS = 2000
SEQUENCES = 110
STEPS_PER_SEQUENCE = 25
MACHINE_SETTINGS = settings(
    max_examples=SEQUENCES,
    stateful_step_count=STEPS_PER_SEQUENCE,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# The longest a step may take before the test gives up on it.
STEP_TIMEOUT = 60

COMPONENTS = Path(__file__).parents[1] / "custom_components"
STRINGS: dict[str, Any] = json.loads((COMPONENTS / DOMAIN / "strings.json").read_text())
CORE_COMPONENTS = Path(dt_util.__file__).parents[1] / "components"

# What an entity of each kind of a line is called, by the key of its unique id.
DAYS_LEFT = (SENSOR_DOMAIN, "days_until_expiry")
STATUS = (SENSOR_DOMAIN, "status")
SPENT = (SENSOR_DOMAIN, "spent_this_year")
LAST_SAFE_DAY = (DATE_DOMAIN, "expiry_date")
DATA_READING = (NUMBER_DOMAIN, "data_remaining")
MARK_RENEWED = (BUTTON_DOMAIN, "mark_renewed")
UNDO = (BUTTON_DOMAIN, "undo_renewal")
LAPSED = {"expired", "lost"}

# Where sequences start: a zone and an instant, each near something that tends
# to break day counts (clock changes, a midnight that does not exist, a new year).
STARTS = (
    ("Asia/Tokyo", "2026-11-26T10:00:00+09:00"),
    ("Europe/London", "2027-03-27T21:00:00+00:00"),
    ("Europe/London", "2027-10-30T22:30:00+01:00"),
    ("Europe/London", "2026-12-31T18:00:00+00:00"),
    ("America/Santiago", "2027-04-03T20:00:00-03:00"),
    ("America/Santiago", "2027-09-04T20:00:00-04:00"),
)
ZONES = (
    "Asia/Tokyo",
    "Europe/London",
    "America/Santiago",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
)


@dataclass(frozen=True)
class Source:
    """An entity a line can follow, as a companion app or router would show it."""

    object_id: str
    attributes: dict[str, Any]
    first_value: str


RX = Source(
    "phone_mobile_rx_gb",
    {
        ATTR_UNIT_OF_MEASUREMENT: "GB",
        ATTR_DEVICE_CLASS: SensorDeviceClass.DATA_SIZE,
    },
    "1.0",
)
TX = Source(
    "phone_mobile_tx_gb",
    {
        ATTR_UNIT_OF_MEASUREMENT: "MiB",
        ATTR_DEVICE_CLASS: SensorDeviceClass.DATA_SIZE,
    },
    "512",
)
LEFT = Source(
    "router_data_left",
    {
        ATTR_UNIT_OF_MEASUREMENT: "GB",
        ATTR_DEVICE_CLASS: SensorDeviceClass.DATA_SIZE,
    },
    "5.0",
)
ENDS = Source(
    "carrier_plan_ends", {ATTR_DEVICE_CLASS: SensorDeviceClass.DATE}, "2027-06-30"
)
SMS = Source("phone_last_sms_sent", {}, "0")
SOURCES = {"rx": RX, "tx": TX, "left": LEFT, "ends": ENDS, "sms": SMS}

# Days are drawn as whole days from today, or as a day far away.
FAR_DAY = st.sampled_from(["9999-12-31", "0001-01-01", "2199-12-31"])
type Day = int | str


def iso_day(day: Day) -> str:
    """Return a drawn day as an ISO date: days from today, or as it is."""
    if isinstance(day, str):
        return day
    return (dt_util.now().date() + timedelta(days=day)).isoformat()


KINDS = [kind.value for kind in ValidityKind]
CARRIER = st.one_of(
    st.none(),
    st.just("My carrier"),
    st.sampled_from(sorted(preset.name for preset in CARRIER_PRESETS.values())),
)
NAME = st.sampled_from(["povo", "Travel eSIM", "giffgaff 🇬🇧", "PayGo"])
DATA_FIELDS = st.one_of(
    st.just({}),
    st.just({CONF_UNLIMITED_DATA: True}),
    st.builds(
        lambda total, percent: {
            CONF_DATA_TOTAL_GB: total,
            CONF_DATA_REMAINING_GB: round(total * percent / 100, 2),
        },
        st.integers(min_value=1, max_value=50),
        st.integers(min_value=0, max_value=100),
    ),
)


def _fields(
    required: dict[str, st.SearchStrategy[Any]],
    optional: dict[str, st.SearchStrategy[Any]] | None = None,
) -> st.SearchStrategy[dict[str, Any]]:
    """Return a rule's fields, and the grace period every line may have."""
    return st.fixed_dictionaries(
        required,
        optional={
            CONF_GRACE_DAYS: st.integers(min_value=0, max_value=90),
            **(optional or {}),
        },
    )


PAST = st.integers(min_value=-400, max_value=0)
AHEAD = st.integers(min_value=-30, max_value=400)
PERIOD = st.integers(min_value=1, max_value=400)
RULE_FIELDS: dict[str, st.SearchStrategy[dict[str, Any]]] = {
    "fixed": _fields(
        {CONF_EXPIRY_DATE: AHEAD},
        {CONF_VALIDITY_DAYS: st.integers(min_value=1, max_value=60)},
    ),
    "rolling": _fields({CONF_LAST_RENEWAL: PAST, CONF_VALIDITY_DAYS: PERIOD}),
    "monthly": _fields({CONF_BILLING_DAY: st.integers(min_value=1, max_value=31)}),
    "after_pack": _fields(
        {
            CONF_LAST_RENEWAL: PAST,
            CONF_PACK_DAYS: st.integers(min_value=1, max_value=60),
            CONF_VALIDITY_DAYS: PERIOD,
        }
    ),
    "activity": st.one_of(
        _fields({CONF_LAST_RENEWAL: PAST, CONF_VALIDITY_DAYS: PERIOD}),
        _fields(
            {
                CONF_LAST_RENEWAL: PAST,
                CONF_VALIDITY_MONTHS: st.integers(min_value=1, max_value=12),
            }
        ),
    ),
    "stacking": _fields(
        {CONF_EXPIRY_DATE: AHEAD, CONF_VALIDITY_DAYS: PERIOD},
        {CONF_MAX_VALIDITY_DAYS: st.integers(min_value=1, max_value=800)},
    ),
    "balance": _fields(
        {
            CONF_LAST_RENEWAL: st.integers(min_value=-60, max_value=0),
            CONF_BALANCE: st.integers(min_value=0, max_value=100),
            CONF_FEE: st.integers(min_value=1, max_value=30),
            CONF_FEE_PERIOD_DAYS: st.integers(min_value=1, max_value=60),
        },
        {CONF_CURRENCY: st.sampled_from(["USD", "JPY", "eur"])},
    ),
}
# A value a person gets wrong now and then; a form refuses it.
MISTAKE = st.sampled_from(
    [
        {CONF_VALIDITY_DAYS: 0},
        {CONF_BILLING_DAY: 32},
        {CONF_LAST_RENEWAL: 30},
        {CONF_FEE: 0},
        {CONF_PACK_DAYS: 4000},
        {CONF_GRACE_DAYS: -1},
        {CONF_DATA_TOTAL_GB: 1, CONF_DATA_REMAINING_GB: 2},
    ]
)


@st.composite
def rule_fields(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    """Return what a user types on a rule's form: mostly right, at times not."""
    fields = draw(RULE_FIELDS[kind]) | draw(DATA_FIELDS)
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        fields |= draw(MISTAKE)
    return fields


@dataclass(frozen=True)
class LineSpec:
    """A line as a user adds it through the flow."""

    carrier: str | None
    name: str
    kind: str
    fields: dict[str, Any]
    phone: bool
    add_lapsed: bool


LINE_SPEC = st.sampled_from(KINDS).flatmap(
    lambda kind: st.builds(
        LineSpec,
        carrier=CARRIER,
        name=NAME,
        kind=st.just(kind),
        fields=rule_fields(kind),
        phone=st.booleans(),
        add_lapsed=st.booleans() | st.just(True),
    )
)

# Renewals: the day, what the rule takes, the cost. Far days, odd currencies,
# negative and huge amounts are in the mix.
RENEWED_ON = st.one_of(
    st.integers(min_value=-60, max_value=0),
    st.integers(min_value=-400, max_value=0),
    st.integers(min_value=1, max_value=3),
    FAR_DAY,
)
NEW_EXPIRY = st.one_of(
    st.integers(min_value=0, max_value=800),
    st.integers(min_value=-30, max_value=-1),
    FAR_DAY,
)
DAYS = st.one_of(PERIOD, st.sampled_from([0, -5, 2.5, 1e6]))
MONEY = st.one_of(
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=0, max_value=100_000).map(lambda cents: cents / 100),
    st.sampled_from([-1, -0.01, 1e15, 1e308]),
)
CURRENCY = st.sampled_from(["EUR", "eur", " usd ", "JPY", "GBP", "EURO", "", "€"])
GIGABYTES = st.one_of(
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=0, max_value=5000).map(lambda mb: mb / 100),
    st.sampled_from([-1, 1e308]),
)
PLAIN_RENEWAL = st.fixed_dictionaries(
    {},
    optional={ATTR_RENEWED_ON: RENEWED_ON, ATTR_COST: MONEY, ATTR_CURRENCY: CURRENCY},
)
ANY_RENEWAL = st.fixed_dictionaries(
    {},
    optional={
        ATTR_RENEWED_ON: RENEWED_ON,
        ATTR_EXPIRY_DATE: NEW_EXPIRY,
        ATTR_VALIDITY_DAYS: DAYS,
        ATTR_PACK_DAYS: DAYS,
        ATTR_AMOUNT: MONEY,
        ATTR_DATA_TOTAL_GB: GIGABYTES,
        ATTR_COST: MONEY,
        ATTR_CURRENCY: CURRENCY,
    },
)
RENEWAL = st.one_of(PLAIN_RENEWAL, PLAIN_RENEWAL, ANY_RENEWAL)
# The renewal form always asks for the day.
FORM_RENEWAL = st.builds(
    lambda day, rest: {ATTR_RENEWED_ON: day, **rest},
    st.integers(min_value=-30, max_value=1),
    ANY_RENEWAL.map(
        lambda given: {k: v for k, v in given.items() if k != "renewed_on"}
    ),
)
DATA_READING_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        ATTR_DATA_REMAINING_GB: GIGABYTES,
        ATTR_DATA_USED_GB: GIGABYTES,
        ATTR_DATA_TOTAL_GB: GIGABYTES,
    },
)
LINKS = st.fixed_dictionaries(
    {},
    optional={
        CONF_DATA_REMAINING_ENTITY: st.just(["left"]),
        CONF_DATA_USAGE_ENTITIES: st.sampled_from([["rx"], ["rx", "tx"]]),
        CONF_EXPIRY_ENTITY: st.just(["ends"]),
        CONF_ACTIVITY_ENTITIES: st.sampled_from([["sms"], ["sms", "rx"]]),
    },
)
# The fields that link one entity; the others link a list.
SINGLE_LINKS = {CONF_DATA_REMAINING_ENTITY, CONF_EXPIRY_ENTITY}
REMINDER_DAYS = st.lists(
    st.sampled_from(["60", "30", "14", "7", "3", "1", "0", "45", "400"]),
    max_size=4,
    unique=True,
)
SOURCE_CHANGES = [
    "rise",
    "dip",
    "reset",
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
    "renamed",
    "removed",
    "back",
]


@dataclass(frozen=True)
class RecordedRenewal:
    """A renewal the user recorded, as the test knows it."""

    renewed_on: date
    cost: float | None
    currency: str | None


@dataclass
class Harness:
    """What the state machine works with, and what it counted."""

    hass: HomeAssistant
    freezer: FrozenDateTimeFactory
    hass_storage: dict[str, Any]
    loop: asyncio.AbstractEventLoop
    errors_logged: list[logging.LogRecord]
    renewed: list[Event]
    steps: int = 0
    sequences: int = 0


@dataclass(frozen=True)
class Observed:
    """What a user can see of every line: entity states, entries and stored files."""

    states: dict[str, tuple[str, dict[str, Any]] | None]
    entries: list[tuple[str, str, dict[str, Any], dict[str, Any]]]
    stored: dict[str, Any]


class LinesMachine(RuleBasedStateMachine):
    """Random sequences of what users, their entities and time do to lines."""

    lines = Bundle("lines")

    def __init__(self, harness: Harness) -> None:
        """Start a sequence on a Home Assistant without lines."""
        super().__init__()
        self.harness = harness
        self.hass = harness.hass
        harness.sequences += 1
        # Home Assistant draws registry ids from ``random``, which Hypothesis
        # seeds alike for every sequence: seeding it by the sequence's number
        # keeps them apart from the ids earlier sequences left registered.
        random.seed(harness.sequences)
        self.renewals: dict[str, list[RecordedRenewal]] = {}
        self.source_ids: dict[str, str | None] = {}
        self.source_values: dict[str, str] = {}
        self.added = 0
        self.touched: set[str] = set()
        self.days_seen: tuple[date, dict[str, int]] | None = None
        self.last_renewal: tuple[str, dict[str, Any]] | None = None
        self.explicit_renewals: dict[str, int] = {}
        self._run(self._async_clear())

    def _run[T](self, work: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on Home Assistant's loop and wait for it."""
        return asyncio.run_coroutine_threadsafe(work, self.harness.loop).result(
            STEP_TIMEOUT
        )

    def _step(self, *touched: str) -> tuple[str, dict[str, Any]] | None:
        """Count a step and name the lines it acts on.

        Return the renewal of the step before, for an undo right after it.
        """
        self.harness.steps += 1
        self.touched = set(touched)
        self.harness.renewed.clear()
        self.explicit_renewals = {}
        before, self.last_renewal = self.last_renewal, None
        return before

    # Sequences start here.

    @initialize(
        target=lines,
        start=st.sampled_from(STARTS),
        spec=LINE_SPEC,
    )
    def start(self, start: tuple[str, str], spec: LineSpec) -> Any:
        """Set the zone and the clock, then add the first line."""
        self._step()
        zone, instant = start
        self._run(self._async_start(zone, instant))
        return self._add(spec)

    @rule(target=lines, spec=LINE_SPEC)
    def add_line(self, spec: LineSpec) -> Any:
        """Add a line through the config flow."""
        self._step()
        return self._add(spec)

    def _add(self, spec: LineSpec) -> Any:
        """Add a line, or nothing when the flow refuses it or the user backs off."""
        self.added += 1
        entry_id = self._run(self._async_add_line(spec, self.added))
        if entry_id is None:
            return multiple()
        self.touched.add(entry_id)
        self.renewals[entry_id] = []
        return entry_id

    @rule(
        line=lines,
        change=st.one_of(
            st.sampled_from(["unchanged", "renamed"]),
            st.sampled_from(KINDS).flatmap(
                lambda kind: st.tuples(st.just(kind), rule_fields(kind))
            ),
        ),
    )
    def reconfigure(self, line: str, change: str | tuple[str, dict[str, Any]]) -> None:
        """Reconfigure a line: as filled in, renamed, or with a rule and settings."""
        self._step(line)
        self._run(self._async_reconfigure(line, change))

    @rule(line=lines)
    def options_unchanged(self, line: str) -> None:
        """Submit the options form as it is filled: nothing changes."""
        self._step(line)
        self._run(self._async_options(line, None))

    @rule(
        line=lines,
        reminder_days=REMINDER_DAYS,
        reminder_time=st.sampled_from(["09:00:00", "00:00:00", "23:59:00"]),
        data_low=st.none() | st.sampled_from([0.5, 2, -1]),
        links=LINKS,
    )
    def change_options(
        self,
        line: str,
        reminder_days: list[str],
        reminder_time: str,
        data_low: float | None,
        links: dict[str, Any],
    ) -> None:
        """Change a line's reminders and the entities it follows."""
        self._step(line)
        options: dict[str, Any] = {
            CONF_REMINDER_DAYS: reminder_days,
            CONF_REMINDER_TIME: reminder_time,
        }
        if data_low is not None:
            options[CONF_DATA_LOW_GB] = data_low
        for key, sources in links.items():
            ids = [self._source_id(each) for each in sources]
            options[key] = ids[0] if key in SINGLE_LINKS else ids
        self._run(self._async_options(line, options))

    @rule(line=lines, fields=RENEWAL, by_device=st.booleans())
    def renew(self, line: str, fields: dict[str, Any], by_device: bool) -> None:
        """Record a renewal with the action."""
        self._step(line)
        self._run(self._async_renew(line, fields, by_device=by_device))

    @rule(
        line=lines,
        count=st.sampled_from([2, 3, 51]),
        cost=st.integers(min_value=1, max_value=50),
    )
    def renew_often(self, line: str, count: int, cost: int) -> None:
        """Record renewals today, each with its cost: more than a history keeps."""
        self._step(line)
        self._run(self._async_renew_often(line, count, cost))

    @rule(line=lines)
    def mark_renewed(self, line: str) -> None:
        """Press the line's Mark renewed button."""
        self._step(line)
        self._run(self._async_press(line, MARK_RENEWED))

    @rule(line=lines, by_button=st.booleans())
    def undo(self, line: str, by_button: bool) -> None:
        """Undo the last renewal, with the button or the action."""
        renewal = self._step(line)
        self._run(self._async_undo(line, renewal, by_button=by_button))

    @rule(line=lines, fields=RENEWAL, by_button=st.booleans())
    def renew_then_undo(
        self, line: str, fields: dict[str, Any], by_button: bool
    ) -> None:
        """Record a renewal with the action, then undo it at once: two steps."""
        self._step(line)
        self._run(self._async_renew(line, fields, by_device=False))
        renewal = self._step(line)
        self._run(self._async_undo(line, renewal, by_button=by_button))

    @rule(line=lines, fields=DATA_READING_FIELDS)
    def set_data(self, line: str, fields: dict[str, Any]) -> None:
        """Record a data reading with the action."""
        self._step(line)
        self._run(
            self._async_refusable(
                self.hass.services.async_call(
                    DOMAIN,
                    SERVICE_SET_DATA,
                    {ATTR_CONFIG_ENTRY_ID: line, **fields},
                    blocking=True,
                )
            )
        )

    @rule(
        line=lines, day=st.one_of(st.integers(min_value=-400, max_value=800), FAR_DAY)
    )
    def set_last_safe_day(self, line: str, day: Day) -> None:
        """Correct the last safe day with the date entity, where the line has it."""
        self._step(line)
        self._run(self._async_set_entity(line, LAST_SAFE_DAY, {ATTR_DATE: day}))

    @rule(line=lines, value=GIGABYTES | st.just(1e6))
    def set_data_reading(self, line: str, value: float) -> None:
        """Type the data left into the reading box, where the line has one."""
        self._step(line)
        self._run(self._async_set_entity(line, DATA_READING, {ATTR_VALUE: value}))

    @rule(
        source=st.sampled_from(sorted(SOURCES)),
        change=st.sampled_from(SOURCE_CHANGES),
        amount=st.integers(min_value=1, max_value=500),
    )
    def move_source(self, source: str, change: str, amount: int) -> None:
        """Change an entity lines may follow: a value, a gap, a rename, a removal."""
        self._step(*self._run(self._async_lines_following(source)))
        self._run(self._async_move_source(source, change, amount))

    @rule(line=lines, fields=FORM_RENEWAL)
    def fix_repair(self, line: str, fields: dict[str, Any]) -> None:
        """Record a renewal through the lapse repair, when the line has one."""
        self._step(line)
        self._run(self._async_fix_repair(line, fields))

    @rule(line=lines, fields=FORM_RENEWAL)
    def record_in_ui(self, line: str, fields: dict[str, Any]) -> None:
        """Record a renewal through the line entry's Record a renewal form."""
        self._step(line)
        self._run(self._async_record_in_ui(line, fields))

    @rule(line=lines, restart=st.booleans())
    def reload(self, line: str, restart: bool) -> None:
        """Reload a line, or stop every line and start it again on the same storage."""
        if restart:
            self._step(*self.renewals)
            self._run(self._async_restart())
        else:
            self._step(line)
            self._run(self._async_reload(line))

    @rule(
        minutes=st.one_of(
            st.integers(min_value=1, max_value=120),
            st.integers(min_value=60, max_value=60 * 30),
            st.integers(min_value=60 * 24, max_value=60 * 24 * 45),
        )
    )
    def let_time_pass(self, minutes: int) -> None:
        """Let some minutes, hours or days pass."""
        self._step()
        self._run(self._async_move_clock(dt_util.utcnow() + timedelta(minutes=minutes)))

    @rule(seconds=st.sampled_from([0, 1, 59, 3600]))
    def to_midnight(self, seconds: int) -> None:
        """Go to just after the next local midnight."""
        self._step()
        today = dt_util.now().date()
        midnight = dt_util.start_of_local_day(today + timedelta(days=1))
        self._run(self._async_move_clock(midnight + timedelta(seconds=seconds)))

    @rule(seconds=st.sampled_from([0, 1, 3600]))
    def to_clock_change(self, seconds: int) -> None:
        """Go to just after the next change of the local clock, or a day on."""
        self._step()
        now = dt_util.utcnow()
        change = next_clock_change(now) or now + timedelta(days=1)
        self._run(self._async_move_clock(change + timedelta(seconds=seconds)))

    @rule(zone=st.sampled_from(ZONES))
    def change_time_zone(self, zone: str) -> None:
        """Move Home Assistant to another time zone."""
        self._step()
        self._run(self._async_change_time_zone(zone))

    @invariant()
    def after_every_step(self) -> None:
        """Check what must hold after any step."""
        self._run(self._async_check())

    # The work of the steps, on Home Assistant's loop.

    async def _async_clear(self) -> None:
        """Remove what an earlier sequence left: lines, sources, issues, files."""
        hass = self.hass
        registry = er.async_get(hass)
        removed: list[str] = []
        for entry in hass.config_entries.async_entries(DOMAIN):
            removed += [
                entity.entity_id
                for entity in er.async_entries_for_config_entry(
                    registry, entry.entry_id
                )
            ]
            await hass.config_entries.async_remove(entry.entry_id)
        await hass.async_block_till_done()
        # A new line that takes the same entity ids starts afresh.
        restored = restore_state.async_get(hass).last_states
        for entity_id in removed:
            restored.pop(entity_id, None)
        for entity in list(registry.entities.values()):
            if entity.platform == "proptest":
                registry.async_remove(entity.entity_id)
        # A followed entity registered again takes its id afresh, not the
        # id a rename gave it in an earlier sequence.
        for key in [key for key in registry.deleted_entities if key[1] == "proptest"]:
            del registry.deleted_entities[key]
        for entity_id in hass.states.async_entity_ids(SENSOR_DOMAIN):
            if not any(
                entity_id.startswith(f"sensor.{s.object_id}") for s in SOURCES.values()
            ):
                continue
            hass.states.async_remove(entity_id)
        issues = ir.async_get(hass)
        for domain, issue_id in list(issues.issues):
            if domain == DOMAIN:
                ir.async_delete_issue(hass, domain, issue_id)
        # The lines' files go; the installation's identity key stays, as it
        # does when a user removes every line.
        for key in [
            key
            for key in self.harness.hass_storage
            if key.startswith(f"{DOMAIN}.") and key != f"{DOMAIN}.identity"
        ]:
            del self.harness.hass_storage[key]
        self.harness.errors_logged.clear()

    async def _async_start(self, zone: str, instant: str) -> None:
        """Set the time zone and the clock, and show the entities lines follow."""
        await self.hass.config.async_update(time_zone=zone)
        await self._async_move_clock(
            dt_util.parse_datetime(instant, raise_on_error=True)
        )
        for key, source in SOURCES.items():
            self._async_show_source(key, source.first_value)

    @callback
    def _async_show_source(self, key: str, value: str) -> None:
        """Register a followed entity, if it is not, and set its state."""
        source = SOURCES[key]
        if (entity_id := self.source_ids.get(key)) is None:
            entity_id = (
                er.async_get(self.hass)
                .async_get_or_create(
                    SENSOR_DOMAIN,
                    "proptest",
                    source.object_id,
                    suggested_object_id=source.object_id,
                    original_device_class=source.attributes.get(ATTR_DEVICE_CLASS),
                    unit_of_measurement=source.attributes.get(ATTR_UNIT_OF_MEASUREMENT),
                )
                .entity_id
            )
            self.source_ids[key] = entity_id
        self.source_values[key] = value
        self.hass.states.async_set(entity_id, value, source.attributes)

    def _source_id(self, key: str) -> str:
        """Return the entity id a source has now, or had before it was removed."""
        return self.source_ids.get(key) or f"sensor.{SOURCES[key].object_id}"

    async def _async_lines_following(self, key: str) -> list[str]:
        """Return the lines whose options link a source, by its id now or first."""
        ids = {self._source_id(key), f"sensor.{SOURCES[key].object_id}"}
        following = []
        for entry in self.hass.config_entries.async_entries(DOMAIN):
            linked = json.dumps(dict(entry.options))
            if any(f'"{entity_id}"' in linked for entity_id in ids):
                following.append(entry.entry_id)
        return following

    async def _async_add_line(self, spec: LineSpec, number: int) -> str | None:
        """Walk the config flow; return the new line, or None when none was added."""
        hass = self.hass
        flows = hass.config_entries.flow
        before = await self._async_observe()
        result = await flows.async_init(DOMAIN, context={"source": SOURCE_USER})
        flow_id = result["flow_id"]
        try:
            result = await flows.async_configure(
                flow_id, {CONF_CARRIER: spec.carrier} if spec.carrier else {}
            )
            if result["step_id"] == "unconfirmed_preset":
                result = await flows.async_configure(flow_id, {})
            identity = {CONF_NAME: f"{spec.name} {number}", CONF_VALIDITY: spec.kind}
            if spec.phone:
                identity[CONF_PHONE_NUMBER] = f"+44 7700 900{number:03d}"
            result = await flows.async_configure(flow_id, identity)
            if result["step_id"] == spec.kind:
                result = await flows.async_configure(
                    flow_id, form_input(result, spec.fields)
                )
            result = await async_answer_lapsed(
                flows.async_configure, flow_id, result, add=spec.add_lapsed
            )
        finally:
            _abort_if_open(hass, flow_id)
        await hass.async_block_till_done()
        if result["type"] is FlowResultType.CREATE_ENTRY:
            return cast("ConfigEntry", result["result"]).entry_id
        assert_form_refusal(result, STRINGS["config"])
        await self._async_assert_unchanged(before, "a refused new line")
        return None

    async def _async_reconfigure(
        self, line: str, change: str | tuple[str, dict[str, Any]]
    ) -> None:
        """Walk the reconfigure flow: as filled in, renamed, or with new settings."""
        hass = self.hass
        flows = hass.config_entries.flow
        before = await self._async_observe()
        result = await flows.async_init(
            DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": line}
        )
        flow_id = result["flow_id"]
        settings: dict[str, Any] = {}
        try:
            identity = suggested_values(result)
            if change == "renamed":
                identity[CONF_NAME] = f"{identity[CONF_NAME]} renamed"
            elif isinstance(change, tuple):
                identity[CONF_VALIDITY], settings = change
            result = await flows.async_configure(flow_id, identity)
            if result["type"] is FlowResultType.FORM and not result["errors"]:
                given = suggested_values(result) | settings
                result = await flows.async_configure(flow_id, form_input(result, given))
            result = await async_answer_lapsed(
                flows.async_configure, flow_id, result, add=True
            )
        finally:
            _abort_if_open(hass, flow_id)
        await hass.async_block_till_done()
        if result["type"] is FlowResultType.ABORT:
            assert result["reason"] in STRINGS["config"]["abort"]
            if change == "unchanged":
                await self._async_assert_unchanged(
                    before, "an unchanged reconfigure", stored=False
                )
            return
        assert_form_refusal(result, STRINGS["config"])
        await self._async_assert_unchanged(before, "a refused reconfigure")

    async def _async_options(self, line: str, options: dict[str, Any] | None) -> None:
        """Submit the options form, as filled in or with new options."""
        hass = self.hass
        flows = hass.config_entries.options
        before = await self._async_observe()
        result = await flows.async_init(line)
        flow_id = result["flow_id"]
        try:
            given = suggested_values(result) if options is None else options
            result = await flows.async_configure(flow_id, form_input(result, given))
        finally:
            _abort_if_open(hass, flow_id)
        await hass.async_block_till_done()
        if result["type"] is FlowResultType.CREATE_ENTRY:
            if options is None:
                await self._async_assert_unchanged(
                    before, "an unchanged options submit", stored=False
                )
            return
        assert_form_refusal(result, STRINGS["options"])
        await self._async_assert_unchanged(before, "refused options")

    async def _async_renew(
        self, line: str, fields: dict[str, Any], *, by_device: bool
    ) -> None:
        """Call the renew action; remember what a renewal it records cost."""
        data = {
            key: iso_day(value) if key in (ATTR_RENEWED_ON, ATTR_EXPIRY_DATE) else value
            for key, value in fields.items()
        }
        target = (
            {ATTR_DEVICE_ID: self._device_of(line)}
            if by_device
            else {ATTR_CONFIG_ENTRY_ID: line}
        )
        await self._async_renewal(
            line,
            data,
            self.hass.services.async_call(
                DOMAIN, SERVICE_RENEW, {**target, **data}, blocking=True
            ),
        )

    async def _async_renew_often(self, line: str, count: int, cost: int) -> None:
        """Record renewals with the action, one after the other."""
        for _ in range(count):
            before = self._states()
            try:
                await self.hass.services.async_call(
                    DOMAIN,
                    SERVICE_RENEW,
                    {ATTR_CONFIG_ENTRY_ID: line, ATTR_COST: cost},
                    blocking=True,
                )
            except HomeAssistantError as err:
                # A line that needs more than a cost to renew; refusals are
                # judged where renewals are drawn.
                assert_translated(err)
                break
            self._recorded(line, {ATTR_COST: cost})
            self.last_renewal = (line, before)
        await self.hass.async_block_till_done()

    async def _async_renewal(
        self, line: str, data: dict[str, Any], call: Awaitable[Any]
    ) -> None:
        """Make a call that may record a renewal; remember what it cost."""
        refused, before = await self._async_refusable(call)
        if refused is None:
            self._recorded(line, data)
            self.last_renewal = (line, before.states)

    def _recorded(self, line: str, data: dict[str, Any]) -> None:
        """Remember a renewal the user recorded, and its cost in the line's terms."""
        entry = self._entry(line)
        renewed_on = data.get(ATTR_RENEWED_ON)
        currency = (data.get(ATTR_CURRENCY) or "").strip().upper() or None
        cost = data.get(ATTR_COST)
        if cost is None and entry.data[CONF_VALIDITY] == ValidityKind.BALANCE:
            # A wallet top-up costs what was added, one fee if not said.
            cost = data.get(ATTR_AMOUNT) or entry.data[CONF_FEE]
        self.renewals[line].append(
            RecordedRenewal(
                renewed_on=(
                    dt_util.now().date()
                    if renewed_on is None
                    else date.fromisoformat(renewed_on)
                ),
                cost=cost,
                currency=currency or line_currency(self.hass, entry),
            )
        )
        self.explicit_renewals[line] = self.explicit_renewals.get(line, 0) + 1

    async def _async_press(self, line: str, button: tuple[str, str]) -> None:
        """Press a button of the line."""
        entity_id = self._entity(line, button)
        assert entity_id is not None
        await self._async_renewal(
            line,
            {},
            self.hass.services.async_call(
                BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: entity_id}, blocking=True
            ),
        )

    async def _async_undo(
        self,
        line: str,
        renewal: tuple[str, dict[str, Any]] | None,
        *,
        by_button: bool,
    ) -> None:
        """Undo the last renewal; right after one, every entity is as before it."""
        if by_button:
            entity_id = self._entity(line, UNDO)
            assert entity_id is not None
            call = self.hass.services.async_call(
                BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: entity_id}, blocking=True
            )
        else:
            call = self.hass.services.async_call(
                DOMAIN,
                SERVICE_UNDO_RENEWAL,
                {ATTR_CONFIG_ENTRY_ID: line},
                blocking=True,
            )
        # Undo takes back the last change the user recorded, which may be a
        # data reading or a last safe day rather than a renewal.
        steps = self._entry(line).runtime_data.state.undo
        takes_renewal = bool(steps) and steps[-1].change is Change.RENEWAL
        refused, _ = await self._async_refusable(call)
        if refused is None and takes_renewal and self.renewals[line]:
            self.renewals[line].pop()
        if renewal is None or renewal[0] != line:
            return
        assert refused is None, f"an undo right after a renewal was refused: {refused}"
        assert_same_states(renewal[1], self._states(), "an undo right after a renewal")

    async def _async_set_entity(
        self, line: str, entity: tuple[str, str], data: dict[str, Any]
    ) -> None:
        """Set the value of a line's date or number entity, if it has one."""
        entity_id = self._entity(line, entity)
        if entity_id is None or self.hass.states.get(entity_id) is None:
            return
        if ATTR_DATE in data:
            data = {ATTR_DATE: iso_day(data[ATTR_DATE])}
        service = SET_DATE if entity[0] == DATE_DOMAIN else SET_NUMBER
        await self._async_refusable(
            self.hass.services.async_call(
                entity[0],
                service,
                {ATTR_ENTITY_ID: entity_id, **data},
                blocking=True,
            )
        )

    async def _async_move_source(self, key: str, change: str, amount: int) -> None:
        """Change a followed entity's value, take it away, or bring it back."""
        hass = self.hass
        registry = er.async_get(hass)
        entity_id = self.source_ids.get(key)
        first_id = f"sensor.{SOURCES[key].object_id}"
        if change == "back":
            if entity_id is None:
                self._async_show_source(key, SOURCES[key].first_value)
            elif entity_id != first_id:
                hass.states.async_remove(entity_id)
                registry.async_update_entity(entity_id, new_entity_id=first_id)
                self.source_ids[key] = first_id
                self._async_show_source(key, self.source_values[key])
        elif entity_id is None:
            pass
        elif change == "removed":
            hass.states.async_remove(entity_id)
            registry.async_remove(entity_id)
            self.source_ids[key] = None
        elif change == "renamed":
            hass.states.async_remove(entity_id)
            new_id = f"{first_id}_{amount}"
            registry.async_update_entity(entity_id, new_entity_id=new_id)
            self.source_ids[key] = new_id
            self._async_show_source(key, self.source_values[key])
        elif change in (STATE_UNAVAILABLE, STATE_UNKNOWN):
            hass.states.async_set(entity_id, change, SOURCES[key].attributes)
        else:
            self._async_show_source(
                key, moved_value(key, self.source_values[key], change, amount)
            )
        await hass.async_block_till_done()

    async def _async_fix_repair(self, line: str, fields: dict[str, Any]) -> None:
        """Record a renewal in the lapse repair's fix flow."""
        hass = self.hass
        issue = ir.async_get(hass).async_get_issue(DOMAIN, f"expired_{line}")
        if issue is None:
            return
        strings = STRINGS["issues"][issue.translation_key]["fix_flow"]
        flows = repairs_flow_manager(hass)
        assert flows is not None
        before = await self._async_observe()
        result = await flows.async_init(DOMAIN, data={"issue_id": issue.issue_id})
        flow_id = result["flow_id"]
        submitted = form_input(result, form_renewal(fields))
        try:
            if result["type"] is FlowResultType.FORM:
                result = await flows.async_configure(flow_id, submitted)
        finally:
            _abort_if_open(hass, flow_id)
        await hass.async_block_till_done()
        if result["type"] is FlowResultType.CREATE_ENTRY:
            self._recorded(line, submitted)
            self.last_renewal = (line, before.states)
            return
        if result.get("errors") == {"base": "still_lapsed"}:
            # Recorded, but not enough: the form asks again, the issue stays.
            self._recorded(line, submitted)
            self.last_renewal = (line, before.states)
            return
        assert_form_refusal(result, strings)
        await self._async_assert_unchanged(before, "a refused repair fix")

    async def _async_record_in_ui(self, line: str, fields: dict[str, Any]) -> None:
        """Record a renewal in the form on the line's entry."""
        hass = self.hass
        flows = hass.config_entries.subentries
        strings = STRINGS["config_subentries"]["renewal"]
        before = await self._async_observe()
        result = await flows.async_init(
            (line, "renewal"), context={"source": SOURCE_USER}
        )
        flow_id = result["flow_id"]
        submitted = form_input(result, form_renewal(fields))
        try:
            if result["type"] is FlowResultType.FORM:
                result = await flows.async_configure(flow_id, submitted)
        finally:
            _abort_if_open(hass, flow_id)
        await hass.async_block_till_done()
        if result.get("reason") == "renewal_recorded":
            self._recorded(line, submitted)
            self.last_renewal = (line, before.states)
            return
        assert_form_refusal(result, strings)
        await self._async_assert_unchanged(before, "a refused renewal form")

    async def _async_reload(self, line: str) -> None:
        """Reload one line."""
        await self.hass.config_entries.async_reload(line)
        await self.hass.async_block_till_done()

    async def _async_restart(self) -> None:
        """Unload every line, flush the stores, and set every line up again."""
        hass = self.hass
        entries = hass.config_entries.async_entries(DOMAIN)
        for entry in entries:
            await hass.config_entries.async_unload(entry.entry_id)
        await hass.async_block_till_done()
        await self._async_flush()
        for entry in entries:
            await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()

    async def _async_move_clock(self, when: datetime) -> None:
        """Move the clock and let every timer that is due fire."""
        self.harness.freezer.move_to(when)
        async_fire_time_changed(self.hass)
        await self.hass.async_block_till_done()

    async def _async_change_time_zone(self, zone: str) -> None:
        """Change Home Assistant's time zone, as its settings do."""
        await self.hass.config.async_update(time_zone=zone)
        await self.hass.async_block_till_done()

    # Observing and judging.

    async def _async_flush(self) -> None:
        """Write every delayed write now, as Home Assistant does when it stops."""
        self.hass.bus.async_fire(EVENT_HOMEASSISTANT_FINAL_WRITE)
        await self.hass.async_block_till_done()

    async def _async_observe(self) -> Observed:
        """Return the entity states, entries and stored files of every line."""
        await self._async_flush()
        return Observed(
            states=self._states(),
            entries=[
                (entry.entry_id, entry.title, dict(entry.data), dict(entry.options))
                for entry in self.hass.config_entries.async_entries(DOMAIN)
            ],
            stored={
                key: deepcopy(value)
                for key, value in self.harness.hass_storage.items()
                if key.startswith(f"{DOMAIN}.")
            },
        )

    async def _async_assert_unchanged(
        self, before: Observed, what: str, *, stored: bool = True
    ) -> None:
        """Assert that a step changed no state, and when refused, nothing stored."""
        after = await self._async_observe()
        assert_same_states(before.states, after.states, what)
        if stored:
            assert after.entries == before.entries, f"{what} changed an entry"
            assert after.stored == before.stored, f"{what} changed a stored file"

    async def _async_refusable(
        self, call: Awaitable[Any]
    ) -> tuple[HomeAssistantError | None, Observed]:
        """Make a call; if it is refused, it must say why in words and change nothing.

        Return the refusal, if it was refused, and what was seen before the call.
        """
        before = await self._async_observe()
        try:
            await call
        except HomeAssistantError as err:
            assert_translated(err)
            await self.hass.async_block_till_done()
            await self._async_assert_unchanged(before, f"a refused call ({err})")
            return err, before
        await self.hass.async_block_till_done()
        return None, before

    def _states(self) -> dict[str, tuple[str, dict[str, Any]] | None]:
        """Return what each entity of every line shows; buttons show presses only."""
        registry = er.async_get(self.hass)
        shown: dict[str, tuple[str, dict[str, Any]] | None] = {}
        for entry in self.hass.config_entries.async_entries(DOMAIN):
            for entity in er.async_entries_for_config_entry(registry, entry.entry_id):
                if entity.domain == BUTTON_DOMAIN:
                    continue
                state = self.hass.states.get(entity.entity_id)
                shown[entity.entity_id] = (
                    None if state is None else (state.state, dict(state.attributes))
                )
        return shown

    def _entry(self, line: str) -> ConfigEntry:
        """Return a line's config entry."""
        entry = self.hass.config_entries.async_get_entry(line)
        assert entry is not None
        return entry

    def _entity(self, line: str, entity: tuple[str, str]) -> str | None:
        """Return the entity id of one of a line's entities, if it has it."""
        platform, key = entity
        return er.async_get(self.hass).async_get_entity_id(
            platform, DOMAIN, f"{line}_{key}"
        )

    def _device_of(self, line: str) -> str:
        """Return the device of a line."""
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, line), line
        )
        assert device is not None
        return device.id

    def _state(self, line: str, entity: tuple[str, str]) -> str:
        """Return the state of one of a line's entities."""
        entity_id = self._entity(line, entity)
        assert entity_id is not None, f"{line} has no {entity}"
        state = self.hass.states.get(entity_id)
        assert state is not None, f"{entity_id} has no state"
        return state.state

    async def _async_check(self) -> None:
        """Check every invariant after a step."""
        hass = self.hass
        await hass.async_block_till_done()
        assert not self.harness.errors_logged, (
            "an error escaped into the log: "
            + "; ".join(record.getMessage() for record in self.harness.errors_logged)
        )
        self._follow_uses()
        issues = ir.async_get(hass)
        today = dt_util.now().date()
        days: dict[str, int] = {}
        for entry in hass.config_entries.async_entries(DOMAIN):
            line = entry.entry_id
            assert entry.state is ConfigEntryState.LOADED, (
                f"{entry.title} is not loaded: {entry.state} {entry.reason}"
            )
            days[line] = int(number(self._state(line, DAYS_LEFT), "days left"))
            status = self._state(line, STATUS)
            has_issue = issues.async_get_issue(DOMAIN, f"expired_{line}") is not None
            assert has_issue == (status in LAPSED), (
                f"{entry.title} is {status} and has{'' if has_issue else ' no'}"
                " lapse repair"
            )
            spent = number(self._state(line, SPENT), "spent this year")
            expected = spent_in(
                self.renewals[line], today.year, line_currency(hass, entry)
            )
            assert spent == pytest.approx(expected, rel=1e-9, abs=0.01), (
                f"{entry.title} spent {spent} this year, but its renewals cost {expected}"
            )
        if self.days_seen is not None:
            seen_on, seen = self.days_seen
            passed = (today - seen_on).days
            for line, left in days.items():
                if line in seen and line not in self.touched:
                    assert left == seen[line] - passed, (
                        f"{self._entry(line).title} went from {seen[line]} to {left}"
                        f" days left over {passed} local midnights"
                    )
        self.days_seen = (today, days)

    def _follow_uses(self) -> None:
        """Record the renewals the step made that the user did not ask for.

        A use of a line kept by use is a renewal with no cost.
        """
        for event in self.harness.renewed:
            line = event.data["config_entry_id"]
            if self.explicit_renewals.get(line, 0) > 0:
                self.explicit_renewals[line] -= 1
                continue
            if line in self.renewals:
                self.renewals[line].append(
                    RecordedRenewal(
                        renewed_on=date.fromisoformat(event.data["renewed_on"]),
                        cost=None,
                        currency=None,
                    )
                )
        self.harness.renewed.clear()


def next_clock_change(after: datetime) -> datetime | None:
    """Return the next change of the local clock's offset within a year, if any."""
    zone = ZoneInfo(str(dt_util.get_default_time_zone()))
    offset = after.astimezone(zone).utcoffset()
    day = after
    for _ in range(366):
        day += timedelta(days=1)
        if day.astimezone(zone).utcoffset() != offset:
            low, high = day - timedelta(days=1), day
            while high - low > timedelta(minutes=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            return high.replace(second=0, microsecond=0)
    return None


def moved_value(key: str, value: str, change: str, amount: int) -> str:
    """Return a source's next value: it rises, dips a little, or starts again."""
    if key == "ends":
        day = date.fromisoformat(value[:10])
        step = timedelta(days=amount)
        if change == "reset":
            # A timestamp: when the plan stops, not its last day.
            return f"{(day + step).isoformat()}T00:00:00+00:00"
        return (day + step if change == "rise" else day - timedelta(days=1)).isoformat()
    try:
        number = float(value)
    except ValueError:
        number = 0.0
    if key == "sms":
        return str(
            int(number) + 1
            if change == "rise"
            else 0
            if change == "reset"
            else int(number)
        )
    if change == "rise":
        number += amount / 100
    elif change == "dip":
        number *= 0.95
    else:
        number = 0.0
    return str(round(number, 3))


def number(state: str, what: str) -> float:
    """Return an entity's state as a number, failing when it is not one."""
    try:
        return float(state)
    except ValueError:
        pytest.fail(f"{what} is {state!r}, not a number")


def line_currency(hass: HomeAssistant, entry: ConfigEntry) -> str:
    """Return the currency a line counts its spending in, as a code."""
    return str(entry.data.get(CONF_CURRENCY) or hass.config.currency).strip().upper()


def spent_in(renewals: list[RecordedRenewal], year: int, currency: str) -> float:
    """Return what the recorded renewals of a year cost in a currency."""
    return sum(
        renewal.cost
        for renewal in renewals
        if renewal.renewed_on.year == year
        and renewal.cost is not None
        and renewal.currency == currency
    )


def suggested_values(result: FlowResult) -> dict[str, Any]:
    """Return the values a form is filled in with."""
    values: dict[str, Any] = {}
    for marker in result["data_schema"].schema:
        suggested = (marker.description or {}).get("suggested_value")
        if suggested is not None:
            values[str(marker)] = suggested
    return values


def form_input(result: FlowResult, given: dict[str, Any]) -> dict[str, Any]:
    """Return what a user types on a form: the given values of its fields."""
    if result["type"] is not FlowResultType.FORM:
        return dict(given)
    on_form = {str(marker) for marker in result["data_schema"].schema}
    return {
        key: iso_day(value)
        if key in (CONF_EXPIRY_DATE, CONF_LAST_RENEWAL) and isinstance(value, int)
        else value
        for key, value in given.items()
        if key in on_form
    }


def form_renewal(fields: dict[str, Any]) -> dict[str, Any]:
    """Return a renewal as the renewal form takes it: days as ISO dates."""
    return {
        key: iso_day(value) if key in (ATTR_RENEWED_ON, ATTR_EXPIRY_DATE) else value
        for key, value in fields.items()
    }


async def async_answer_lapsed(
    configure: Callable[[str, dict[str, Any]], Awaitable[FlowResult]],
    flow_id: str,
    result: FlowResult,
    *,
    add: bool,
) -> FlowResult:
    """Answer the question about a line that would start lapsed, if it is asked."""
    if result["type"] is not FlowResultType.MENU:
        return result
    choice = "add_lapsed" if add else "change_dates"
    return await configure(flow_id, {"next_step_id": choice})


def assert_same_states(
    before: dict[str, tuple[str, dict[str, Any]] | None],
    after: dict[str, tuple[str, dict[str, Any]] | None],
    what: str,
) -> None:
    """Assert that every entity shows what it showed, naming those that do not."""
    changed = {
        entity_id: (before.get(entity_id), after.get(entity_id))
        for entity_id in before.keys() | after.keys()
        if before.get(entity_id) != after.get(entity_id)
    }
    assert not changed, f"{what} changed entity states: {changed}"


def assert_form_refusal(result: FlowResult, strings: dict[str, Any]) -> None:
    """Assert that a flow ended on a form with translated errors, or a known abort."""
    if result["type"] is FlowResultType.ABORT:
        assert result["reason"] in strings.get("abort", {}), result["reason"]
        return
    if result["type"] is FlowResultType.MENU:
        return
    assert result["type"] is FlowResultType.FORM, result["type"]
    errors = result["errors"] or {}
    assert set(errors.values()) <= set(strings["error"]), errors


def assert_translated(err: HomeAssistantError) -> None:
    """Assert that an error is one the integration or Home Assistant translates."""
    domain, key = err.translation_domain, err.translation_key
    assert domain is not None and key is not None, f"untranslated error: {err!r}"
    if domain == DOMAIN:
        assert key in STRINGS["exceptions"], f"{key} is not in strings.json"
        return
    core = json.loads(
        (CORE_COMPONENTS / domain / "translations" / "en.json").read_text()
    )
    assert key in core.get("exceptions", {}), f"{domain} does not translate {key}"


def _abort_if_open(hass: HomeAssistant, flow_id: str) -> None:
    """Close a flow the step left open."""
    for manager in (
        hass.config_entries.flow,
        hass.config_entries.options,
        hass.config_entries.subentries,
        repairs_flow_manager(hass),
    ):
        if manager is None:
            continue
        if any(flow["flow_id"] == flow_id for flow in manager.async_progress()):
            manager.async_abort(flow_id)


class ErrorLog(logging.Handler):
    """Keep every record logged as an error: an exception that escaped."""

    def __init__(self, records: list[logging.LogRecord]) -> None:
        """Keep the records in a list."""
        super().__init__(logging.ERROR)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        """Keep a record."""
        self.records.append(record)


# Hypothesis times its own search; the frozen clock jumps by days under it.
@pytest.mark.freeze_time(ignore=["hypothesis"])
async def test_random_sequences_keep_what_the_user_recorded(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
    pytestconfig: pytest.Config,
) -> None:
    """Whatever happens in whatever order, no line loses or bends what it recorded."""
    assert await async_setup_component(hass, "repairs", {})
    errors: list[logging.LogRecord] = []
    renewed: list[Event] = []
    hass.bus.async_listen(EVENT_RENEWED, renewed.append)
    harness = Harness(
        hass=hass,
        freezer=freezer,
        hass_storage=hass_storage,
        loop=asyncio.get_running_loop(),
        errors_logged=errors,
        renewed=renewed,
    )
    handler = ErrorLog(errors)
    logging.getLogger().addHandler(handler)
    try:
        await asyncio.to_thread(
            run_state_machine_as_test,
            lambda: LinesMachine(harness),
            settings=MACHINE_SETTINGS,
        )
    finally:
        logging.getLogger().removeHandler(handler)
        pytestconfig.stash[STATEFUL_STEPS] = (harness.steps, harness.sequences)
    assert harness.steps >= MIN_STEPS
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
