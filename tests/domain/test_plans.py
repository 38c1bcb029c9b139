"""Tests of a line's plans and of what keeping a line costs, each rule by hand."""

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from .conftest import CURRENCIES
from custom_components.esim_renewal.domain.calendar_rules import (
    FixedRule,
    MonthlyRule,
    RollingRule,
)
from custom_components.esim_renewal.domain.carrier_plans import PRESET_PLANS
from custom_components.esim_renewal.domain.carriers import CARRIER_PRESETS
from custom_components.esim_renewal.domain.keeper_rules import (
    ActivityRule,
    AfterPackRule,
    BalanceRule,
    StackingRule,
)
from custom_components.esim_renewal.domain.plans import (
    Plan,
    chosen_plan,
    keeping_cost,
    plan_errors,
    plan_fields,
    plan_from_data,
    plan_from_input,
    plan_named,
    purchases_a_year,
    with_plan,
)
from custom_components.esim_renewal.domain.renewals import RenewalRequest
from custom_components.esim_renewal.domain.rules import validity_rule
from custom_components.esim_renewal.domain.validity import ValidityRule
from custom_components.esim_renewal.domain.values import LineValueError
from custom_components.esim_renewal.domain.wallet import Fee


def _plan(name: str, price: float, currency: str = "JPY", **given: Any) -> Plan:
    """Return a plan keyed by its name."""
    return Plan(key=name, name=name, price=price, currency=currency, **given)


@pytest.mark.parametrize(
    ("rule", "plans", "yearly", "plan"),
    [
        # A travel pack of 30 days bought back to back: 365 / 30 packs a year,
        # 1,500 × 12.1667 = 18,250; the 7-day pack is 500 × 52.14 = 26,071.43.
        (
            FixedRule(pack_days=30),
            [_plan("week", 500, validity_days=7), _plan("month", 1500)],
            18250.0,
            "month",
        ),
        # A 180-day top-up of 100 a time: 100 × 365 / 180 = 202.78.
        (RollingRule(validity_days=180), [_plan("top-up", 100)], 202.78, "top-up"),
        # A bill of 2,970 a month: 12 × 2,970 = 35,640.
        (MonthlyRule(billing_day=1), [_plan("30GB", 2970)], 35640.0, "30GB"),
        # povo: a pack, then 180 days after it. A 30-day pack of 990 keeps the
        # line 210 days (990 × 365 / 210 = 1,720.71); a one-day pack of 330
        # keeps it 181 days (330 × 365 / 181 = 665.47), the cheaper.
        (
            AfterPackRule(validity_days=180, pack_days=30),
            [_plan("3GB", 990), _plan("24h", 330, pack_days=1)],
            665.47,
            "24h",
        ),
        # A use every 6 months, buying the cheapest plan: 2 × 10 = 20.
        (
            ActivityRule(validity_months=6),
            [_plan("£10", 10, "GBP"), _plan("£15", 15, "GBP")],
            20.0,
            "£10",
        ),
        # A use every 180 days: 10 × 365 / 180 = 20.28.
        (ActivityRule(validity_days=180), [_plan("£10", 10, "GBP")], 20.28, "£10"),
        # Each renewal adds 30 days: 20 × 365 / 30 = 243.33.
        (StackingRule(validity_days=30), [_plan("light", 20, "USD")], 243.33, "light"),
    ],
)
def test_keeping_cost_by_hand(
    rule: ValidityRule, plans: list[Plan], yearly: float, plan: str
) -> None:
    """Keep the line with its cheapest plan a year, as counted by hand."""
    currency = plans[0].currency
    cost = keeping_cost(rule, plans, currency)
    assert cost is not None
    assert (cost.yearly, cost.currency) == (yearly, currency)
    assert cost.plan is not None
    assert cost.plan.name == plan


def test_keeping_cost_of_a_wallet_is_its_fee() -> None:
    """Pay 3 every 30 days: 3 × 365 / 30 = 36.50 a year, whatever the plans."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30), currency="USD")
    cost = keeping_cost(rule, [_plan("big", 50, "USD", amount=50)], "EUR")
    assert cost is not None
    assert (cost.yearly, cost.currency, cost.plan) == (36.5, "USD", None)
    no_currency = BalanceRule(fee=Fee(amount=3, period_days=30))
    cost = keeping_cost(no_currency, [], "EUR")
    assert cost is not None
    assert cost.currency == "EUR"


def test_keeping_cost_unknown_without_a_plan_that_keeps() -> None:
    """Say nothing when no plan keeps the line, or none is in its currency."""
    assert keeping_cost(RollingRule(validity_days=30), [], "JPY") is None
    assert (
        keeping_cost(RollingRule(validity_days=30), [_plan("x", 5, "USD")], "JPY")
        is None
    )
    # A travel line with no usual pack and a plan that names no days.
    assert keeping_cost(FixedRule(), [_plan("any", 5)], "JPY") is None


def test_purchases_a_year_of_a_wallet_is_none() -> None:
    """Count no purchases on a wallet line: its fee keeps it."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30))
    assert purchases_a_year(rule, _plan("x", 3)) is None


def test_keeping_cost_tie_goes_to_the_first_plan() -> None:
    """Assume the plan listed first when two cost the same a year."""
    plans = [_plan("a", 100), _plan("b", 100)]
    cost = keeping_cost(RollingRule(validity_days=30), plans, "JPY")
    assert cost is not None
    assert cost.plan == plans[0]


