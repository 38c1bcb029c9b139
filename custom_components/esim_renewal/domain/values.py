"""Checks of the raw values a user gives: whole days, amounts, dates, currencies.

Every bound a value may take is set here, in one place, and listed in the
README. They keep each date a user gives or a rule computes far from the ends
of the calendar, so no day arithmetic can overflow.
"""

from collections.abc import Collection, Iterable
from datetime import date
import math

from .localtime import add_months

MAX_DAYS = 3650
MAX_REMINDER_DAYS = 365
# A day the user gives or a rule computes lies within this many years of
# today: a renewal no earlier, a last safe day no later.
MAX_YEARS = 10
# The most money one amount can be: a cost, a top-up, a balance or a fee.
MAX_MONEY = 100_000_000
# The most data one amount can be, in GB.
MAX_DATA_GB = 10_000
# The days a stored state may hold. A store written by hand, or by a release
# without bounds, may hold any day; only these are read.
EARLIEST_STORED_DAY = date(1900, 1, 1)
LATEST_STORED_DAY = date(2999, 12, 31)

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
    """Return an amount of money: a finite number from 0 (or above 0) to the most."""
    if (
        value is None
        or isinstance(value, bool)
        or not math.isfinite(value)
        or value < 0
        or (positive and value == 0)
        or value > MAX_MONEY
    ):
        raise LineValueError(field, f"invalid_{field}")
    return float(value)


def currency_code(value: str, currencies: Collection[str]) -> str:
    """Return a currency as its upper-case ISO 4217 code, such as JPY.

    The codes there are come from the caller: the core keeps no list of them.
    """
    code = value.strip().upper()
    if code not in currencies:
        raise LineValueError("currency", "invalid_currency")
    return code


def earliest_day(today: date) -> date:
    """Return the earliest day a user may give: ``MAX_YEARS`` before today."""
    return add_months(today, -12 * MAX_YEARS)


def latest_day(today: date) -> date:
    """Return the latest last safe day there may be: ``MAX_YEARS`` after today."""
    return add_months(today, 12 * MAX_YEARS)


def day_within_bounds(field: str, day: date, today: date) -> date:
    """Return a day no earlier than ``earliest_day`` and no later than ``latest_day``.

    A day out of them is refused on its field, naming the bound it broke.
    """
    if day < (earliest := earliest_day(today)):
        raise LineValueError(field, "date_too_early", earliest=earliest.isoformat())
    if day > (latest := latest_day(today)):
        raise LineValueError(field, "date_too_late", latest=latest.isoformat())
    return day


def is_stored_day(day: date) -> bool:
    """Return whether a stored day is one a state may hold."""
    return EARLIEST_STORED_DAY <= day <= LATEST_STORED_DAY


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
