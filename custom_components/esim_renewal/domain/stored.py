"""Read stored values, each checked for its type.

A store file may have been edited by hand, or written by a release with other
rules: nothing in it is taken on trust. A reader raises ``TypeError`` or
``ValueError`` for a value it cannot read; ``Records`` reads many records,
leaving out and counting those that are malformed.
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime
import math
from typing import Any

from .values import is_stored_day


class Records:
    """Read records one by one, leaving out and counting those that are malformed."""

    def __init__(self) -> None:
        """Start with nothing left out."""
        self.dropped = 0

    def one[T](self, value: object, read: Callable[[Any], T]) -> T | None:
        """Return a record, or None when it is missing or malformed."""
        if value is None:
            return None
        try:
            return read(value)
        except AttributeError, KeyError, TypeError, ValueError:
            self.dropped += 1
            return None

    def each[T](self, values: object, read: Callable[[Any], T]) -> list[T]:
        """Return the records of a list that can be read."""
        if not isinstance(values, list):
            self.dropped += values is not None
            return []
        records: list[T] = []
        for value in values:
            try:
                records.append(read(value))
            except AttributeError, KeyError, TypeError, ValueError:
                self.dropped += 1
        return records

    def items[K, V](
        self,
        values: object,
        read_key: Callable[[Any], K],
        read_value: Callable[[Any], V],
    ) -> dict[K, V]:
        """Return the entries of a mapping whose key and value can be read."""
        if not isinstance(values, Mapping):
            self.dropped += values is not None
            return {}
        entries: dict[K, V] = {}
        for key, value in values.items():
            try:
                entries[read_key(key)] = read_value(value)
            except AttributeError, KeyError, TypeError, ValueError:
                self.dropped += 1
        return entries

    def spending(self, values: object) -> dict[int, dict[str, float]]:
        """Return the yearly totals by currency that can be read."""
        by_year = {
            each: self.items(by_currency, currency, amount)
            for each, by_currency in self.items(values, year, mapping).items()
        }
        return {each: totals for each, totals in by_year.items() if totals}


def optional[T](read: Callable[[Any], T], value: object) -> T | None:
    """Return a value read, or None when none is stored."""
    return None if value is None else read(value)


def mapping(value: object) -> Mapping[str, Any]:
    """Return a stored mapping."""
    if not isinstance(value, Mapping):
        raise TypeError(f"Not a mapping: {value!r}")
    return value


def stored_list(value: object) -> list[Any]:
    """Return a stored list."""
    if not isinstance(value, list):
        raise TypeError(f"Not a list: {value!r}")
    return value


def text(value: object) -> str:
    """Return a stored string."""
    if not isinstance(value, str):
        raise TypeError(f"Not a string: {value!r}")
    return value


def number(value: object) -> float:
    """Return a stored finite number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"Not a number: {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"Not a finite number: {value!r}")
    return float(value)


def amount(value: object) -> float:
    """Return a stored amount: a finite number, 0 or more."""
    if (read := number(value)) < 0:
        raise ValueError(f"A negative amount: {value!r}")
    return read


def whole(value: object) -> int:
    """Return a stored whole number, 0 or more."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise TypeError(f"Not a whole number: {value!r}")
    return value


def year(value: object) -> int:
    """Return a stored year, kept as its digits."""
    year = int(text(value))
    if not is_stored_day(date(year, 1, 1)):
        raise ValueError(f"A year out of range: {value!r}")
    return year


def currency(value: object) -> str:
    """Return a stored currency: an upper-case three-letter code."""
    code = text(value)
    if not (len(code) == 3 and code.isascii() and code.isupper()):
        raise ValueError(f"Not a currency code: {value!r}")
    return code


def day(value: object) -> date:
    """Return a stored day within the days a state may hold."""
    day = date.fromisoformat(text(value))
    if not is_stored_day(day):
        raise ValueError(f"A day out of range: {value!r}")
    return day


def instant(value: object) -> datetime:
    """Return a stored instant, which must name its time zone."""
    instant = datetime.fromisoformat(text(value))
    if instant.tzinfo is None:
        raise ValueError(f"An instant without a time zone: {value!r}")
    if not is_stored_day(instant.date()):
        raise ValueError(f"An instant out of range: {value!r}")
    return instant