@pytest.mark.parametrize(
    ("rule", "fields"),
    [
        (FixedRule(), ("validity_days",)),
        (RollingRule(validity_days=30), ("validity_days",)),
        (MonthlyRule(billing_day=1), ()),
        (AfterPackRule(validity_days=180, pack_days=30), ("pack_days",)),
        (ActivityRule(validity_days=30), ()),
        (StackingRule(validity_days=30), ("validity_days",)),
        (BalanceRule(fee=Fee(amount=3, period_days=30)), ("amount",)),
    ],
)
def test_plan_fields_follow_the_rule(
    rule: ValidityRule, fields: tuple[str, ...]
) -> None:
    """Offer a plan only what a renewal under its rule takes; no days on a bill."""
    assert plan_fields(rule) == fields


def test_plan_errors_each_on_its_field() -> None:
    """Show every broken part of a plan at once, on its own field."""
    errors = plan_errors(
        {
            "name": "  ",
            "validity_days": 0,
            "pack_days": 30,
            "data_gb": -1,
            "price": -5,
            "currency": "yen",
        },
        RollingRule(validity_days=30),
        CURRENCIES,
    )
    assert [(err.field, err.key) for err in errors] == [
        ("name", "invalid_plan_name"),
        ("validity_days", "invalid_validity_days"),
        ("pack_days", "not_for_this_line"),
        ("data_gb", "invalid_data_amount"),
        ("price", "invalid_price"),
        ("currency", "invalid_currency"),
    ]


def test_plan_names_are_unique_and_short() -> None:
    """Refuse a name another plan has, whatever the case, or a long one."""
    rule = MonthlyRule(billing_day=1)
    taken = plan_errors(
        {"name": "Big", "price": 1, "currency": "JPY"}, rule, CURRENCIES, ["big"]
    )
    assert [err.key for err in taken] == ["plan_name_taken"]
    long = plan_errors(
        {"name": "x" * 61, "price": 1, "currency": "JPY"}, rule, CURRENCIES
    )
    assert [err.key for err in long] == ["invalid_plan_name"]


def test_plan_from_input() -> None:
    """Take a plan as entered, or raise its first error."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30))
    plan = plan_from_input(
        "k",
        {"name": " Top-up ", "amount": 10, "price": 10, "currency": "usd"},
        rule,
        CURRENCIES,
    )
    assert plan == Plan(key="k", name="Top-up", amount=10, price=10, currency="USD")
    with pytest.raises(LineValueError) as err:
        plan_from_input(
            "k",
            {"name": "x", "amount": 0, "price": 1, "currency": "USD"},
            rule,
            CURRENCIES,
        )
    assert err.value.key == "invalid_amount"


def test_chosen_and_named_plans() -> None:
    """Return the plan chosen, the first when the choice is gone, and by name."""
    plans = [_plan("a", 1), _plan("b", 2)]
    assert chosen_plan(plans, "b") == plans[1]
    assert chosen_plan(plans, "gone") == plans[0]
    assert chosen_plan([], None) is None
    assert plan_named(plans, " B ") == plans[1]
    with pytest.raises(LineValueError) as err:
        plan_named(plans, "c")
    assert (err.value.key, err.value.placeholders) == ("unknown_plan", {"plan": "c"})


def test_with_plan_fills_what_the_request_leaves_out() -> None:
    """Fill the days, data and cost from the plan; what is given wins."""
    plan = _plan("3GB", 990, pack_days=30, data_gb=3)
    request = RenewalRequest(renewed_on=date(2026, 1, 1))
    filled = with_plan(request, plan, tracks_data=True)
    assert (filled.pack_days, filled.data_total_gb, filled.cost, filled.currency) == (
        30,
        3,
        990,
        "JPY",
    )
    given = RenewalRequest(
        renewed_on=date(2026, 1, 1), pack_days=7, cost=500, currency="USD"
    )
    kept = with_plan(given, plan, tracks_data=False)
    assert (kept.pack_days, kept.data_total_gb, kept.cost, kept.currency) == (
        7,
        None,
        500,
        "USD",
    )


def test_preset_plans_are_sourced_and_fit_their_rule() -> None:
    """Give each preset plan a source and a day, and values its rule takes."""
    for key, plans in PRESET_PLANS.items():
        preset = CARRIER_PRESETS[key]
        rule = validity_rule(preset.validity, preset.settings())
        for plan in plans:
            assert plan.source
            assert plan.checked.year >= 2026
            assert plan_errors(plan.values(), rule, CURRENCIES) == []
    assert set(PRESET_PLANS) >= {
        "povo_2",
        "ahamo",
        "giffgaff",
        "ultra_mobile_paygo",
    }


def test_keeping_a_giffgaff_number_costs_two_texts_a_year() -> None:
    """Any use keeps giffgaff 6 months: a 10p text twice a year is 0.20 GBP."""
    preset = CARRIER_PRESETS["giffgaff"]
    rule = validity_rule(preset.validity, preset.settings())
    plans = [
        plan_from_data(str(index), plan.values())
        for index, plan in enumerate(PRESET_PLANS["giffgaff"])
    ]
    cost = keeping_cost(rule, plans, "GBP")
    assert cost is not None
    assert (cost.yearly, cost.currency) == (0.2, "GBP")


def test_readme_lists_every_preset_plan() -> None:
    """Show each preset plan in the README's table, with its price and source."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for key, plans in PRESET_PLANS.items():
        for plan in plans:
            mark = "" if plan.confirmed else " *"
            assert f"| {CARRIER_PRESETS[key].name} | {plan.name}{mark} |" in readme
            assert f"| {plan.price:,g} {plan.currency} | {plan.source}" in readme
