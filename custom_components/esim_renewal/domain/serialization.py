"""A line's state and reminder log as JSON-ready data, and back."""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from .data import data_allowance
from .line import LineState, Renewal
from .reminders import ReminderLog
from .validity import Terms
from .wallet import Wallet


def state_to_dict(state: LineState) -> dict[str, Any]:
    """Return a line's state as JSON-ready data."""
    terms = state.terms
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
        "data": {
            "total_gb": state.data.total_gb,
            "remaining_gb": state.data.remaining_gb,
            "used_gb": state.data.used_gb,
            "unlimited": state.data.unlimited,
            "plan_gb": state.data.plan_gb,
        },
        "renewals": [renewal_to_dict(renewal) for renewal in state.renewals],
        "undo": None if state.undo is None else state_to_dict(state.undo),
        "counters": dict(state.counters),
        "seen": dict(state.seen),
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


def state_from_dict(data: Mapping[str, Any]) -> LineState:
    """Return a line's state from stored data; raise ValueError if malformed."""
    try:
        stored_data = data["data"]
        wallet = data["wallet"]
        return LineState(
            terms=Terms(
                expiry_date=date.fromisoformat(data["expiry_date"]),
                last_renewal=_from_iso(date, data["last_renewal"]),
                pack_end=_from_iso(date, data["pack_end"]),
                wallet=None
                if wallet is None
                else Wallet(
                    period_start=date.fromisoformat(wallet["period_start"]),
                    balance=float(wallet["balance"]),
                ),
            ),
            data=data_allowance(
                total_gb=stored_data["total_gb"],
                remaining_gb=stored_data["remaining_gb"],
                used_gb=stored_data["used_gb"],
                unlimited=stored_data["unlimited"],
                plan_gb=stored_data.get("plan_gb"),
            ),
            renewals=tuple(
                Renewal(
                    renewed_on=date.fromisoformat(renewal["renewed_on"]),
                    renewed_at=_from_iso(datetime, renewal["renewed_at"]),
                    expiry_date=date.fromisoformat(renewal["expiry_date"]),
                    validity_days=renewal["validity_days"],
                    pack_days=renewal["pack_days"],
                    amount=renewal["amount"],
                    data_total_gb=renewal["data_total_gb"],
                    cost=renewal["cost"],
                    currency=renewal["currency"],
                )
                for renewal in data["renewals"]
            ),
            undo=None if data["undo"] is None else state_from_dict(data["undo"]),
            counters={
                str(source): float(value) for source, value in data["counters"].items()
            },
            seen={str(source): str(value) for source, value in data["seen"].items()},
        )
    except (AttributeError, KeyError, TypeError) as err:
        raise ValueError(f"Malformed line state: {err!r}") from err


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


def _iso(value: date | None) -> str | None:
    """Return a date or datetime in ISO form, or None."""
    return None if value is None else value.isoformat()


def _from_iso[T: date](kind: type[T], value: str | None) -> T | None:
    """Return a date or datetime from ISO form, or None."""
    return None if value is None else kind.fromisoformat(value)
