"""Tests of how a line lapses: suspended, then its number lost."""

from datetime import date

import pytest

from custom_components.esim_renewal.domain.lapse import Lapse, LineStatus, days_until

POVO = Lapse(expiry_date=date(2027, 4, 29), grace_days=30)


def test_povo_stages() -> None:
    """povo: safe through 29 April, suspended from 30 April, lost from 30 May."""
    assert POVO.last_recoverable_day == date(2027, 5, 29)
    assert POVO.number_lost_on == date(2027, 5, 30)
    assert POVO.status(date(2027, 4, 29), 30) is LineStatus.EXPIRING_SOON
    assert POVO.status(date(2027, 4, 30), 30) is LineStatus.EXPIRED
    assert POVO.status(date(2027, 5, 29), 30) is LineStatus.EXPIRED
    assert POVO.status(date(2027, 5, 30), 30) is LineStatus.LOST


def test_no_grace_loses_the_number_at_once() -> None:
    """Giffgaff recycles the number the day after the last safe day."""
    lapse = Lapse(expiry_date=date(2027, 2, 28), grace_days=0)
    assert lapse.number_lost_on == date(2027, 3, 1)
    assert lapse.status(date(2027, 2, 28), None) is LineStatus.ACTIVE
    assert lapse.status(date(2027, 3, 1), None) is LineStatus.LOST


def test_unknown_grace_stays_expired() -> None:
    """A travel pack, or a carrier that does not say, never reads as lost."""
    lapse = Lapse(expiry_date=date(2026, 12, 20))
    assert lapse.last_recoverable_day is None
    assert lapse.number_lost_on is None
    assert lapse.status(date(2030, 1, 1), 7) is LineStatus.EXPIRED


@pytest.mark.parametrize(
    ("today", "within", "status"),
    [
        (date(2026, 11, 4), 30, LineStatus.ACTIVE),
        (date(2026, 11, 5), 30, LineStatus.EXPIRING_SOON),
        (date(2026, 12, 5), 30, LineStatus.EXPIRING_SOON),
        (date(2026, 12, 5), None, LineStatus.ACTIVE),
        (date(2026, 12, 5), 0, LineStatus.EXPIRING_SOON),
        (date(2026, 12, 6), 30, LineStatus.EXPIRED),
    ],
)
def test_expiring_soon_within_the_largest_reminder(
    today: date, within: int | None, status: LineStatus
) -> None:
    """A line is expiring soon from its largest reminder threshold on."""
    assert Lapse(expiry_date=date(2026, 12, 5)).status(today, within) is status


@pytest.mark.parametrize(
    ("day", "today", "days"),
    [
        (date(2026, 12, 5), date(2026, 11, 26), 9),
        (date(2026, 12, 5), date(2026, 12, 5), 0),
        (date(2026, 12, 5), date(2026, 12, 6), -1),
        (date(2028, 3, 1), date(2028, 2, 28), 2),
    ],
)
def test_days_until(day: date, today: date, days: int) -> None:
    """Days are 0 on the day and negative once it has passed."""
    assert days_until(day, today) == days
