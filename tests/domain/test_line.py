"""Tests of a line's settings and state: reminders that fit, undo."""

from datetime import date

import pytest

from .conftest import tokyo
from custom_components.esim_renewal.domain.calendar_rules import (
    FixedRule,
    MonthlyRule,
    RollingRule,
)
from custom_components.esim_renewal.domain.data import data_allowance
from custom_components.esim_renewal.domain.keeper_rules import (
    ActivityRule,
    AfterPackRule,
    BalanceRule,
    StackingRule,
)
from custom_components.esim_renewal.domain.lapse import LineStatus
from custom_components.esim_renewal.domain.line import (
    LineSettings,
    LineState,
    default_reminder_days,
    undo_renewal,
)
from custom_components.esim_renewal.domain.reminders import ReminderPlan
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew
from custom_components.esim_renewal.domain.snapshot import take_snapshot
from custom_components.esim_renewal.domain.validity import Terms, ValidityRule
from custom_components.esim_renewal.domain.values import LineValueError
from custom_components.esim_renewal.domain.wallet import Fee


@pytest.mark.parametrize(
    ("rule", "days"),
    [
        (MonthlyRule(billing_day=1), (3, 1)),
        (FixedRule(), (7, 1)),
        (FixedRule(pack_days=30), (7, 1)),
        (FixedRule(pack_days=90), (30, 7, 1)),
        (RollingRule(validity_days=30), (7, 1)),
        (RollingRule(validity_days=180), (30, 7, 1)),
        (AfterPackRule(validity_days=180, pack_days=30), (30, 7, 1)),
        (ActivityRule(validity_months=6), (30, 7, 1)),
        (StackingRule(validity_days=30), (7, 1)),
        (BalanceRule(fee=Fee(amount=3, period_days=30)), (7, 1)),
    ],
)
def test_reminders_fit_the_line(rule: ValidityRule, days: tuple[int, ...]) -> None:
    """A monthly bill, a short pack and a number keeper each get their own."""
    assert default_reminder_days(rule) == days


@pytest.mark.parametrize(
    ("rule", "renewed"),
    [
        (FixedRule(pack_days=30), date(2026, 12, 25)),
        (MonthlyRule(billing_day=26), date(2026, 12, 25)),
        (RollingRule(validity_days=180), date(2027, 5, 24)),
    ],
)
def test_a_line_just_renewed_is_active(rule: ValidityRule, renewed: date) -> None:
    """With the defaults that fit it, a renewed line is not expiring soon."""
    now = tokyo("2026-11-26 10:00")
    state = renew(
        LineState(terms=Terms(expiry_date=date(2026, 11, 26))),
        rule,
        RenewalRequest(renewed_on=now.date()),
        now=now,
    )
    assert state.expiry_date == renewed
    settings = LineSettings(
        rule=rule, reminders=ReminderPlan(days=default_reminder_days(rule))
    )
    assert take_snapshot(state, settings, now).status is LineStatus.ACTIVE


def test_undo_brings_back_the_line_before_its_renewal() -> None:
    """A renewal keeps what it replaced, one step deep, until undone."""
    now = tokyo("2026-11-26 10:00")
    before = LineState(
        terms=Terms(expiry_date=date(2026, 12, 5)),
        data=data_allowance(total_gb=10, remaining_gb=1),
    )
    rule = RollingRule(validity_days=180)
    once = renew(before, rule, RenewalRequest(renewed_on=now.date()), now=now)
    twice = renew(once, rule, RenewalRequest(renewed_on=now.date()), now=now)
    assert undo_renewal(once) == before
    assert twice.undo is not None
    assert twice.undo.undo is None
    assert undo_renewal(twice) == once.__class__(
        terms=once.terms, data=once.data, renewals=once.renewals
    )
    with pytest.raises(LineValueError) as err:
        undo_renewal(before)
    assert err.value.key == "nothing_to_undo"
