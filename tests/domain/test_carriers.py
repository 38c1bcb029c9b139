"""Tests of the carrier presets: each is a valid line of its shape."""

from datetime import date, timedelta

import pytest

from custom_components.esim_renewal.domain.carrier_preset import CarrierPreset
from custom_components.esim_renewal.domain.carriers import (
    CARRIER_PRESETS,
    carrier_display_name,
    preset_key,
)
from custom_components.esim_renewal.domain.lapse import Lapse, LineStatus
from custom_components.esim_renewal.domain.line import grace_period
from custom_components.esim_renewal.domain.rules import validity_rule
from custom_components.esim_renewal.domain.validity import LineStart, ValidityKind
from custom_components.esim_renewal.domain.values import LineValueError

TODAY = date(2026, 11, 26)
# What a preset leaves for the user to enter, as the flow asks for it.
ENTERED_BY_USER = {"starhub": {"validity_days": 30}}


def lapse_after(key: str, last_renewal: date) -> Lapse:
    """Return how a preset's line lapses after a renewal, nothing changed."""
    preset = CARRIER_PRESETS[key]
    rule = validity_rule(preset.validity, preset.settings())
    terms = rule.start(
        LineStart(last_renewal=last_renewal, expiry_date=last_renewal), last_renewal
    )
    return Lapse(expiry_date=terms.expiry_date, grace_days=preset.grace_days)


@pytest.mark.parametrize("preset", CARRIER_PRESETS.values(), ids=lambda p: p.key)
def test_each_preset_starts_a_line(preset: CarrierPreset) -> None:
    """Every preset is a rule that can start a line, with a source."""
    settings = preset.settings() | ENTERED_BY_USER.get(preset.key, {})
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
    assert CARRIER_PRESETS["three_uk"].label == "Three UK (GB)"
    assert CARRIER_PRESETS["airalo"].label == "Airalo"


def test_labels_mark_unconfirmed_presets() -> None:
    """An unconfirmed preset's label ends in a mark; a confirmed one's does not."""
    assert CARRIER_PRESETS["rakuten_mobile"].label == "Rakuten Mobile (JP) *"
    assert CARRIER_PRESETS["ee"].label == "EE (GB) *"
    for preset in CARRIER_PRESETS.values():
        assert preset.label.endswith(" *") is not preset.confirmed


def test_ee_keeps_a_hibernated_number_about_90_days() -> None:
    """EE hibernates at day 179 and recycles after about day 273: unconfirmed."""
    ee = CARRIER_PRESETS["ee"]
    assert (ee.validity_days, ee.grace_days, ee.confirmed) == (179, 90, False)
    assert "community.ee.co.uk" in ee.source
    used = date(2026, 1, 1)
    lapse = lapse_after("ee", used)
    assert lapse.expiry_date == used + timedelta(days=179)
    # Recoverable to about day 269, recycled after about day 273.
    assert lapse.last_recoverable_day == used + timedelta(days=269)
    assert lapse.status(used + timedelta(days=269), None) is LineStatus.EXPIRED
    assert lapse.status(used + timedelta(days=270), None) is LineStatus.LOST


def test_starhub_days_belong_to_the_top_up() -> None:
    """A StarHub top-up gives 15 to 180 days by its value: the flow asks them."""
    starhub = CARRIER_PRESETS["starhub"]
    assert starhub.validity is ValidityKind.ROLLING
    assert "validity_days" not in starhub.settings()
    with pytest.raises(LineValueError) as err:
        validity_rule(starhub.validity, starhub.settings())
    assert err.value.field == "validity_days"
    assert starhub.source.endswith("prepaid-services/validity-extension.html")
    for days in (15, 180):
        rule = validity_rule(
            starhub.validity, starhub.settings() | {"validity_days": days}
        )
        topped_up = date(2026, 12, 1)
        terms = rule.start(LineStart(last_renewal=topped_up), topped_up)
        assert terms.expiry_date == topped_up + timedelta(days=days - 1)


def test_rakuten_is_expired_while_the_number_can_be_saved() -> None:
    """Unpaid about a month: suspended, still expired; about two: cancelled, lost."""
    rakuten = CARRIER_PRESETS["rakuten_mobile"]
    assert (rakuten.grace_days, rakuten.confirmed) == (60, False)
    lapse = lapse_after("rakuten_mobile", date(2026, 12, 10))
    assert lapse.expiry_date == date(2026, 12, 31)
    assert lapse.status(date(2027, 1, 31), None) is LineStatus.EXPIRED
    assert lapse.status(date(2027, 3, 1), None) is LineStatus.EXPIRED
    assert lapse.number_lost_on == date(2027, 3, 2)
    assert lapse.status(date(2027, 3, 2), None) is LineStatus.LOST


def test_us_mobile_warns_on_the_earlier_of_its_two_pages() -> None:
    """45 days unpaid on one page, 30 after expiry on another: warn on 30."""
    us_mobile = CARRIER_PRESETS["us_mobile"]
    assert us_mobile.grace_days == 30
    assert us_mobile.confirmed
    assert "inactive-for-45-days" in us_mobile.source
    assert "will-i-lose-my-number-if-i-stop-service" in us_mobile.source


def test_days_from_the_top_up_count_the_top_up_day() -> None:
    """The top-up day is day 1: a day before one owner's report, the safe side.

    Chunghwa Telecom, recharged on 26 January, showed 25 July (+180).
    """
    lapse = lapse_after("chunghwa_telecom", date(2026, 1, 26))
    assert lapse.expiry_date == date(2026, 7, 24)
    assert lapse.expiry_date < date(2026, 1, 26) + timedelta(days=180)
