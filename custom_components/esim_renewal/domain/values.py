"""Checks of the raw values a user gives: whole days, amounts, numbers, currencies."""

from collections.abc import Iterable
import math

MAX_DAYS = 3650
MAX_REMINDER_DAYS = 365

# The whole-number settings of a line, with the range each may take.
SETTING_BOUNDS: dict[str, tuple[int, int]] = {
    "validity_days": (1, MAX_DAYS),
    "validity_months": (1, 120),
    "billing_day": (1, 31),
    "pack_days": (1, MAX_DAYS),
    "max_validity_days": (1, MAX_DAYS),
    "fee_period_days": (1, MAX_DAYS),
    "grace_days": (0, MAX_DAYS),
}


class LineValueError(ValueError):
    """A value breaks one of a line's rules.

    ``field`` names the offending input and ``key`` the broken rule. The config
    flow shows ``key`` as the field's translated error, and actions raise it as
    their translation key with ``placeholders``.
    """

    def __init__(self, field: str, key: str, **placeholders: str) -> None:
        """Record which input broke which rule."""
        super().__init__(f"{field}: {key}")
        self.field = field
        self.key = key
        self.placeholders = placeholders


def whole(value: float | None, low: int, high: int, field: str) -> int:
    """Return a value as a whole number within bounds, or raise for its field."""
    if (
        value is None
        or isinstance(value, bool)
        or not math.isfinite(value)
        or not float(value).is_integer()
        or not low <= value <= high
    ):
        raise LineValueError(field, f"invalid_{field}")
    return int(value)


def optional_whole(value: float | None, low: int, high: int, field: str) -> int | None:
    """Return an optional value as a whole number within bounds."""
    return None if value is None else whole(value, low, high, field)


def setting(field: str, value: float | None) -> int:
    """Return a whole-number setting within its range, or raise for its field."""
    low, high = SETTING_BOUNDS[field]
    return whole(value, low, high, field)


def optional_setting(field: str, value: float | None) -> int | None:
    """Return an optional whole-number setting within its range."""
    return None if value is None else setting(field, value)


def amount(value: float | None, field: str, *, positive: bool = False) -> float:
    """Return an amount of money or data: a finite number, 0 or more (or above 0)."""
    if (
        value is None
        or isinstance(value, bool)
        or not math.isfinite(value)
        or value < 0
        or (positive and value == 0)
    ):
        raise LineValueError(field, f"invalid_{field}")
    return float(value)


def currency_code(value: str) -> str:
    """Return a currency as an upper-case three-letter code, such as JPY."""
    code = value.strip().upper()
    if not (len(code) == 3 and code.isascii() and code.isalpha()):
        raise LineValueError("currency", "invalid_currency")
    return code


def normalize_phone_number(number: str) -> str:
    """Return a phone number as its digits, with a leading + kept.

    Spaces, dashes, dots and brackets are dropped; anything else, or fewer than 4
    or more than 15 digits (the E.164 limit), is not a phone number.
    """
    stripped = number.strip()
    international = stripped.startswith("+")
    digits = stripped.removeprefix("+")
    for separator in " -.()":
        digits = digits.replace(separator, "")
    if not (digits.isascii() and digits.isdigit() and 4 <= len(digits) <= 15):
        raise LineValueError("phone_number", "invalid_phone_number")
    return f"+{digits}" if international else digits


def reminder_thresholds(values: Iterable[float | str]) -> tuple[int, ...]:
    """Return reminder thresholds as whole days, largest first, each once."""
    days: set[int] = set()
    for value in values:
        try:
            number = float(value)
        except ValueError:
            raise LineValueError("reminder_days", "invalid_reminder_days") from None
        days.add(whole(number, 0, MAX_REMINDER_DAYS, "reminder_days"))
    return tuple(sorted(days, reverse=True))
