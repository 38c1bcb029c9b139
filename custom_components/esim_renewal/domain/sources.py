"""What other devices tell a line: data counters, remaining data, uses, expiry.

A line can follow entities the user already has. These are the rules for
reading them; the line keeps the last value it took from each source, so a
value seen again (after a restart) is not news.
"""

from datetime import date, datetime, timedelta

# An expiry "until 23:59:59" means the whole day.
_EXPIRY_SLACK = timedelta(minutes=1)
# A counter that only grows and reads less than this share of its last value
# was reset; less of a drop is a dip, as Home Assistant's statistics take it.
_RESET_SHARE = 0.9


def counter_reading(last: float | None, value: float) -> tuple[float, float]:
    """Return what a data counter counted since its last reading, and its baseline.

    The first reading only sets the baseline. A counter lower than before by
    less than 10 % dipped: it counted nothing, and the baseline stays. Lower
    still, it was reset (a phone starts counting again at boot) and counted
    its value since.
    """
    if last is None:
        return 0.0, value
    if value >= last:
        return value - last, value
    if value >= _RESET_SHARE * last:
        return 0.0, last
    return value, value


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
