"""Property-based tests of the domain core: what holds for any dates and rules."""

from datetime import UTC, date, datetime, time, timedelta
import json
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import given, settings, strategies as st

from .conftest import CURRENCIES, TOKYO
from custom_components.esim_renewal.domain.calendar_rules import (
    FixedRule,
    MonthlyRule,
    RollingRule,
)
from custom_components.esim_renewal.domain.data import data_allowance
from custom_components.esim_renewal.domain.history import (
    record_use,
    remember,
    undo_last,
)
from custom_components.esim_renewal.domain.keeper_rules import (
    ActivityRule,
    AfterPackRule,
    BalanceRule,
    StackingRule,
)
from custom_components.esim_renewal.domain.line import (
    Change,
    LineSettings,
    LineState,
    read_counter,
    record_data,
    see,
    start_line,
)
from custom_components.esim_renewal.domain.reminders import ReminderLog
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew
from custom_components.esim_renewal.domain.serialization import (
    log_from_dict,
    log_to_dict,
    state_from_dict,
    state_to_dict,
)
from custom_components.esim_renewal.domain.snapshot import take_snapshot
from custom_components.esim_renewal.domain.validity import (
    LineStart,
    Terms,
    ValidityRule,
)
from custom_components.esim_renewal.domain.values import LineValueError, latest_day
from custom_components.esim_renewal.domain.wallet import Fee

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


@settings(max_examples=2000)
@given(rule=rules, first=DAY, purchases=purchases)
def test_a_renewal_never_moves_the_last_safe_day_earlier(
    rule: ValidityRule, first: date, purchases: list[tuple[int, int | None]]
) -> None:
    """Rolling, after-pack and stacking lines: each renewal keeps or moves it on.

    Never past the latest day there may be: a renewal that would go there is
    refused.
    """
    state = LineState(
        terms=rule.start(LineStart(expiry_date=first, last_renewal=first), first)
    )
    day = first
    refused: set[str] = set()
    for gap, days in purchases:
        day += timedelta(days=gap)
        now = datetime.combine(day, time(23, 59), tzinfo=TOKYO)
        try:
            renewed = renew(
                state, rule, _request(rule, day, days), now=now, currencies=CURRENCIES
            )
        except LineValueError as err:
            refused.add(err.key)
            continue
        assert state.expiry_date <= renewed.expiry_date <= latest_day(day)
        assert renewed.renewals[-1].expiry_date == renewed.expiry_date
        state = renewed
    assert refused <= {"date_too_late"}


# Zones with whole-hour, half-hour and 45-minute offsets, with and without
# daylight saving time: Lord Howe moves its clocks by half an hour, and Santiago
# moves them at midnight, so that some of its days start at 01:00.
ZONES = st.sampled_from(
    [
        "UTC",
        "Asia/Tokyo",
        "Europe/London",
        "America/New_York",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "America/St_Johns",
        "Australia/Adelaide",
        "Australia/Lord_Howe",
        "Pacific/Chatham",
        "America/Santiago",
        "Pacific/Kiritimati",
        "America/Adak",
    ]
).map(ZoneInfo)
INSTANTS = st.datetimes(
    min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31)
).map(lambda naive: naive.replace(tzinfo=UTC))
ONE_MICROSECOND = timedelta(microseconds=1)


@settings(max_examples=3500)
@given(
    zone=ZONES,
    instant=INSTANTS,
    expiry=DAY,
    days=st.integers(min_value=1, max_value=40),
)
def test_days_left_fall_by_exactly_one_at_each_local_midnight(
    zone: ZoneInfo, instant: datetime, expiry: date, days: int
) -> None:
    """In any zone, across any clock change: one less each local midnight.

    Nothing changes between two midnights.
    """
    settings_ = LineSettings(rule=RollingRule(validity_days=30))
    state = LineState(terms=Terms(expiry_date=expiry))
    now = instant.astimezone(zone)
    snapshot = take_snapshot(state, settings_, now)
    for _ in range(days):
        change = snapshot.next_change
        assert change > now
        assert change - now <= timedelta(hours=25)
        # Instants are compared and stepped in UTC: aware arithmetic in a zone
        # is wall-clock arithmetic.
        just_before = (change.astimezone(UTC) - ONE_MICROSECOND).astimezone(zone)
        before = take_snapshot(state, settings_, just_before)
        assert before.days_until_expiry == snapshot.days_until_expiry
        assert before.next_change == change
        after = take_snapshot(state, settings_, change)
        assert after.days_until_expiry == snapshot.days_until_expiry - 1
        assert change.date() == now.date() + timedelta(days=1)
        now, snapshot = change, after


