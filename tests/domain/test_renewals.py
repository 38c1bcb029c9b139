"""Tests of renewing a line: the history, costs and what a renewal may not do."""

from datetime import date, timedelta
from typing import Any

import pytest

from .conftest import CURRENCIES, tokyo
from custom_components.esim_renewal.domain.calendar_rules import FixedRule, RollingRule
from custom_components.esim_renewal.domain.data import DataAllowance, data_allowance
from custom_components.esim_renewal.domain.keeper_rules import (
    AfterPackRule,
    BalanceRule,
    StackingRule,
)
from custom_components.esim_renewal.domain.line import MAX_RENEWALS, LineState, Renewal
from custom_components.esim_renewal.domain.renewals import (
    RenewalRequest,
    renew,
    renewal_errors,
)
from custom_components.esim_renewal.domain.validity import (
    LineStart,
    Terms,
    ValidityRule,
)
from custom_components.esim_renewal.domain.values import LineValueError
from custom_components.esim_renewal.domain.wallet import Fee

NOW = tokyo("2026-11-26 10:00")
TODAY = NOW.date()
ROLLING_180 = RollingRule(validity_days=180)
POVO_LINE = LineState(terms=Terms(expiry_date=date(2026, 12, 5)))


def renewed(
    state: LineState, rule: ValidityRule = ROLLING_180, **request: Any
) -> LineState:
    """Return the state after a renewal on today, or as the request says."""
    return renew(
        state,
        rule,
        RenewalRequest(**{"renewed_on": TODAY, **request}),
        now=NOW,
        currencies=CURRENCIES,
        default_currency="JPY",
    )


def test_renewal_is_recorded() -> None:
    """A renewal moves the line and joins its history."""
    state = renewed(POVO_LINE, renewed_at=tokyo("2026-11-26 09:30"))
    assert state.expiry_date == date(2027, 5, 24)
    assert state.terms.last_renewal == TODAY
    assert state.renewals == (
        Renewal(
            renewed_on=TODAY,
            renewed_at=tokyo("2026-11-26 09:30"),
            expiry_date=date(2027, 5, 24),
        ),
    )


def test_explicit_expiry_wins() -> None:
    """A last safe day the carrier gives wins over the rule and over days."""
    state = renewed(POVO_LINE, expiry_date=date(2027, 1, 1), validity_days=30)
    assert state.expiry_date == date(2027, 1, 1)
    assert state.renewals[-1].validity_days == 30


def test_a_renewal_never_moves_the_expiry_earlier() -> None:
    """A short renewal while a longer period runs keeps the longer one."""
    state = renewed(POVO_LINE, FixedRule(), validity_days=7.0)
    assert state.expiry_date == date(2026, 12, 5)
    assert state.renewals[-1].validity_days == 7
    assert state.renewals[-1].expiry_date == date(2026, 12, 5)


def test_renew_refills_data_and_records_the_cost() -> None:
    """A renewal refills a known allowance and keeps what it cost."""
    state = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5)),
        data=data_allowance(total_gb=10, remaining_gb=2.3),
    )
    refilled = renewed(state, cost=990, currency=" jpy ")
    assert refilled.data == data_allowance(total_gb=10, remaining_gb=10)
    assert (refilled.renewals[-1].cost, refilled.renewals[-1].currency) == (990, "JPY")
    assert renewed(state, cost=5).renewals[-1].currency == "JPY"
    bigger = renewed(state, data_total_gb=20)
    assert bigger.data == data_allowance(total_gb=20, remaining_gb=20)
    assert renewed(POVO_LINE).data == DataAllowance()
    unlimited = LineState(terms=POVO_LINE.terms, data=DataAllowance(unlimited=True))
    assert renewed(unlimited).data == DataAllowance(unlimited=True)


