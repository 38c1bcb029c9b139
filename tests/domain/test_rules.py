"""Tests of the validity rules: how each shape of terms starts and renews a line."""

from datetime import date
from typing import Any

import pytest

from custom_components.esim_renewal.domain.calendar_rules import (
    FixedRule,
    MonthlyRule,
    RollingRule,
)
from custom_components.esim_renewal.domain.keeper_rules import (
    ActivityRule,
    AfterPackRule,
    BalanceRule,
    StackingRule,
)
from custom_components.esim_renewal.domain.rules import RULES, validity_rule
from custom_components.esim_renewal.domain.validity import (
    LineStart,
    Purchase,
    Terms,
    ValidityKind,
    ValidityRule,
    days_from,
)
from custom_components.esim_renewal.domain.values import LineValueError
from custom_components.esim_renewal.domain.wallet import Fee, Wallet

TODAY = date(2026, 11, 26)
POVO = AfterPackRule(validity_days=180, pack_days=30)
GIFFGAFF = ActivityRule(validity_months=6)


def renewed(rule: ValidityRule, terms: Terms, **purchase: Any) -> Terms:
    """Return the terms after a purchase, with the last safe day it gives."""
    bought = Purchase(**{"renewed_on": TODAY, **purchase})
    terms = rule.bought(terms, bought)
    return Terms(
        expiry_date=rule.renewal_expiry(terms, bought),
        last_renewal=terms.last_renewal,
        pack_end=terms.pack_end,
        wallet=terms.wallet,
    )


def test_every_kind_has_a_rule() -> None:
    """Each validity kind is served by exactly one rule."""
    assert set(RULES) == set(ValidityKind)
    assert all(rule.kind is kind for kind, rule in RULES.items())


@pytest.mark.parametrize(
    ("kind", "settings", "expected"),
    [
        ("fixed", {}, FixedRule()),
        ("fixed", {"validity_days": 30.0}, FixedRule(pack_days=30)),
        ("rolling", {"validity_days": 180}, RollingRule(validity_days=180)),
        ("monthly", {"billing_day": 31.0}, MonthlyRule(billing_day=31)),
        ("after_pack", {"validity_days": 180, "pack_days": 30}, POVO),
        ("activity", {"validity_months": 6}, GIFFGAFF),
        ("activity", {"validity_days": 180}, ActivityRule(validity_days=180)),
        (
            "stacking",
            {"validity_days": 365, "max_validity_days": 365},
            StackingRule(validity_days=365, max_validity_days=365),
        ),
        (
            "balance",
            {"fee": 3, "fee_period_days": 30, "currency": "usd"},
            BalanceRule(fee=Fee(amount=3, period_days=30), currency="USD"),
        ),
    ],
)
def test_rules_from_settings(
    kind: str, settings: dict[str, Any], expected: ValidityRule
) -> None:
    """Each rule takes the settings of its shape, as whole numbers."""
    assert validity_rule(kind, settings) == expected


@pytest.mark.parametrize(
    ("kind", "settings", "field", "key"),
    [
        ("weekly", {}, "validity", "invalid_validity"),
        ("rolling", {}, "validity_days", "invalid_validity_days"),
        ("rolling", {"validity_days": 0}, "validity_days", "invalid_validity_days"),
        ("rolling", {"validity_days": 1.5}, "validity_days", "invalid_validity_days"),
        ("rolling", {"validity_days": 3651}, "validity_days", "invalid_validity_days"),
        ("fixed", {"validity_days": -3}, "validity_days", "invalid_validity_days"),
        ("monthly", {"billing_day": 32}, "billing_day", "invalid_billing_day"),
        ("monthly", {"billing_day": True}, "billing_day", "invalid_billing_day"),
        ("after_pack", {"validity_days": 180}, "pack_days", "invalid_pack_days"),
        ("activity", {}, "validity_days", "activity_needs_one_window"),
        (
            "activity",
            {"validity_days": 180, "validity_months": 6},
            "validity_days",
            "activity_needs_one_window",
        ),
        (
            "activity",
            {"validity_months": 0},
            "validity_months",
            "invalid_validity_months",
        ),
        (
            "stacking",
            {"validity_days": 365, "max_validity_days": 30},
            "max_validity_days",
            "invalid_max_validity_days",
        ),
        ("balance", {"fee": 0, "fee_period_days": 30}, "fee", "invalid_fee"),
        ("balance", {"fee": 3}, "fee_period_days", "invalid_fee_period_days"),
        ("balance", {"fee": 1e9, "fee_period_days": 30}, "fee", "invalid_fee"),
    ],
)
def test_rules_reject(
    kind: str, settings: dict[str, Any], field: str, key: str
) -> None:
    """A rule that cannot give a last safe day names the setting at fault."""
    with pytest.raises(LineValueError) as err:
        validity_rule(kind, settings)
    assert (err.value.field, err.value.key) == (field, key)


