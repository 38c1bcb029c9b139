"""Tests of data allowances and readings."""

from datetime import date

import pytest

from custom_components.esim_renewal.domain.calendar_rules import FixedRule, RollingRule
from custom_components.esim_renewal.domain.data import (
    DataAllowance,
    data_allowance,
    read_data,
)
from custom_components.esim_renewal.domain.line import LineState, record_data
from custom_components.esim_renewal.domain.validity import Terms
from custom_components.esim_renewal.domain.values import LineValueError


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        ({"total_gb": 10, "remaining_gb": 2.3}, (10, 2.3, 7.7)),
        ({"total_gb": 10, "used_gb": 7.7}, (10, 2.3, 7.7)),
        ({"remaining_gb": 2.3, "used_gb": 7.7}, (10, 2.3, 7.7)),
        ({"total_gb": 10, "remaining_gb": 2.3, "used_gb": 7.7}, (10, 2.3, 7.7)),
        ({"remaining_gb": 2.3}, (None, 2.3, None)),
        ({"total_gb": 3}, (3, None, None)),
        ({}, (None, None, None)),
    ],
)
def test_data_allowance_any_two_give_the_third(
    readings: dict[str, float], expected: tuple[float | None, ...]
) -> None:
    """Total, remaining and used: any two give the third."""
    allowance = data_allowance(**readings)
    assert (allowance.total_gb, allowance.remaining_gb, allowance.used_gb) == expected
    assert not allowance.unlimited


def test_rounded_amounts_still_add_up() -> None:
    """Rounded to the megabyte, the three amounts still add up when read back.

    1.875 + 8.3125 GB: each rounded on its own, 8.312 and 10.188 would be a
    megabyte apart, and the stored line would no longer load.
    """
    allowance = data_allowance(remaining_gb=1.875, used_gb=8.3125)
    assert (allowance.total_gb, allowance.remaining_gb, allowance.used_gb) == (
        10.188,
        1.875,
        8.313,
    )
    assert (
        data_allowance(
            total_gb=allowance.total_gb,
            remaining_gb=allowance.remaining_gb,
            used_gb=allowance.used_gb,
        )
        == allowance
    )


def test_unlimited_data_has_no_amounts() -> None:
    """An unlimited plan ignores amounts."""
    assert data_allowance(total_gb=10, remaining_gb=3, unlimited=True) == (
        DataAllowance(unlimited=True)
    )
    assert not DataAllowance(unlimited=True).tracked


@pytest.mark.parametrize(
    ("readings", "field", "key"),
    [
        ({"total_gb": -1}, "data_total_gb", "invalid_data_amount"),
        ({"remaining_gb": float("inf")}, "data_remaining_gb", "invalid_data_amount"),
        ({"used_gb": -0.1}, "data_used_gb", "invalid_data_amount"),
        (
            {"total_gb": 1, "remaining_gb": 2},
            "data_remaining_gb",
            "data_remaining_exceeds_total",
        ),
        ({"total_gb": 1, "used_gb": 2}, "data_used_gb", "data_used_exceeds_total"),
        (
            {"total_gb": 10, "remaining_gb": 2, "used_gb": 2},
            "data_used_gb",
            "data_inconsistent",
        ),
    ],
)
def test_data_allowance_rejects(
    readings: dict[str, float], field: str, key: str
) -> None:
    """Impossible data readings name the reading and the rule."""
    with pytest.raises(LineValueError) as err:
        data_allowance(**readings)
    assert (err.value.field, err.value.key) == (field, key)


@pytest.mark.parametrize(
    ("reading", "expected"),
    [
        ({"remaining_gb": 1.5}, (10, 1.5, 8.5)),
        ({"used_gb": 9}, (10, 1, 9)),
        # Extra data keeps what was used, so it adds to what remains.
        ({"total_gb": 20}, (20, 12.3, 7.7)),
        ({"total_gb": 12, "remaining_gb": 12}, (12, 12, 0)),
    ],
)
def test_read_data(reading: dict[str, float], expected: tuple[float, ...]) -> None:
    """A reading updates what it gives; the rest follows."""
    data = read_data(data_allowance(total_gb=10, remaining_gb=2.3), **reading)
    assert (data.total_gb, data.remaining_gb, data.used_gb) == expected


