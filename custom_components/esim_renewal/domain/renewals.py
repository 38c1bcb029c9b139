"""Renewing a line: what a renewal changes, and the history it leaves."""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, tzinfo

from .data import check_data_amount
from .line import MAX_RENEWALS, LineState, Renewal
from .localtime import start_of_day
from .validity import Purchase, ValidityRule
from .values import LineValueError, amount, currency_code, optional_setting
from .wallet import money


@dataclass(frozen=True, kw_only=True)
class RenewalRequest:
    """A renewal as the user describes it; anything left out is the line's usual."""

    renewed_on: date
    renewed_at: datetime | None = None
    expiry_date: date | None = None
    validity_days: float | None = None
    pack_days: float | None = None
    amount: float | None = None
    data_total_gb: float | None = None
    cost: float | None = None
    currency: str | None = None


def renew(
    state: LineState,
    rule: ValidityRule,
    request: RenewalRequest,
    *,
    now: datetime,
    default_currency: str | None = None,
) -> LineState:
    """Return the state after a renewal, which starts a new validity cycle.

    The state before it is kept, so the renewal can be undone.

    The line's rule sets the new last safe day, unless the request names it; a
    renewal never moves the last safe day earlier. A new ``data_total_gb``
    becomes the allowance, all of it remaining; without one, a known
    allowance refills. A cost without a currency is in ``default_currency``;
    a wallet top-up costs what was added, in the wallet's currency.
    """
    purchase = _purchase(rule, request, now)
    terms = rule.bought(state.terms, purchase)
    if request.expiry_date is not None:
        new_expiry = request.expiry_date
        if new_expiry < request.renewed_on:
            raise LineValueError("expiry_date", "expiry_before_renewal")
        if new_expiry < state.expiry_date:
            raise LineValueError(
                "expiry_date",
                "expiry_before_current",
                expiry_date=state.expiry_date.isoformat(),
            )
    else:
        new_expiry = max(rule.renewal_expiry(terms, purchase), state.expiry_date)
    cost, currency = _cost(rule, request, purchase, default_currency)
    data = state.data.refilled(request.data_total_gb)
    renewal = Renewal(
        renewed_on=request.renewed_on,
        renewed_at=request.renewed_at,
        expiry_date=new_expiry,
        validity_days=purchase.validity_days,
        pack_days=purchase.pack_days,
        amount=purchase.amount,
        data_total_gb=request.data_total_gb,
        cost=cost,
        currency=currency,
    )
    return replace(
        state,
        terms=replace(terms, expiry_date=new_expiry),
        data=data,
        renewals=(*state.renewals, renewal)[-MAX_RENEWALS:],
        undo=replace(state, undo=None),
    )


def _purchase(rule: ValidityRule, request: RenewalRequest, now: datetime) -> Purchase:
    """Return what a renewal bought, refusing what the line's rule cannot take."""
    if request.renewed_on > now.date() or (
        request.renewed_at is not None and request.renewed_at > now
    ):
        raise LineValueError("renewed_on", "renewal_in_future")
    given = {
        "validity_days": request.validity_days,
        "pack_days": request.pack_days,
        "amount": request.amount,
    }
    if request.expiry_date is not None and not rule.takes_expiry_date:
        given["expiry_date"] = 0
    for field, value in given.items():
        if value is not None and field not in rule.purchase_fields:
            raise LineValueError(field, "not_for_this_line")
    check_data_amount("data_total_gb", request.data_total_gb)
    return Purchase(
        renewed_on=request.renewed_on,
        validity_days=optional_setting("validity_days", request.validity_days),
        pack_days=optional_setting("pack_days", request.pack_days),
        amount=(
            None
            if request.amount is None
            else money(amount(request.amount, "amount", positive=True))
        ),
    )


def _cost(
    rule: ValidityRule,
    request: RenewalRequest,
    purchase: Purchase,
    default_currency: str | None,
) -> tuple[float | None, str | None]:
    """Return what a renewal cost and in which currency, when that is known."""
    currency = None if request.currency is None else currency_code(request.currency)
    if request.cost is not None:
        return amount(request.cost, "cost"), currency or default_currency
    if (implied := rule.implied_cost(purchase)) is None:
        return None, None
    cost, implied_currency = implied
    return money(cost), currency or implied_currency or default_currency


def last_renewal_instant(state: LineState, zone: tzinfo) -> datetime | None:
    """Return when the line was last renewed, to the second when that is known."""
    last = state.terms.last_renewal
    if last is None:
        return None
    for renewal in reversed(state.renewals):
        if renewal.renewed_on == last and renewal.renewed_at:
            return renewal.renewed_at
    return start_of_day(last, zone)


def spending_in_year(renewals: Iterable[Renewal], year: int) -> dict[str, float]:
    """Return what the renewals of a calendar year cost, by currency."""
    spent: dict[str, float] = {}
    for renewal in renewals:
        if (
            renewal.renewed_on.year == year
            and renewal.cost is not None
            and renewal.currency is not None
        ):
            spent[renewal.currency] = money(
                spent.get(renewal.currency, 0) + renewal.cost
            )
    return spent
