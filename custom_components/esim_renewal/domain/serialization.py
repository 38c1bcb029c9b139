"""A line's state and reminder log as JSON-ready data, and back.

Stored data is read field by field, each checked for its type, as a file may
have been edited by hand or written by a release with other rules. A record
that cannot be read (a renewal, an undo step, a year's spending in one
currency, the uses, a counter or a value seen) is left out and counted; only
a state whose terms or data cannot be read is unreadable as a whole.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from .data import DataAllowance, data_allowance
from .line import Change, Confirmation, LineState, Renewal, UndoStep, Uses
from .reminders import ReminderLog
from .stored import (
    Records,
    amount,
    day,
    instant,
    mapping,
    number,
    optional,
    stored_list,
    text,
    whole,
)
from .validity import Terms
from .wallet import Wallet


@dataclass(frozen=True, kw_only=True)
class ReadState:
    """A stored state as it was read: the line, and how many records were left out."""

    state: LineState
    dropped: int = 0


def state_to_dict(state: LineState) -> dict[str, Any]:
    """Return a line's state as JSON-ready data."""
    return {
        **_terms_to_dict(state.terms),
        "data": _data_to_dict(state.data),
        "renewals": [renewal_to_dict(renewal) for renewal in state.renewals],
        "spending": {
            str(each): dict(by_currency) for each, by_currency in state.spending.items()
        },
        "uses": {"last_at": _iso(state.uses.last_at), "count": state.uses.count},
        "undo": [_step_to_dict(step) for step in state.undo],
        "counters": dict(state.counters),
        "seen": dict(state.seen),
        "plan": state.plan,
        "awaiting": None
        if state.awaiting is None
        else _confirmation_to_dict(state.awaiting),
    }


def renewal_to_dict(renewal: Renewal) -> dict[str, Any]:
    """Return a renewal as JSON-ready data."""
    return {
        "renewed_on": renewal.renewed_on.isoformat(),
        "renewed_at": _iso(renewal.renewed_at),
        "expiry_date": renewal.expiry_date.isoformat(),
        "validity_days": renewal.validity_days,
        "pack_days": renewal.pack_days,
        "amount": renewal.amount,
        "data_total_gb": renewal.data_total_gb,
        "cost": renewal.cost,
        "currency": renewal.currency,
    }


def state_from_dict(data: Mapping[str, Any]) -> ReadState:
    """Return a line's state from stored data; raise ValueError if unreadable."""
    try:
        terms = _terms_from_dict(data)
        allowance = _data_from_dict(data["data"])
    except (AttributeError, KeyError, TypeError, ValueError) as err:
        raise ValueError(f"Malformed line state: {err!r}") from err
    records = Records()
    uses = records.one(data.get("uses"), _uses_from_dict)
    plan = records.one(data.get("plan"), text)
    awaiting = records.one(data.get("awaiting"), _confirmation_from_dict)
    state = LineState(
        terms=terms,
        data=allowance,
        renewals=tuple(records.each(data.get("renewals"), _renewal_from_dict)),
        spending=records.spending(data.get("spending")),
        uses=Uses() if uses is None else uses,
        undo=tuple(records.each(data.get("undo"), _step_from_dict)),
        counters=records.items(data.get("counters"), text, number),
        seen=records.items(data.get("seen"), text, text),
        plan=plan,
        awaiting=awaiting,
    )
    return ReadState(state=state, dropped=records.dropped)


def log_to_dict(log: ReminderLog) -> dict[str, Any]:
    """Return a reminder log as JSON-ready data."""
    return {"checked_until": log.checked_until.isoformat(), "sent": sorted(log.sent)}


def log_from_dict(data: Mapping[str, Any]) -> ReminderLog:
    """Return a reminder log from stored data; raise ValueError if malformed."""
    try:
        checked_until = instant(data["checked_until"])
        sent = frozenset(text(key) for key in stored_list(data["sent"]))
    except (KeyError, TypeError) as err:
        raise ValueError(f"Malformed reminder log: {err!r}") from err
    return ReminderLog(checked_until=checked_until, sent=sent)


def _terms_to_dict(terms: Terms) -> dict[str, Any]:
    """Return a line's terms as JSON-ready data."""
    wallet = terms.wallet
    return {
        "expiry_date": terms.expiry_date.isoformat(),
        "last_renewal": _iso(terms.last_renewal),
        "pack_end": _iso(terms.pack_end),
        "wallet": None
        if wallet is None
        else {
            "period_start": wallet.period_start.isoformat(),
            "balance": wallet.balance,
        },
    }


