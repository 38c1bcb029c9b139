"""A prepaid wallet that pays a fee every period, as US PayGo lines work.

The wallet is known by the day its current period started and the balance left
after that period was paid. Each later period is paid from the wallet when it
starts, as long as the wallet holds the fee; the line lasts to the end of the
last period the wallet can pay.
"""

from dataclasses import dataclass
from datetime import date, timedelta
import math

from .values import LineValueError

# Money is kept to the cent, so 10 - 3 - 3 - 3 is 1 and not 0.9999999.
_MONEY_DECIMALS = 2
# How far ahead a wallet's last safe day is followed: a century.
WALLET_HORIZON_DAYS = 36_500


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

        A wallet is followed for a century at most: a tiny fee on a large
        balance would otherwise run past the last date there is.
        """
        periods = 1 + min(
            self.periods_payable(wallet.balance),
            WALLET_HORIZON_DAYS // self.period_days,
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
        new period starts on the day, paid from the old balance and the money;
        if that is not enough the line stays lapsed and nothing changes.
        """
        if day <= self.last_day(wallet):
            current = self.on(wallet, day)
            return Wallet(
                period_start=current.period_start,
                balance=money(current.balance + amount),
            )
        left = money(
            wallet.balance - self.periods_payable(wallet.balance) * self.amount + amount
        )
        if left < self.amount:
            raise LineValueError(
                "amount",
                "top_up_below_fee",
                balance=f"{left:g}",
                fee=f"{self.amount:g}",
            )
        return Wallet(period_start=day, balance=money(left - self.amount))


def money(value: float) -> float:
    """Round an amount of money to the cent."""
    return round(value, _MONEY_DECIMALS)
