"""What a carrier preset is: the defaults a carrier's terms suggest for a line."""

from dataclasses import dataclass, fields
from typing import Any

from .validity import ValidityKind

# How the carrier list marks a preset that rests on reports, not the carrier.
UNCONFIRMED_MARK = "*"


@dataclass(frozen=True, kw_only=True)
class CarrierPreset:
    """The defaults a carrier's terms suggest for a new line."""

    key: str
    name: str
    country: str | None = None
    """Where the carrier sells its lines, as an ISO 3166 code; None for travel."""
    validity: ValidityKind
    validity_days: int | None = None
    validity_months: int | None = None
    billing_day: int | None = None
    pack_days: int | None = None
    max_validity_days: int | None = None
    fee: float | None = None
    fee_period_days: int | None = None
    currency: str | None = None
    grace_days: int | None = None
    data_total_gb: float | None = None
    unlimited_data: bool = False
    renewal_url: str | None = None
    reminder_days: tuple[int, ...] | None = None
    """Reminders that fit the carrier, when the rule's defaults do not."""
    source: str
    confirmed: bool = True

    def settings(self) -> dict[str, Any]:
        """Return the preset's values by flow field, leaving out unknown ones."""
        return {
            field.name: value
            for field in fields(self)
            if field.name in _FLOW_FIELDS
            and (value := getattr(self, field.name)) is not None
        }

    @property
    def label(self) -> str:
        """Return how the carrier list shows the preset, in any language.

        The country is its ISO code, which needs no translation and shows in
        every browser; travel eSIMs have none. An unconfirmed preset ends in a
        ``*``, a mark every language reads, which the carrier step explains.
        """
        label = self.name if self.country is None else f"{self.name} ({self.country})"
        return label if self.confirmed else f"{label} {UNCONFIRMED_MARK}"


# What a preset fills in of the flow's fields.
_FLOW_FIELDS = (
    "validity",
    "validity_days",
    "validity_months",
    "billing_day",
    "pack_days",
    "max_validity_days",
    "fee",
    "fee_period_days",
    "currency",
    "grace_days",
    "data_total_gb",
    "unlimited_data",
    "renewal_url",
)
