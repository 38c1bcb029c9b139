"""Carrier presets: the usual validity and data of well-known plans, as plain data.

A preset only fills in defaults when a line is added; the user can change every
value, and a line keeps working if its preset is later removed from this table.
"""

from dataclasses import dataclass

from .model import ValidityKind


@dataclass(frozen=True, kw_only=True)
class CarrierPreset:
    """The defaults a carrier's plan suggests for a new line."""

    key: str
    name: str
    validity: ValidityKind
    validity_days: int | None = None
    billing_day: int | None = None
    data_total_gb: float | None = None
    unlimited_data: bool = False
    renewal_url: str | None = None


CARRIER_PRESETS: dict[str, CarrierPreset] = {
    preset.key: preset
    for preset in (
        # A top-up at least every 180 days keeps a povo 2.0 number alive.
        CarrierPreset(
            key="povo_2",
            name="povo 2.0",
            validity=ValidityKind.ROLLING,
            validity_days=180,
            renewal_url="https://povo.jp/",
        ),
        # giffgaff recycles a number that has not been used or topped up for 180 days.
        CarrierPreset(
            key="giffgaff",
            name="giffgaff",
            validity=ValidityKind.ROLLING,
            validity_days=180,
            renewal_url="https://www.giffgaff.com/",
        ),
        # Monthly plans billed per calendar month, as ahamo and Rakuten Mobile are.
        CarrierPreset(
            key="ahamo",
            name="ahamo",
            validity=ValidityKind.MONTHLY,
            billing_day=1,
            data_total_gb=30,
            renewal_url="https://ahamo.com/",
        ),
        CarrierPreset(
            key="rakuten_mobile",
            name="Rakuten Mobile",
            validity=ValidityKind.MONTHLY,
            billing_day=1,
            unlimited_data=True,
            renewal_url="https://network.mobile.rakuten.co.jp/",
        ),
        # A prepaid travel eSIM: a data pack that works for a fixed number of days.
        CarrierPreset(
            key="travel_esim",
            name="Travel eSIM",
            validity=ValidityKind.FIXED,
            validity_days=30,
            data_total_gb=10,
        ),
    )
}


def carrier_display_name(carrier: str | None) -> str | None:
    """Return a carrier's display name: the preset's name, or what the user typed."""
    if carrier is None:
        return None
    if (preset := CARRIER_PRESETS.get(carrier)) is not None:
        return preset.name
    return carrier
