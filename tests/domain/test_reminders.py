"""Tests of the reminder engine, with plain values."""

from datetime import date, time

import pytest

from .conftest import NEW_YORK, TOKYO, tokyo
from custom_components.esim_renewal.domain.data import DataAllowance
from custom_components.esim_renewal.domain.lapse import Lapse
from custom_components.esim_renewal.domain.reminders import (
    Reminder,
    ReminderKind,
    ReminderLog,
    ReminderPlan,
    data_low_reminder,
    days_left,
    due_reminder,
    next_reminder_at,
    scheduled_reminders,
)

LAPSE = Lapse(expiry_date=date(2026, 12, 5))
PLAN = ReminderPlan(days=(30, 7, 1), time_of_day=time(9, 0))


def expiring(day: str, threshold: int) -> Reminder:
    """Return an expiring reminder due at 09:00 on a day."""
    return Reminder(
        kind=ReminderKind.EXPIRING, due_at=tokyo(f"{day} 09:00"), threshold=threshold
    )


def test_default_plan() -> None:
    """Reminders default to 30, 7 and 1 days before, at 09:00."""
    plan = ReminderPlan()
    assert (plan.days, plan.time_of_day, plan.data_low_gb) == (
        (30, 7, 1),
        time(9),
        None,
    )
    assert plan.expiring_within == 30
    assert ReminderPlan(days=()).expiring_within is None


def test_scheduled_reminders() -> None:
    """Thresholds fall due at the reminder time; expired on the first lapsed day."""
    assert scheduled_reminders(LAPSE, PLAN, TOKYO) == [
        expiring("2026-11-05", 30),
        expiring("2026-11-28", 7),
        expiring("2026-12-04", 1),
        Reminder(kind=ReminderKind.EXPIRED, due_at=tokyo("2026-12-06 09:00")),
    ]


def test_scheduled_reminders_through_a_grace_period() -> None:
    """povo: expired, then again 7 and 1 days before the number goes, then lost."""
    lapse = Lapse(expiry_date=date(2027, 4, 29), grace_days=30)
    reminders = scheduled_reminders(lapse, PLAN, TOKYO)
    assert [(r.kind, r.threshold, r.due_at) for r in reminders[3:]] == [
        (ReminderKind.EXPIRED, None, tokyo("2027-04-30 09:00")),
        (ReminderKind.GRACE_ENDING, 7, tokyo("2027-05-22 09:00")),
        (ReminderKind.GRACE_ENDING, 1, tokyo("2027-05-28 09:00")),
        (ReminderKind.LOST, None, tokyo("2027-05-30 09:00")),
    ]
    assert days_left(ReminderKind.GRACE_ENDING, lapse, date(2027, 5, 22)) == 7
    assert days_left(ReminderKind.LOST, lapse, date(2027, 5, 30)) == -1
    assert days_left(ReminderKind.EXPIRED, lapse, date(2027, 4, 30)) == -1


def test_no_grace_sends_lost_not_expired() -> None:
    """A number that goes at once is lost, never merely expired."""
    lapse = Lapse(expiry_date=date(2027, 2, 28), grace_days=0)
    kinds = [r.kind for r in scheduled_reminders(lapse, PLAN, TOKYO)]
    assert kinds == [ReminderKind.EXPIRING] * 3 + [ReminderKind.LOST]
    assert days_left(ReminderKind.LOST, lapse, date(2027, 3, 1)) == -1
    assert (
        days_left(
            ReminderKind.LOST, Lapse(expiry_date=date(2027, 2, 28)), date(2027, 3, 1)
        )
        == -1
    )


def test_reminder_keys() -> None:
    """A reminder is known by its kind, and its threshold when it has one."""
    assert expiring("2026-11-28", 7).key == "expiring:7"
    assert (
        Reminder(kind=ReminderKind.LOST, due_at=tokyo("2026-12-06 09:00")).key == "lost"
    )


def test_reminder_time_skipped_by_daylight_saving() -> None:
    """02:30 does not exist in New York on 8 March 2026: it falls due at 03:30."""
    plan = ReminderPlan(days=(7,), time_of_day=time(2, 30))
    reminder = scheduled_reminders(
        Lapse(expiry_date=date(2026, 3, 15)), plan, NEW_YORK
    )[0]
    assert reminder.due_at.isoformat() == "2026-03-08T03:30:00-04:00"


