"""Tests of what a line keeps of its past: spending, uses and the steps to undo."""

from datetime import date, timedelta
from typing import Any

import pytest

from .conftest import CURRENCIES, tokyo
from custom_components.esim_renewal.domain.calendar_rules import RollingRule
from custom_components.esim_renewal.domain.data import data_allowance
from custom_components.esim_renewal.domain.history import (
    record_use,
    remember,
    spend,
    spending_in_year,
    undo_last,
)
from custom_components.esim_renewal.domain.keeper_rules import ActivityRule
from custom_components.esim_renewal.domain.line import (
    MAX_RENEWALS,
    UNDO_DEPTH,
    Change,
    LineState,
    Renewal,
    follow_expiry,
    follow_remaining,
    read_counter,
    record_data,
    see,
    set_expiry_date,
)
from custom_components.esim_renewal.domain.reminders import ReminderLog
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew
from custom_components.esim_renewal.domain.validity import Terms, ValidityRule
from custom_components.esim_renewal.domain.values import LineValueError

NOW = tokyo("2026-11-26 10:00")
TODAY = NOW.date()
LOG = ReminderLog(checked_until=NOW)
ROLLING_180 = RollingRule(validity_days=180)
# giffgaff: safe six months after the last use.
GIFFGAFF = ActivityRule(validity_months=6)


def renewed(
    state: LineState, rule: ValidityRule = ROLLING_180, **request: Any
) -> LineState:
    """Return the state after a renewal the user recorded today, with its step."""
    after = renew(
        state,
        rule,
        RenewalRequest(**{"renewed_on": TODAY, **request}),
        now=NOW,
        currencies=CURRENCIES,
        default_currency="EUR",
    )
    return remember(state, after, Change.RENEWAL, LOG)


def test_uses_never_push_a_paid_renewal_out() -> None:
    """Sixty daily uses leave the renewal, and the year's spending, where they were."""
    start = LineState(
        terms=Terms(expiry_date=date(2026, 7, 9), last_renewal=date(2026, 1, 9))
    )
    state = renew(
        start,
        GIFFGAFF,
        RenewalRequest(renewed_on=date(2026, 1, 10), cost=10),
        now=tokyo("2026-01-10 09:00"),
        currencies=CURRENCIES,
        default_currency="GBP",
    )
    for day in range(60):
        state = record_use(state, GIFFGAFF, tokyo("2026-01-11 08:00") + timedelta(day))
        state = record_use(state, GIFFGAFF, tokyo("2026-01-11 20:00") + timedelta(day))
    assert len(state.renewals) == 1
    assert spending_in_year(state.spending, 2026) == {"GBP": 10}
    assert state.uses.count == 60
    assert state.uses.last_at == tokyo("2026-03-11 08:00")
    # Used on 11 March: safe through 11 September.
    assert state.expiry_date == date(2026, 9, 11)


def test_undo_takes_back_the_renewal_and_not_the_uses_since() -> None:
    """A renewal recorded by mistake goes; a use after it still counts."""
    start = LineState(
        terms=Terms(expiry_date=date(2027, 5, 20), last_renewal=date(2026, 11, 20))
    )
    mistaken = renewed(start, GIFFGAFF, expiry_date=date(2028, 1, 1), cost=10)
    used = record_use(mistaken, GIFFGAFF, tokyo("2026-11-27 08:00"))
    state, step = undo_last(used, GIFFGAFF)
    assert step.renewal == mistaken.renewals[-1]
    assert state.renewals == ()
    assert state.spending == {}
    assert state.uses == used.uses
    # Used on 27 November: safe through 27 May.
    assert state.terms == Terms(
        expiry_date=date(2027, 5, 27), last_renewal=date(2026, 11, 27)
    )


def test_each_undo_takes_back_the_next_change() -> None:
    """Renewals, readings and a day set by hand are undone newest first."""
    first = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5)),
        data=data_allowance(total_gb=10, remaining_gb=2),
    )
    once = renewed(first, cost=330)
    read = remember(
        once, record_data(once, ROLLING_180, TODAY, remaining_gb=6), Change.DATA, LOG
    )
    moved = remember(
        read,
        set_expiry_date(read, date(2027, 6, 1), TODAY),
        Change.EXPIRY_DATE,
        LOG,
    )
    assert [step.change for step in moved.undo] == [
        Change.RENEWAL,
        Change.DATA,
        Change.EXPIRY_DATE,
    ]
    state, _ = undo_last(moved, ROLLING_180)
    assert state.expiry_date == date(2027, 5, 24)
    state, _ = undo_last(state, ROLLING_180)
    assert state.data.remaining_gb == 10
    state, step = undo_last(state, ROLLING_180)
    assert step.reminders == LOG
    assert (state.terms, state.data, state.renewals) == (
        first.terms,
        first.data,
        first.renewals,
    )
    assert state.spending == {}
    with pytest.raises(LineValueError) as err:
        undo_last(state, ROLLING_180)
    assert (err.value.field, err.value.key) == ("undo", "nothing_to_undo")


