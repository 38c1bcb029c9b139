"""The plans of carrier presets: what a new line of the carrier starts with.

Each plan has its price as it was on the day it was checked, and its source; a
price from a third party rather than the carrier is marked ``confirmed=False``.
Prices change: the user edits a line's plans, and a line keeps its plans if a
preset's change here. Carriers not listed have no plan whose current price a
public source gave (see the README).
"""

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

# The day the prices below were checked.
PRICES_CHECKED = date(2026, 12, 6)


@dataclass(frozen=True, kw_only=True)
class PresetPlan:
    """A plan a carrier sells, at the price it had the day it was checked."""

    name: str
    validity_days: int | None = None
    pack_days: int | None = None
    amount: float | None = None
    data_gb: float | None = None
    price: float
    currency: str
    source: str
    checked: date = PRICES_CHECKED
    confirmed: bool = True
    """False when the price comes from a third party, not the carrier."""

    def values(self) -> dict[str, Any]:
        """Return the plan as a line's plan form takes it, leaving out unknowns."""
        return {
            field.name: value
            for field in fields(self)
            if field.name not in ("source", "checked", "confirmed")
            and (value := getattr(self, field.name)) is not None
        }


# The plans of each preset, by its key; the first is the one a line chooses.
PRESET_PLANS: dict[str, tuple[PresetPlan, ...]] = {
    "povo_2": (
        PresetPlan(
            name="3GB (30 days)",
            pack_days=30,
            data_gb=3,
            price=990,
            currency="JPY",
            source="povo.jp/en/topping-list/detail/3G_30d/",
        ),
        # A paid topping of a day keeps the number as a month's does.
        PresetPlan(
            name="Unlimited data (24 hours)",
            pack_days=1,
            price=330,
            currency="JPY",
            source="a third-party guide, areus.jp/column/povo-topping-lineup-guide",
            confirmed=False,
        ),
    ),
    "ahamo": (
        PresetPlan(
            name="ahamo 30GB",
            data_gb=30,
            price=2970,
            currency="JPY",
            source="a third-party guide, lifestyle.assist-all.co.jp/"
            "ahamo-plan-guide-fee-data-call-overseas",
            confirmed=False,
        ),
    ),
    # Any use keeps a giffgaff number six months; the cheapest is one text paid
    # from credit, which itself never expires.
    "giffgaff": (
        PresetPlan(
            name="One text from credit",
            price=0.1,
            currency="GBP",
            source="a third-party FAQ, giffgaffnetwork.com/es/faq-items/que-es-un-goodybag/"
            " (10p a text at the PAYG rate)",
            confirmed=False,
        ),
    ),
    # A top-up of one fee: what keeps the line one more cycle.
    "ultra_mobile_paygo": (
        PresetPlan(
            name="PayGo (30 days)",
            amount=3,
            price=3,
            currency="USD",
            source="ultramobile.com FAQ, as shared/carriers.md has it",
            confirmed=False,
        ),
    ),
}
