"""A line: its settings, and its state as renewals and readings change it."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from .data import DataAllowance, read_data
from .reminders import ReminderLog, ReminderPlan
from .sources import counter_reading
from .validity import LineStart, Terms, ValidityKind, ValidityRule
from .values import LineValueError, day_within_bounds, optional_setting

# The renewals a line keeps, and the changes an undo can take back.
MAX_RENEWALS = 50
UNDO_DEPTH = 10
# How long the carrier may take to show a renewal before the line says so.
CONFIRMATION_WAIT = timedelta(days=1)


@dataclass(frozen=True, kw_only=True)
class Renewal:
    """One renewal the user recorded, and the last safe day it gave the line."""

    renewed_on: date
    renewed_at: datetime | None = None
    """The instant of the renewal, when the user gave one."""
    expiry_date: date
    validity_days: int | None = None
    """The days asked for on this renewal, when not the line's usual ones."""
    pack_days: int | None = None
    """The length of the pack bought, when not the line's usual one."""
    amount: float | None = None
    """The money added to a prepaid wallet."""
    data_total_gb: float | None = None
    cost: float | None = None
    currency: str | None = None


@dataclass(frozen=True, kw_only=True)
class Uses:
    """The uses that keep a line, counted apart from its renewals: none is paid."""

    last_at: datetime | None = None
    count: int = 0
    """The uses counted, at most one a day."""


class Change(StrEnum):
    """What the user can record by hand, and an undo takes back."""

    RENEWAL = "renewal"
    DATA = "data"
    """A data reading."""
    EXPIRY_DATE = "expiry_date"
    """A last safe day set by hand."""


@dataclass(frozen=True, kw_only=True)
class UndoStep:
    """What an undo puts back of one change the user recorded.

    The terms and data before the change, and as the change left them, so an
    undo can tell what a linked source changed since; the renewal it recorded,
    and the one that left the history for it; the reminder log before it.
    """

    change: Change
    terms: Terms
    data: DataAllowance
    terms_after: Terms
    data_after: DataAllowance
    renewal: Renewal | None = None
    dropped: Renewal | None = None
    reminders: ReminderLog


@dataclass(frozen=True, kw_only=True)
class Confirmation:
    """A renewal the linked sources have not shown yet, and what they said before.

    ``data_left_gb`` and ``expiry_date`` are what the line had before the
    renewal, as the sources gave it; None once that source caught up (or when
    the renewal did not raise it).
    """

    since: datetime
    data_left_gb: float | None = None
    expiry_date: date | None = None

    @property
    def due_at(self) -> datetime:
        """Return when a renewal not yet confirmed is worth saying so."""
        return self.since + CONFIRMATION_WAIT


@dataclass(frozen=True, kw_only=True)
class LineState:
    """What changes while a line lives: its terms, data and what happened.

    ``renewals`` holds the last ``MAX_RENEWALS`` renewals, oldest first;
    ``spending`` what every year's renewals cost, by currency, however many of
    them the history still holds; ``undo`` the last ``UNDO_DEPTH`` changes the
    user recorded, oldest first.
    """

    terms: Terms
    data: DataAllowance = DataAllowance()
    renewals: tuple[Renewal, ...] = ()
    spending: Mapping[int, Mapping[str, float]] = field(default_factory=dict)
    uses: Uses = Uses()
    undo: tuple[UndoStep, ...] = ()
    counters: Mapping[str, float] = field(default_factory=dict)
    """The last reading, in GB, of each linked data counter: its baseline."""
    seen: Mapping[str, str] = field(default_factory=dict)
    """The last value taken from each other linked source."""
    plan: str | None = None
    """The key of the plan the user chose, which *Mark renewed* records."""
    awaiting: Confirmation | None = None
    """The last renewal, while the linked sources have not shown it."""

    @property
    def expiry_date(self) -> date:
        """Return the last safe day."""
        return self.terms.expiry_date


@dataclass(frozen=True, kw_only=True)
class LineSettings:
    """What the user set for a line: its rule, its grace period and reminders."""

    rule: ValidityRule
    grace_days: int | None = None
    """Days the number survives after the last safe day; None when not known."""
    reminders: ReminderPlan = ReminderPlan()


# Reminders that fit the line: a few days before a monthly bill, a week before
# a short pack, a month before a number keeper's long window.
MONTHLY_REMINDER_DAYS = (3, 1)
SHORT_CYCLE_REMINDER_DAYS = (7, 1)
LONG_CYCLE_REMINDER_DAYS = (30, 7, 1)
SHORT_CYCLE_DAYS = 31