@pytest.mark.parametrize(
    ("renewed_on", "days", "expected"),
    [
        (date(2026, 1, 1), 180, date(2026, 6, 29)),
        (date(2026, 6, 9), 180, date(2026, 12, 5)),
        (date(2026, 11, 26), 1, date(2026, 11, 26)),
        # 2028 is a leap year: 29 February counts as a day.
        (date(2028, 2, 1), 30, date(2028, 3, 1)),
        (date(2027, 2, 1), 30, date(2027, 3, 2)),
    ],
)
def test_days_from(renewed_on: date, days: int, expected: date) -> None:
    """The renewal day is the first day of a rolling period."""
    assert days_from(renewed_on, days) == expected


@pytest.mark.parametrize(
    ("rule", "start", "expected"),
    [
        (FixedRule(), LineStart(expiry_date=date(2026, 12, 20)), date(2026, 12, 20)),
        (
            RollingRule(validity_days=180),
            LineStart(last_renewal=date(2026, 6, 9)),
            date(2026, 12, 5),
        ),
        (MonthlyRule(billing_day=1), LineStart(), date(2026, 11, 30)),
        # povo: a 30-day topping bought on 1 October ends on 31 October, so
        # day 1 of 180 is 1 November and the last safe day is 29 April.
        (POVO, LineStart(last_renewal=date(2026, 10, 1)), date(2027, 4, 29)),
        (GIFFGAFF, LineStart(last_renewal=date(2026, 8, 31)), date(2027, 2, 28)),
        (
            ActivityRule(validity_days=180),
            LineStart(last_renewal=date(2026, 6, 9)),
            date(2026, 12, 6),
        ),
        (
            StackingRule(validity_days=365),
            LineStart(expiry_date=date(2027, 3, 1)),
            date(2027, 3, 1),
        ),
        # $10 left after paying the period that began on 1 November pays three
        # more $3 periods: the line is safe through 28 February.
        (
            BalanceRule(fee=Fee(amount=3, period_days=30)),
            LineStart(last_renewal=date(2026, 11, 1), balance=10),
            date(2027, 2, 28),
        ),
    ],
)
def test_start(rule: ValidityRule, start: LineStart, expected: date) -> None:
    """Each rule gives a new line its last safe day."""
    assert rule.start(start, TODAY).expiry_date == expected


def test_after_pack_start_keeps_the_pack() -> None:
    """An after-pack line knows when its pack ends."""
    terms = POVO.start(LineStart(last_renewal=date(2026, 10, 1)), TODAY)
    assert terms.pack_end == date(2026, 10, 31)
    assert POVO.pack_end(terms) == date(2026, 10, 31)
    assert FixedRule().pack_end(terms) == terms.expiry_date
    assert RollingRule(validity_days=1).pack_end(terms) is None


@pytest.mark.parametrize(
    ("rule", "start", "field", "key"),
    [
        (FixedRule(), LineStart(), "expiry_date", "missing_expiry_date"),
        (
            RollingRule(validity_days=30),
            LineStart(),
            "last_renewal",
            "missing_last_renewal",
        ),
        (
            RollingRule(validity_days=30),
            LineStart(last_renewal=date(2026, 11, 27)),
            "last_renewal",
            "last_renewal_in_future",
        ),
        (
            POVO,
            LineStart(last_renewal=date(2026, 11, 27)),
            "last_renewal",
            "last_renewal_in_future",
        ),
        (GIFFGAFF, LineStart(), "last_renewal", "missing_last_renewal"),
        (
            StackingRule(validity_days=30),
            LineStart(),
            "expiry_date",
            "missing_expiry_date",
        ),
        (
            BalanceRule(fee=Fee(amount=3, period_days=30)),
            LineStart(last_renewal=TODAY),
            "balance",
            "invalid_balance",
        ),
        (
            BalanceRule(fee=Fee(amount=3, period_days=30)),
            LineStart(last_renewal=TODAY, balance=-1),
            "balance",
            "invalid_balance",
        ),
        # A wallet of 99,999,999,999 is over the most money there is...
        (
            BalanceRule(fee=Fee(amount=0.01, period_days=1)),
            LineStart(last_renewal=TODAY, balance=99_999_999_999),
            "balance",
            "invalid_balance",
        ),
        # ... and one of a million would pay a fee of 0.01 a day for centuries.
        (
            BalanceRule(fee=Fee(amount=0.01, period_days=1)),
            LineStart(last_renewal=TODAY, balance=1_000_000),
            "balance",
            "wallet_too_long",
        ),
        (
            RollingRule(validity_days=30),
            LineStart(last_renewal=date(2016, 11, 25)),
            "last_renewal",
            "date_too_early",
        ),
        (
            FixedRule(),
            LineStart(expiry_date=date(9999, 12, 31)),
            "expiry_date",
            "date_too_late",
        ),
        (
            StackingRule(validity_days=30),
            LineStart(expiry_date=date(1, 1, 1)),
            "expiry_date",
            "date_too_early",
        ),
    ],
)
def test_start_errors(
    rule: ValidityRule, start: LineStart, field: str, key: str
) -> None:
    """A line that cannot start says which input is wrong."""
    with pytest.raises(LineValueError) as err:
        rule.start(start, TODAY)
    assert (err.value.field, err.value.key) == (field, key)


