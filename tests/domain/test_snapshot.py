"""Tests of a line's snapshot and calendar."""

from datetime import UTC, date, datetime

import pytest

from .conftest import NEW_YORK, TOKYO, tokyo
from custom_components.esim_renewal.domain.calendar_rules import FixedRule, RollingRule
from custom_components.esim_renewal.domain.data import data_allowance
from custom_components.esim_renewal.domain.keeper_rules import (
    AfterPackRule,
    BalanceRule,
)
from custom_components.esim_renewal.domain.lapse import LineStatus
from custom_components.esim_renewal.domain.line import LineSettings, LineState, Renewal
from custom_components.esim_renewal.domain.reminders import ReminderPlan
from custom_components.esim_renewal.domain.snapshot import (
    LineEventKind,
    line_events,
    take_snapshot,
)
from custom_components.esim_renewal.domain.validity import LineStart, Terms
from custom_components.esim_renewal.domain.wallet import Fee, Wallet

ROLLING = LineSettings(rule=RollingRule(validity_days=180))
POVO = LineSettings(rule=AfterPackRule(validity_days=180, pack_days=30), grace_days=30)


def test_snapshot_of_a_line() -> None:
    """A snapshot answers every question the entities ask."""
    state = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5), last_renewal=date(2026, 6, 9)),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    snapshot = take_snapshot(state, ROLLING, tokyo("2026-11-26 10:00"))
    assert snapshot.days_until_expiry == 9
    assert snapshot.status is LineStatus.EXPIRING_SOON
    assert snapshot.expires_at == datetime(2026, 12, 6, tzinfo=TOKYO)
    assert snapshot.next_change == datetime(2026, 11, 27, tzinfo=TOKYO)
    assert snapshot.data.used_gb == 7.7
    assert snapshot.last_renewal == date(2026, 6, 9)
    assert snapshot.uses is None
    assert snapshot.number_lost_at is None
    assert snapshot.pack_expires_at is None
    assert snapshot.balance is None


def test_snapshot_of_a_povo_line() -> None:
    """povo: pack ends 31 October, safe through 29 April, number lost 30 May."""
    terms = POVO.rule.start(
        LineStart(last_renewal=date(2026, 10, 1)), date(2026, 11, 26)
    )
    state = LineState(terms=terms, data=data_allowance(total_gb=3, remaining_gb=1))
    snapshot = take_snapshot(state, POVO, tokyo("2026-11-26 10:00"))
    assert snapshot.expiry_date == date(2027, 4, 29)
    assert snapshot.expires_at == datetime(2027, 4, 30, tzinfo=TOKYO)
    assert snapshot.number_lost_at == datetime(2027, 5, 30, tzinfo=TOKYO)
    assert snapshot.pack_expires_at == datetime(2026, 11, 1, tzinfo=TOKYO)
    assert snapshot.status is LineStatus.ACTIVE
    # The pack ended on 31 October: its data is gone.
    assert snapshot.data.remaining_gb == 0

    suspended = take_snapshot(state, POVO, tokyo("2027-05-01 10:00"))
    assert (suspended.status, suspended.days_until_expiry) == (LineStatus.EXPIRED, -2)
    lost = take_snapshot(state, POVO, tokyo("2027-05-30 00:00"))
    assert lost.status is LineStatus.LOST


