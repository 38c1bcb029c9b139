"""A line's plans: what each buys under the line's rule, and what keeping the line costs.

A plan is what the user buys at a renewal: a name, what it gives under the
line's rule (pack days, validity days, a wallet amount, data) and its price.
The chosen plan is what *Mark renewed* records. The keeping cost is the
cheapest way to keep the line a year under its rule with its plans, buying one
plan each time the rule's count of days (or months) runs out.
"""

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from .calendar_rules import FixedRule, MonthlyRule, RollingRule
from .data import check_data_amount
from .keeper_rules import ActivityRule, AfterPackRule, BalanceRule, StackingRule
from .renewals import RenewalRequest
from .validity import ValidityKind, ValidityRule
from .values import LineValueError, amount, currency_code, optional_setting
from .wallet import money

# The parts of a renewal a plan may fill, besides its price.
PLAN_PURCHASE_FIELDS = ("validity_days", "pack_days", "amount")
DAYS_A_YEAR = 365
MONTHS_A_YEAR = 12
MAX_PLAN_NAME = 60


@dataclass(frozen=True, kw_only=True)
class Plan:
    """A plan the user buys to renew a line, and its price."""

    key: str
    """What the line knows the plan by; its name can change."""
    name: str
    validity_days: int | None = None
    pack_days: int | None = None
    amount: float | None = None
    """The money a top-up adds to a prepaid wallet."""
    data_gb: float | None = None
    price: float
    currency: str


@dataclass(frozen=True, kw_only=True)
class KeepingCost:
    """What keeping a line costs a year, and the plan that cost assumes."""

    yearly: float
    currency: str
    plan: Plan | None
    """The plan bought; None on a wallet line, which the fee keeps."""


def plan_fields(rule: ValidityRule) -> tuple[str, ...]:
    """Return the parts of a renewal a plan of a line may fill, in form order.

    A monthly bill covers its billing period whatever is paid, so its plans
    name no days.
    """
    fields = set(rule.purchase_fields)
    if rule.kind is ValidityKind.MONTHLY:
        fields.discard("validity_days")
    return tuple(field for field in PLAN_PURCHASE_FIELDS if field in fields)


def plan_from_input(
    key: str,
    values: Mapping[str, Any],
    rule: ValidityRule,
    currencies: Collection[str],
) -> Plan:
    """Return a plan from what the user entered, or raise its first error."""
    if errors := plan_errors(values, rule, currencies):
        raise errors[0]
    return plan_from_data(key, values)


def plan_from_data(key: str, values: Mapping[str, Any]) -> Plan:
    """Return a plan from checked values, as a flow stores them."""
    return Plan(
        key=key,
        name=str(values["name"]).strip(),
        validity_days=_whole(values.get("validity_days")),
        pack_days=_whole(values.get("pack_days")),
        amount=values.get("amount"),
        data_gb=values.get("data_gb"),
        price=float(values["price"]),
        currency=str(values["currency"]).strip().upper(),
    )


def plan_errors(
    values: Mapping[str, Any],
    rule: ValidityRule,
    currencies: Collection[str],
    taken: Iterable[str] = (),
) -> list[LineValueError]:
    """Return what is wrong with each part of a plan, each on its own field.

    ``taken`` are the names of the line's other plans: two plans of a line
    never share a name, whatever the case.
    """
    errors: list[LineValueError] = []
    name = str(values.get("name") or "").strip()
    if not name or len(name) > MAX_PLAN_NAME:
        errors.append(LineValueError("name", "invalid_plan_name"))
    elif name.casefold() in {other.casefold() for other in taken}:
        errors.append(LineValueError("name", "plan_name_taken"))
    allowed = plan_fields(rule)
    checks: tuple[Callable[[], object], ...] = (
        *(
            partial(_check_purchase, allowed, field, values.get(field))
            for field in PLAN_PURCHASE_FIELDS
        ),
        lambda: check_data_amount("data_gb", values.get("data_gb")),
        lambda: amount(values.get("price"), "price"),
        lambda: currency_code(str(values.get("currency") or ""), currencies),
    )
    for check in checks:
        try:
            check()
        except LineValueError as err:
            errors.append(err)
    return errors


