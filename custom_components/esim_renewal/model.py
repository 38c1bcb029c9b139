"""What a mobile line is, and every date and data question about it.

This is the integration's domain core. It imports nothing from Home Assistant and
never reads a clock: "today" and "now" are always arguments, so every rule can be
tested with plain values.

A line's *expiry date* is the last calendar day on which it still works. The line
lapses at the first instant of the following local day, and the day count is 0 on
the expiry date itself and negative once the line has lapsed.
"""

from calendar import monthrange
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
import math
from typing import Any

DEFAULT_REMINDER_DAYS: tuple[int, ...] = (30, 7, 1)
DEFAULT_REMINDER_TIME = time(9, 0)
MAX_REMINDER_DAYS = 365
MAX_VALIDITY_DAYS = 3650
MAX_RENEWALS = 50

# Data amounts are kept to the megabyte, so 10 - 2.3 is 7.7 and not 7.699999.
_DATA_DECIMALS = 3


class ValidityKind(StrEnum):
    """How a line stays valid."""

    FIXED = "fixed"
    """The line works through a given last day."""
    ROLLING = "rolling"
    """The line works for a number of days counted from its last renewal."""
    MONTHLY = "monthly"
    """The line renews on a billing day every month."""


class LineStatus(StrEnum):
    """Where a line stands on its way to expiry."""

    ACTIVE = "active"
    EXPIRING_SOON = "expiring_soon"
    EXPIRED = "expired"


class LineValueError(ValueError):
    """A value breaks one of a line's rules.

    ``field`` names the offending input and ``key`` the broken rule; the config
    flow shows ``key`` as the field's translated error and actions raise it as
    their translation key.
    """

    def __init__(self, field: str, key: str) -> None:
        """Record which input broke which rule."""
        super().__init__(f"{field}: {key}")
        self.field = field
        self.key = key


@dataclass(frozen=True, kw_only=True)
class Validity:
    """The rule that sets a line's expiry date.

    ``validity_days`` is the length of a rolling period; a fixed line may carry it
    too, as the usual length of a new pack. ``billing_day`` is the day of the month
    a monthly plan renews on. Build one with ``validity_rule``, which checks it.
    """

    kind: ValidityKind
    validity_days: int | None = None
    billing_day: int | None = None


@dataclass(frozen=True, kw_only=True)
class DataAllowance:
    """A line's data in gigabytes; ``None`` where it is not known."""

    total_gb: float | None = None
    remaining_gb: float | None = None
    used_gb: float | None = None
    unlimited: bool = False


@dataclass(frozen=True, kw_only=True)
class ReminderPlan:
    """When the user wants to hear about a line.

    ``days`` are the days-before-expiry thresholds, largest first; the line counts
    as expiring soon from the largest one on.
    """

    days: tuple[int, ...] = DEFAULT_REMINDER_DAYS
    time_of_day: time = DEFAULT_REMINDER_TIME
    data_low_gb: float | None = None


class LineEventKind(StrEnum):
    """What a day in a line's calendar is."""

    REMINDER = "reminder"
    EXPIRY = "expiry"
    RENEWAL = "renewal"


@dataclass(frozen=True, kw_only=True)
class Renewal:
    """One renewal the user recorded, and the expiry it gave the line."""

    renewed_on: date
    renewed_at: datetime | None = None
    """The instant of the renewal, when the user gave one."""
    expiry_date: date
    validity_days: int | None = None
    """The period asked for on this renewal, when not the line's usual one."""
    data_total_gb: float | None = None
    cost: float | None = None
    currency: str | None = None


@dataclass(frozen=True, kw_only=True)
class LineState:
    """What changes while a line lives: expiry, last renewal, data and history.

    ``renewals`` holds the last ``MAX_RENEWALS`` renewals, oldest first.
    """

    expiry_date: date
    last_renewal: date | None = None
    data: DataAllowance = DataAllowance()
    renewals: tuple[Renewal, ...] = ()


@dataclass(frozen=True, kw_only=True)
class LineEvent:
    """A day worth marking in a line's calendar."""

    kind: LineEventKind
    day: date
    days_left: int | None = None
    """For a reminder, the days left on its day."""


