"""Rules of number-keeping lines: after the pack, after the last use, stacked days, a wallet."""

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any, Self, override

from .localtime import add_months
from .validity import (
    LineStart,
    Purchase,
    Terms,
    ValidityKind,
    ValidityRule,
    past_date,
    terms_from_expiry,
)
from .values import LineValueError, amount, latest_day, optional_setting, setting
from .wallet import Fee, Wallet


@dataclass(frozen=True, kw_only=True)
class AfterPackRule(ValidityRule):
    """The line is safe for ``validity_days`` after its latest pack ends.

    A pack bought on day D lasting P days ends on D + P (a 30-day povo topping
    bought on 1 October ends on 31 October), so 180 days later is 29 April. A
    shorter pack bought while a longer one runs does not move the end back.
    """

    kind = ValidityKind.AFTER_PACK
    purchase_fields = frozenset({"pack_days"})
    has_packs = True
    validity_days: int
    pack_days: int

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule with its window and usual pack."""
        return cls(
            validity_days=setting("validity_days", settings.get("validity_days")),
            pack_days=setting("pack_days", settings.get("pack_days")),
        )

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return the usual pack and the window after it."""
        return self.pack_days + self.validity_days

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Start from a pack bought on the last renewal."""
        bought = past_date(start.last_renewal, "last_renewal", today)
        pack_end = bought + timedelta(days=self.pack_days)
        return Terms(
            expiry_date=pack_end + timedelta(days=self.validity_days),
            last_renewal=bought,
            pack_end=pack_end,
        )

    @override
    def bought(self, terms: Terms, purchase: Purchase) -> Terms:
        """Keep whichever pack ends later."""
        pack_end = purchase.renewed_on + timedelta(
            days=purchase.pack_days or self.pack_days
        )
        if terms.pack_end is not None:
            pack_end = max(pack_end, terms.pack_end)
        return replace(super().bought(terms, purchase), pack_end=pack_end)

    @override
    def carry_over(self, terms: Terms) -> Terms:
        """Keep the last safe day; a line new to packs had its pack end a window before."""
        if terms.pack_end is not None:
            return replace(terms, wallet=None)
        return Terms(
            expiry_date=terms.expiry_date,
            last_renewal=terms.last_renewal,
            pack_end=terms.expiry_date - timedelta(days=self.validity_days),
        )

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Count the window from the end of the pack."""
        if terms.pack_end is None:  # pragma: no cover - bought() always sets it
            raise LineValueError("pack_days", "invalid_pack_days")
        return terms.pack_end + timedelta(days=self.validity_days)

    @override
    def pack_end(self, terms: Terms) -> date | None:
        """Return the last day of the latest pack."""
        return terms.pack_end


@dataclass(frozen=True, kw_only=True)
class ActivityRule(ValidityRule):
    """The line is safe for some days, or calendar months, after its last use.

    Used on 31 August with a 6-month window, it is safe through 28 February.
    """

    kind = ValidityKind.ACTIVITY
    counts_uses = True
    validity_days: int | None = None
    validity_months: int | None = None

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule with a window of days or of months, not both."""
        days = optional_setting("validity_days", settings.get("validity_days"))
        months = optional_setting("validity_months", settings.get("validity_months"))
        if (days is None) == (months is None):
            raise LineValueError("validity_days", "activity_needs_one_window")
        return cls(validity_days=days, validity_months=months)

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return the window, a month counting 30 days."""
        return self.validity_days or 30 * (self.validity_months or 0)

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Start from the last use."""
        used = past_date(start.last_renewal, "last_renewal", today)
        return Terms(expiry_date=self.window_end(used), last_renewal=used)

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Count the window from this use."""
        return self.window_end(purchase.renewed_on)

    def window_end(self, used: date) -> date:
        """Return the last safe day after a use."""
        if self.validity_months is not None:
            return add_months(used, self.validity_months)
        return used + timedelta(days=self.validity_days or 0)