def chosen_plan(plans: Sequence[Plan], key: str | None) -> Plan | None:
    """Return the plan the user chose, or the first when the choice is gone."""
    for plan in plans:
        if plan.key == key:
            return plan
    return plans[0] if plans else None


def plan_named(plans: Iterable[Plan], name: str) -> Plan:
    """Return a line's plan by its name, whatever the case."""
    wanted = name.strip().casefold()
    for plan in plans:
        if plan.name.casefold() == wanted:
            return plan
    raise LineValueError("plan", "unknown_plan", plan=name)


def with_plan(
    request: RenewalRequest, plan: Plan, *, tracks_data: bool
) -> RenewalRequest:
    """Return a renewal that buys a plan; what the request gives itself wins.

    The plan's data is the new allowance only on a line that tracks its data:
    a plan never limits a line with unlimited data.
    """
    return replace(
        request,
        validity_days=_first(request.validity_days, plan.validity_days),
        pack_days=_first(request.pack_days, plan.pack_days),
        amount=_first(request.amount, plan.amount),
        data_total_gb=_first(
            request.data_total_gb, plan.data_gb if tracks_data else None
        ),
        cost=_first(request.cost, plan.price),
        currency=request.currency or plan.currency,
    )


def keeping_cost(
    rule: ValidityRule, plans: Iterable[Plan], currency: str
) -> KeepingCost | None:
    """Return the cheapest way to keep a line a year, in its currency.

    A wallet line pays its fee every period, whatever plans it has. Any other
    line buys its cheapest plan (in the line's currency) each time the rule's
    count runs out; a tie goes to the plan listed first. None when no plan
    can keep the line.
    """
    if isinstance(rule, BalanceRule):
        fee = rule.fee
        return KeepingCost(
            yearly=money(fee.amount * DAYS_A_YEAR / fee.period_days),
            currency=rule.currency or currency,
            plan=None,
        )
    best: KeepingCost | None = None
    for plan in plans:
        if plan.currency != currency:
            continue
        if (per_year := purchases_a_year(rule, plan)) is None:
            continue
        yearly = money(plan.price * per_year)
        if best is None or yearly < best.yearly:
            best = KeepingCost(yearly=yearly, currency=currency, plan=plan)
    return best


def purchases_a_year(rule: ValidityRule, plan: Plan) -> float | None:
    """Return how many times a year a plan is bought to keep a line under its rule.

    - fixed: a pack each time the last one ends (the plan's days, or the line's);
    - rolling and stacking: each purchase counts its days (the plan's, or the
      line's);
    - monthly: one bill a month;
    - after the pack: a pack, then the window after it, then the next pack;
    - activity: one purchase a window, of days or of calendar months.

    None when the plan gives no days the rule can count.
    """
    match rule:
        case FixedRule():
            return _per_year(plan.validity_days or rule.pack_days)
        case RollingRule() | StackingRule():
            return _per_year(plan.validity_days or rule.validity_days)
        case MonthlyRule():
            return MONTHS_A_YEAR
        case AfterPackRule():
            return _per_year((plan.pack_days or rule.pack_days) + rule.validity_days)
        case ActivityRule():
            if rule.validity_months is not None:
                return MONTHS_A_YEAR / rule.validity_months
            return _per_year(rule.validity_days)
    return None


def _per_year(days: int | None) -> float | None:
    """Return how many periods of some days fit in a year."""
    return None if not days else DAYS_A_YEAR / days


def _check_purchase(allowed: Collection[str], field: str, value: float | None) -> None:
    """Refuse a part of a plan the line's rule does not take, or out of range."""
    if value is None:
        return
    if field not in allowed:
        raise LineValueError(field, "not_for_this_line")
    if field == "amount":
        amount(value, field, positive=True)
    else:
        optional_setting(field, value)


def _first(given: float | None, planned: float | None) -> float | None:
    """Return what a request gives, or else what the plan does."""
    return planned if given is None else given


def _whole(value: float | None) -> int | None:
    """Return a checked whole number of days, or None."""
    return None if value is None else int(value)
