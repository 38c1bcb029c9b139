"""Tests of a line's state and reminder log in their stored form."""

from dataclasses import replace
from datetime import date
from typing import Any

import pytest

from .conftest import tokyo
from custom_components.esim_renewal.domain.data import data_allowance, read_data
from custom_components.esim_renewal.domain.line import (
    Change,
    Confirmation,
    LineState,
    Renewal,
    UndoStep,
    Uses,
)
from custom_components.esim_renewal.domain.reminders import ReminderLog
from custom_components.esim_renewal.domain.serialization import (
    ReadState,
    log_from_dict,
    log_to_dict,
    state_from_dict,
    state_to_dict,
)
from custom_components.esim_renewal.domain.validity import Terms
from custom_components.esim_renewal.domain.wallet import Wallet

RENEWAL = Renewal(
    renewed_on=date(2026, 10, 1),
    renewed_at=tokyo("2026-10-01 14:03"),
    expiry_date=date(2027, 4, 29),
    pack_days=30,
    amount=10,
    cost=990,
    currency="JPY",
)
TERMS = Terms(expiry_date=date(2027, 4, 29), last_renewal=date(2026, 10, 1))
LOG = ReminderLog(checked_until=tokyo("2026-11-26 09:00"), sent=frozenset({"x"}))
STATE = LineState(
    terms=TERMS,
    data=data_allowance(total_gb=10, remaining_gb=2.3),
    renewals=(RENEWAL, RENEWAL),
    spending={2026: {"JPY": 1980, "USD": 3.5}},
    uses=Uses(last_at=tokyo("2026-11-20 08:00"), count=4),
    undo=(
        UndoStep(
            change=Change.RENEWAL,
            terms=Terms(expiry_date=date(2026, 12, 5)),
            data=data_allowance(total_gb=10, remaining_gb=1),
            terms_after=TERMS,
            data_after=data_allowance(total_gb=10, remaining_gb=10),
            renewal=RENEWAL,
            dropped=RENEWAL,
            reminders=LOG,
        ),
        UndoStep(
            change=Change.DATA,
            terms=TERMS,
            data=data_allowance(total_gb=10, remaining_gb=10),
            terms_after=TERMS,
            data_after=data_allowance(total_gb=10, remaining_gb=2.3),
            reminders=LOG,
        ),
    ),
    counters={"sensor.rx": 1.5},
    seen={"sensor.sms": "hello"},
)


def test_state_round_trip() -> None:
    """A state survives being stored, whatever its rule keeps."""
    assert state_from_dict(state_to_dict(STATE)).state == STATE
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
    assert state_from_dict(state_to_dict(state)).state == state
    grown = replace(state, data=read_data(state.data, total_gb=15))
    assert state_from_dict(state_to_dict(grown)).state == grown
    bare = LineState(terms=Terms(expiry_date=date(2026, 12, 20)))
    assert state_from_dict(state_to_dict(bare)) == ReadState(state=bare, dropped=0)
    waiting = replace(
        state,
        plan="01JPLAN",
        awaiting=Confirmation(
            since=tokyo("2026-11-26 10:00"),
            data_left_gb=0.5,
            expiry_date=date(2026, 12, 5),
        ),
    )
    assert state_from_dict(state_to_dict(waiting)).state == waiting