def test_each_reminder_is_sent_once_when_due() -> None:
    """Nothing before its time; then exactly once."""
    log = ReminderLog(checked_until=tokyo("2026-11-26 10:00"))
    reminder, log = due_reminder(LAPSE, PLAN, log, tokyo("2026-11-28 08:59"))
    assert reminder is None
    assert log.sent == frozenset()

    reminder, log = due_reminder(LAPSE, PLAN, log, tokyo("2026-11-28 09:00"))
    assert reminder == expiring("2026-11-28", 7)
    assert log == ReminderLog(
        checked_until=tokyo("2026-11-28 09:00"), sent=frozenset({"expiring:7"})
    )

    again, unchanged = due_reminder(LAPSE, PLAN, log, tokyo("2026-11-28 09:00"))
    assert again is None
    assert unchanged == log


def test_downtime_catches_up_on_the_most_urgent_only() -> None:
    """Down from 27 November to 7 December: only the expired reminder is sent."""
    log = ReminderLog(checked_until=tokyo("2026-11-27 00:00"))
    reminder, log = due_reminder(LAPSE, PLAN, log, tokyo("2026-12-07 12:00"))
    assert reminder is not None
    assert reminder.kind is ReminderKind.EXPIRED
    assert log.sent == {"expiring:7", "expiring:1", "expired"}
    assert next_reminder_at(LAPSE, PLAN, log, TOKYO) is None


def test_nothing_is_sent_for_before_the_cycle_began() -> None:
    """A line added 9 days before expiry never sends its 30-day reminder."""
    log = ReminderLog(checked_until=tokyo("2026-11-26 10:00"))
    assert next_reminder_at(LAPSE, PLAN, log, TOKYO) == tokyo("2026-11-28 09:00")
    reminder, _ = due_reminder(LAPSE, PLAN, log, tokyo("2026-11-26 10:00"))
    assert reminder is None


def test_sent_reminders_are_not_scheduled_again() -> None:
    """A reminder sent is skipped, even if the clock goes back."""
    log = ReminderLog(
        checked_until=tokyo("2026-11-20 00:00"), sent=frozenset({"expiring:7"})
    )
    assert next_reminder_at(LAPSE, PLAN, log, TOKYO) == tokyo("2026-12-04 09:00")
    reminder, later = due_reminder(LAPSE, PLAN, log, tokyo("2026-11-28 10:00"))
    assert reminder is None
    back, _ = due_reminder(LAPSE, PLAN, later, tokyo("2026-11-27 10:00"))
    assert back is None


@pytest.mark.parametrize(
    ("before", "after", "sent"),
    [
        (DataAllowance(remaining_gb=2.3), DataAllowance(remaining_gb=0.8), True),
        (DataAllowance(), DataAllowance(remaining_gb=0.8), True),
        (DataAllowance(remaining_gb=0.9), DataAllowance(remaining_gb=0.5), False),
        (DataAllowance(remaining_gb=2.3), DataAllowance(remaining_gb=1.0), False),
        (DataAllowance(remaining_gb=2.3), DataAllowance(), False),
    ],
)
def test_data_low_when_a_reading_crosses_the_mark(
    before: DataAllowance, after: DataAllowance, sent: bool
) -> None:
    """Data low is sent when the remaining data drops below the mark."""
    plan = ReminderPlan(data_low_gb=1)
    log = ReminderLog(checked_until=tokyo("2026-11-26 10:00"))
    now = tokyo("2026-11-26 12:00")
    reminder, new_log = data_low_reminder(before, after, plan, log, now)
    assert (reminder is not None) is sent
    if reminder:
        assert reminder == Reminder(kind=ReminderKind.DATA_LOW, due_at=now)
        assert new_log.sent == {"data_low"}
    else:
        assert new_log == log


def test_data_low_once_per_cycle_and_only_with_a_mark() -> None:
    """A second drop in the same cycle, or a plan without a mark, sends nothing."""
    before = DataAllowance(remaining_gb=2.0)
    after = DataAllowance(remaining_gb=0.5)
    now = tokyo("2026-11-26 12:00")
    sent = ReminderLog(checked_until=now, sent=frozenset({"data_low"}))
    assert (
        data_low_reminder(before, after, ReminderPlan(data_low_gb=1), sent, now)[0]
        is None
    )
    fresh = ReminderLog(checked_until=now)
    assert data_low_reminder(before, after, ReminderPlan(), fresh, now)[0] is None


@pytest.mark.parametrize("key", ["expiring:7", "expired", "grace_ending:1", "lost"])
def test_a_reminder_from_its_key(key: str) -> None:
    """A key gives back its reminder, which a pressed push names."""
    reminder = Reminder.from_key(key, tokyo("2026-11-28 09:00"))
    assert reminder.key == key
    assert reminder.due_at == tokyo("2026-11-28 09:00")


@pytest.mark.parametrize("key", ["", "soon", "expiring:seven"])
def test_a_key_no_reminder_has(key: str) -> None:
    """A key that names no reminder is refused."""
    with pytest.raises(ValueError):  # noqa: PT011
        Reminder.from_key(key, tokyo("2026-11-28 09:00"))
