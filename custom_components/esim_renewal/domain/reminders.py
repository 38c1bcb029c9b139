"""When to remind the user about a line, and which reminders were already sent.

A validity cycle is the time a line spends on one last safe day; a renewal or
a new expiry date starts the next one. Within a cycle each reminder is sent
once. The log remembers which were sent and up to which instant reminders were
checked, so a restart never repeats one, and a reminder that fell due while
Home Assistant was down is caught up once, on its own: only the most urgent of
several.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from .data import DataAllowance
from .lapse import Lapse, days_until
from .localtime import local_instant, zone_of

DEFAULT_REMINDER_DAYS: tuple[int, ...] = (30, 7, 1)
DEFAULT_REMINDER_TIME = time(9, 0)


class ReminderKind(StrEnum):
    """What a reminder is about."""

    EXPIRING = "expiring"
    """The last safe day is near."""
    EXPIRED = "expired"
    """The line lapsed: suspended, still recoverable."""
    GRACE_ENDING = "grace_ending"
    """The number is lost soon unless the line is renewed."""
    LOST = "lost"
    """The grace period is over: the number is gone."""
    DATA_LOW = "data_low"


@dataclass(frozen=True, kw_only=True)
class ReminderPlan:
    """When the user wants to hear about a line.

    ``days`` are the days-before thresholds, largest first: before the last
    safe day, and again before the number is lost. The line counts as expiring
    soon from the largest one on.
    """

    days: tuple[int, ...] = DEFAULT_REMINDER_DAYS
    time_of_day: time = DEFAULT_REMINDER_TIME
    data_low_gb: float | None = None

    @property
    def expiring_within(self) -> int | None:
        """Return the days before expiry from which the line is expiring soon."""
        return max(self.days, default=None)


@dataclass(frozen=True, kw_only=True)
class Reminder:
    """A reminder and the instant it falls due."""

    kind: ReminderKind
    due_at: datetime
    threshold: int | None = None
    """For an expiring or grace-ending reminder, the days before it stands for."""

    @property
    def key(self) -> str:
        """Return what identifies the reminder within a cycle."""
        if self.threshold is None:
            return self.kind.value
        return f"{self.kind}:{self.threshold}"

    @classmethod
    def from_key(cls, key: str, due_at: datetime) -> Reminder:
        """Return the reminder a key identifies, due at an instant.

        Raises ValueError for a key no reminder has.
        """
        kind, _, threshold = key.partition(":")
        return cls(
            kind=ReminderKind(kind),
            due_at=due_at,
            threshold=int(threshold) if threshold else None,
        )


@dataclass(frozen=True, kw_only=True)
class ReminderLog:
    """The reminders sent in the current cycle, and when they were last checked."""

    checked_until: datetime
    sent: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class ReminderDay:
    """A reminder of the cycle and the day it falls due on."""

    kind: ReminderKind
    day: date
    threshold: int | None = None
    """For an expiring or grace-ending reminder, the days before it stands for."""


def reminder_days(lapse: Lapse, plan: ReminderPlan) -> list[ReminderDay]:
    """Return the cycle's dated reminders and their days, earliest first.

    An expiring threshold falls on the day it counts down to; expired on the
    first lapsed day (not when the number goes at once); a grace-ending
    threshold on its day within the grace period; lost on the first day
    without the number.
    """
    expiry = lapse.expiry_date
    days = [
        ReminderDay(
            kind=ReminderKind.EXPIRING,
            day=expiry - timedelta(days=threshold),
            threshold=threshold,
        )
        for threshold in plan.days
    ]
    if lapse.grace_days != 0:
        days.append(
            ReminderDay(kind=ReminderKind.EXPIRED, day=expiry + timedelta(days=1))
        )
    if (last := lapse.last_recoverable_day) is not None:
        days.extend(
            ReminderDay(
                kind=ReminderKind.GRACE_ENDING,
                day=last - timedelta(days=threshold),
                threshold=threshold,
            )
            for threshold in plan.days
            if threshold < (lapse.grace_days or 0)
        )
        days.append(ReminderDay(kind=ReminderKind.LOST, day=last + timedelta(days=1)))
    return sorted(days, key=lambda reminder: reminder.day)


def scheduled_reminders(
    lapse: Lapse, plan: ReminderPlan, zone: tzinfo
) -> list[Reminder]:
    """Return the cycle's dated reminders, earliest first.

    Each is due at the reminder time of its day.
    """
    return [
        Reminder(
            kind=reminder.kind,
            due_at=local_instant(reminder.day, plan.time_of_day, zone),
            threshold=reminder.threshold,
        )
        for reminder in reminder_days(lapse, plan)
    ]


def next_reminder_at(
    lapse: Lapse, plan: ReminderPlan, log: ReminderLog, zone: tzinfo
) -> datetime | None:
    """Return when the next reminder of the cycle falls due, if one is left."""
    return next(
        (
            reminder.due_at
            for reminder in scheduled_reminders(lapse, plan, zone)
            if reminder.due_at > log.checked_until and reminder.key not in log.sent
        ),
        None,
    )


def due_reminder(
    lapse: Lapse, plan: ReminderPlan, log: ReminderLog, now: datetime
) -> tuple[Reminder | None, ReminderLog]:
    """Return the reminder to send now, if any, and the log after sending it.

    Every reminder that fell due since the last check counts as handled, but
    only the most urgent, the one due last, is sent: a long downtime gives one
    catch-up reminder, not a burst of stale ones.
    """
    due = [
        reminder
        for reminder in scheduled_reminders(lapse, plan, zone_of(now))
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


def days_left(kind: ReminderKind, lapse: Lapse, today: date) -> int:
    """Return the days left to act that a reminder tells: 0 on the last day.

    Before the number is lost, that is to the last day that saves it; else to
    the last safe day.
    """
    last = lapse.last_recoverable_day
    if kind in (ReminderKind.GRACE_ENDING, ReminderKind.LOST) and last is not None:
        return days_until(last, today)
    return days_until(lapse.expiry_date, today)
