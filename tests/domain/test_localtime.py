"""Tests of local calendar arithmetic."""

from datetime import date, datetime, time

import pytest

from .conftest import SANTIAGO, TOKYO
from custom_components.esim_renewal.domain.localtime import (
    add_months,
    end_of_day,
    local_instant,
    start_of_day,
    zone_of,
)


def test_start_and_end_of_a_normal_day() -> None:
    """A day starts at local midnight and ends at the next one."""
    assert start_of_day(date(2026, 12, 6), TOKYO) == datetime(2026, 12, 6, tzinfo=TOKYO)
    assert end_of_day(date(2026, 12, 5), TOKYO).isoformat() == (
        "2026-12-06T00:00:00+09:00"
    )


def test_start_of_day_when_daylight_saving_skips_midnight() -> None:
    """In Santiago clocks jump from 00:00 to 01:00; the day starts at 01:00."""
    start = start_of_day(date(2026, 9, 6), SANTIAGO)
    assert start.isoformat() == "2026-09-06T01:00:00-03:00"
    assert local_instant(date(2026, 9, 6), time(0, 30), SANTIAGO).hour == 1


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 6, date(2026, 7, 15)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 12, 31), 1, date(2027, 1, 31)),
        (date(2026, 3, 31), -1, date(2026, 2, 28)),
        (date(2026, 1, 10), -1, date(2025, 12, 10)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    """Calendar months keep the day, or fall on a shorter month's last day."""
    assert add_months(day, months) == expected


def test_zone_of_needs_an_aware_time() -> None:
    """A naive datetime has no local calendar."""
    assert zone_of(datetime(2026, 1, 1, tzinfo=TOKYO)) is TOKYO
    with pytest.raises(ValueError, match="timezone-aware"):
        zone_of(datetime(2026, 11, 26, 10))  # noqa: DTZ001
