"""Carrier presets: how well-known lines stay valid and lose their number, as data.

Each row follows ``shared/carriers.md`` (November 2026, rechecked December
2026), with its source. A preset only fills in defaults when a line is added:
the user can change every value, and a line keeps working if its preset later
leaves this table. Rows with any fact from a third party or an owner's report
rather than the carrier are marked ``confirmed=False``, and the flow says so.
The README's table of presets shows these rows, one for one (a test checks).
"""

from .carrier_preset import CarrierPreset
from .validity import ValidityKind

CARRIER_PRESETS: dict[str, CarrierPreset] = {
    preset.key: preset
    for preset in (
        # Japan
        CarrierPreset(
            key="povo_2",
            name="povo 2.0",
            country="JP",
            validity=ValidityKind.AFTER_PACK,
            validity_days=180,
            pack_days=30,
            grace_days=30,
            renewal_url="https://povo.jp/",
            source="k-tai.watch.impress.co.jp/docs/news/1353713.html",
        ),
        CarrierPreset(
            key="ahamo",
            name="ahamo",
            country="JP",
            validity=ValidityKind.MONTHLY,
            billing_day=1,
            data_total_gb=30,
            renewal_url="https://ahamo.com/",
            source="ahamo.com, plan pages",
        ),
        # Unpaid about a month: suspended; about two: cancelled. The line is
        # expired while a payment still saves the number, lost after 60 days.
        CarrierPreset(
            key="rakuten_mobile",
            name="Rakuten Mobile",
            country="JP",
            validity=ValidityKind.MONTHLY,
            billing_day=1,
            grace_days=60,
            unlimited_data=True,
            renewal_url="https://network.mobile.rakuten.co.jp/",
            source="third-party reports of unpaid bills",
            confirmed=False,
        ),
        CarrierPreset(
            key="iijmio",
            name="IIJmio",
            country="JP",
            validity=ValidityKind.MONTHLY,
            billing_day=1,
            renewal_url="https://www.iijmio.jp/",
            source="iijmio.jp, plan pages",
        ),
        # United Kingdom
        CarrierPreset(
            key="giffgaff",
            name="giffgaff",
            country="GB",
            validity=ValidityKind.ACTIVITY,
            validity_months=6,
            grace_days=0,
            renewal_url="https://www.giffgaff.com/",
            source="giffgaff.com/help/articles/why-is-my-phone-number-deactivated",
        ),
        CarrierPreset(
            key="three_uk",
            name="Three UK",
            country="GB",
            validity=ValidityKind.ACTIVITY,
            validity_days=180,
            grace_days=0,
            renewal_url="https://www.three.co.uk/",
            source="three.co.uk/paygsim",
        ),
        # EE hibernates a line after 179 days and recycles the number about 90
        # days later (recoverable to about day 269): a former EE employee on
        # EE's forum, not EE's own terms.
        CarrierPreset(
            key="ee",
            name="EE",
            country="GB",
            validity=ValidityKind.ACTIVITY,
            validity_days=179,
            grace_days=90,
            renewal_url="https://ee.co.uk/",
            source="ee.co.uk, pay-as-you-go help; "
            "grace from a former EE employee on community.ee.co.uk",
            confirmed=False,
        ),
        CarrierPreset(
            key="vodafone_uk",
            name="Vodafone UK",
            country="GB",
            validity=ValidityKind.ACTIVITY,
            validity_days=180,
            grace_days=90,
            renewal_url="https://www.vodafone.co.uk/",
            source="vodafone.co.uk, keeping your pay-as-you-go number active",
        ),
        CarrierPreset(
            key="asda_mobile",
            name="ASDA Mobile",
            country="GB",
            validity=ValidityKind.ACTIVITY,
            validity_days=180,
            grace_days=90,
            renewal_url="https://mobile.asda.com/",
            source="mobile.asda.com/help/topping-up/top-up-expire",
        ),
        # United States
        CarrierPreset(
            key="ultra_mobile_paygo",
            name="Ultra Mobile PayGo",
            country="US",
            validity=ValidityKind.BALANCE,
            fee=3,
            fee_period_days=30,
            currency="USD",
            grace_days=30,
            renewal_url="https://www.ultramobile.com/",
            source="ultramobile.com FAQ; grace from a dealer FAQ",
            confirmed=False,
        ),
        # One help page loses the number after 45 days unpaid, another 30 days
        # after expiry (50 on some plans): the preset warns on the earlier.
        CarrierPreset(
            key="us_mobile",
            name="US Mobile",
            country="US",
            validity=ValidityKind.STACKING,
            validity_days=30,
            grace_days=30,
            renewal_url="https://www.usmobile.com/",
            source="usmobile.com/help/knowledge-base/inactive-for-45-days/; "
            "usmobile.com/help/knowledge-base/will-i-lose-my-number-if-i-stop-service/",
        ),
        CarrierPreset(
            key="tello",
            name="Tello",
            country="US",
            validity=ValidityKind.ACTIVITY,
            validity_months=3,
            grace_days=0,
            renewal_url="https://tello.com/",
            source="tello.com help",
        ),
        # Hong Kong
        CarrierPreset(
            key="china_mobile_hk",
            name="China Mobile Hong Kong",
            country="HK",
            validity=ValidityKind.ROLLING,
            validity_days=180,
            grace_days=29,
            renewal_url="https://www.hk.chinamobile.com/",
            source="an owner's report, hkyamane.com/?p=4334",
            confirmed=False,
        ),
        CarrierPreset(
            key="three_hk",
            name="3HK",
            country="HK",
            validity=ValidityKind.ROLLING,
            validity_days=180,
            renewal_url="https://www.three.com.hk/",
            source="an owner's report",
            confirmed=False,
        ),
        CarrierPreset(
            key="valuegb",
            name="ValueGB",
            country="HK",
            validity=ValidityKind.ROLLING,
            validity_days=365,
            grace_days=30,
            renewal_url="https://www.valuegb.com/",
            source="valuegb.com FAQ",
        ),
        # Taiwan
        CarrierPreset(
            key="chunghwa_telecom",
            name="Chunghwa Telecom",
            country="TW",
            validity=ValidityKind.ROLLING,
            validity_days=180,
            renewal_url="https://www.cht.com.tw/",
            source="a third-party page, taiwan-wind.com/info-2018090201/",
            confirmed=False,
        ),
        CarrierPreset(
            key="taiwan_mobile",
            name="Taiwan Mobile",
            country="TW",
            validity=ValidityKind.ROLLING,
            validity_days=185,
            renewal_url="https://www.taiwanmobile.com/",
            source="a third-party page",
            confirmed=False,
        ),
        # Singapore and Malaysia
        # A top-up gives 15 to 180 days by its value: the days belong to the
        # top-up, not the carrier, so the user enters them.
        CarrierPreset(
            key="starhub",
            name="StarHub prepaid",
            country="SG",
            validity=ValidityKind.ROLLING,
            grace_days=0,
            renewal_url="https://www.starhub.com/",
            source="starhub.com/personal/support/mobile/prepaid/prepaid-services/"
            "validity-extension.html",
        ),
        CarrierPreset(
            key="buzzme",
            name="buzzme",
            country="MY",
            validity=ValidityKind.STACKING,
            validity_days=365,
            max_validity_days=365,
            renewal_url="https://www.buzzme.com.my/",
            source="buzzme.com.my FAQ",
        ),
        # Travel eSIMs: a data pack, no number to keep.
        CarrierPreset(
            key="travel_esim",
            name="Travel eSIM",
            validity=ValidityKind.FIXED,
            validity_days=30,
            data_total_gb=10,
            source="airalo.com, esim.holafly.com help",
        ),
        CarrierPreset(
            key="airalo",
            name="Airalo",
            validity=ValidityKind.FIXED,
            renewal_url="https://www.airalo.com/",
            source="airalo.com",
        ),
        CarrierPreset(
            key="holafly",
            name="Holafly",
            validity=ValidityKind.FIXED,
            renewal_url="https://esim.holafly.com/",
            source="esim.holafly.com help",
        ),
        CarrierPreset(
            key="gigsky",
            name="GigSky",
            validity=ValidityKind.FIXED,
            renewal_url="https://www.gigsky.com/",
            source="gigsky.com",
        ),
    )
}


def preset_key(carrier: str) -> str:
    """Return a preset's key for its key or name, whatever the case; else as typed."""
    wanted = carrier.strip().casefold()
    for preset in CARRIER_PRESETS.values():
        if wanted in (preset.key, preset.name.casefold()):
            return preset.key
    return carrier.strip()


def carrier_display_name(carrier: str | None) -> str | None:
    """Return a carrier's display name: the preset's name, or what the user typed."""
    if carrier is None:
        return None
    if (preset := CARRIER_PRESETS.get(carrier)) is not None:
        return preset.name
    return carrier
