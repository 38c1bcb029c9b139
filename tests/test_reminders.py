"""Tests of the reminder engine of the domain core, with plain values."""

import ast
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from custom_components.esim_renewal import reminders
from custom_components.esim_renewal.model import DataAllowance, ReminderPlan
from custom_components.esim_renewal.reminders import (
    Reminder,
    ReminderKind,
    ReminderLog,
    data_low_reminder,
    due_reminder,
    log_from_dict,
    log_to_dict,
    next_reminder_at,
    scheduled_reminders,
)

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
EXPIRY = date(2026, 12, 5)
PLAN = ReminderPlan(days=(30, 7, 1), time_of_day=time(9, 0))


def tokyo(text: str) -> datetime:
    """Return a Tokyo time from its ISO form without the offset."""
    return datetime.fromisoformat(text).replace(tzinfo=TOKYO)


def test_reminders_import_no_home_assistant() -> None:
    """The reminder engine is part of the domain core."""
    tree = ast.parse(Path(reminders.__file__).read_text())
    modules = {
        node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not any(module.startswith("homeassistant") for module in modules)


def test_scheduled_reminders() -> None:
    """Thresholds fall due at the reminder time; expired on the first lapsed day."""
    assert scheduled_reminders(EXPIRY, PLAN, TOKYO) == [
        Reminder(
            kind=ReminderKind.EXPIRING, due_at=tokyo("2026-11-05 09:00"), threshold=30
        ),
        Reminder(
            kind=ReminderKind.EXPIRING, due_at=tokyo("2026-11-28 09:00"), threshold=7
        ),
        Reminder(
            kind=ReminderKind.EXPIRING, due_at=tokyo("2026-12-04 09:00"), threshold=1
        ),
        Reminder(kind=ReminderKind.EXPIRED, due_at=tokyo("2026-12-06 09:00")),
    ]


def test_reminder_keys() -> None:
    """A reminder is known by its kind, and its threshold when it has one."""
    assert (
        Reminder(
            kind=ReminderKind.EXPIRING, due_at=tokyo("2026-11-28 09:00"), threshold=7
        ).key
        == "expiring:7"
    )
    assert (
        Reminder(kind=ReminderKind.EXPIRED, due_at=tokyo("2026-12-06 09:00")).key
        == "expired"
    )


def test_reminder_time_skipped_by_daylight_saving() -> None:
    """02:30 does not exist in New York on 8 March 2026: it falls due at 03:30."""
    plan = ReminderPlan(days=(7,), time_of_day=time(2, 30))
    reminder = scheduled_reminders(date(2026, 3, 15), plan, NEW_YORK)[0]
    assert reminder.due_at.isoformat() == "2026-03-08T03:30:00-04:00"


def test_each_reminder_is_sent_once_when_due() -> None:
    """Nothing before its time; then exactly once."""
    log = ReminderLog(checked_until=tokyo("2026-11-26 10:00"))
    reminder, log = due_reminder(EXPIRY, PLAN, log, tokyo("2026-11-28 08:59"))
    assert reminder is None
    assert log.sent == frozenset()

    reminder, log = due_reminder(EXPIRY, PLAN, log, tokyo("2026-11-28 09:00"))
    assert reminder is not None
    assert (reminder.kind, reminder.threshold) == (ReminderKind.EXPIRING, 7)
    assert log == ReminderLog(
        checked_until=tokyo("2026-11-28 09:00"), sent=frozenset({"expiring:7"})
    )

    again, unchanged = due_reminder(EXPIRY, PLAN, log, tokyo("2026-11-28 09:00"))
    assert again is None
    assert unchanged == log


def test_downtime_catches_up_on_the_most_urgent_only() -> None:
    """Down from 27 November to 7 December: only the expired reminder is sent."""
    log = ReminderLog(checked_until=tokyo("2026-11-27 00:00"))
    reminder, log = due_reminder(EXPIRY, PLAN, log, tokyo("2026-12-07 12:00"))
    assert reminder is not None
    assert reminder.kind is ReminderKind.EXPIRED
    assert log.sent == {"expiring:7", "expiring:1", "expired"}
    assert next_reminder_at(EXPIRY, PLAN, log, TOKYO) is None


def test_nothing_is_sent_for_before_the_cycle_began() -> None:
    """A line added 9 days before expiry never sends its 30-day reminder."""
    log = ReminderLog(checked_until=tokyo("2026-11-26 10:00"))
    assert next_reminder_at(EXPIRY, PLAN, log, TOKYO) == tokyo("2026-11-28 09:00")
    reminder, _ = due_reminder(EXPIRY, PLAN, log, tokyo("2026-11-26 10:00"))
    assert reminder is None


def test_sent_reminders_are_not_scheduled_again() -> None:
    """A reminder sent is skipped, even if the clock goes back."""
    log = ReminderLog(
        checked_until=tokyo("2026-11-20 00:00"), sent=frozenset({"expiring:7"})
    )
    assert next_reminder_at(EXPIRY, PLAN, log, TOKYO) == tokyo("2026-12-04 09:00")
    reminder, later = due_reminder(EXPIRY, PLAN, log, tokyo("2026-11-28 10:00"))
    assert reminder is None
    back, _ = due_reminder(EXPIRY, PLAN, later, tokyo("2026-11-27 10:00"))
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


def test_log_round_trip() -> None:
    """A reminder log survives being stored."""
    log = ReminderLog(
        checked_until=tokyo("2026-11-28 09:00"),
        sent=frozenset({"expiring:7", "data_low"}),
    )
    assert log_to_dict(log) == {
        "checked_until": "2026-11-28T09:00:00+09:00",
        "sent": ["data_low", "expiring:7"],
    }
    assert log_from_dict(log_to_dict(log)) == log


@pytest.mark.parametrize(
    "stored",
    [
        {},
        {"checked_until": 5, "sent": []},
        {"checked_until": "2026-11-28T09:00:00", "sent": []},
    ],
)
def test_malformed_log(stored: dict[str, object]) -> None:
    """A malformed log raises ValueError."""
    with pytest.raises(ValueError):
        log_from_dict(stored)