@pytest.mark.parametrize(
    ("billing_day", "today", "expected"),
    [
        (1, date(2026, 11, 26), date(2026, 11, 30)),
        (25, date(2026, 11, 26), date(2026, 12, 24)),
        (25, date(2026, 11, 25), date(2026, 12, 24)),
        (25, date(2026, 11, 24), date(2026, 11, 24)),
        (31, date(2026, 1, 31), date(2026, 2, 27)),
        (31, date(2026, 2, 28), date(2026, 3, 30)),
        (31, date(2026, 2, 27), date(2026, 2, 27)),
        (31, date(2028, 2, 29), date(2028, 3, 30)),
        (15, date(2026, 12, 20), date(2027, 1, 14)),
        (15, date(2027, 1, 3), date(2027, 1, 14)),
    ],
)
def test_monthly_period_end(billing_day: int, today: date, expected: date) -> None:
    """A billing period ends the day before the next billing date."""
    assert MonthlyRule(billing_day=billing_day).period_end(today) == expected


@pytest.mark.parametrize(
    ("year", "month", "billing_day", "expected"),
    [
        (2026, 1, 31, date(2026, 1, 31)),
        (2026, 4, 31, date(2026, 4, 30)),
        (2026, 2, 30, date(2026, 2, 28)),
        (2028, 2, 30, date(2028, 2, 29)),
        (2026, 2, 15, date(2026, 2, 15)),
    ],
)
def test_billing_date_falls_back_to_month_end(
    year: int, month: int, billing_day: int, expected: date
) -> None:
    """Day 31 in a 30-day month and February fall on the month's last day."""
    assert MonthlyRule(billing_day=billing_day).billing_date(year, month) == expected


@pytest.mark.parametrize(
    ("rule", "expiry", "renewed_on", "expected"),
    [
        # A rolling period restarts on the renewal day, early or late.
        (RollingRule(validity_days=180), date(2026, 12, 5), TODAY, date(2027, 5, 24)),
        (
            RollingRule(validity_days=180),
            date(2026, 10, 1),
            date(2026, 11, 20),
            date(2027, 5, 18),
        ),
        # A monthly plan paid early pays for the next period...
        (MonthlyRule(billing_day=25), date(2026, 12, 24), TODAY, date(2027, 1, 24)),
        # ...paid on time or late, for the period containing the renewal day.
        (
            MonthlyRule(billing_day=25),
            date(2026, 11, 24),
            date(2026, 11, 25),
            date(2026, 12, 24),
        ),
        (MonthlyRule(billing_day=25), date(2026, 9, 24), TODAY, date(2026, 12, 24)),
        # A fixed line takes its usual pack length.
        (FixedRule(pack_days=30), date(2026, 11, 30), TODAY, date(2026, 12, 25)),
        # A use restarts an activity window.
        (GIFFGAFF, date(2027, 1, 1), date(2026, 8, 31), date(2027, 2, 28)),
        (ActivityRule(validity_days=180), date(2026, 12, 6), TODAY, date(2027, 5, 25)),
    ],
)
def test_renewal_by_rule(
    rule: ValidityRule, expiry: date, renewed_on: date, expected: date
) -> None:
    """Each shape of terms renews by its own rule."""
    terms = renewed(rule, Terms(expiry_date=expiry), renewed_on=renewed_on)
    assert terms.expiry_date == expected
    assert terms.last_renewal == renewed_on


