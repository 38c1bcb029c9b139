"""How a line lapses: suspended after its last safe day, then its number is lost.

Many carriers suspend a line after its last safe day and recycle the number
only when nothing is bought within a grace period (povo 30 days, Vodafone UK
90); others recycle it at once (giffgaff: a grace of 0 days). Where the number
is not at stake (a travel data pack) or the carrier does not say, the grace is
unknown (``None``) and the line stays expired.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class LineStatus(StrEnum):
    """Where a line stands on its way to expiry and beyond."""

    ACTIVE = "active"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"
    """Past its last safe day: suspended, and still recoverable."""
    LOST = "lost"
    """Past its grace period: the number is gone."""


def days_until(day: date, today: date) -> int:
    """Return the days left until a day: 0 on it, negative once past."""
    return (day - today).days


@dataclass(frozen=True, kw_only=True)
class Lapse:
    """The days that matter once a line is no longer renewed."""

    expiry_date: date
    """The last safe day."""
    grace_days: int | None = None
    """Days the number survives the last safe day; None when not known."""

    @property
    def last_recoverable_day(self) -> date | None:
        """Return the last day a renewal still saves the number, if known."""
        if self.grace_days is None:
            return None
        return self.expiry_date + timedelta(days=self.grace_days)

    @property
    def number_lost_on(self) -> date | None:
        """Return the first day the number is gone if nothing is done, if known."""
        last = self.last_recoverable_day
        return None if last is None else last + timedelta(days=1)

    def status(self, today: date, expiring_within: int | None) -> LineStatus:
        """Return the status on a day; expiring soon within some days of expiry."""
        if today > self.expiry_date:
            lost_on = self.number_lost_on
            if lost_on is not None and today >= lost_on:
                return LineStatus.LOST
            return LineStatus.EXPIRED
        if expiring_within is not None and (
            days_until(self.expiry_date, today) <= expiring_within
        ):
            return LineStatus.EXPIRING_SOON
        return LineStatus.ACTIVE
