"""A prepaid wallet that pays a fee every period, as US PayGo lines work.

The wallet is known by the day its current period started and the balance left
after that period was paid. Each later period is paid from the wallet when it
starts, as long as the wallet holds the fee; the line lasts to the end of the
last period the wallet can pay.
"""

from dataclasses import dataclass
from datetime import date, timedelta
import math

from .values import MAX_YEARS

# Money is kept to the cent, so 10 - 3 - 3 - 3 is 1 and not 0.9999999.
_MONEY_DECIMALS = 2
# How far a wallet is followed from the start of its period: past the last
# safe day any wallet may give (a period begun up to MAX_YEARS ago, paid up to
# MAX_YEARS ahead), and far short of the end of the calendar, however large
# the balance and small the fee.
_WALLET_HORIZON_DAYS = (2 * MAX_YEARS + 1) * 366


@dataclass(frozen=True, kw_only=True)
class Wallet:
    """A wallet after the period that starts on ``period_start`` was paid."""

    period_start: date
    balance: float


@dataclass(frozen=True, kw_only=True)
class Fee:
    """What the line costs: ``amount`` every ``period_days`` days."""

    amount: float
    period_days: int

    def periods_payable(self, balance: float) -> int:
        """Return how many more periods a balance pays for."""
        return math.floor(round(balance / self.amount, 6))

    def last_day(self, wallet: Wallet) -> date:
        """Return the last day of the last period the wallet can pay.

        A wallet is followed only so far: a tiny fee on a large balance would
        otherwise run past the last date there is. The rules refuse a wallet
        that lasts past the bounds of ``values``.
        """
        periods = 1 + min(
            self.periods_payable(wallet.balance),
            _WALLET_HORIZON_DAYS // self.period_days,
        )
        return wallet.period_start + timedelta(days=periods * self.period_days - 1)

    def on(self, wallet: Wallet, day: date) -> Wallet:
        """Return the wallet on a day, after paying the periods begun by then."""
        if day < wallet.period_start:
            return wallet
        begun = (day - wallet.period_start).days // self.period_days
        paid = min(begun, self.periods_payable(wallet.balance))
        return Wallet(
            period_start=wallet.period_start + timedelta(days=paid * self.period_days),
            balance=money(wallet.balance - paid * self.amount),
        )

    def top_up(self, wallet: Wallet, amount: float, day: date) -> Wallet:
        """Return the wallet after adding money on a day.

        While the line lives the money joins the balance. Once it has lapsed, a
        new period starts on the day when the balance and the money pay its
        fee; when they do not, the money stays in the wallet and the line stays
        lapsed until a later top-up makes up the fee.
        """
        current = self.on(wallet, day)
        balance = money(current.balance + amount)
        if day <= self.last_day(wallet) or balance < self.amount:
            return Wallet(period_start=current.period_start, balance=balance)
        return Wallet(period_start=day, balance=money(balance - self.amount))

    def shortfall(self, wallet: Wallet, day: date) -> float | None:
        """Return what a lapsed wallet lacks on a day to pay a new period, if lapsed."""
        if day <= self.last_day(wallet):
            return None
        return money(self.amount - self.on(wallet, day).balance)


def money(value: float) -> float:
    """Round an amount of money to the cent."""
    return round(value, _MONEY_DECIMALS)
