"""What other devices tell a line: data counters, remaining data, uses, expiry.

A line can follow entities the user already has. These are the rules for
reading them; the line keeps the last value it took from each source, so a
value seen again (after a restart) is not news.
"""

from datetime import date, datetime, timedelta

# An expiry "until 23:59:59" means the whole day.
_EXPIRY_SLACK = timedelta(minutes=1)


def counter_increase(last: float | None, value: float) -> float:
    """Return what a data counter counted since its last reading.

    The first reading only sets the baseline. A counter lower than before was
    reset (a phone starts counting again at boot) and counted its value since,
    as Home Assistant's utility meter takes it.
    """
    if last is None:
        return 0.0
    if value >= last:
        return value - last
    return value


def is_new_use(last: str | None, value: str) -> bool:
    """Return whether a source's new value shows that the line was used.

    Any new value does (a counter that grew, a new "last SMS sent", an event),
    except a number lower than the last: a counter that was reset. The first
    value seen is where the source stood when it was linked, not a use.
    """
    if last is None or value == last:
        return False
    try:
        return float(value) > float(last)
    except ValueError:
        return True


def last_safe_day_before(instant: datetime) -> date:
    """Return the last whole local day before a line stops at an instant.

    A line that stops at 18:00 is not safe all of that day; one that stops at
    midnight, or a minute before, is.
    """
    return (instant + _EXPIRY_SLACK).date() - timedelta(days=1)
