"""Tests of the domain core, with plain values and no Home Assistant."""

import ast
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custom_components.esim_renewal import model
from custom_components.esim_renewal.model import (
    MAX_RENEWALS,
    DataAllowance,
    LineEventKind,
    LineState,
    LineStatus,
    LineValueError,
    ReminderPlan,
    Renewal,
    Validity,
    ValidityKind,
    billing_date,
    data_allowance,
    days_until,
    initial_expiry,
    lapse_instant,
    last_renewal_instant,
    line_events,
    line_status,
    monthly_period_end,
    normalize_phone_number,
    record_data,
    reminder_thresholds,
    renew,
    rolling_expiry,
    spending_in_year,
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
    assert snapshot.last_renewal_at == datetime(2026, 6, 9, tzinfo=TOKYO)


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


ROLLING_180 = Validity(kind=ValidityKind.ROLLING, validity_days=180)
MONTHLY_25 = Validity(kind=ValidityKind.MONTHLY, billing_day=25)
FIXED_PACK = Validity(kind=ValidityKind.FIXED, validity_days=30)
FIXED = Validity(kind=ValidityKind.FIXED)
TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("validity", "expiry", "renewed_on", "expected"),
    [
        # A rolling period restarts on the renewal day, early or late.
        (ROLLING_180, date(2026, 12, 5), date(2026, 11, 26), date(2027, 5, 24)),
        (ROLLING_180, date(2026, 10, 1), date(2026, 11, 20), date(2027, 5, 18)),
        # A monthly plan paid early pays for the next period...
        (MONTHLY_25, date(2026, 12, 24), date(2026, 11, 26), date(2027, 1, 24)),
        # ...paid on time or late, for the period containing the renewal day.
        (MONTHLY_25, date(2026, 11, 24), date(2026, 11, 25), date(2026, 12, 24)),
        (MONTHLY_25, date(2026, 9, 24), date(2026, 11, 26), date(2026, 12, 24)),
        # A fixed line takes its usual pack length.
        (FIXED_PACK, date(2026, 11, 30), date(2026, 11, 26), date(2026, 12, 25)),
    ],
)
def test_renew_with_the_line_rule(
    validity: Validity, expiry: date, renewed_on: date, expected: date
) -> None:
    """Each kind of line renews by its own rule."""
    state = renew(
        LineState(expiry_date=expiry),
        validity,
        today=TODAY,
        renewed_on=renewed_on,
    )
    assert state.expiry_date == expected
    assert state.last_renewal == renewed_on
    assert state.renewals == (Renewal(renewed_on=renewed_on, expiry_date=expected),)


def test_renew_with_explicit_expiry_or_days() -> None:
    """An explicit expiry wins over days, which win over the line's rule."""
    state = LineState(expiry_date=date(2026, 12, 5))
    assert renew(
        state,
        ROLLING_180,
        today=TODAY,
        renewed_on=TODAY,
        expiry_date=date(2027, 1, 1),
        validity_days=30,
    ).expiry_date == date(2027, 1, 1)
    renewed = renew(state, FIXED, today=TODAY, renewed_on=TODAY, validity_days=7.0)
    assert renewed.expiry_date == date(2026, 12, 2)
    assert renewed.renewals[0].validity_days == 7


