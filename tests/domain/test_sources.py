"""Tests of reading other devices: data counters, remaining data, uses, expiry."""

from datetime import date, datetime

import pytest

from .conftest import CURRENCIES, SANTIAGO, tokyo
from custom_components.esim_renewal.domain.calendar_rules import FixedRule
from custom_components.esim_renewal.domain.data import data_allowance
from custom_components.esim_renewal.domain.keeper_rules import AfterPackRule
from custom_components.esim_renewal.domain.line import (
    LineState,
    follow_remaining,
    read_counter,
    rename_source,
    see,
)
from custom_components.esim_renewal.domain.renewals import RenewalRequest, renew
from custom_components.esim_renewal.domain.sources import (
    counter_reading,
    is_new_use,
    last_safe_day_before,
)
from custom_components.esim_renewal.domain.validity import Terms

TODAY = date(2026, 11, 26)
RULE = FixedRule(pack_days=30)
TRAVEL = LineState(
    terms=Terms(expiry_date=date(2026, 12, 20)),
    data=data_allowance(total_gb=10, remaining_gb=8),
)
RX = "sensor.pixel_mobile_rx_gb"
TX = "sensor.pixel_mobile_tx_gb"


@pytest.mark.parametrize(
    ("last", "value", "increase", "baseline"),
    [
        (None, 5.0, 0.0, 5.0),  # The first reading is the baseline.
        (1.5, 2.0, 0.5, 2.0),
        (2.0, 2.0, 0.0, 2.0),
        (5.0, 4.999, 0.0, 5.0),  # A dip: nothing counted, the baseline stays.
        (2.0, 1.8, 0.0, 2.0),  # Down by 10 %: still a dip.
        (2.0, 0.25, 0.25, 0.25),  # The phone restarted: counted from zero.
        (2.0, 0.0, 0.0, 0.0),
    ],
)
def test_counter_reading(
    last: float | None, value: float, increase: float, baseline: float
) -> None:
    """A counter counts up, dips, or starts again from zero, as the recorder reads it."""
    assert counter_reading(last, value) == (increase, baseline)


def test_counters_add_their_increases_to_the_data_used() -> None:
    """Two counters' increases are used data; the allowance shows what is left."""
    state = TRAVEL
    for source, value in ((RX, 1.0), (TX, 0.5), (RX, 1.5), (TX, 0.75)):
        state = read_counter(state, RULE, TODAY, source, value)
    assert state.counters == {RX: 1.5, TX: 0.75}
    assert (state.data.used_gb, state.data.remaining_gb) == (2.75, 7.25)


def test_a_reset_counter_counts_from_zero() -> None:
    """After a phone restarts, its counter's new count is used data too."""
    state = read_counter(TRAVEL, RULE, TODAY, RX, 3.0)
    state = read_counter(state, RULE, TODAY, RX, 0.4)
    assert state.data.used_gb == 2.4
    assert state.counters == {RX: 0.4}


def test_a_dip_of_a_counter_counts_nothing() -> None:
    """A counter 1 MB lower only dipped: no use, and the baseline stays."""
    state = read_counter(TRAVEL, RULE, TODAY, RX, 5.0)
    state = read_counter(state, RULE, TODAY, RX, 4.999)
    assert state.data == TRAVEL.data
    assert state.counters == {RX: 5.0}
    state = read_counter(state, RULE, TODAY, RX, 5.1)
    assert state.data.used_gb == 2.1


def test_usage_stops_at_the_allowance() -> None:
    """More counted than the allowance leaves nothing, not an error."""
    state = read_counter(TRAVEL, RULE, TODAY, RX, 0.0)
    state = read_counter(state, RULE, TODAY, RX, 50.0)
    assert (state.data.used_gb, state.data.remaining_gb) == (10, 0)


def test_a_renewal_counts_from_the_counters_as_they_are() -> None:
    """After a renewal, only what the counters count from then on is used."""
    state = read_counter(TRAVEL, RULE, TODAY, RX, 4.0)
    state = read_counter(state, RULE, TODAY, RX, 5.0)
    assert state.data.used_gb == 3.0
    state = renew(
        state,
        RULE,
        RenewalRequest(renewed_on=TODAY),
        now=tokyo("2026-11-26T12:00"),
        currencies=CURRENCIES,
    )
    assert (state.data.used_gb, state.data.remaining_gb) == (0, 10)
    state = read_counter(state, RULE, TODAY, RX, 5.5)
    assert state.data.used_gb == 0.5


def test_a_line_without_a_reading_only_moves_the_baseline() -> None:
    """Unlimited data, or a pack that ended, takes no reading: the baseline moves."""
    unlimited = LineState(terms=TRAVEL.terms, data=data_allowance(unlimited=True))
    state = read_counter(
        read_counter(unlimited, RULE, TODAY, RX, 1), RULE, TODAY, RX, 2
    )
    assert state.data == unlimited.data
    assert state.counters == {RX: 2}

    pack = AfterPackRule(validity_days=180, pack_days=30)
    ended = LineState(
        terms=Terms(expiry_date=date(2027, 4, 29), pack_end=date(2026, 10, 31)),
        data=data_allowance(total_gb=3, remaining_gb=1),
    )
    state = read_counter(read_counter(ended, pack, TODAY, RX, 1), pack, TODAY, RX, 2)
    assert state.data == ended.data
    assert state.counters == {RX: 2}