@dataclass(frozen=True, kw_only=True)
class StackingRule(ValidityRule):
    """Each renewal adds ``validity_days`` to the current expiry.

    A lapsed line counts from the renewal day instead, and the result is never
    more than ``max_validity_days`` after the renewal day.
    """

    kind = ValidityKind.STACKING
    purchase_fields = frozenset({"validity_days"})
    validity_days: int
    max_validity_days: int | None = None

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule with its days and optional cap, no smaller than them."""
        days = setting("validity_days", settings.get("validity_days"))
        cap = optional_setting("max_validity_days", settings.get("max_validity_days"))
        if cap is not None and cap < days:
            raise LineValueError("max_validity_days", "invalid_max_validity_days")
        return cls(validity_days=days, max_validity_days=cap)

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return the days each renewal adds."""
        return self.validity_days

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Start on the last safe day the user gives."""
        return terms_from_expiry(start, today)

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Add the days to the current expiry, or to the day of a late renewal."""
        day = purchase.renewed_on
        base = max(terms.expiry_date, day)
        expiry = base + timedelta(days=purchase.validity_days or self.validity_days)
        if self.max_validity_days is not None:
            expiry = min(expiry, day + timedelta(days=self.max_validity_days))
        return expiry


@dataclass(frozen=True, kw_only=True)
class BalanceRule(ValidityRule):
    """A prepaid wallet pays ``fee`` every ``fee_period_days``; see ``wallet``."""

    kind = ValidityKind.BALANCE
    purchase_fields = frozenset({"amount"})
    takes_expiry_date = False
    has_wallet = True
    fee: Fee
    currency: str | None = None

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule with its fee, period and currency.

        The currency is checked against the ISO 4217 codes where the user gives
        it; the rule takes it upper-cased.
        """
        currency = settings.get("currency")
        return cls(
            fee=Fee(
                amount=amount(settings.get("fee"), "fee", positive=True),
                period_days=setting("fee_period_days", settings.get("fee_period_days")),
            ),
            currency=str(currency).strip().upper() if currency else None,
        )

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return the period the fee pays for."""
        return self.fee.period_days

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Start from the current period and the balance left after paying it."""
        wallet = Wallet(
            period_start=past_date(start.last_renewal, "last_renewal", today),
            balance=amount(start.balance, "balance"),
        )
        if (last_day := self.fee.last_day(wallet)) > (latest := latest_day(today)):
            raise LineValueError(
                "balance", "wallet_too_long", latest=latest.isoformat()
            )
        return Terms(
            expiry_date=last_day,
            last_renewal=wallet.period_start,
            wallet=wallet,
        )

    @override
    def bought(self, terms: Terms, purchase: Purchase) -> Terms:
        """Add the money to the wallet; the usual top-up is one fee."""
        if terms.wallet is None:  # pragma: no cover - start() always sets it
            raise LineValueError("balance", "invalid_balance")
        wallet = self.fee.top_up(
            terms.wallet,
            purchase.amount or self.fee.amount,
            purchase.renewed_on,
        )
        return replace(super().bought(terms, purchase), wallet=wallet)

    @override
    def carry_over(self, terms: Terms) -> Terms:
        """Keep a wallet; a line new to wallets needs its balance given."""
        if terms.wallet is None:
            raise LineValueError("balance", "wallet_needs_balance")
        return replace(terms, pack_end=None)

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Last as long as the wallet pays."""
        if terms.wallet is None:  # pragma: no cover - start() always sets it
            raise LineValueError("balance", "invalid_balance")
        return self.fee.last_day(terms.wallet)

    @override
    def implied_cost(self, purchase: Purchase) -> tuple[float, str | None] | None:
        """Return the money added to the wallet: a top-up is spending."""
        return purchase.amount or self.fee.amount, self.currency

    @override
    def wallet_on(self, terms: Terms, day: date) -> Wallet | None:
        """Return the wallet on a day, after the fees taken by then."""
        return None if terms.wallet is None else self.fee.on(terms.wallet, day)

    @override
    def top_up_needed(self, terms: Terms, day: date) -> float | None:
        """Return what the lapsed wallet lacks to pay a new period's fee."""
        return None if terms.wallet is None else self.fee.shortfall(terms.wallet, day)
