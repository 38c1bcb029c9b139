"""Property-based tests of the domain core: what holds for any dates and rules."""

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings, strategies as st

from .conftest import TOKYO
from custom_components.esim_renewal.domain.calendar_rules import RollingRule
from custom_components.esim_renewal.domain.keeper_rules import (
    AfterPackRule,
    StackingRule,
)
from custom_components.esim_renewal.domain.line import LineState
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew
from custom_components.esim_renewal.domain.validity import LineStart, ValidityRule

DAYS = st.integers(min_value=1, max_value=3650)
START = date(2024, 1, 1)
DAY = st.dates(min_value=START, max_value=date(2030, 12, 31))

rules = st.one_of(
    st.builds(RollingRule, validity_days=DAYS),
    st.builds(AfterPackRule, validity_days=DAYS, pack_days=DAYS),
    st.builds(StackingRule, validity_days=DAYS)
    | DAYS.flatmap(
        lambda days: st.builds(
            StackingRule,
            validity_days=st.just(days),
            max_validity_days=st.integers(min_value=days, max_value=3650),
        )
    ),
)
purchases = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=400),
        st.none() | DAYS,
    ),
    min_size=1,
    max_size=8,
)


def _request(rule: ValidityRule, renewed_on: date, days: int | None) -> RenewalRequest:
    """Return a renewal on a day, with the days or pack the rule takes."""
    if isinstance(rule, AfterPackRule):
        return RenewalRequest(renewed_on=renewed_on, pack_days=days)
    return RenewalRequest(renewed_on=renewed_on, validity_days=days)


@settings(max_examples=300)
@given(rule=rules, first=DAY, purchases=purchases)
def test_a_renewal_never_moves_the_last_safe_day_earlier(
    rule: ValidityRule, first: date, purchases: list[tuple[int, int | None]]
) -> None:
    """Rolling, after-pack and stacking lines: each renewal keeps or moves it on."""
    state = LineState(
        terms=rule.start(LineStart(expiry_date=first, last_renewal=first), first)
    )
    day = first
    for gap, days in purchases:
        day += timedelta(days=gap)
        now = datetime.combine(day, time(23, 59), tzinfo=TOKYO)
        renewed = renew(state, rule, _request(rule, day, days), now=now)
        assert renewed.expiry_date >= state.expiry_date
        assert renewed.renewals[-1].expiry_date == renewed.expiry_date
        state = renewed
