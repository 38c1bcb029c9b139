"""Tests of a renewal waiting for the linked sources to show it."""

from dataclasses import replace
from datetime import date, timedelta

from .conftest import tokyo
from custom_components.esim_renewal.domain.confirmations import (
    await_confirmation,
    data_left_seen,
    expiry_seen,
    unconfirmed_since,
)
from custom_components.esim_renewal.domain.data import data_allowance
from custom_components.esim_renewal.domain.line import Confirmation, LineState
from custom_components.esim_renewal.domain.validity import Terms

NOW = tokyo("2026-03-01T10:00")
BEFORE = LineState(
    terms=Terms(expiry_date=date(2026, 3, 5)),
    data=data_allowance(total_gb=3, remaining_gb=0.5),
)
AFTER = replace(
    BEFORE,
    terms=Terms(expiry_date=date(2026, 4, 4)),
    data=data_allowance(total_gb=3, remaining_gb=3),
)


def test_a_renewal_waits_for_the_sources_it_raised() -> None:
    """Wait for the data left and the last safe day the renewal raised."""
    state = await_confirmation(
        BEFORE, AFTER, NOW, follows_data_left=True, follows_expiry=True
    )
    assert state.awaiting == Confirmation(
        since=NOW, data_left_gb=0.5, expiry_date=date(2026, 3, 5)
    )


def test_no_wait_without_sources_or_a_raise() -> None:
    """Wait for nothing the line does not follow, or the renewal did not raise."""
    assert (
        await_confirmation(
            BEFORE, AFTER, NOW, follows_data_left=False, follows_expiry=False
        ).awaiting
        is None
    )
    same = replace(AFTER, terms=BEFORE.terms, data=BEFORE.data)
    assert (
        await_confirmation(
            BEFORE, same, NOW, follows_data_left=True, follows_expiry=True
        ).awaiting
        is None
    )


def test_unknown_data_left_counts_as_none() -> None:
    """Take any data left as the source catching up when none was known."""
    before = replace(BEFORE, data=data_allowance(total_gb=3))
    state = await_confirmation(
        before, AFTER, NOW, follows_data_left=True, follows_expiry=False
    )
    assert state.awaiting == Confirmation(since=NOW, data_left_gb=0.0)


def test_a_second_renewal_keeps_the_first_wait() -> None:
    """Keep waiting for the values from before the first unconfirmed renewal."""
    first = await_confirmation(
        BEFORE, AFTER, NOW, follows_data_left=True, follows_expiry=False
    )
    later = NOW + timedelta(hours=3)
    second = await_confirmation(
        first, first, later, follows_data_left=True, follows_expiry=True
    )
    assert second.awaiting == first.awaiting


def test_sources_catch_up_one_by_one() -> None:
    """Clear each part when its source rises above what it said before."""
    state = await_confirmation(
        BEFORE, AFTER, NOW, follows_data_left=True, follows_expiry=True
    )
    assert data_left_seen(state, 0.4) == state  # still used up, not refilled
    state = data_left_seen(state, 3.0)
    assert state.awaiting == Confirmation(since=NOW, expiry_date=date(2026, 3, 5))
    assert data_left_seen(state, 3.0) == state
    assert expiry_seen(state, date(2026, 3, 5)) == state
    assert expiry_seen(state, date(2026, 4, 4)).awaiting is None
    assert expiry_seen(BEFORE, date(2026, 4, 4)) == BEFORE
    assert data_left_seen(BEFORE, 3.0) == BEFORE


def test_unconfirmed_after_a_day() -> None:
    """Say the carrier has not confirmed a renewal only once a day is over."""
    state = await_confirmation(
        BEFORE, AFTER, NOW, follows_data_left=True, follows_expiry=True
    )
    assert unconfirmed_since(state, NOW + timedelta(hours=23)) is None
    assert unconfirmed_since(state, NOW + timedelta(days=1)) == NOW
    assert unconfirmed_since(BEFORE, NOW + timedelta(days=2)) is None