def test_a_change_that_changes_nothing_leaves_no_step() -> None:
    """The same reading again, or the same day, is nothing to undo."""
    state = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5)),
        data=data_allowance(total_gb=10, remaining_gb=2),
    )
    same = record_data(state, ROLLING_180, TODAY, remaining_gb=2)
    assert remember(state, same, Change.DATA, LOG).undo == ()


def test_undo_goes_back_so_far() -> None:
    """The last ``UNDO_DEPTH`` changes can be undone; older ones are kept."""
    state = LineState(terms=Terms(expiry_date=date(2026, 12, 5)))
    for day in range(UNDO_DEPTH + 2):
        state = renewed(state, renewed_on=date(2026, 11, 1) + timedelta(day))
    assert len(state.undo) == UNDO_DEPTH
    for _ in range(UNDO_DEPTH):
        state, _ = undo_last(state, ROLLING_180)
    assert [renewal.renewed_on.day for renewal in state.renewals] == [1, 2]


def test_what_sources_said_stays_after_an_undo() -> None:
    """Counters, values seen, data left and a last safe day they gave stay."""
    start = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5)),
        data=data_allowance(total_gb=10, remaining_gb=2),
    )
    state = renewed(start)
    state = read_counter(state, ROLLING_180, TODAY, "sensor.rx", 1.0)
    state = see(state, "sensor.left", "7.5")
    state = follow_remaining(state, ROLLING_180, TODAY, 7.5)
    state = follow_expiry(state, date(2027, 6, 30), TODAY)
    assert len(state.undo) == 1
    undone, _ = undo_last(state, ROLLING_180)
    assert undone.counters == {"sensor.rx": 1.0}
    assert undone.seen == {"sensor.left": "7.5"}
    assert undone.data.remaining_gb == 7.5
    assert undone.expiry_date == date(2027, 6, 30)
    assert undone.renewals == ()


def test_undo_brings_back_the_renewal_a_full_history_let_go() -> None:
    """At ``MAX_RENEWALS``, a renewal pushes the oldest out; its undo puts it back."""
    state = LineState(terms=Terms(expiry_date=date(2026, 1, 1)))
    for offset in range(MAX_RENEWALS):
        state = renew(
            state,
            ROLLING_180,
            RenewalRequest(renewed_on=date(2026, 1, 1) + timedelta(days=offset)),
            now=NOW,
            currencies=CURRENCIES,
        )
    full = state.renewals
    state, _ = undo_last(renewed(state), ROLLING_180)
    assert state.renewals == full


def test_undo_of_a_renewal_the_history_no_longer_holds() -> None:
    """A renewal left out of a damaged history is not looked for; its step undoes."""
    start = LineState(terms=Terms(expiry_date=date(2026, 12, 5)))
    once = renewed(start, cost=330)
    damaged = LineState(
        terms=once.terms,
        renewals=(),
        spending=once.spending,
        undo=once.undo,
    )
    state, _ = undo_last(damaged, ROLLING_180)
    assert (state.terms, state.renewals, state.spending) == (start.terms, (), {})


def test_spending_totals() -> None:
    """Costs add up by year and currency; a total never falls below 0."""
    renewal = Renewal(
        renewed_on=date(2026, 6, 9), expiry_date=TODAY, cost=0.1, currency="JPY"
    )
    spent = spend(spend({}, renewal), renewal)
    assert spent == {2026: {"JPY": 0.2}}
    assert spend(spent, Renewal(renewed_on=TODAY, expiry_date=TODAY)) == spent
    assert spend(spend(spent, renewal, sign=-1), renewal, sign=-1) == {}
    assert spend({}, renewal, sign=-1) == {}
    free = Renewal(renewed_on=TODAY, expiry_date=TODAY, cost=0, currency="JPY")
    assert spend({}, free) == {}
    assert spending_in_year(spent, 2027) == {}