def test_a_counter_with_no_allowance_counts_the_data_used() -> None:
    """Without an allowance, the data used is all that is known."""
    state = LineState(terms=TRAVEL.terms)
    state = read_counter(read_counter(state, RULE, TODAY, RX, 1), RULE, TODAY, RX, 1.25)
    assert (state.data.used_gb, state.data.remaining_gb) == (0.25, None)


def test_follow_remaining() -> None:
    """What a source says is left is the data left."""
    state = follow_remaining(TRAVEL, RULE, TODAY, 2.5)
    assert (state.data.total_gb, state.data.remaining_gb, state.data.used_gb) == (
        10,
        2.5,
        7.5,
    )


def test_extra_data_keeps_what_was_used() -> None:
    """More left than the pack's allowance is extra data: it adds to the pack.

    A 10 GB pack with 6.6 GB used, whose source then says 15 GB left, has 21.6 GB
    this time, of which 6.6 GB were used.
    """
    used = data_allowance(total_gb=10, remaining_gb=3.4)
    state = follow_remaining(LineState(terms=TRAVEL.terms, data=used), RULE, TODAY, 15)
    assert (state.data.total_gb, state.data.remaining_gb, state.data.used_gb) == (
        21.6,
        15,
        6.6,
    )
    assert state.data.plan_total_gb == 10


def test_a_renewal_refills_the_plan_not_the_grown_pack() -> None:
    """Extra data belongs to its pack; the source wins once it says something."""
    state = follow_remaining(TRAVEL, RULE, TODAY, 15)
    state = renew(
        state,
        RULE,
        RenewalRequest(renewed_on=TODAY),
        now=tokyo("2026-11-26T12:00"),
        currencies=CURRENCIES,
    )
    assert (state.data.total_gb, state.data.remaining_gb) == (10, 10)
    state = follow_remaining(state, RULE, TODAY, 1.7)
    assert (state.data.total_gb, state.data.remaining_gb) == (10, 1.7)


def test_a_renewal_with_a_new_allowance_changes_the_plan() -> None:
    """The data a renewal names is what the next renewals refill."""
    now = tokyo("2026-11-26T12:00")
    state = renew(
        TRAVEL,
        RULE,
        RenewalRequest(renewed_on=TODAY, data_total_gb=20),
        now=now,
        currencies=CURRENCIES,
    )
    state = follow_remaining(state, RULE, TODAY, 25)
    state = renew(
        state, RULE, RenewalRequest(renewed_on=TODAY), now=now, currencies=CURRENCIES
    )
    assert (state.data.total_gb, state.data.remaining_gb) == (20, 20)


def test_rename_source_keeps_what_the_line_knew() -> None:
    """A renamed source keeps its baseline and last value."""
    state = see(read_counter(TRAVEL, RULE, TODAY, RX, 4.0), TX, "12")
    state = renew(
        state,
        RULE,
        RenewalRequest(renewed_on=TODAY),
        now=tokyo("2026-11-26T12:00"),
        currencies=CURRENCIES,
    )
    renamed = rename_source(state, RX, "sensor.pixel_rx")
    assert renamed.counters == {"sensor.pixel_rx": 4.0}
    assert renamed.seen == {TX: "12"}
    renamed = rename_source(renamed, TX, "sensor.pixel_tx")
    assert renamed.seen == {"sensor.pixel_tx": "12"}
    assert rename_source(renamed, "sensor.other", "sensor.else") == renamed


def test_see_remembers_a_value() -> None:
    """A source's value is kept, next to those of the others."""
    state = see(see(TRAVEL, "sensor.a", "1"), "sensor.b", "x")
    assert state.seen == {"sensor.a": "1", "sensor.b": "x"}


@pytest.mark.parametrize(
    ("last", "value", "used"),
    [
        (None, "3", False),  # Where the source stood when it was linked.
        ("3", "3", False),  # Seen again, after a restart.
        ("3", "4.5", True),  # A counter grew.
        ("4.5", "0", False),  # A counter was reset.
        ("2026-11-25T10:00:00+00:00", "2026-11-26T08:00:00+00:00", True),
        ("on", "off", True),
    ],
)
def test_is_new_use(last: str | None, value: str, used: bool) -> None:
    """A new value is a use, except a counter that went back."""
    assert is_new_use(last, value) is used


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        (tokyo("2026-12-06T00:00"), date(2026, 12, 5)),
        (tokyo("2026-12-05T23:59:59"), date(2026, 12, 5)),
        (tokyo("2026-12-05T18:00"), date(2026, 12, 4)),
        (tokyo("2026-12-05T00:00"), date(2026, 12, 4)),
    ],
)
def test_last_safe_day_before(instant: datetime, day: date) -> None:
    """A line is safe through the last whole day before it stops."""
    assert last_safe_day_before(instant) == day


def test_last_safe_day_before_a_day_that_starts_late() -> None:
    """Santiago's clocks skip midnight in September: that day starts at 01:00."""
    start = datetime(2026, 9, 6, 1, 0, tzinfo=SANTIAGO)
    assert last_safe_day_before(start) == date(2026, 9, 5)