@dataclass(frozen=True, kw_only=True)
class LineSnapshot:
    """A line as its entities show it at one instant."""

    expiry_date: date
    expires_at: datetime
    days_until_expiry: int
    status: LineStatus
    last_renewal_at: datetime | None
    data: DataAllowance
    renewals: tuple[Renewal, ...]
    spent_this_year: dict[str, float]
    """Money spent on renewals this calendar year, by currency."""
    next_change: datetime


def validity_rule(
    kind: ValidityKind | str,
    *,
    validity_days: float | None = None,
    billing_day: float | None = None,
) -> Validity:
    """Return a validity rule, checking that it can produce an expiry date."""
    kind = ValidityKind(kind)
    if validity_days is not None or kind is ValidityKind.ROLLING:
        validity_days = _whole(validity_days, 1, MAX_VALIDITY_DAYS, "validity_days")
    if billing_day is not None or kind is ValidityKind.MONTHLY:
        billing_day = _whole(billing_day, 1, 31, "billing_day")
    return Validity(
        kind=kind,
        validity_days=None if validity_days is None else int(validity_days),
        billing_day=None if billing_day is None else int(billing_day),
    )


def billing_date(year: int, month: int, billing_day: int) -> date:
    """Return the billing date in a month; a day past the month's end is its last day."""
    return date(year, month, min(billing_day, monthrange(year, month)[1]))


def _month_after(day: date) -> tuple[int, int]:
    """Return the year and month after the month of a date."""
    return (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)


def _month_before(day: date) -> tuple[int, int]:
    """Return the year and month before the month of a date."""
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def monthly_period_end(billing_day: int, day: date) -> date:
    """Return the last day of the billing period that contains a day.

    A period runs from one billing date up to the day before the next one, so a
    plan billed on the 1st works through the last day of each month.
    """
    start = billing_date(day.year, day.month, billing_day)
    if start > day:
        start = billing_date(*_month_before(day), billing_day)
    return billing_date(*_month_after(start), billing_day) - timedelta(days=1)


def rolling_expiry(renewed_on: date, validity_days: int) -> date:
    """Return the last day of a rolling period that starts on the renewal day.

    The renewal day counts as the first day, as carriers count "valid for 180
    days": a 1-day pass bought today works through today.
    """
    return renewed_on + timedelta(days=validity_days - 1)


def initial_expiry(
    validity: Validity,
    *,
    today: date,
    expiry_date: date | None = None,
    last_renewal: date | None = None,
) -> date:
    """Return the expiry date of a line the user has just described.

    A monthly line is taken to be paid for the billing period that contains
    ``today``.
    """
    match validity:
        case Validity(kind=ValidityKind.FIXED):
            if expiry_date is None:
                raise LineValueError("expiry_date", "missing_expiry_date")
            return expiry_date
        case Validity(kind=ValidityKind.ROLLING, validity_days=int(validity_days)):
            if last_renewal is None:
                raise LineValueError("last_renewal", "missing_last_renewal")
            if last_renewal > today:
                raise LineValueError("last_renewal", "last_renewal_in_future")
            return rolling_expiry(last_renewal, validity_days)
        case Validity(kind=ValidityKind.MONTHLY, billing_day=int(billing_day)):
            return monthly_period_end(billing_day, today)
    raise LineValueError("validity", "invalid_validity")


def days_until(expiry_date: date, today: date) -> int:
    """Return the days left: 0 on the expiry date, negative once lapsed."""
    return (expiry_date - today).days


def line_status(days_left: int, reminder_days: Iterable[int]) -> LineStatus:
    """Return the status; a line is expiring soon within its largest reminder."""
    if days_left < 0:
        return LineStatus.EXPIRED
    if days_left <= max(reminder_days, default=-1):
        return LineStatus.EXPIRING_SOON
    return LineStatus.ACTIVE


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


def lapse_instant(expiry_date: date, zone: tzinfo) -> datetime:
    """Return the instant a line lapses: the start of the day after its expiry."""
    return start_of_day(expiry_date + timedelta(days=1), zone)


