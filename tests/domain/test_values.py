"""Tests of the checks of raw values."""

import pytest

from custom_components.esim_renewal.domain.values import (
    LineValueError,
    amount,
    currency_code,
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
    for value, positive in (
        (-1, False),
        (float("inf"), False),
        (0, True),
        (None, False),
    ):
        with pytest.raises(LineValueError) as err:
            amount(value, "fee", positive=positive)
        assert err.value.key == "invalid_fee"


def test_currency_code() -> None:
    """A currency is a three-letter code, whatever its case and spacing."""
    assert currency_code(" jpy ") == "JPY"
    with pytest.raises(LineValueError) as err:
        currency_code("yen!")
    assert (err.value.field, err.value.key) == ("currency", "invalid_currency")