def _start(day: date) -> LineStart:
    """Return what a user says of a line added on a day: enough for any rule.

    A wallet holds nothing after paying its first period, which lasts up to
    ten years: more could pay past the bounds of a last safe day.
    """
    return LineStart(expiry_date=day + timedelta(days=20), last_renewal=day, balance=0)


ALL_RULES = st.one_of(
    rules,
    st.builds(FixedRule, pack_days=st.none() | DAYS),
    st.builds(MonthlyRule, billing_day=st.integers(min_value=1, max_value=31)),
    st.builds(ActivityRule, validity_days=DAYS)
    | st.builds(ActivityRule, validity_months=st.integers(min_value=1, max_value=24)),
    st.builds(
        BalanceRule,
        fee=st.builds(
            Fee,
            amount=st.integers(min_value=1, max_value=5000).map(float),
            period_days=DAYS,
        ),
        currency=st.none() | st.sampled_from(["JPY", "USD", "HKD"]),
    ),
)
GB = st.none() | st.floats(min_value=0, max_value=500, allow_nan=False)
MONEY = st.none() | st.floats(min_value=0, max_value=1e6, allow_nan=False)
operations = st.lists(
    st.one_of(
        st.tuples(
            st.just("renew"),
            st.integers(min_value=0, max_value=200),
            st.builds(
                dict,
                validity_days=st.none() | DAYS,
                pack_days=st.none() | DAYS,
                amount=MONEY,
                data_total_gb=GB,
                cost=MONEY,
                currency=st.none() | st.sampled_from(["JPY", "eur", "GBP"]),
            ),
        ),
        st.tuples(
            st.just("data"),
            st.integers(min_value=0, max_value=30),
            st.builds(dict, total_gb=GB, remaining_gb=GB, used_gb=GB),
        ),
        st.tuples(st.just("undo"), st.just(0), st.just({})),
        st.tuples(st.just("use"), st.integers(min_value=0, max_value=3), st.just({})),
        st.tuples(
            st.just("counter"),
            st.integers(min_value=0, max_value=3),
            st.builds(
                dict,
                source=st.sampled_from(["sensor.rx", "sensor.tx"]),
                value_gb=st.floats(min_value=0, max_value=1000),
            ),
        ),
        st.tuples(
            st.just("see"),
            st.just(0),
            st.builds(dict, source=st.text(max_size=20), value=st.text(max_size=20)),
        ),
    ),
    max_size=12,
)


@settings(max_examples=3000)
@given(
    rule=ALL_RULES,
    first=DAY,
    unlimited=st.booleans(),
    operations=operations,
    zone=ZONES,
    sent=st.frozensets(st.text(max_size=30), max_size=5),
)
def test_every_state_round_trips_through_the_store_format(  # noqa: PLR0917
    rule: ValidityRule,
    first: date,
    unlimited: bool,
    operations: list[tuple[str, int, dict[str, Any]]],
    zone: ZoneInfo,
    sent: frozenset[str],
) -> None:
    """Any line a user can make, renew, read, link, use and undo is stored and read back.

    What a rule refuses is the domain's own error, and leaves the line as it was.
    """
    state = start_line(rule, _start(first), data_allowance(unlimited=unlimited), first)
    day = first
    for operation, gap, values in operations:
        day += timedelta(days=gap)
        now = datetime.combine(day, time(12), tzinfo=zone)
        log = ReminderLog(checked_until=now, sent=sent)
        try:
            if operation == "renew":
                renewed = renew(
                    state,
                    rule,
                    RenewalRequest(renewed_on=day, renewed_at=now, **values),
                    now=now,
                    currencies=CURRENCIES,
                    default_currency="JPY",
                )
                state = remember(state, renewed, Change.RENEWAL, log)
            elif operation == "data":
                read = record_data(state, rule, day, **values)
                state = remember(state, read, Change.DATA, log)
            elif operation == "counter":
                state = read_counter(state, rule, day, **values)
            elif operation == "see":
                state = see(state, **values)
            elif operation == "use":
                if rule.counts_uses:
                    state = record_use(state, rule, now)
            else:
                state, _ = undo_last(state, rule)
        except LineValueError:
            pass
        stored = json.loads(json.dumps(state_to_dict(state)))
        assert state_from_dict(stored).state == state
        assert state_from_dict(stored).dropped == 0
    log = ReminderLog(
        checked_until=datetime.combine(day, time(9), tzinfo=zone), sent=sent
    )
    stored_log = json.loads(json.dumps(log_to_dict(log)))
    assert log_from_dict(stored_log) == log
