"""Tests of a line's settings and state: reminders that fit, a last safe day."""

from datetime import date

import pytest

from .conftest import CURRENCIES, tokyo
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
from custom_components.esim_renewal.domain.lapse import LineStatus
from custom_components.esim_renewal.domain.line import (
    LineSettings,
    LineState,
    default_reminder_days,
    follow_expiry,
    set_expiry_date,
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
        currencies=CURRENCIES,
    )
    assert state.expiry_date == renewed
    settings = LineSettings(
        rule=rule, reminders=ReminderPlan(days=default_reminder_days(rule))
    )
    assert take_snapshot(state, settings, now).status is LineStatus.ACTIVE


@pytest.mark.parametrize(
    ("day", "key"),
    [
        (date(2026, 11, 19), "expiry_before_last_renewal"),
        (date(2036, 11, 27), "date_too_late"),
        (date(9999, 12, 31), "date_too_late"),
    ],
)
def test_a_last_safe_day_by_hand_is_not_before_the_last_renewal(
    day: date, key: str
) -> None:
    """A day before the last renewal's, or over 10 years ahead, is refused."""
    state = LineState(
        terms=Terms(expiry_date=date(2027, 5, 24), last_renewal=date(2026, 11, 20))
    )
    today = date(2026, 11, 26)
    for allowed in (date(2026, 11, 20), today, date(2036, 11, 26)):
        assert set_expiry_date(state, allowed, today).expiry_date == allowed
    with pytest.raises(LineValueError) as err:
        set_expiry_date(state, day, today)
    assert (err.value.field, err.value.key) == ("expiry_date", key)


def test_a_linked_source_may_give_a_past_day_within_bounds() -> None:
    """What a carrier's entity says is taken, past or not, within 10 years."""
    state = LineState(terms=Terms(expiry_date=date(2027, 5, 24)))
    today = date(2026, 11, 26)
    assert follow_expiry(state, date(2026, 11, 1), today).expiry_date == date(
        2026, 11, 1
    )
    for day in (date(2016, 11, 25), date(9999, 12, 31)):
        with pytest.raises(LineValueError):
            follow_expiry(state, day, today)