def test_state_without_a_plan_allowance() -> None:
    """A state stored before the plan's allowance was kept apart has the pack's."""
    stored = state_to_dict(
        LineState(
            terms=Terms(expiry_date=date(2026, 12, 20)),
            data=data_allowance(total_gb=10, remaining_gb=2.3),
        )
    )
    del stored["data"]["plan_gb"]
    assert state_from_dict(stored).state.data.plan_total_gb == 10


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"expiry_date": "2026-12-05", "last_renewal": None},
        {"expiry_date": 20261205, "last_renewal": None, "data": {}},
        {"expiry_date": "soon", "last_renewal": None, "data": {}},
        {**state_to_dict(STATE), "expiry_date": "9999-12-31"},
        {**state_to_dict(STATE), "last_renewal": 20261001},
        {**state_to_dict(STATE), "wallet": {"period_start": "2026-11-01"}},
        {
            **state_to_dict(STATE),
            "wallet": {"period_start": "2026-11-01", "balance": "7"},
        },
        {
            **state_to_dict(STATE),
            "data": {**state_to_dict(STATE)["data"], "unlimited": 0},
        },
        {
            **state_to_dict(STATE),
            "data": {**state_to_dict(STATE)["data"], "total_gb": -1},
        },
        {**state_to_dict(STATE), "data": None},
    ],
)
def test_state_from_malformed_data(stored: dict[str, object]) -> None:
    """A state whose terms or data cannot be read raises ValueError."""
    with pytest.raises(ValueError):
        state_from_dict(stored)


def _renewal(**changes: object) -> dict[str, Any]:
    """Return the stored form of a renewal with some fields changed."""
    return {**state_to_dict(STATE)["renewals"][0], **changes}


@pytest.mark.parametrize(
    ("changes", "dropped"),
    [
        ({"renewals": [_renewal(cost="330"), _renewal()]}, 1),
        ({"renewals": [_renewal(renewed_at="2026-10-01T14:03:00")]}, 1),
        ({"renewals": [_renewal(expiry_date="9999-12-31"), _renewal(cost=None)]}, 1),
        ({"renewals": [_renewal(validity_days=1.5), _renewal(currency=5)]}, 2),
        ({"renewals": [{"renewed_on": "2026-10-01"}, "a renewal", None]}, 3),
        ({"renewals": "none"}, 1),
        ({"undo": [{"change": "renewal"}, *state_to_dict(STATE)["undo"]]}, 1),
        ({"undo": [{**state_to_dict(STATE)["undo"][0], "change": "wish"}]}, 1),
        ({"spending": {"2026": {"JPY": "1980", "USD": 3.5}, "next": {"EUR": 1}}}, 2),
        ({"spending": {"2026": {"yen": 1980}, "2027": []}}, 2),
        ({"uses": {"last_at": "2026-11-20", "count": 4}}, 1),
        ({"uses": {"last_at": None, "count": -1}}, 1),
        ({"counters": {"sensor.rx": "1.5", "sensor.tx": 2}, "seen": {"a": 1}}, 2),
        ({"counters": [], "seen": None}, 1),
        ({"counters": {"sensor.rx": float("nan")}}, 1),
        ({"spending": {"1800": {"JPY": 1}, "2026": {"JPY": 1}}}, 1),
        ({"uses": {"last_at": "0001-01-01T00:00:00+00:00", "count": 1}}, 1),
        ({"plan": 5, "awaiting": {"since": "yesterday"}}, 2),
    ],
)
def test_a_bad_record_is_left_out(changes: dict[str, Any], dropped: int) -> None:
    """A record of the wrong type is dropped and counted; the rest is read."""
    read = state_from_dict({**state_to_dict(STATE), **changes})
    assert read.dropped == dropped
    assert read.state.terms == STATE.terms
    assert read.state.data == STATE.data


def test_what_is_left_of_a_bad_history() -> None:
    """The readable renewals keep their order; missing parts are empty."""
    stored = state_to_dict(STATE)
    stored["renewals"] = [_renewal(cost="330"), _renewal(cost=5, currency="USD")]
    del stored["uses"], stored["spending"], stored["undo"]
    read = state_from_dict(stored)
    assert read.dropped == 1
    assert [renewal.cost for renewal in read.state.renewals] == [5]
    assert (read.state.uses, read.state.spending, read.state.undo) == (Uses(), {}, ())


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
        {"checked_until": "2026-11-28T09:00:00+09:00", "sent": "expiring:7"},
        {"checked_until": "2026-11-28T09:00:00+09:00", "sent": [7]},
        [],
    ],
)
def test_malformed_log(stored: dict[str, object]) -> None:
    """A malformed log raises ValueError."""
    with pytest.raises(ValueError):
        log_from_dict(stored)