def test_data_lasts_while_the_pack_does() -> None:
    """A fixed pack's data is there through its last day, and gone after."""
    settings = LineSettings(rule=FixedRule())
    state = LineState(
        terms=Terms(expiry_date=date(2026, 12, 20)),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    assert (
        take_snapshot(state, settings, tokyo("2026-12-20 23:59")).data.remaining_gb
        == 2.3
    )
    assert (
        take_snapshot(state, settings, tokyo("2026-12-21 00:00")).data.remaining_gb == 0
    )


def test_snapshot_of_a_wallet() -> None:
    """The balance drops by the fee as each period starts."""
    settings = LineSettings(rule=BalanceRule(fee=Fee(amount=3, period_days=30)))
    state = LineState(
        terms=Terms(
            expiry_date=date(2027, 2, 28),
            wallet=Wallet(period_start=date(2026, 11, 1), balance=10),
        )
    )
    assert take_snapshot(state, settings, tokyo("2026-11-30 23:00")).balance == 10
    assert take_snapshot(state, settings, tokyo("2026-12-01 00:00")).balance == 7
    assert take_snapshot(state, settings, tokyo("2027-06-01 00:00")).balance == 1


def test_snapshot_across_a_daylight_saving_change() -> None:
    """The day after the clocks go back is 25 hours long; midnight stays midnight."""
    state = LineState(terms=Terms(expiry_date=date(2026, 11, 2)))
    settings = LineSettings(rule=FixedRule(), reminders=ReminderPlan(days=()))
    now = datetime(2026, 10, 31, 23, 30, tzinfo=NEW_YORK)
    snapshot = take_snapshot(state, settings, now)
    assert snapshot.next_change == datetime(2026, 11, 1, tzinfo=NEW_YORK)
    later = take_snapshot(state, settings, snapshot.next_change)
    assert later.days_until_expiry == 1
    assert later.next_change == datetime(2026, 11, 2, tzinfo=NEW_YORK)
    elapsed = later.next_change.astimezone(UTC) - snapshot.next_change.astimezone(UTC)
    assert elapsed.total_seconds() == 25 * 3600
    assert later.expires_at == datetime(2026, 11, 3, tzinfo=NEW_YORK)


def test_snapshot_needs_an_aware_time() -> None:
    """A naive datetime has no local calendar."""
    with pytest.raises(ValueError, match="timezone-aware"):
        take_snapshot(
            LineState(terms=Terms(expiry_date=date(2026, 12, 5))),
            ROLLING,
            datetime(2026, 11, 26, 10),  # noqa: DTZ001
        )


def test_line_events() -> None:
    """A line's calendar: renewals, every reminder day, expiry, the number's last day.

    The grace period's reminders are marked too: the day the line lapsed and
    each threshold before the number is lost; the number's event stands on
    the last day a renewal saves it, not on the first day without it.
    """
    state = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5)),
        renewals=(Renewal(renewed_on=date(2026, 6, 9), expiry_date=date(2026, 12, 5)),),
    )
    settings = LineSettings(
        rule=RollingRule(validity_days=180),
        grace_days=30,
        reminders=ReminderPlan(days=(30, 7, 1, 0)),
    )
    assert [
        (event.kind, event.day, event.days_left)
        for event in line_events(state, settings)
    ] == [
        (LineEventKind.RENEWAL, date(2026, 6, 9), None),
        (LineEventKind.REMINDER, date(2026, 11, 5), 30),
        (LineEventKind.REMINDER, date(2026, 11, 28), 7),
        (LineEventKind.REMINDER, date(2026, 12, 4), 1),
        (LineEventKind.EXPIRY, date(2026, 12, 5), None),
        (LineEventKind.EXPIRED, date(2026, 12, 6), None),
        (LineEventKind.GRACE_REMINDER, date(2026, 12, 28), 7),
        (LineEventKind.GRACE_REMINDER, date(2027, 1, 3), 1),
        (LineEventKind.NUMBER_LOST, date(2027, 1, 4), None),
    ]


def test_line_events_when_the_number_goes_at_once() -> None:
    """With no grace (giffgaff) the last safe day is also the number's last day."""
    state = LineState(terms=Terms(expiry_date=date(2027, 2, 28)))
    settings = LineSettings(
        rule=RollingRule(validity_days=180),
        grace_days=0,
        reminders=ReminderPlan(days=(7, 1)),
    )
    assert [(event.kind, event.day) for event in line_events(state, settings)] == [
        (LineEventKind.REMINDER, date(2027, 2, 21)),
        (LineEventKind.REMINDER, date(2027, 2, 27)),
        (LineEventKind.EXPIRY, date(2027, 2, 28)),
        (LineEventKind.NUMBER_LOST, date(2027, 2, 28)),
    ]


def test_line_events_without_a_known_grace() -> None:
    """A line whose grace is unknown marks the day it lapsed, and no number day."""
    state = LineState(terms=Terms(expiry_date=date(2026, 12, 15)))
    settings = LineSettings(
        rule=RollingRule(validity_days=30), reminders=ReminderPlan(days=(1,))
    )
    assert [(event.kind, event.day) for event in line_events(state, settings)] == [
        (LineEventKind.REMINDER, date(2026, 12, 14)),
        (LineEventKind.EXPIRY, date(2026, 12, 15)),
        (LineEventKind.EXPIRED, date(2026, 12, 16)),
    ]