def test_renewal_with_days_given() -> None:
    """Days given with a renewal win over the usual ones."""
    assert renewed(
        RollingRule(validity_days=180), Terms(expiry_date=TODAY), validity_days=30
    ).expiry_date == date(2026, 12, 25)
    assert renewed(
        MonthlyRule(billing_day=1), Terms(expiry_date=TODAY), validity_days=7
    ).expiry_date == date(2026, 12, 2)
    with pytest.raises(LineValueError) as err:
        renewed(FixedRule(), Terms(expiry_date=TODAY))
    assert (err.value.field, err.value.key) == ("expiry_date", "renewal_needs_expiry")


def test_after_pack_renewal() -> None:
    """A new pack moves the end; a shorter one bought meanwhile does not."""
    terms = POVO.start(LineStart(last_renewal=date(2026, 10, 1)), TODAY)
    # A 24-hour pack on 26 November ends on 27 November, after the 30-day one.
    day_pack = renewed(POVO, terms, pack_days=1)
    assert day_pack.pack_end == date(2026, 11, 27)
    assert day_pack.expiry_date == date(2027, 5, 26)
    # A 30-day pack then a 1-day pack the same day: the 30-day pack counts.
    month_pack = renewed(POVO, terms)
    assert month_pack.pack_end == date(2026, 12, 26)
    assert renewed(POVO, month_pack, pack_days=1).pack_end == date(2026, 12, 26)
    assert renewed(POVO, month_pack, pack_days=1).expiry_date == date(2027, 6, 24)


@pytest.mark.parametrize(
    ("expiry", "renewed_on", "expected"),
    [
        # Days are added to the current expiry...
        (date(2027, 1, 31), TODAY, date(2027, 3, 2)),
        # ...or to the renewal day once the line has lapsed...
        (date(2026, 11, 1), TODAY, date(2026, 12, 26)),
        # ...and never more than the cap after the renewal day.
        (date(2027, 3, 1), TODAY, date(2027, 3, 17)),
    ],
)
def test_stacking_renewal(expiry: date, renewed_on: date, expected: date) -> None:
    """Each purchase adds 30 days, capped at 111 days ahead."""
    rule = StackingRule(validity_days=30, max_validity_days=111)
    terms = renewed(rule, Terms(expiry_date=expiry), renewed_on=renewed_on)
    assert terms.expiry_date == expected


def test_stacking_buzzme_cap() -> None:
    """buzzme: +365 days, never more than 365 ahead of the purchase."""
    rule = StackingRule(validity_days=365, max_validity_days=365)
    terms = renewed(rule, Terms(expiry_date=date(2027, 6, 1)))
    assert terms.expiry_date == date(2027, 11, 26)
    assert renewed(
        rule, Terms(expiry_date=date(2027, 6, 1)), validity_days=30
    ).expiry_date == (date(2027, 7, 1))


def test_balance_top_up() -> None:
    """Money joins the wallet; the line lasts as long as it pays."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30), currency="USD")
    terms = rule.start(LineStart(last_renewal=date(2026, 11, 1), balance=1), TODAY)
    assert terms.expiry_date == date(2026, 11, 30)
    topped = renewed(rule, terms, amount=10)
    assert topped.wallet == Wallet(period_start=date(2026, 11, 1), balance=11)
    assert topped.expiry_date == date(2027, 2, 28)
    # The usual top-up is one fee.
    assert renewed(rule, terms).wallet == Wallet(
        period_start=date(2026, 11, 1), balance=4
    )
    assert rule.implied_cost(Purchase(renewed_on=TODAY, amount=10)) == (10, "USD")
    assert rule.implied_cost(Purchase(renewed_on=TODAY)) == (3, "USD")
    assert FixedRule().implied_cost(Purchase(renewed_on=TODAY)) is None


def test_balance_top_up_after_a_lapse() -> None:
    """A lapsed line starts a new period on the top-up day, if the money pays it."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30))
    terms = rule.start(LineStart(last_renewal=date(2026, 9, 1), balance=1), TODAY)
    assert terms.expiry_date == date(2026, 9, 30)
    topped = renewed(rule, terms, amount=5)
    assert topped.wallet == Wallet(period_start=TODAY, balance=3)
    assert topped.expiry_date == date(2027, 1, 24)
    # Too little to pay a fee: the money is kept, and the line stays lapsed.
    short = renewed(rule, terms, amount=1)
    assert short.wallet == Wallet(period_start=date(2026, 9, 1), balance=2)
    assert short.expiry_date == date(2026, 9, 30)
    assert rule.top_up_needed(short, TODAY) == 1
    assert rule.top_up_needed(topped, TODAY) is None
