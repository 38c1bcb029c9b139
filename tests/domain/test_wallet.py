"""Tests of the prepaid wallet arithmetic."""

from datetime import date, timedelta

import pytest

from custom_components.esim_renewal.domain.wallet import Fee, Wallet, money

FEE = Fee(amount=3, period_days=30)
WALLET = Wallet(period_start=date(2026, 11, 1), balance=10)


@pytest.mark.parametrize(
    ("balance", "periods"), [(0, 0), (2.99, 0), (3, 1), (9, 3), (10, 3), (0.3 * 30, 3)]
)
def test_periods_payable(balance: float, periods: int) -> None:
    """A balance pays whole fees, however floats round."""
    assert FEE.periods_payable(balance) == periods


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2026, 10, 1), WALLET),
        (date(2026, 11, 30), WALLET),
        (date(2026, 12, 1), Wallet(period_start=date(2026, 12, 1), balance=7)),
        (date(2027, 1, 30), Wallet(period_start=date(2027, 1, 30), balance=1)),
        # Nothing more is paid once the wallet is short of a fee.
        (date(2027, 6, 1), Wallet(period_start=date(2027, 1, 30), balance=1)),
    ],
)
def test_wallet_pays_each_period_as_it_starts(day: date, expected: Wallet) -> None:
    """The fee leaves the wallet on the first day of each period it pays."""
    assert FEE.on(WALLET, day) == expected


def test_last_day() -> None:
    """The line lasts to the end of the last period the wallet pays."""
    assert FEE.last_day(WALLET) == date(2027, 2, 28)
    assert FEE.last_day(Wallet(period_start=date(2026, 11, 1), balance=0)) == date(
        2026, 11, 30
    )


def test_a_wallet_is_followed_only_so_far() -> None:
    """A tiny fee on a large balance ends 21 years on, not past the calendar.

    The rules refuse such a wallet; following it must not overflow first.
    """
    fee = Fee(amount=0.01, period_days=1)
    wallet = Wallet(period_start=date(2026, 11, 1), balance=99_999_999_999)
    assert fee.last_day(wallet) == date(2026, 11, 1) + timedelta(days=21 * 366)
    assert (
        Fee(amount=0.01, period_days=3650).last_day(
            Wallet(period_start=date(9000, 1, 1), balance=1e9)
        )
        < date.max
    )


def test_a_top_up_short_of_the_fee_waits_in_the_wallet() -> None:
    """A lapsed wallet keeps money that does not pay a fee, until more comes."""
    lapsed = Wallet(period_start=date(2026, 11, 1), balance=1)
    assert FEE.last_day(lapsed) == date(2026, 11, 30)
    short = FEE.top_up(lapsed, 1, date(2026, 12, 10))
    assert short == Wallet(period_start=date(2026, 11, 1), balance=2)
    assert FEE.shortfall(short, date(2026, 12, 10)) == 1
    paid = FEE.top_up(short, 1, date(2026, 12, 12))
    assert paid == Wallet(period_start=date(2026, 12, 12), balance=0)
    assert FEE.shortfall(paid, date(2026, 12, 12)) is None


def test_money_rounds_to_the_cent() -> None:
    """Repeated fees leave no float dust."""
    assert money(10 - 3.3 - 3.3 - 3.3) == 0.1
