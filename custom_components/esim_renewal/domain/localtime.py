"""Local calendar arithmetic: days, months and the instants they start."""

from calendar import monthrange
from datetime import UTC, date, datetime, time, timedelta, tzinfo


def zone_of(now: datetime) -> tzinfo:
    """Return the time zone of an aware datetime."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.tzinfo


def local_instant(day: date, time_of_day: time, zone: tzinfo) -> datetime:
    """Return the instant a local day reaches a time of day.

    Where a daylight-saving change skips that time, it is the instant the clocks
    jump past it, which the round trip through UTC finds.
    """
    return (
        datetime.combine(day, time_of_day, tzinfo=zone).astimezone(UTC).astimezone(zone)
    )


def start_of_day(day: date, zone: tzinfo) -> datetime:
    """Return the first instant of a calendar day in a time zone."""
    return local_instant(day, time(), zone)


def end_of_day(day: date, zone: tzinfo) -> datetime:
    """Return the instant a day is over: the start of the next one."""
    return start_of_day(day + timedelta(days=1), zone)


def add_months(day: date, months: int) -> date:
    """Return the same day some calendar months later, or that month's last day.

    31 August plus 6 months is 28 February (29 in a leap year).
    """
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))
