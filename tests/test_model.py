"""Tests of the domain core, with plain values and no Home Assistant."""

import ast
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from custom_components.esim_renewal import model
from custom_components.esim_renewal.model import (
    DataAllowance,
    LineState,
    LineStatus,
    LineValueError,
    ReminderPlan,
    Validity,
    ValidityKind,
    billing_date,
    data_allowance,
    days_until,
    initial_expiry,
    lapse_instant,
    line_status,
    monthly_period_end,
    normalize_phone_number,
    reminder_thresholds,
    rolling_expiry,
    start_of_day,
    state_from_dict,
    state_to_dict,
    take_snapshot,
    validity_rule,
)

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
SANTIAGO = ZoneInfo("America/Santiago")
DOMAIN_CORE = Path(model.__file__).parent


@pytest.mark.parametrize("module", ["model.py", "carriers.py"])
def test_domain_core_imports_no_home_assistant(module: str) -> None:
    """The domain core stands on its own."""
    tree = ast.parse((DOMAIN_CORE / module).read_text())
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    } | {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert not {name for name in imported if name.startswith("homeassistant")}


@pytest.mark.parametrize(
    ("renewed_on", "days", "expected"),
    [
        (date(2026, 1, 1), 180, date(2026, 6, 29)),
        (date(2026, 6, 9), 180, date(2026, 12, 5)),
        (date(2026, 11, 26), 1, date(2026, 11, 26)),
        # 2028 is a leap year: 29 February counts as a day.
        (date(2028, 2, 1), 30, date(2028, 3, 1)),
        (date(2027, 2, 1), 30, date(2027, 3, 2)),
    ],
)
def test_rolling_expiry(renewed_on: date, days: int, expected: date) -> None:
    """The renewal day is the first day of a rolling period."""
    assert rolling_expiry(renewed_on, days) == expected


@pytest.mark.parametrize(
    ("year", "month", "billing_day", "expected"),
    [
        (2026, 1, 31, date(2026, 1, 31)),
        (2026, 4, 31, date(2026, 4, 30)),
        (2026, 2, 30, date(2026, 2, 28)),
        (2028, 2, 30, date(2028, 2, 29)),
        (2026, 2, 15, date(2026, 2, 15)),
    ],
)
def test_billing_date_falls_back_to_month_end(
    year: int, month: int, billing_day: int, expected: date
) -> None:
    """Day 31 in a 30-day month and February fall on the month's last day."""
    assert billing_date(year, month, billing_day) == expected


@pytest.mark.parametrize(
    ("billing_day", "today", "expected"),
    [
        (1, date(2026, 11, 26), date(2026, 11, 30)),
        (25, date(2026, 11, 26), date(2026, 12, 24)),
        (25, date(2026, 11, 25), date(2026, 12, 24)),
        (25, date(2026, 11, 24), date(2026, 11, 24)),
        (31, date(2026, 1, 31), date(2026, 2, 27)),
        (31, date(2026, 2, 28), date(2026, 3, 30)),
        (31, date(2026, 2, 27), date(2026, 2, 27)),
        (31, date(2028, 2, 29), date(2028, 3, 30)),
        (15, date(2026, 12, 20), date(2027, 1, 14)),
        (15, date(2027, 1, 3), date(2027, 1, 14)),
    ],
)
def test_monthly_period_end(billing_day: int, today: date, expected: date) -> None:
    """A billing period ends the day before the next billing date."""
    assert monthly_period_end(billing_day, today) == expected


def test_initial_expiry_of_each_kind() -> None:
    """Each kind of validity gives the line's first expiry date."""
    today = date(2026, 11, 26)
    assert initial_expiry(
        validity_rule("fixed"), today=today, expiry_date=date(2026, 12, 20)
    ) == date(2026, 12, 20)
    assert initial_expiry(
        validity_rule("rolling", validity_days=180),
        today=today,
        last_renewal=date(2026, 6, 9),
    ) == date(2026, 12, 5)
    assert initial_expiry(validity_rule("monthly", billing_day=1), today=today) == date(
        2026, 11, 30
    )


@pytest.mark.parametrize(
    ("validity", "kwargs", "field", "key"),
    [
        (Validity(kind=ValidityKind.FIXED), {}, "expiry_date", "missing_expiry_date"),
        (
            Validity(kind=ValidityKind.ROLLING, validity_days=30),
            {},
            "last_renewal",
            "missing_last_renewal",
        ),
        (
            Validity(kind=ValidityKind.ROLLING, validity_days=30),
            {"last_renewal": date(2026, 11, 27)},
            "last_renewal",
            "last_renewal_in_future",
        ),
        (Validity(kind=ValidityKind.MONTHLY), {}, "validity", "invalid_validity"),
    ],
)
def test_initial_expiry_errors(
    validity: Validity, kwargs: dict[str, date], field: str, key: str
) -> None:
    """A line that cannot have an expiry date says which input is wrong."""
    with pytest.raises(LineValueError) as err:
        initial_expiry(validity, today=date(2026, 11, 26), **kwargs)
    assert (err.value.field, err.value.key) == (field, key)


@pytest.mark.parametrize(
    ("kind", "kwargs", "field"),
    [
        ("rolling", {}, "validity_days"),
        ("rolling", {"validity_days": 0}, "validity_days"),
        ("rolling", {"validity_days": 1.5}, "validity_days"),
        ("rolling", {"validity_days": 3651}, "validity_days"),
        ("rolling", {"validity_days": float("nan")}, "validity_days"),
        ("fixed", {"validity_days": -3}, "validity_days"),
        ("monthly", {}, "billing_day"),
        ("monthly", {"billing_day": 0}, "billing_day"),
        ("monthly", {"billing_day": 32}, "billing_day"),
        ("monthly", {"billing_day": True}, "billing_day"),
    ],
)
def test_validity_rule_rejects(kind: str, kwargs: dict[str, float], field: str) -> None:
    """A validity rule needs whole days in range."""
    with pytest.raises(LineValueError) as err:
        validity_rule(kind, **kwargs)
    assert (err.value.field, err.value.key) == (field, f"invalid_{field}")


def test_validity_rule_accepts_whole_floats() -> None:
    """Numbers from the UI arrive as floats; whole ones become ints."""
    rule = validity_rule("rolling", validity_days=180.0)
    assert rule == Validity(kind=ValidityKind.ROLLING, validity_days=180)
    assert isinstance(rule.validity_days, int)
    assert validity_rule("monthly", billing_day=31.0).billing_day == 31
    assert validity_rule("fixed") == Validity(kind=ValidityKind.FIXED)


@pytest.mark.parametrize(
    ("expiry", "today", "days"),
    [
        (date(2026, 12, 5), date(2026, 11, 26), 9),
        (date(2026, 12, 5), date(2026, 12, 5), 0),
        (date(2026, 12, 5), date(2026, 12, 6), -1),
        (date(2028, 3, 1), date(2028, 2, 28), 2),
    ],
)
def test_days_until(expiry: date, today: date, days: int) -> None:
    """Days are 0 on the expiry date and negative once lapsed."""
    assert days_until(expiry, today) == days


@pytest.mark.parametrize(
    ("days_left", "thresholds", "status"),
    [
        (31, (30, 7, 1), LineStatus.ACTIVE),
        (30, (30, 7, 1), LineStatus.EXPIRING_SOON),
        (0, (30, 7, 1), LineStatus.EXPIRING_SOON),
        (-1, (30, 7, 1), LineStatus.EXPIRED),
        (0, (), LineStatus.ACTIVE),
        (0, (0,), LineStatus.EXPIRING_SOON),
        (-5, (), LineStatus.EXPIRED),
    ],
)
def test_line_status(
    days_left: int, thresholds: tuple[int, ...], status: LineStatus
) -> None:
    """A line is expiring soon within its largest reminder threshold."""
    assert line_status(days_left, thresholds) is status


def test_start_of_day_on_a_normal_day() -> None:
    """A day starts at local midnight."""
    assert start_of_day(date(2026, 12, 6), TOKYO) == datetime(2026, 12, 6, tzinfo=TOKYO)
    assert lapse_instant(date(2026, 12, 5), TOKYO).isoformat() == (
        "2026-12-06T00:00:00+09:00"
    )


def test_start_of_day_when_daylight_saving_skips_midnight() -> None:
    """In Santiago clocks jump from 00:00 to 01:00; the day starts at 01:00."""
    start = start_of_day(date(2026, 9, 6), SANTIAGO)
    assert start.isoformat() == "2026-09-06T01:00:00-03:00"


def test_snapshot_of_a_line() -> None:
    """A snapshot answers every question the entities ask."""
    state = LineState(
        expiry_date=date(2026, 12, 5),
        last_renewal=date(2026, 6, 9),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    now = datetime(2026, 11, 26, 10, tzinfo=TOKYO)
    snapshot = take_snapshot(state, ReminderPlan(), now)
    assert snapshot.days_until_expiry == 9
    assert snapshot.status is LineStatus.EXPIRING_SOON
    assert snapshot.expires_at == datetime(2026, 12, 6, tzinfo=TOKYO)
    assert snapshot.next_change == datetime(2026, 11, 27, tzinfo=TOKYO)
    assert snapshot.data.used_gb == 7.7
    assert snapshot.last_renewal == date(2026, 6, 9)


def test_snapshot_across_a_daylight_saving_change() -> None:
    """The day after the clocks go back is 25 hours long; midnight stays midnight."""
    state = LineState(expiry_date=date(2026, 11, 2))
    now = datetime(2026, 10, 31, 23, 30, tzinfo=NEW_YORK)
    snapshot = take_snapshot(state, ReminderPlan(days=()), now)
    assert snapshot.next_change == datetime(2026, 11, 1, tzinfo=NEW_YORK)
    later = take_snapshot(state, ReminderPlan(days=()), snapshot.next_change)
    assert later.days_until_expiry == 1
    assert later.next_change == datetime(2026, 11, 2, tzinfo=NEW_YORK)
    elapsed = later.next_change.astimezone(UTC) - snapshot.next_change.astimezone(UTC)
    assert elapsed.total_seconds() == 25 * 3600
    assert later.expires_at == datetime(2026, 11, 3, tzinfo=NEW_YORK)


def test_snapshot_needs_an_aware_time() -> None:
    """A naive datetime has no local calendar."""
    with pytest.raises(ValueError, match="timezone-aware"):
        take_snapshot(
            LineState(expiry_date=date(2026, 12, 5)),
            ReminderPlan(),
            datetime(2026, 11, 26, 10),  # noqa: DTZ001
        )


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


def test_unlimited_data_has_no_amounts() -> None:
    """An unlimited plan ignores amounts."""
    assert data_allowance(total_gb=10, remaining_gb=3, unlimited=True) == (
        DataAllowance(unlimited=True)
    )


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
    ("number", "normalized"),
    [
        ("+81 80-1234-5678", "+818012345678"),
        ("080 (1234) 5678", "08012345678"),
        ("07700.900123", "07700900123"),
        ("1234", "1234"),
    ],
)
def test_normalize_phone_number(number: str, normalized: str) -> None:
    """Separators go; digits and a leading + stay."""
    assert normalize_phone_number(number) == normalized


@pytest.mark.parametrize(
    "number", ["123", "+1234567890123456", "080-ABCD-5678", "++81 80", "٠٨٠١٢٣٤٥٦٧٨"]
)
def test_normalize_phone_number_rejects(number: str) -> None:
    """Letters, too few or too many digits are not a phone number."""
    with pytest.raises(LineValueError) as err:
        normalize_phone_number(number)
    assert err.value.key == "invalid_phone_number"


def test_reminder_thresholds() -> None:
    """Thresholds become whole days, largest first, each once."""
    assert reminder_thresholds(["1", "30", 7, 30.0, "0"]) == (30, 7, 1, 0)
    assert reminder_thresholds([]) == ()


@pytest.mark.parametrize("value", ["soon", "1.5", -1, 366])
def test_reminder_thresholds_reject(value: str | int) -> None:
    """A threshold is a whole day from 0 to 365."""
    with pytest.raises(LineValueError) as err:
        reminder_thresholds([value])
    assert (err.value.field, err.value.key) == (
        "reminder_days",
        "invalid_reminder_days",
    )


def test_state_round_trip() -> None:
    """A state survives being stored."""
    state = LineState(
        expiry_date=date(2026, 12, 5),
        last_renewal=date(2026, 6, 9),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    assert state_from_dict(state_to_dict(state)) == state
    bare = LineState(expiry_date=date(2026, 12, 20))
    assert state_from_dict(state_to_dict(bare)) == bare


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


def test_default_reminder_plan() -> None:
    """Reminders default to 30, 7 and 1 days before expiry at 09:00."""
    plan = ReminderPlan()
    assert plan.days == (30, 7, 1)
    assert plan.time_of_day == time(9, 0)
    assert plan.data_low_gb is None
