"""A line as its entities show it at one instant, and the days of its calendar."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from .data import DataAllowance
from .history import spending_in_year
from .lapse import Lapse, LineStatus, days_until
from .line import LineSettings, LineState, Renewal, Uses
from .localtime import end_of_day, start_of_day, zone_of
from .reminders import ReminderKind, reminder_days


@dataclass(frozen=True, kw_only=True)
class LineSnapshot:
    """A line as its entities show it at one instant."""

    expiry_date: date
    """The last safe day."""
    expires_at: datetime
    """The instant the line lapses: the end of its last safe day."""
    days_until_expiry: int
    status: LineStatus
    number_lost_at: datetime | None
    """The instant the number is gone if nothing is done, when that is known."""
    pack_expires_at: datetime | None
    """The instant the current data pack ends, on lines whose packs end."""
    balance: float | None
    """What a prepaid wallet holds now, on balance lines."""
    top_up_needed: float | None
    """What a lapsed prepaid wallet lacks to pay its fee again."""
    last_renewal: date | None
    """The day of the last renewal, top-up or use that counts."""
    uses: Uses | None
    """The uses counted, on lines that a use keeps."""
    data: DataAllowance
    renewals: tuple[Renewal, ...]
    spent_this_year: dict[str, float]
    """Money spent on renewals this calendar year, by currency."""
    next_change: datetime


def take_snapshot(
    state: LineState, settings: LineSettings, now: datetime
) -> LineSnapshot:
    """Return the line as it stands at ``now``, an aware local datetime.

    Every figure changes only at a local midnight, so that is when the
    snapshot next changes. When its pack has ended, a line's data is gone.
    """
    zone = zone_of(now)
    today = now.date()
    rule = settings.rule
    lapse = Lapse(expiry_date=state.expiry_date, grace_days=settings.grace_days)
    lost_on = lapse.number_lost_on
    pack_end = rule.pack_end(state.terms)
    wallet = rule.wallet_on(state.terms, today)
    data = state.data
    if pack_end is not None and today > pack_end:
        data = data.gone()
    return LineSnapshot(
        expiry_date=state.expiry_date,
        expires_at=end_of_day(state.expiry_date, zone),
        days_until_expiry=days_until(state.expiry_date, today),
        status=lapse.status(today, settings.reminders.expiring_within),
        number_lost_at=None if lost_on is None else start_of_day(lost_on, zone),
        pack_expires_at=None if pack_end is None else end_of_day(pack_end, zone),
        balance=None if wallet is None else wallet.balance,
        top_up_needed=rule.top_up_needed(state.terms, today),
        last_renewal=state.terms.last_renewal,
        uses=state.uses if rule.counts_uses else None,
        data=data,
        renewals=state.renewals,
        spent_this_year=spending_in_year(state.spending, today.year),
        next_change=end_of_day(today, zone),
    )


class LineEventKind(StrEnum):
    """What a day in a line's calendar is."""

    RENEWAL = "renewal"
    REMINDER = "reminder"
    """A reminder before the last safe day."""
    EXPIRY = "expiry"
    """The last safe day."""
    EXPIRED = "expired"
    """The first lapsed day, when the line is suspended."""
    GRACE_REMINDER = "grace_reminder"
    """A reminder within the grace period, before the number is lost."""
    NUMBER_LOST = "number_lost"
    """The last day a renewal saves the number."""


@dataclass(frozen=True, kw_only=True)
class LineEvent:
    """A day worth marking in a line's calendar."""

    kind: LineEventKind
    day: date
    days_left: int | None = None
    """For a reminder, the days left on its day."""


# The reminder days the calendar marks, by kind; the reminders of the last
# safe day and of the last day that saves the number are those days' own events,
# and the day the number is gone comes after the last day to act.
_REMINDER_EVENTS = {
    ReminderKind.EXPIRING: LineEventKind.REMINDER,
    ReminderKind.EXPIRED: LineEventKind.EXPIRED,
    ReminderKind.GRACE_ENDING: LineEventKind.GRACE_REMINDER,
}


def line_events(state: LineState, settings: LineSettings) -> list[LineEvent]:
    """Return the days of a line's calendar: renewals, reminders, expiry, loss.

    Every reminder day is marked, before the last safe day and within the
    grace period; the number's event stands on the last day that saves it.
    """
    lapse = Lapse(expiry_date=state.expiry_date, grace_days=settings.grace_days)
    events = [
        LineEvent(kind=LineEventKind.RENEWAL, day=renewal.renewed_on)
        for renewal in state.renewals
    ]
    events.extend(
        LineEvent(
            kind=_REMINDER_EVENTS[reminder.kind],
            day=reminder.day,
            days_left=reminder.threshold,
        )
        for reminder in reminder_days(lapse, settings.reminders)
        if reminder.kind in _REMINDER_EVENTS and reminder.threshold != 0
    )
    events.append(LineEvent(kind=LineEventKind.EXPIRY, day=state.expiry_date))
    if (last := lapse.last_recoverable_day) is not None:
        events.append(LineEvent(kind=LineEventKind.NUMBER_LOST, day=last))
    return sorted(events, key=lambda event: event.day)
