"""When to remind the user about a line, and which reminders were already sent.

Part of the domain core: no Home Assistant imports, and "now" is an argument.

A validity cycle is the time a line spends on one expiry date; a renewal or a new
expiry date starts the next one. Within a cycle each reminder is sent once. The
log remembers which were sent and up to which instant reminders were checked, so
a restart never repeats one, and a reminder that fell due while Home Assistant
was down is caught up once, on its own: only the most urgent of several.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from .model import DataAllowance, ReminderPlan, local_instant, zone_of


class ReminderKind(StrEnum):
    """What a reminder is about."""

    EXPIRING = "expiring"
    EXPIRED = "expired"
    DATA_LOW = "data_low"


@dataclass(frozen=True, kw_only=True)
class Reminder:
    """A reminder and the instant it falls due."""

    kind: ReminderKind
    due_at: datetime
    threshold: int | None = None
    """For an expiring reminder, the days before expiry it stands for."""

    @property
    def key(self) -> str:
        """Return what identifies the reminder within a cycle."""
        if self.threshold is None:
            return self.kind.value
        return f"{self.kind}:{self.threshold}"


@dataclass(frozen=True, kw_only=True)
class ReminderLog:
    """The reminders sent in the current cycle, and when they were last checked."""

    checked_until: datetime
    sent: frozenset[str] = frozenset()


def scheduled_reminders(
    expiry_date: date, plan: ReminderPlan, zone: tzinfo
) -> list[Reminder]:
    """Return the cycle's expiry reminders, earliest first.

    Each threshold falls due at the reminder time on the day it counts down to;
    the expired reminder at the reminder time of the first day the line no
    longer works.
    """
    reminders = [
        Reminder(
            kind=ReminderKind.EXPIRING,
            due_at=local_instant(
                expiry_date - timedelta(days=days), plan.time_of_day, zone
            ),
            threshold=days,
        )
        for days in plan.days
    ]
    reminders.append(
        Reminder(
            kind=ReminderKind.EXPIRED,
            due_at=local_instant(
                expiry_date + timedelta(days=1), plan.time_of_day, zone
            ),
        )
    )
    return sorted(reminders, key=lambda reminder: reminder.due_at)


def next_reminder_at(
    expiry_date: date, plan: ReminderPlan, log: ReminderLog, zone: tzinfo
) -> datetime | None:
    """Return when the next reminder of the cycle falls due, if one is left."""
    return next(
        (
            reminder.due_at
            for reminder in scheduled_reminders(expiry_date, plan, zone)
            if reminder.due_at > log.checked_until and reminder.key not in log.sent
        ),
        None,
    )


def due_reminder(
    expiry_date: date, plan: ReminderPlan, log: ReminderLog, now: datetime
) -> tuple[Reminder | None, ReminderLog]:
    """Return the reminder to send now, if any, and the log after sending it.

    Every reminder that fell due since the last check counts as handled, but
    only the most urgent, the one due last, is sent: a long downtime gives one
    catch-up reminder, not a burst of stale ones.
    """
    due = [
        reminder
        for reminder in scheduled_reminders(expiry_date, plan, zone_of(now))
        if log.checked_until < reminder.due_at <= now and reminder.key not in log.sent
    ]
    log = ReminderLog(
        checked_until=max(now, log.checked_until),
        sent=log.sent | {reminder.key for reminder in due},
    )
    return (due[-1] if due else None), log


def data_low_reminder(
    before: DataAllowance,
    after: DataAllowance,
    plan: ReminderPlan,
    log: ReminderLog,
    now: datetime,
) -> tuple[Reminder | None, ReminderLog]:
    """Return the data-low reminder if a reading has just crossed the mark.

    It is sent once per cycle, when the data remaining drops below the mark
    from above it or from unknown.
    """
    low = plan.data_low_gb
    reminder = Reminder(kind=ReminderKind.DATA_LOW, due_at=now)
    if (
        low is None
        or after.remaining_gb is None
        or after.remaining_gb >= low
        or (before.remaining_gb is not None and before.remaining_gb < low)
        or reminder.key in log.sent
    ):
        return None, log
    return reminder, replace(log, sent=log.sent | {reminder.key})


def log_to_dict(log: ReminderLog) -> dict[str, Any]:
    """Return a reminder log as JSON-ready data."""
    return {"checked_until": log.checked_until.isoformat(), "sent": sorted(log.sent)}


def log_from_dict(data: Mapping[str, Any]) -> ReminderLog:
    """Return a reminder log from stored data; raise ValueError if malformed."""
    try:
        checked_until = datetime.fromisoformat(data["checked_until"])
        sent = frozenset(str(key) for key in data["sent"])
    except (KeyError, TypeError) as err:
        raise ValueError(f"Malformed reminder log: {err!r}") from err
    if checked_until.tzinfo is None:
        raise ValueError("Reminder log time has no time zone")
    return ReminderLog(checked_until=checked_until, sent=sent)