def take_snapshot(state: LineState, plan: ReminderPlan, now: datetime) -> LineSnapshot:
    """Return the line as it stands at ``now``, an aware local datetime.

    The day count changes at every local midnight, so that is when the snapshot
    next changes.
    """
    zone = zone_of(now)
    today = now.date()
    days_left = days_until(state.expiry_date, today)
    return LineSnapshot(
        expiry_date=state.expiry_date,
        expires_at=lapse_instant(state.expiry_date, zone),
        days_until_expiry=days_left,
        status=line_status(days_left, plan.days),
        last_renewal_at=last_renewal_instant(state, zone),
        data=state.data,
        renewals=state.renewals,
        spent_this_year=spending_in_year(state.renewals, today.year),
        next_change=start_of_day(today + timedelta(days=1), zone),
    )


def renew(
    state: LineState,
    validity: Validity,
    *,
    today: date,
    renewed_on: date,
    renewed_at: datetime | None = None,
    expiry_date: date | None = None,
    validity_days: float | None = None,
    data_total_gb: float | None = None,
    cost: float | None = None,
    currency: str | None = None,
) -> LineState:
    """Return the state after a renewal, which starts a new validity cycle.

    An explicit ``expiry_date`` wins, then ``validity_days`` counted from the
    renewal day, then the line's own rule: a rolling period restarts on the
    renewal day, a monthly plan moves on to the next billing period, and a fixed
    line takes its usual pack length. A new ``data_total_gb`` becomes the new
    allowance, all of it remaining; without one, a known allowance refills.
    """
    if renewed_on > today:
        raise LineValueError("renewed_on", "renewal_in_future")
    if expiry_date is not None:
        if expiry_date < renewed_on:
            raise LineValueError("expiry_date", "expiry_before_renewal")
        new_expiry = expiry_date
    elif validity_days is not None:
        validity_days = _whole(validity_days, 1, MAX_VALIDITY_DAYS, "validity_days")
        new_expiry = rolling_expiry(renewed_on, validity_days)
    else:
        new_expiry = _usual_renewal_expiry(validity, state.expiry_date, renewed_on)
    if cost is not None and not (math.isfinite(cost) and cost >= 0):
        raise LineValueError("cost", "invalid_cost")
    if currency is not None:
        currency = currency.strip().upper()
        if not (len(currency) == 3 and currency.isascii() and currency.isalpha()):
            raise LineValueError("currency", "invalid_currency")
    if data_total_gb is not None:
        data = data_allowance(total_gb=data_total_gb, remaining_gb=data_total_gb)
    elif state.data.total_gb is not None:
        data = data_allowance(
            total_gb=state.data.total_gb, remaining_gb=state.data.total_gb
        )
    else:
        data = state.data
    renewal = Renewal(
        renewed_on=renewed_on,
        renewed_at=renewed_at,
        expiry_date=new_expiry,
        validity_days=None if validity_days is None else int(validity_days),
        data_total_gb=data_total_gb,
        cost=cost,
        currency=currency,
    )
    return replace(
        state,
        expiry_date=new_expiry,
        last_renewal=renewed_on,
        data=data,
        renewals=(*state.renewals, renewal)[-MAX_RENEWALS:],
    )


def _usual_renewal_expiry(
    validity: Validity, current_expiry: date, renewed_on: date
) -> date:
    """Return the expiry a renewal gives under the line's own rule.

    A monthly plan paid early pays for the period after the current one; paid
    late, it pays for the period that contains the renewal day.
    """
    match validity:
        case Validity(kind=ValidityKind.MONTHLY, billing_day=int(billing_day)):
            start = max(current_expiry + timedelta(days=1), renewed_on)
            return monthly_period_end(billing_day, start)
        case Validity(validity_days=int(validity_days)):
            return rolling_expiry(renewed_on, validity_days)
    raise LineValueError("expiry_date", "renewal_needs_expiry")