def test_wallet_top_up_costs_what_was_added() -> None:
    """Topping up a wallet is spending, in the wallet's currency."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30), currency="USD")
    state = LineState(
        terms=rule.start(LineStart(last_renewal=date(2026, 11, 1), balance=1), TODAY)
    )
    topped = renewed(state, rule, amount=10)
    assert (topped.renewals[-1].amount, topped.renewals[-1].cost) == (10, 10)
    assert topped.renewals[-1].currency == "USD"
    assert renewed(state, rule).renewals[-1].cost == 3
    assert renewed(state, rule, cost=12, currency="EUR").renewals[-1].cost == 12


def test_pack_days_on_an_after_pack_line() -> None:
    """A 24-hour pack is recorded with its length."""
    rule = AfterPackRule(validity_days=180, pack_days=30)
    state = LineState(
        terms=rule.start(LineStart(last_renewal=date(2026, 11, 1)), TODAY)
    )
    day_pack = renewed(state, rule, pack_days=1)
    assert day_pack.renewals[-1].pack_days == 1
    assert day_pack.expiry_date == state.expiry_date


def test_history_is_bounded_and_spending_is_not() -> None:
    """Only the last renewals are kept, oldest first; the year's total keeps all."""
    state = LineState(terms=Terms(expiry_date=date(2026, 1, 1)))
    for offset in range(MAX_RENEWALS + 5):
        state = renewed(
            state, renewed_on=date(2026, 1, 1) + timedelta(days=offset), cost=2
        )
    assert len(state.renewals) == MAX_RENEWALS
    assert state.renewals[0].renewed_on == date(2026, 1, 6)
    assert state.renewals[-1].renewed_on == date(2026, 2, 24)
    assert state.spending == {2026: {"JPY": 2 * (MAX_RENEWALS + 5)}}


@pytest.mark.parametrize(
    ("rule", "request_", "field", "key"),
    [
        (
            ROLLING_180,
            {"renewed_on": date(2026, 11, 27)},
            "renewed_on",
            "renewal_in_future",
        ),
        (
            ROLLING_180,
            {"renewed_at": tokyo("2026-11-26 10:01")},
            "renewed_on",
            "renewal_in_future",
        ),
        (
            ROLLING_180,
            {"expiry_date": date(2026, 11, 1)},
            "expiry_date",
            "expiry_before_renewal",
        ),
        (
            ROLLING_180,
            {"expiry_date": date(2026, 12, 1)},
            "expiry_date",
            "expiry_before_current",
        ),
        (FixedRule(), {}, "expiry_date", "renewal_needs_expiry"),
        (ROLLING_180, {"validity_days": 0}, "validity_days", "invalid_validity_days"),
        (ROLLING_180, {"pack_days": 1}, "pack_days", "not_for_this_line"),
        (ROLLING_180, {"amount": 10}, "amount", "not_for_this_line"),
        (
            BalanceRule(fee=Fee(amount=3, period_days=30)),
            {"expiry_date": date(2027, 1, 1)},
            "expiry_date",
            "not_for_this_line",
        ),
        (
            BalanceRule(fee=Fee(amount=3, period_days=30)),
            {"validity_days": 30},
            "validity_days",
            "not_for_this_line",
        ),
        (
            BalanceRule(fee=Fee(amount=3, period_days=30)),
            {"amount": 0},
            "amount",
            "invalid_amount",
        ),
        (ROLLING_180, {"cost": -1}, "cost", "invalid_cost"),
        (ROLLING_180, {"cost": float("nan")}, "cost", "invalid_cost"),
        (ROLLING_180, {"cost": 100_000_001}, "cost", "invalid_cost"),
        (ROLLING_180, {"currency": "yen!"}, "currency", "invalid_currency"),
        # Three letters, but no ISO 4217 code.
        (ROLLING_180, {"currency": "yen"}, "currency", "invalid_currency"),
        (ROLLING_180, {"data_total_gb": -2}, "data_total_gb", "invalid_data_amount"),
        (
            ROLLING_180,
            {"data_total_gb": 10_001},
            "data_total_gb",
            "invalid_data_amount",
        ),
        (
            ROLLING_180,
            {"expiry_date": date(9999, 12, 31)},
            "expiry_date",
            "date_too_late",
        ),
        (
            ROLLING_180,
            {"expiry_date": date(2036, 11, 27)},
            "expiry_date",
            "date_too_late",
        ),
        (
            ROLLING_180,
            {"renewed_on": date(2016, 11, 25)},
            "renewed_on",
            "date_too_early",
        ),
        (
            StackingRule(validity_days=3650),
            {},
            "expiry_date",
            "date_too_late",
        ),
        (
            BalanceRule(fee=Fee(amount=0.01, period_days=1)),
            {"amount": 10_000},
            "amount",
            "wallet_too_long",
        ),
    ],
)
def test_renew_rejects(
    rule: ValidityRule, request_: dict[str, Any], field: str, key: str
) -> None:
    """A renewal that cannot be true says which input is wrong."""
    state = LineState(
        terms=Terms(
            expiry_date=date(2026, 12, 5),
            wallet=None,
        )
    )
    if isinstance(rule, BalanceRule):
        state = LineState(
            terms=rule.start(LineStart(last_renewal=TODAY, balance=0), TODAY)
        )
    with pytest.raises(LineValueError) as err:
        renewed(state, rule, **request_)
    assert (err.value.field, err.value.key) == (field, key)