def default_reminder_days(rule: ValidityRule) -> tuple[int, ...]:
    """Return the reminder days that fit a line's rule.

    A line renewed the usual way is then active, not expiring soon, right
    after the renewal.
    """
    if rule.kind is ValidityKind.MONTHLY:
        return MONTHLY_REMINDER_DAYS
    cycle = rule.cycle_days
    if cycle is None or cycle <= SHORT_CYCLE_DAYS:
        return SHORT_CYCLE_REMINDER_DAYS
    return LONG_CYCLE_REMINDER_DAYS


def grace_period(value: float | None) -> int | None:
    """Return a grace period in whole days, or None when it is not known."""
    return optional_setting("grace_days", value)


def start_line(
    rule: ValidityRule, start: LineStart, data: DataAllowance, today: date
) -> LineState:
    """Return the state of a line the user has just described."""
    return LineState(terms=rule.start(start, today), data=data)


def record_data(
    state: LineState,
    rule: ValidityRule,
    today: date,
    *,
    total_gb: float | None = None,
    remaining_gb: float | None = None,
    used_gb: float | None = None,
) -> LineState:
    """Return the state after a data reading; an ended pack takes none."""
    pack_end = rule.pack_end(state.terms)
    if pack_end is not None and today > pack_end:
        raise LineValueError(
            "data_remaining_gb", "pack_ended", pack_end=pack_end.isoformat()
        )
    return replace(
        state,
        data=read_data(
            state.data, total_gb=total_gb, remaining_gb=remaining_gb, used_gb=used_gb
        ),
    )


def read_counter(
    state: LineState, rule: ValidityRule, today: date, source: str, value_gb: float
) -> LineState:
    """Return the state after a data counter's reading.

    Its increase since the last reading is used data, up to the allowance;
    where the line takes no reading (unlimited data, a pack that ended) only
    the baseline moves.
    """
    increase, baseline = counter_reading(state.counters.get(source), value_gb)
    state = replace(state, counters={**state.counters, source: baseline})
    if increase <= 0 or not state.data.tracked:
        return state
    used = (state.data.used_gb or 0) + increase
    if state.data.total_gb is not None:
        used = min(used, state.data.total_gb)
    try:
        return record_data(state, rule, today, used_gb=used)
    except LineValueError:
        return state  # A pack that ended takes no reading.


def follow_remaining(
    state: LineState, rule: ValidityRule, today: date, remaining_gb: float
) -> LineState:
    """Return the state after a source said how much data is left.

    More left than the pack's allowance means extra data was bought: the pack
    grows by it, and what was used stays used.
    """
    data = state.data
    total = data.total_gb
    return record_data(
        state,
        rule,
        today,
        total_gb=(
            None
            if total is None or remaining_gb <= total
            else (data.used_gb or 0) + remaining_gb
        ),
        remaining_gb=remaining_gb,
    )


def see(state: LineState, source: str, value: str) -> LineState:
    """Return the state that remembers a source's value."""
    return replace(state, seen={**state.seen, source: value})


def rename_source(state: LineState, old: str, new: str) -> LineState:
    """Return the state that knows a renamed source by its new entity id.

    Its counter baseline and last value move; undo steps hold neither.
    """
    return replace(
        state,
        counters=_renamed(state.counters, old, new),
        seen=_renamed(state.seen, old, new),
    )


def _renamed[T](values: Mapping[str, T], old: str, new: str) -> dict[str, T]:
    """Return values by source, with the old source's under the new id."""
    return {new if source == old else source: value for source, value in values.items()}


def set_expiry_date(state: LineState, day: date, today: date) -> LineState:
    """Return the state with a last safe day the user set by hand.

    A renewal (or a use) keeps the line at least through its own day, so a
    day before the last one is refused: a renewal recorded by mistake is
    taken back with an undo. A later day in the past is the carrier's word
    that the line lapsed, and is taken.
    """
    if (last := state.terms.last_renewal) is not None and day < last:
        raise LineValueError(
            "expiry_date", "expiry_before_last_renewal", last_renewal=last.isoformat()
        )
    return follow_expiry(state, day, today)


def follow_expiry(state: LineState, day: date, today: date) -> LineState:
    """Return the state with a last safe day within bounds, as a source gives it."""
    return replace(
        state,
        terms=replace(
            state.terms, expiry_date=day_within_bounds("expiry_date", day, today)
        ),
    )
