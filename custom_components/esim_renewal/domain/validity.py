"""The interface every rule implements, and what rules work on."""

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, ClassVar, Self

from .values import LineValueError, day_within_bounds
from .wallet import Wallet


class ValidityKind(StrEnum):
    """The shapes of carrier terms."""

    FIXED = "fixed"
    """The line works through a given day, as a travel pack does."""
    ROLLING = "rolling"
    """The line works for some days counted from the renewal day."""
    MONTHLY = "monthly"
    """The plan renews on a billing day every month."""
    AFTER_PACK = "after_pack"
    """The line is safe for some days after its latest pack ends, as povo is."""
    ACTIVITY = "activity"
    """The line is safe for some days or months after its last use."""
    STACKING = "stacking"
    """Each renewal adds days to the current expiry, up to a cap."""
    BALANCE = "balance"
    """A prepaid wallet pays a fee every period."""


@dataclass(frozen=True, kw_only=True)
class Terms:
    """Where a line stands under its rule: its last safe day and what it follows."""

    expiry_date: date
    last_renewal: date | None = None
    """The last renewal, top-up or qualifying use."""
    pack_end: date | None = None
    """The last day of the latest pack, on an after-pack line."""
    wallet: Wallet | None = None
    """The prepaid wallet, on a balance line."""


@dataclass(frozen=True, kw_only=True)
class LineStart:
    """What the user says of a line when adding it; each rule needs some of it."""

    expiry_date: date | None = None
    last_renewal: date | None = None
    balance: float | None = None


@dataclass(frozen=True, kw_only=True)
class Purchase:
    """A renewal as a rule sees it: its day and what was bought, if not the usual."""

    renewed_on: date
    validity_days: int | None = None
    pack_days: int | None = None
    amount: float | None = None


class ValidityRule(ABC):
    """The interface every shape of terms implements."""

    kind: ClassVar[ValidityKind]
    purchase_fields: ClassVar[frozenset[str]] = frozenset()
    """The optional parts of a ``Purchase`` the rule takes."""
    takes_expiry_date: ClassVar[bool] = True
    """Whether a renewal may name its new last safe day."""
    has_packs: ClassVar[bool] = False
    """Whether the line's data comes in packs that end."""
    has_wallet: ClassVar[bool] = False
    """Whether a prepaid wallet keeps the line."""
    counts_uses: ClassVar[bool] = False
    """Whether a use of the line keeps it, as a renewal does."""

    @property
    @abstractmethod
    def cycle_days(self) -> int | None:
        """Return the usual days between two renewals, if the rule knows them."""

    @classmethod
    @abstractmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Self:
        """Return the rule from a line's settings, checking each value."""

    @abstractmethod
    def start(self, start: LineStart, today: date) -> Terms:
        """Return the terms of a line the user has just described."""

    def bought(self, terms: Terms, purchase: Purchase) -> Terms:
        """Return the terms after a purchase, before its expiry is set."""
        last = terms.last_renewal
        return replace(
            terms,
            last_renewal=purchase.renewed_on
            if last is None
            else max(last, purchase.renewed_on),
        )

    def carry_over(self, terms: Terms) -> Terms:
        """Return a line's terms under this rule, keeping its last safe day.

        Terms this rule already follows come back as they were; terms of
        another rule keep their last safe day and last renewal.
        """
        return Terms(expiry_date=terms.expiry_date, last_renewal=terms.last_renewal)

    @abstractmethod
    def renewal_expiry(self, terms: Terms, purchase: Purchase) -> date:
        """Return the last safe day a purchase gives, from the terms it bought."""

    def implied_cost(self, purchase: Purchase) -> tuple[float, str | None] | None:
        """Return what a purchase cost, and its currency, where the rule knows it."""
        return None

    def pack_end(self, terms: Terms) -> date | None:
        """Return the last day of the current data pack, where packs end."""
        return None

    def wallet_on(self, terms: Terms, day: date) -> Wallet | None:
        """Return a prepaid wallet as it is on a day, where the line has one."""
        return None

    def top_up_needed(self, terms: Terms, day: date) -> float | None:
        """Return what a lapsed prepaid wallet lacks on a day to pay its fee."""
        return None


def days_from(day: date, days: int) -> date:
    """Return the last day of a period of days that starts on a day.

    The first day counts, as carriers count "valid for 180 days": a 1-day pass
    bought today works through today.
    """
    return day + timedelta(days=days - 1)


def required(value: date | None, field: str) -> date:
    """Return a date the rule needs, or raise that it is missing."""
    if value is None:
        raise LineValueError(field, f"missing_{field}")
    return value


def terms_from_expiry(start: LineStart, today: date) -> Terms:
    """Return the terms of a line that starts on the last safe day the user gives."""
    return Terms(
        expiry_date=day_within_bounds(
            "expiry_date", required(start.expiry_date, "expiry_date"), today
        ),
        last_renewal=start.last_renewal,
    )


def past_date(value: date | None, field: str, today: date) -> date:
    """Return a needed date that is not in the future, nor too long ago."""
    day = required(value, field)
    if day > today:
        raise LineValueError(field, f"{field}_in_future")
    return day_within_bounds(field, day, today)