def test_expiry_before_current_names_the_current_day() -> None:
    """The error says which day the line is already safe through."""
    with pytest.raises(LineValueError) as err:
        renewed(POVO_LINE, expiry_date=date(2026, 12, 1))
    assert err.value.placeholders == {"expiry_date": "2026-12-05"}


def test_every_wrong_part_is_named_at_once() -> None:
    """Each part of a renewal is checked on its own, in the form's order."""
    errors = renewal_errors(
        ROLLING_180,
        RenewalRequest(
            renewed_on=date(2026, 11, 27),
            validity_days=0,
            pack_days=1,
            expiry_date=date(9999, 12, 31),
            data_total_gb=-1,
            cost=-1,
            currency="yen",
        ),
        now=NOW,
        currencies=CURRENCIES,
    )
    assert [(err.field, err.key) for err in errors] == [
        ("renewed_on", "renewal_in_future"),
        ("validity_days", "invalid_validity_days"),
        ("pack_days", "not_for_this_line"),
        ("expiry_date", "date_too_late"),
        ("data_total_gb", "invalid_data_amount"),
        ("cost", "invalid_cost"),
        ("currency", "invalid_currency"),
    ]
    assert errors[3].placeholders == {"latest": "2036-11-26"}
    assert (
        renewal_errors(
            ROLLING_180,
            RenewalRequest(renewed_on=TODAY),
            now=NOW,
            currencies=CURRENCIES,
        )
        == []
    )


def test_a_top_up_too_small_is_recorded_and_the_line_stays_lapsed() -> None:
    """Money paid to the carrier is kept, even when it does not pay the fee."""
    rule = BalanceRule(fee=Fee(amount=3, period_days=30), currency="USD")
    # The wallet paid its last period on 1 October and holds 1: lapsed since 31 October.
    state = LineState(
        terms=rule.start(
            LineStart(last_renewal=date(2026, 10, 1), balance=1), date(2026, 10, 1)
        )
    )
    assert state.expiry_date == date(2026, 10, 30)
    topped = renewed(state, rule, amount=1)
    assert topped.expiry_date == date(2026, 10, 30)
    assert topped.renewals[-1].amount == 1
    assert topped.spending == {2026: {"USD": 1}}
    assert rule.wallet_on(topped.terms, TODAY).balance == 2
    assert rule.top_up_needed(topped.terms, TODAY) == 1
    # Another dollar pays the fee: a new period starts on the day.
    again = renewed(topped, rule, amount=1)
    assert again.expiry_date == TODAY + timedelta(days=29)
    assert rule.top_up_needed(again.terms, TODAY) is None