def _terms_from_dict(data: Mapping[str, Any]) -> Terms:
    """Return a line's terms from stored data."""
    wallet = data["wallet"]
    return Terms(
        expiry_date=day(data["expiry_date"]),
        last_renewal=optional(day, data["last_renewal"]),
        pack_end=optional(day, data["pack_end"]),
        wallet=None
        if wallet is None
        else Wallet(
            period_start=day(mapping(wallet)["period_start"]),
            balance=amount(wallet["balance"]),
        ),
    )


def _data_to_dict(data: DataAllowance) -> dict[str, Any]:
    """Return a data allowance as JSON-ready data."""
    return {
        "total_gb": data.total_gb,
        "remaining_gb": data.remaining_gb,
        "used_gb": data.used_gb,
        "unlimited": data.unlimited,
        "plan_gb": data.plan_gb,
    }


def _data_from_dict(data: Mapping[str, Any]) -> DataAllowance:
    """Return a data allowance from stored data, checked as a reading is."""
    unlimited = mapping(data)["unlimited"]
    if not isinstance(unlimited, bool):
        raise TypeError(f"Not a flag: {unlimited!r}")
    return data_allowance(
        total_gb=optional(amount, data["total_gb"]),
        remaining_gb=optional(amount, data["remaining_gb"]),
        used_gb=optional(amount, data["used_gb"]),
        unlimited=unlimited,
        plan_gb=optional(amount, data.get("plan_gb")),
    )


def _renewal_from_dict(data: Mapping[str, Any]) -> Renewal:
    """Return a renewal from stored data."""
    paid_in = optional(text, mapping(data)["currency"])
    return Renewal(
        renewed_on=day(data["renewed_on"]),
        renewed_at=optional(instant, data["renewed_at"]),
        expiry_date=day(data["expiry_date"]),
        validity_days=optional(whole, data["validity_days"]),
        pack_days=optional(whole, data["pack_days"]),
        amount=optional(amount, data["amount"]),
        data_total_gb=optional(amount, data["data_total_gb"]),
        cost=optional(amount, data["cost"]),
        currency=paid_in,
    )


def _uses_from_dict(data: Mapping[str, Any]) -> Uses:
    """Return the uses counted from stored data."""
    return Uses(
        last_at=optional(instant, mapping(data)["last_at"]),
        count=whole(data["count"]),
    )


def _step_to_dict(step: UndoStep) -> dict[str, Any]:
    """Return an undo step as JSON-ready data."""
    return {
        "change": step.change.value,
        "terms": _terms_to_dict(step.terms),
        "data": _data_to_dict(step.data),
        "terms_after": _terms_to_dict(step.terms_after),
        "data_after": _data_to_dict(step.data_after),
        "renewal": None if step.renewal is None else renewal_to_dict(step.renewal),
        "dropped": None if step.dropped is None else renewal_to_dict(step.dropped),
        "reminders": log_to_dict(step.reminders),
    }


def _step_from_dict(data: Mapping[str, Any]) -> UndoStep:
    """Return an undo step from stored data."""
    return UndoStep(
        change=Change(mapping(data)["change"]),
        terms=_terms_from_dict(mapping(data["terms"])),
        data=_data_from_dict(data["data"]),
        terms_after=_terms_from_dict(mapping(data["terms_after"])),
        data_after=_data_from_dict(data["data_after"]),
        renewal=optional(_renewal_from_dict, data["renewal"]),
        dropped=optional(_renewal_from_dict, data["dropped"]),
        reminders=log_from_dict(mapping(data["reminders"])),
    )


def _confirmation_to_dict(awaiting: Confirmation) -> dict[str, Any]:
    """Return a renewal waiting for its sources as JSON-ready data."""
    return {
        "since": awaiting.since.isoformat(),
        "data_left_gb": awaiting.data_left_gb,
        "expiry_date": _iso(awaiting.expiry_date),
    }


def _confirmation_from_dict(data: Mapping[str, Any]) -> Confirmation:
    """Return a renewal waiting for its sources from stored data."""
    return Confirmation(
        since=instant(mapping(data)["since"]),
        data_left_gb=optional(amount, data["data_left_gb"]),
        expiry_date=optional(day, data["expiry_date"]),
    )


def _iso(value: date | None) -> str | None:
    """Return a date or datetime in ISO form, or None."""
    return None if value is None else value.isoformat()
