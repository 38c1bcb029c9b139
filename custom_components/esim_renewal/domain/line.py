"""A line: its settings, and its state as renewals and readings change it."""

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from .data import DataAllowance, data_allowance, read_data
from .reminders import ReminderPlan
from .sources import counter_reading
from .validity import LineStart, Terms, ValidityKind, ValidityRule
from .values import LineValueError, optional_setting

MAX_RENEWALS = 50


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
class LineState:
    """What changes while a line lives: its terms, data and renewal history.

    ``renewals`` holds the last ``MAX_RENEWALS`` renewals, oldest first.
    """

    terms: Terms
    data: DataAllowance = DataAllowance()
    renewals: tuple[Renewal, ...] = ()
    undo: LineState | None = None
    """The line as it was before its last renewal, while nothing changed since."""
    counters: Mapping[str, float] = field(default_factory=dict)
    """The last reading, in GB, of each linked data counter: its baseline."""
    seen: Mapping[str, str] = field(default_factory=dict)
    """The last value taken from each other linked source."""

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


@dataclass(frozen=True, kw_only=True)
class LineEdit:
    """What an edit of a line's settings asks of its state; None keeps it.

    ``start`` holds the dates and balance the user typed: any of them starts
    the terms again from what was typed and what the line had.
    """

    start: LineStart = LineStart()
    data_total_gb: float | None = None
    data_remaining_gb: float | None = None
    unlimited: bool | None = None
    """Set when the edit turns unlimited data on or off."""


def edit_line(
    state: LineState, rule: ValidityRule, edit: LineEdit, today: date
) -> LineState:
    """Return a line's state once its settings changed.

    What the line recorded stays: its renewals, undo, data, and what its
    sources said. Its terms carry over to the rule, keeping the last safe day,
    unless the user typed new dates or a balance.
    """
    if edit.start == LineStart():
        terms = rule.carry_over(state.terms)
    else:
        terms = rule.start(_with_current_terms(edit.start, state, rule, today), today)
    return replace(state, terms=terms, data=_edited_data(state.data, edit))


def _with_current_terms(
    typed: LineStart, state: LineState, rule: ValidityRule, today: date
) -> LineStart:
    """Return what the user typed, with the line's current terms for the rest."""
    terms = state.terms
    wallet = rule.wallet_on(terms, today) if terms.wallet else None
    return LineStart(
        expiry_date=typed.expiry_date or terms.expiry_date,
        last_renewal=typed.last_renewal
        or (wallet.period_start if wallet else terms.last_renewal),
        balance=typed.balance
        if typed.balance is not None
        else (wallet.balance if wallet else None),
    )


def _edited_data(data: DataAllowance, edit: LineEdit) -> DataAllowance:
    """Return the data allowance an edit asks for; untouched, it stays."""
    if edit.unlimited:
        if edit.data_total_gb is not None or edit.data_remaining_gb is not None:
            raise LineValueError("unlimited_data", "unlimited_with_allowance")
        return DataAllowance(unlimited=True)
    if edit.unlimited is False:
        total = edit.data_total_gb
        remaining = total if edit.data_remaining_gb is None else edit.data_remaining_gb
        return data_allowance(total_gb=total, remaining_gb=remaining)
    if edit.data_total_gb is None and edit.data_remaining_gb is None:
        return data
    return read_data(
        data, total_gb=edit.data_total_gb, remaining_gb=edit.data_remaining_gb
    )


def undo_renewal(state: LineState) -> LineState:
    """Return the line as it was before its last renewal."""
    if state.undo is None:
        raise LineValueError("renewal", "nothing_to_undo")
    return state.undo


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

    Its counter baseline and last value move, in the renewal's undo too.
    """
    return replace(
        state,
        counters=_renamed(state.counters, old, new),
        seen=_renamed(state.seen, old, new),
        undo=None if state.undo is None else rename_source(state.undo, old, new),
    )


def _renamed[T](values: Mapping[str, T], old: str, new: str) -> dict[str, T]:
    """Return values by source, with the old source's under the new id."""
    return {new if source == old else source: value for source, value in values.items()}