def record_data(
    state: LineState,
    *,
    total_gb: float | None = None,
    remaining_gb: float | None = None,
    used_gb: float | None = None,
) -> LineState:
    """Return the state after a data reading; unread amounts follow the rest.

    A new allowance alone keeps what was used, so buying extra data adds to
    what remains.
    """
    if total_gb is None and remaining_gb is None and used_gb is None:
        raise LineValueError("data_remaining_gb", "no_data_reading")
    old = state.data
    if old.unlimited and total_gb is None:
        raise LineValueError("data_total_gb", "unlimited_data_plan")
    if remaining_gb is None and used_gb is None:
        if old.used_gb is not None:
            used_gb = old.used_gb
        else:
            remaining_gb = old.remaining_gb
    return replace(
        state,
        data=data_allowance(
            total_gb=old.total_gb if total_gb is None else total_gb,
            remaining_gb=remaining_gb,
            used_gb=used_gb,
        ),
    )


def last_renewal_instant(state: LineState, zone: tzinfo) -> datetime | None:
    """Return when the line was last renewed, to the second when that is known."""
    if state.last_renewal is None:
        return None
    for renewal in reversed(state.renewals):
        if renewal.renewed_on == state.last_renewal and renewal.renewed_at:
            return renewal.renewed_at
    return start_of_day(state.last_renewal, zone)


def spending_in_year(renewals: Iterable[Renewal], year: int) -> dict[str, float]:
    """Return what the renewals of a calendar year cost, by currency."""
    spent: dict[str, float] = {}
    for renewal in renewals:
        if renewal.renewed_on.year == year and renewal.cost and renewal.currency:
            spent[renewal.currency] = round(
                spent.get(renewal.currency, 0) + renewal.cost, 2
            )
    return spent


def line_events(state: LineState, plan: ReminderPlan) -> list[LineEvent]:
    """Return the days of a line's calendar: renewals, reminders and expiry."""
    events = [
        LineEvent(kind=LineEventKind.RENEWAL, day=renewal.renewed_on)
        for renewal in state.renewals
    ]
    events.extend(
        LineEvent(
            kind=LineEventKind.REMINDER,
            day=state.expiry_date - timedelta(days=days),
            days_left=days,
        )
        for days in plan.days
        if days > 0
    )
    events.append(LineEvent(kind=LineEventKind.EXPIRY, day=state.expiry_date))
    return sorted(events, key=lambda event: event.day)


def check_data_amount(field: str, amount: float | None) -> None:
    """Raise for a data amount that is negative or not a number."""
    if amount is not None and not (math.isfinite(amount) and amount >= 0):
        raise LineValueError(field, "invalid_data_amount")


def data_allowance(
    *,
    total_gb: float | None = None,
    remaining_gb: float | None = None,
    used_gb: float | None = None,
    unlimited: bool = False,
) -> DataAllowance:
    """Return an allowance from any readings; any two of them give the third."""
    if unlimited:
        return DataAllowance(unlimited=True)
    for field, amount in (
        ("data_total_gb", total_gb),
        ("data_remaining_gb", remaining_gb),
        ("data_used_gb", used_gb),
    ):
        check_data_amount(field, amount)
    if total_gb is not None:
        if remaining_gb is not None and remaining_gb > total_gb:
            raise LineValueError("data_remaining_gb", "data_remaining_exceeds_total")
        if used_gb is not None and used_gb > total_gb:
            raise LineValueError("data_used_gb", "data_used_exceeds_total")
        if remaining_gb is None and used_gb is not None:
            remaining_gb = total_gb - used_gb
        elif used_gb is None and remaining_gb is not None:
            used_gb = total_gb - remaining_gb
        elif remaining_gb is not None and used_gb is not None:
            if not math.isclose(remaining_gb + used_gb, total_gb, abs_tol=1e-3):
                raise LineValueError("data_used_gb", "data_inconsistent")
    elif remaining_gb is not None and used_gb is not None:
        total_gb = remaining_gb + used_gb
    return DataAllowance(
        total_gb=_round_gb(total_gb),
        remaining_gb=_round_gb(remaining_gb),
        used_gb=_round_gb(used_gb),
    )


