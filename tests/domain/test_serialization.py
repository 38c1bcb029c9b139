"""Tests of a line's state and reminder log in their stored form."""

from dataclasses import replace
from datetime import date

import pytest

from .conftest import tokyo
from custom_components.esim_renewal.domain.data import data_allowance, read_data
from custom_components.esim_renewal.domain.line import LineState, Renewal
from custom_components.esim_renewal.domain.reminders import ReminderLog
from custom_components.esim_renewal.domain.serialization import (
    log_from_dict,
    log_to_dict,
    state_from_dict,
    state_to_dict,
)
from custom_components.esim_renewal.domain.validity import Terms
from custom_components.esim_renewal.domain.wallet import Wallet


def test_state_round_trip() -> None:
    """A state survives being stored, whatever its rule keeps."""
    state = LineState(
        terms=Terms(
            expiry_date=date(2027, 4, 29),
            last_renewal=date(2026, 10, 1),
            pack_end=date(2026, 10, 31),
            wallet=Wallet(period_start=date(2026, 11, 1), balance=7.5),
        ),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
        renewals=(
            Renewal(
                renewed_on=date(2026, 10, 1),
                renewed_at=tokyo("2026-10-01 14:03"),
                expiry_date=date(2027, 4, 29),
                pack_days=30,
                amount=10,
                cost=990,
                currency="JPY",
            ),
        ),
    )
    assert state_from_dict(state_to_dict(state)) == state
    grown = replace(state, data=read_data(state.data, total_gb=15))
    assert state_from_dict(state_to_dict(grown)) == grown
    bare = LineState(terms=Terms(expiry_date=date(2026, 12, 20)))
    assert state_from_dict(state_to_dict(bare)) == bare


def test_state_without_a_plan_allowance() -> None:
    """A state stored before the plan's allowance was kept apart has the pack's."""
    stored = state_to_dict(
        LineState(
            terms=Terms(expiry_date=date(2026, 12, 20)),
            data=data_allowance(total_gb=10, remaining_gb=2.3),
        )
    )
    del stored["data"]["plan_gb"]
    assert state_from_dict(stored).data.plan_total_gb == 10


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"expiry_date": "2026-12-05", "last_renewal": None},
        {"expiry_date": 20261205, "last_renewal": None, "data": {}},
        {"expiry_date": "soon", "last_renewal": None, "data": {}},
    ],
)
def test_state_from_malformed_data(stored: dict[str, object]) -> None:
    """Malformed stored data raises ValueError, whatever is wrong with it."""
    with pytest.raises(ValueError):
        state_from_dict(stored)


def test_log_round_trip() -> None:
    """A reminder log survives being stored."""
    log = ReminderLog(
        checked_until=tokyo("2026-11-28 09:00"),
        sent=frozenset({"expiring:7", "data_low"}),
    )
    assert log_to_dict(log) == {
        "checked_until": "2026-11-28T09:00:00+09:00",
        "sent": ["data_low", "expiring:7"],
    }
    assert log_from_dict(log_to_dict(log)) == log


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"checked_until": 5, "sent": []},
        {"checked_until": "2026-11-28T09:00:00", "sent": []},
    ],
)
def test_malformed_log(stored: dict[str, object]) -> None:
    """A malformed log raises ValueError."""
    with pytest.raises(ValueError):
        log_from_dict(stored)
