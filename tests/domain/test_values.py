"""Tests of the checks of raw values."""

from datetime import date

import pytest

from .conftest import CURRENCIES
from custom_components.esim_renewal.domain.values import (
    MAX_MONEY,
    LineValueError,
    amount,
    currency_code,
    day_within_bounds,
    earliest_day,
    latest_day,
    normalize_phone_number,
    reminder_thresholds,
    whole,
)


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


@pytest.mark.parametrize("value", [None, 0, 1.5, 11, float("nan"), True])
def test_whole_rejects(value: float | None) -> None:
    """A whole number in range, or the field's own error."""
    with pytest.raises(LineValueError) as err:
        whole(value, 1, 10, "pack_days")
    assert (err.value.field, err.value.key) == ("pack_days", "invalid_pack_days")


def test_whole_accepts_whole_floats() -> None:
    """Numbers from the UI arrive as floats; whole ones become ints."""
    assert whole(7.0, 1, 10, "pack_days") == 7
    assert isinstance(whole(7.0, 1, 10, "pack_days"), int)


def test_amount() -> None:
    """Amounts are finite and not negative; some must be above zero."""
    assert amount(0, "balance") == 0
    assert amount(3, "fee", positive=True) == 3
    assert amount(MAX_MONEY, "fee") == MAX_MONEY
    for value, positive in (
        (-1, False),
        (float("inf"), False),
        (0, True),
        (None, False),
        (MAX_MONEY + 0.01, False),
        (99_999_999_999, False),
    ):
        with pytest.raises(LineValueError) as err:
            amount(value, "fee", positive=positive)
        assert err.value.key == "invalid_fee"


def test_currency_code() -> None:
    """A currency is an ISO 4217 code, whatever its case and spacing."""
    assert currency_code(" jpy ", CURRENCIES) == "JPY"
    for value in ("yen!", "yen", "円", ""):
        with pytest.raises(LineValueError) as err:
            currency_code(value, CURRENCIES)
        assert (err.value.field, err.value.key) == ("currency", "invalid_currency")


def test_days_within_ten_years() -> None:
    """A day the user gives is within 10 years of today, a leap day included."""
    today = date(2028, 2, 29)
    assert (earliest_day(today), latest_day(today)) == (
        date(2018, 2, 28),
        date(2038, 2, 28),
    )
    assert day_within_bounds("expiry_date", date(2038, 2, 28), today)
    for day, key, placeholders in (
        (date(2038, 3, 1), "date_too_late", {"latest": "2038-02-28"}),
        (date.max, "date_too_late", {"latest": "2038-02-28"}),
        (date(2018, 2, 27), "date_too_early", {"earliest": "2018-02-28"}),
        (date.min, "date_too_early", {"earliest": "2018-02-28"}),
    ):
        with pytest.raises(LineValueError) as err:
            day_within_bounds("expiry_date", day, today)
        assert (err.value.field, err.value.key) == ("expiry_date", key)
        assert err.value.placeholders == placeholders