def normalize_phone_number(number: str) -> str:
    """Return a phone number as its digits, with a leading + kept.

    Spaces, dashes, dots and brackets are dropped; anything else, or fewer than 4
    or more than 15 digits (the E.164 limit), is not a phone number.
    """
    stripped = number.strip()
    international = stripped.startswith("+")
    digits = stripped.removeprefix("+")
    for separator in " -.()":
        digits = digits.replace(separator, "")
    if not (digits.isascii() and digits.isdigit() and 4 <= len(digits) <= 15):
        raise LineValueError("phone_number", "invalid_phone_number")
    return f"+{digits}" if international else digits


def reminder_thresholds(values: Iterable[int | float | str]) -> tuple[int, ...]:
    """Return reminder thresholds as whole days, largest first, each once."""
    days: set[int] = set()
    for value in values:
        try:
            number = float(value)
        except ValueError:
            raise LineValueError("reminder_days", "invalid_reminder_days") from None
        days.add(_whole(number, 0, MAX_REMINDER_DAYS, "reminder_days"))
    return tuple(sorted(days, reverse=True))


def state_to_dict(state: LineState) -> dict[str, Any]:
    """Return a line's state as JSON-ready data."""
    return {
        "expiry_date": state.expiry_date.isoformat(),
        "last_renewal": _iso(state.last_renewal),
        "data": {
            "total_gb": state.data.total_gb,
            "remaining_gb": state.data.remaining_gb,
            "used_gb": state.data.used_gb,
            "unlimited": state.data.unlimited,
        },
        "renewals": [
            {
                "renewed_on": renewal.renewed_on.isoformat(),
                "renewed_at": _iso(renewal.renewed_at),
                "expiry_date": renewal.expiry_date.isoformat(),
                "validity_days": renewal.validity_days,
                "data_total_gb": renewal.data_total_gb,
                "cost": renewal.cost,
                "currency": renewal.currency,
            }
            for renewal in state.renewals
        ],
    }


def state_from_dict(data: Mapping[str, Any]) -> LineState:
    """Return a line's state from stored data; raise ValueError if it is malformed."""
    try:
        stored_data = data["data"]
        return LineState(
            expiry_date=date.fromisoformat(data["expiry_date"]),
            last_renewal=_from_iso(date, data["last_renewal"]),
            data=data_allowance(
                total_gb=stored_data["total_gb"],
                remaining_gb=stored_data["remaining_gb"],
                used_gb=stored_data["used_gb"],
                unlimited=stored_data["unlimited"],
            ),
            renewals=tuple(
                Renewal(
                    renewed_on=date.fromisoformat(renewal["renewed_on"]),
                    renewed_at=_from_iso(datetime, renewal["renewed_at"]),
                    expiry_date=date.fromisoformat(renewal["expiry_date"]),
                    validity_days=renewal["validity_days"],
                    data_total_gb=renewal["data_total_gb"],
                    cost=renewal["cost"],
                    currency=renewal["currency"],
                )
                for renewal in data["renewals"]
            ),
        )
    except (KeyError, TypeError) as err:
        raise ValueError(f"Malformed line state: {err!r}") from err


def _iso(value: date | None) -> str | None:
    """Return a date or datetime in ISO form, or None."""
    return None if value is None else value.isoformat()


def _from_iso[T: date](kind: type[T], value: str | None) -> T | None:
    """Return a date or datetime from ISO form, or None."""
    return None if value is None else kind.fromisoformat(value)


def zone_of(now: datetime) -> tzinfo:
    """Return the time zone of an aware datetime."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now.tzinfo


def _whole(value: float | None, low: int, high: int, field: str) -> int:
    """Return a value as a whole number within bounds, or raise for its field."""
    if (
        value is None
        or isinstance(value, bool)
        or not math.isfinite(value)
        or not float(value).is_integer()
        or not low <= value <= high
    ):
        raise LineValueError(field, f"invalid_{field}")
    return int(value)


def _round_gb(amount: float | None) -> float | None:
    """Round a data amount to the megabyte."""
    return None if amount is None else round(float(amount), _DATA_DECIMALS)
