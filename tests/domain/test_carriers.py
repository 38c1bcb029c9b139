"""Tests of the carrier presets: each is a valid line of its shape."""

from datetime import date

import pytest

from custom_components.esim_renewal.domain.carrier_preset import CarrierPreset
from custom_components.esim_renewal.domain.carriers import (
    CARRIER_PRESETS,
    carrier_display_name,
    preset_key,
)
from custom_components.esim_renewal.domain.line import grace_period
from custom_components.esim_renewal.domain.rules import validity_rule
from custom_components.esim_renewal.domain.validity import LineStart, ValidityKind

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize("preset", CARRIER_PRESETS.values(), ids=lambda p: p.key)
def test_each_preset_starts_a_line(preset: CarrierPreset) -> None:
    """Every preset is a rule that can start a line, with a source."""
    settings = preset.settings()
    rule = validity_rule(preset.validity, settings)
    assert rule.kind is preset.validity
    grace_period(settings.get("grace_days"))
    terms = rule.start(
        LineStart(expiry_date=TODAY, last_renewal=TODAY, balance=0), TODAY
    )
    assert terms.expiry_date >= TODAY
    assert preset.source
    assert preset.key == preset.key.lower()


def test_presets_follow_the_researched_rules() -> None:
    """Spot checks against shared/carriers.md."""
    povo = CARRIER_PRESETS["povo_2"]
    assert (povo.validity, povo.validity_days, povo.grace_days) == (
        ValidityKind.AFTER_PACK,
        180,
        30,
    )
    giffgaff = CARRIER_PRESETS["giffgaff"]
    assert (giffgaff.validity, giffgaff.validity_months, giffgaff.grace_days) == (
        ValidityKind.ACTIVITY,
        6,
        0,
    )
    ultra = CARRIER_PRESETS["ultra_mobile_paygo"]
    assert (ultra.fee, ultra.fee_period_days, ultra.currency) == (3, 30, "USD")
    assert not ultra.confirmed
    assert CARRIER_PRESETS["buzzme"].max_validity_days == 365
    assert CARRIER_PRESETS["travel_esim"].grace_days is None


def test_settings_leave_out_what_is_not_known() -> None:
    """A preset's settings are its known values by flow field."""
    assert CARRIER_PRESETS["giffgaff"].settings() == {
        "validity": ValidityKind.ACTIVITY,
        "validity_months": 6,
        "grace_days": 0,
        "unlimited_data": False,
        "renewal_url": "https://www.giffgaff.com/",
    }


def test_carrier_display_name() -> None:
    """A preset shows its name; anything else shows as typed."""
    assert carrier_display_name("povo_2") == "povo 2.0"
    assert carrier_display_name("Mint Mobile") == "Mint Mobile"
    assert carrier_display_name(None) is None


def test_preset_key_by_key_or_name() -> None:
    """A preset is found by its key or its name; any other carrier stays as typed."""
    assert preset_key("povo_2") == "povo_2"
    assert preset_key(" POVO 2.0 ") == "povo_2"
    assert preset_key(" Mint Mobile ") == "Mint Mobile"


def test_labels_need_no_translation() -> None:
    """A preset's label is its name and its country's code; travel has none."""
    assert CARRIER_PRESETS["povo_2"].label == "povo 2.0 (JP)"
    assert CARRIER_PRESETS["giffgaff"].label == "giffgaff (GB)"
    assert CARRIER_PRESETS["airalo"].label == "Airalo"
