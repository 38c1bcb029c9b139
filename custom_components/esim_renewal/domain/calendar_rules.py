"""Rules that follow the calendar: a fixed end, a rolling period, a monthly bill."""

from calendar import monthrange
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Self, override

from .localtime import add_months
from .validity import (
    LineStart,
    Purchase,
    Terms,
    ValidityKind,
    ValidityRule,
    days_from,
    past_date,
    terms_from_expiry,
)
from .values import LineValueError, optional_setting, setting


@dataclass(frozen=True, kw_only=True)
class FixedRule(ValidityRule):
    """The line works through a day the user gives; a new pack sets a new one."""

    kind = ValidityKind.FIXED
    purchase_fields = frozenset({"validity_days"})
    has_packs = True
    pack_days: int | None = None
    """The usual length of a new pack, counting its first day."""

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule; the usual pack length is optional."""
        return cls(
            pack_days=optional_setting("validity_days", settings.get("validity_days"))
        )

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return the usual pack length."""
        return self.pack_days

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Start on the last day the user gives."""
        return terms_from_expiry(start, today)

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Give the pack's days from the renewal day."""
        days = purchase.validity_days or self.pack_days
        if days is None:
            raise LineValueError("expiry_date", "renewal_needs_expiry")
        return days_from(purchase.renewed_on, days)

    @override
    def pack_end(self, terms: Terms) -> date | None:
        """Return the expiry date: the pack is the line."""
        return terms.expiry_date


@dataclass(frozen=True, kw_only=True)
class RollingRule(ValidityRule):
    """The line works for ``validity_days`` from the renewal (top-up) day."""

    kind = ValidityKind.ROLLING
    purchase_fields = frozenset({"validity_days"})
    validity_days: int

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule with its period."""
        return cls(
            validity_days=setting("validity_days", settings.get("validity_days"))
        )

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return the period."""
        return self.validity_days

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Start from the last renewal."""
        last = past_date(start.last_renewal, "last_renewal", today)
        return Terms(expiry_date=days_from(last, self.validity_days), last_renewal=last)

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Start a new period on the renewal day."""
        return days_from(
            purchase.renewed_on, purchase.validity_days or self.validity_days
        )


@dataclass(frozen=True, kw_only=True)
class MonthlyRule(ValidityRule):
    """The plan renews on ``billing_day`` every month.

    A billing period runs from one billing date up to the day before the next.
    A day past a month's end falls on its last day.
    """

    kind = ValidityKind.MONTHLY
    purchase_fields = frozenset({"validity_days"})
    billing_day: int

    @override
    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule with its billing day."""
        return cls(billing_day=setting("billing_day", settings.get("billing_day")))

    @property
    @override
    def cycle_days(self) -> int | None:
        """Return a month's days."""
        return 30

    @override
    def start(self, start: LineStart, today: date) -> Terms:
        """Take the line as paid for the billing period that contains today."""
        return Terms(
            expiry_date=self.period_end(today), last_renewal=start.last_renewal
        )

    @override
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Pay the next period if early, else the one that contains the day."""
        if purchase.validity_days is not None:
            return days_from(purchase.renewed_on, purchase.validity_days)
        return self.period_end(
            max(terms.expiry_date + timedelta(days=1), purchase.renewed_on)
        )

    def billing_date(self, year: int, month: int) -> date:
        """Return the billing date in a month."""
        return date(year, month, min(self.billing_day, monthrange(year, month)[1]))

    def period_end(self, day: date) -> date:
        """Return the last day of the billing period that contains a day."""
        start = self.billing_date(day.year, day.month)
        if start > day:
            before = add_months(day.replace(day=1), -1)
            start = self.billing_date(before.year, before.month)
        after = add_months(start.replace(day=1), 1)
        return self.billing_date(after.year, after.month) - timedelta(days=1)