def test_renew_refills_data_and_records_the_cost() -> None:
    """A renewal refills a known allowance and keeps what it cost."""
    state = LineState(
        expiry_date=date(2026, 12, 5),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    renewed_at = datetime(2026, 11, 26, 10, tzinfo=TOKYO)
    refilled = renew(
        state,
        ROLLING_180,
        today=TODAY,
        renewed_on=TODAY,
        renewed_at=renewed_at,
        cost=990,
        currency=" jpy ",
    )
    assert refilled.data == data_allowance(total_gb=10, remaining_gb=10)
    assert refilled.renewals[-1].cost == 990
    assert refilled.renewals[-1].currency == "JPY"
    assert refilled.renewals[-1].renewed_at == renewed_at

    bigger = renew(state, ROLLING_180, today=TODAY, renewed_on=TODAY, data_total_gb=20)
    assert bigger.data == data_allowance(total_gb=20, remaining_gb=20)

    unknown = LineState(expiry_date=date(2026, 12, 5))
    assert renew(unknown, ROLLING_180, today=TODAY, renewed_on=TODAY).data == (
        DataAllowance()
    )


def test_history_is_bounded() -> None:
    """Only the last renewals are kept, oldest first."""
    state = LineState(expiry_date=date(2026, 1, 1))
    for offset in range(MAX_RENEWALS + 5):
        day = date(2026, 1, 1) + timedelta(days=offset)
        state = renew(state, ROLLING_180, today=TODAY, renewed_on=day)
    assert len(state.renewals) == MAX_RENEWALS
    assert state.renewals[0].renewed_on == date(2026, 1, 6)
    assert state.renewals[-1].renewed_on == date(2026, 2, 24)


@pytest.mark.parametrize(
    ("validity", "kwargs", "field", "key"),
    [
        (
            ROLLING_180,
            {"renewed_on": date(2026, 11, 27)},
            "renewed_on",
            "renewal_in_future",
        ),
        (
            ROLLING_180,
            {"expiry_date": date(2026, 11, 1)},
            "expiry_date",
            "expiry_before_renewal",
        ),
        (FIXED, {}, "expiry_date", "renewal_needs_expiry"),
        (ROLLING_180, {"validity_days": 0}, "validity_days", "invalid_validity_days"),
        (ROLLING_180, {"cost": -1}, "cost", "invalid_cost"),
        (ROLLING_180, {"cost": float("nan")}, "cost", "invalid_cost"),
        (ROLLING_180, {"currency": "yen!"}, "currency", "invalid_currency"),
        (ROLLING_180, {"data_total_gb": -2}, "data_total_gb", "invalid_data_amount"),
    ],
)
def test_renew_rejects(
    validity: Validity, kwargs: dict[str, Any], field: str, key: str
) -> None:
    """A renewal that cannot be true says which input is wrong."""
    with pytest.raises(LineValueError) as err:
        renew(
            LineState(expiry_date=date(2026, 12, 5)),
            validity,
            today=TODAY,
            **{"renewed_on": TODAY, **kwargs},
        )
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
def test_record_data(reading: dict[str, float], expected: tuple[float, ...]) -> None:
    """A reading updates what it gives; the rest follows."""
    state = LineState(
        expiry_date=date(2026, 12, 5),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    data = record_data(state, **reading).data
    assert (data.total_gb, data.remaining_gb, data.used_gb) == expected


def test_record_data_without_a_known_use() -> None:
    """A new allowance on a line with only a remaining reading keeps it."""
    state = LineState(
        expiry_date=date(2026, 12, 5), data=data_allowance(remaining_gb=2)
    )
    data = record_data(state, total_gb=5).data
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
def test_record_data_rejects(
    data: DataAllowance, reading: dict[str, float], key: str
) -> None:
    """Impossible readings are refused."""
    with pytest.raises(LineValueError) as err:
        record_data(LineState(expiry_date=date(2026, 12, 5), data=data), **reading)
    assert err.value.key == key


def test_unlimited_plan_can_become_limited() -> None:
    """Giving an allowance to an unlimited plan starts tracking amounts."""
    state = LineState(expiry_date=date(2026, 12, 5), data=DataAllowance(unlimited=True))
    data = record_data(state, total_gb=30, remaining_gb=30).data
    assert (data.total_gb, data.remaining_gb, data.unlimited) == (30, 30, False)


def test_last_renewal_instant() -> None:
    """The last renewal is exact when it was recorded now, else its day's start."""
    renewed_at = datetime(2026, 11, 26, 14, 3, tzinfo=TOKYO)
    state = renew(
        LineState(expiry_date=date(2026, 12, 5)),
        ROLLING_180,
        today=TODAY,
        renewed_on=TODAY,
        renewed_at=renewed_at,
    )
    assert last_renewal_instant(state, TOKYO) == renewed_at
    by_day = renew(state, ROLLING_180, today=TODAY, renewed_on=date(2026, 11, 20))
    assert last_renewal_instant(by_day, TOKYO) == datetime(2026, 11, 20, tzinfo=TOKYO)
    assert last_renewal_instant(LineState(expiry_date=TODAY), TOKYO) is None


def test_spending_in_year() -> None:
    """Costs add up per currency for the calendar year only."""
    renewals = [
        Renewal(
            renewed_on=date(2025, 12, 31), expiry_date=TODAY, cost=100, currency="JPY"
        ),
        Renewal(
            renewed_on=date(2026, 1, 1), expiry_date=TODAY, cost=990, currency="JPY"
        ),
        Renewal(
            renewed_on=date(2026, 6, 9), expiry_date=TODAY, cost=0.1, currency="JPY"
        ),
        Renewal(
            renewed_on=date(2026, 6, 9), expiry_date=TODAY, cost=10, currency="GBP"
        ),
        Renewal(renewed_on=date(2026, 7, 1), expiry_date=TODAY),
    ]
    assert spending_in_year(renewals, 2026) == {"JPY": 990.1, "GBP": 10}
    assert spending_in_year([], 2026) == {}


def test_line_events() -> None:
    """A line's calendar: renewals, reminder days before expiry, then expiry."""
    state = LineState(
        expiry_date=date(2026, 12, 5),
        renewals=(Renewal(renewed_on=date(2026, 6, 9), expiry_date=date(2026, 12, 5)),),
    )
    events = line_events(state, ReminderPlan(days=(30, 7, 1, 0)))
    assert [(event.kind, event.day, event.days_left) for event in events] == [
        (LineEventKind.RENEWAL, date(2026, 6, 9), None),
        (LineEventKind.REMINDER, date(2026, 11, 5), 30),
        (LineEventKind.REMINDER, date(2026, 11, 28), 7),
        (LineEventKind.REMINDER, date(2026, 12, 4), 1),
        (LineEventKind.EXPIRY, date(2026, 12, 5), None),
    ]


def test_state_with_history_round_trip() -> None:
    """The history survives being stored."""
    state = renew(
        LineState(expiry_date=date(2026, 12, 5)),
        ROLLING_180,
        today=TODAY,
        renewed_on=TODAY,
        renewed_at=datetime(2026, 11, 26, 14, 3, tzinfo=TOKYO),
        cost=990,
        currency="JPY",
    )
    assert state_from_dict(state_to_dict(state)) == state
