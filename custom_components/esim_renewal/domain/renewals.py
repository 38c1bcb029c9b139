"""Renewing a line: what a renewal changes, and what it may not be."""

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import date, datetime

from .data import check_data_amount
from .history import spend
from .line import MAX_RENEWALS, LineState, Renewal
from .validity import Purchase, ValidityRule
from .values import (
    LineValueError,
    amount,
    currency_code,
    day_within_bounds,
    latest_day,
    optional_setting,
)
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


def renewal_errors(
    rule: ValidityRule,
    request: RenewalRequest,
    *,
    now: datetime,
    currencies: Collection[str],
) -> list[LineValueError]:
    """Return what is wrong with each part of a renewal, each part on its own.

    A form shows them all at once, in its order. What only the line as a whole
    can refuse (a last safe day before the current one, a wallet that would
    last too long) is left to ``renew``.
    """
    today = now.date()
    checks: list[Callable[[], object]] = [
        lambda: _check_renewal_day(request, now),
        lambda: _check_purchase(rule, "validity_days", request.validity_days),
        lambda: _check_purchase(rule, "pack_days", request.pack_days),
        lambda: _check_purchase(rule, "amount", request.amount),
        lambda: _check_expiry_date(rule, request, today),
        lambda: check_data_amount("data_total_gb", request.data_total_gb),
        lambda: request.cost is None or amount(request.cost, "cost"),
        lambda: request.currency is None or currency_code(request.currency, currencies),
    ]
    errors: list[LineValueError] = []
    for check in checks:
        try:
            check()
        except LineValueError as err:
            errors.append(err)
    return errors


def renew(
    state: LineState,
    rule: ValidityRule,
    request: RenewalRequest,
    *,
    now: datetime,
    currencies: Collection[str],
    default_currency: str | None = None,
) -> LineState:
    """Return the state after a renewal, which starts a new validity cycle.

    The line's rule sets the new last safe day, unless the request names it; a
    renewal never moves the last safe day earlier, nor past ``latest_day``.
    A new ``data_total_gb`` becomes the allowance, all of it remaining;
    without one, a known allowance refills. A cost without a currency is in
    ``default_currency``; a wallet top-up costs what was added, in the
    wallet's currency. The cost joins its year's spending.
    """
    if errors := renewal_errors(rule, request, now=now, currencies=currencies):
        raise errors[0]
    purchase = Purchase(
        renewed_on=request.renewed_on,
        validity_days=optional_setting("validity_days", request.validity_days),
        pack_days=optional_setting("pack_days", request.pack_days),
        amount=None if request.amount is None else money(request.amount),
    )
    terms = rule.bought(state.terms, purchase)
    if request.expiry_date is not None:
        new_expiry = request.expiry_date
        if new_expiry < state.expiry_date:
            raise LineValueError(
                "expiry_date",
                "expiry_before_current",
                expiry_date=state.expiry_date.isoformat(),
            )
    else:
        given = _within_bounds(rule, rule.renewal_expiry(terms, purchase), now.date())
        new_expiry = max(given, state.expiry_date)
    cost, currency = _cost(rule, request, purchase, default_currency, currencies)
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
        data=state.data.refilled(request.data_total_gb),
        renewals=(*state.renewals, renewal)[-MAX_RENEWALS:],
        spending=spend(state.spending, renewal),
    )


def _check_renewal_day(request: RenewalRequest, now: datetime) -> None:
    """Refuse a renewal in the future, or too long ago."""
    if request.renewed_on > now.date() or (
        request.renewed_at is not None and request.renewed_at > now
    ):
        raise LineValueError("renewed_on", "renewal_in_future")
    day_within_bounds("renewed_on", request.renewed_on, now.date())


def _check_purchase(rule: ValidityRule, field: str, value: float | None) -> None:
    """Refuse a part of a purchase the line's rule does not take, or out of range."""
    if value is None:
        return
    if field not in rule.purchase_fields:
        raise LineValueError(field, "not_for_this_line")
    if field == "amount":
        amount(value, field, positive=True)
    else:
        optional_setting(field, value)


def _check_expiry_date(
    rule: ValidityRule, request: RenewalRequest, today: date
) -> None:
    """Refuse a last safe day the line cannot take, before the renewal or too late."""
    if (expiry := request.expiry_date) is None:
        return
    if not rule.takes_expiry_date:
        raise LineValueError("expiry_date", "not_for_this_line")
    if expiry < request.renewed_on:
        raise LineValueError("expiry_date", "expiry_before_renewal")
    day_within_bounds("expiry_date", expiry, today)


def _within_bounds(rule: ValidityRule, expiry: date, today: date) -> date:
    """Return the last safe day a rule gives, refusing one past ``latest_day``.

    A wallet that would pay that long is the amount's fault; any other rule's
    day is the renewal's new last safe day.
    """
    if expiry > (latest := latest_day(today)):
        if rule.has_wallet:
            raise LineValueError("amount", "wallet_too_long", latest=latest.isoformat())
        raise LineValueError("expiry_date", "date_too_late", latest=latest.isoformat())
    return expiry


def _cost(
    rule: ValidityRule,
    request: RenewalRequest,
    purchase: Purchase,
    default_currency: str | None,
    currencies: Collection[str],
) -> tuple[float | None, str | None]:
    """Return what a renewal cost and in which currency, when that is known."""
    currency = (
        None
        if request.currency is None
        else currency_code(request.currency, currencies)
    )
    if request.cost is not None:
        return float(request.cost), currency or default_currency
    if (implied := rule.implied_cost(purchase)) is None:
        return None, None
    cost, implied_currency = implied
    return money(cost), currency or implied_currency or default_currency