def test_read_data_without_a_known_use() -> None:
    """A new allowance on a line with only a remaining reading keeps it."""
    data = read_data(data_allowance(remaining_gb=2), total_gb=5)
    assert (data.total_gb, data.remaining_gb, data.used_gb) == (5, 2, 3)


@pytest.mark.parametrize(
    ("data", "reading", "key"),
    [
        (DataAllowance(), {}, "no_data_reading"),
        (DataAllowance(unlimited=True), {"remaining_gb": 1}, "unlimited_data_plan"),
        (
            data_allowance(total_gb=10),
            {"remaining_gb": 11},
            "data_remaining_exceeds_total",
        ),
        (data_allowance(total_gb=10), {"remaining_gb": -1}, "invalid_data_amount"),
        (
            data_allowance(total_gb=10, remaining_gb=2),
            {"total_gb": 5},
            "data_used_exceeds_total",
        ),
    ],
)
def test_read_data_rejects(
    data: DataAllowance, reading: dict[str, float], key: str
) -> None:
    """Impossible readings are refused."""
    with pytest.raises(LineValueError) as err:
        read_data(data, **reading)
    assert err.value.key == key


def test_unlimited_plan_can_become_limited() -> None:
    """Giving an allowance to an unlimited plan starts tracking amounts."""
    data = read_data(DataAllowance(unlimited=True), total_gb=30, remaining_gb=30)
    assert (data.total_gb, data.remaining_gb, data.unlimited) == (30, 30, False)


def test_refill_and_gone() -> None:
    """A renewal refills a known allowance; an ended pack leaves nothing."""
    data = data_allowance(total_gb=10, remaining_gb=2.3)
    assert data.refilled() == data_allowance(total_gb=10, remaining_gb=10)
    assert data.refilled(20) == data_allowance(total_gb=20, remaining_gb=20)
    assert DataAllowance().refilled() == DataAllowance()
    assert DataAllowance(unlimited=True).refilled() == DataAllowance(unlimited=True)
    assert data.gone() == DataAllowance(total_gb=10, remaining_gb=0, used_gb=7.7)
    grown = read_data(data, total_gb=12)
    assert grown.gone().plan_total_gb == 10
    assert DataAllowance().gone() == DataAllowance()


def test_extra_data_is_for_the_pack_a_renewal_refills_the_plan() -> None:
    """A larger allowance by hand is extra data; a renewal refills the plan's."""
    plan = data_allowance(total_gb=10, remaining_gb=2.3)
    extra = read_data(plan, total_gb=15)
    assert (extra.total_gb, extra.remaining_gb, extra.plan_total_gb) == (15, 7.3, 10)
    assert extra.refilled() == plan.refilled()
    # Read again, the pack keeps the plan it grew from.
    assert read_data(extra, remaining_gb=5).plan_total_gb == 10
    # A smaller allowance than the plan's is the plan corrected.
    smaller = read_data(extra, total_gb=8)
    assert (smaller.total_gb, smaller.plan_total_gb) == (8, 8)
    assert smaller.refilled() == data_allowance(total_gb=8, remaining_gb=8)
    # A renewal that names an allowance makes it the plan.
    assert extra.refilled(20).plan_total_gb == 20


def test_an_ended_pack_takes_no_reading() -> None:
    """Data of a pack that has ended is gone; a reading needs a renewal first."""
    rule = FixedRule()
    state = LineState(
        terms=Terms(expiry_date=date(2026, 11, 25)),
        data=data_allowance(total_gb=10, remaining_gb=2),
    )
    with pytest.raises(LineValueError) as err:
        record_data(state, rule, date(2026, 11, 26), remaining_gb=1)
    assert (err.value.key, err.value.placeholders) == (
        "pack_ended",
        {"pack_end": "2026-11-25"},
    )
    read = record_data(state, rule, date(2026, 11, 25), remaining_gb=1)
    assert read.data == data_allowance(total_gb=10, remaining_gb=1)
    rolling = RollingRule(validity_days=30)
    assert (
        record_data(state, rolling, date(2027, 1, 1), used_gb=10).data.remaining_gb == 0
    )
