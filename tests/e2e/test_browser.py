"""In a real browser: add a line by clicking and typing, renew it, and look at it.

Debian's Chromium, driven by Playwright for Python, uses the web UI of a real
Home Assistant process as a person would, in English and in Japanese, on a
desktop and a phone. The screenshots go to the test's own folder, or to the
README's when script/screenshots asks (ESIM_RENEWAL_SCREENSHOTS).
"""

from datetime import date, timedelta
from http import HTTPStatus
from pathlib import Path
import time

from playwright.sync_api import expect

from script.hass_api import (
    Api,
    add_line,
    local_today,
    povo_keeper_steps,
    travel_esim_steps,
    wait_until_loaded,
)

from .browser import DESKTOP, PHONE, Browser, browser, browser_test_marks
from .harness import DOMAIN, OWNER, HassProcess

pytestmark = browser_test_marks()

LINE = "povo browser"
SUSPENDED_LINE = "Vodafone PAYG"
CARD = "esim-renewal-card"
DAYS = "sensor.povo_browser_days_until_expiry"
WRONG_PACK_ERROR = "Enter a whole number of days from 1 to 3650."
OWN_ENTITY_ERROR = (
    "Pick an entity that is not this line's own: a line cannot follow itself."
)
RX = "sensor.pixel_8_mobile_rx_gb"
TX = "sensor.pixel_8_mobile_tx_gb"
PIXEL_LEFT = "sensor.pixel_esim_data_remaining"


def test_add_a_line_and_renew_it(hass_with_web_ui: HassProcess, tab: Browser) -> None:
    """Add a povo line with a wrong value first, then mark it renewed."""
    page = tab.page
    today = local_today(hass_with_web_ui.api)
    last_pack = (today.replace(day=1) - timedelta(days=1)).replace(day=1)

    tab.navigate("/config/integrations/dashboard")
    page.get_by_text("Add integration").click()
    page.get_by_placeholder("Search for a brand name").fill("eSIM")
    page.get_by_text("eSIM Renewal", exact=True).last.click()
    flow = tab.flow()
    carrier = flow.locator("ha-picker-field", has_text="Carrier")
    carrier.click()
    page.get_by_text("povo 2.0 (JP)").click()
    expect(carrier).to_have_js_property("value", "povo 2.0")
    tab.submit()

    flow.locator("input").first.fill(LINE)
    tab.submit()

    tab.pick_date(0, last_pack)
    pack_days = flow.locator("ha-selector", has_text="Pack length (days)").locator(
        "input"
    )
    pack_days.fill("0")
    tab.submit()
    assert flow.get_by_text(WRONG_PACK_ERROR).is_visible()
    tab.screenshot("flow")
    pack_days.fill("30")
    tab.submit()
    tab.flow().get_by_role("button", name="Skip and finish").click()

    tab.navigate("/config/devices/dashboard")
    page.get_by_text(LINE, exact=True).first.click()
    page.wait_for_url("**/config/devices/device/**")
    expiry = last_pack + timedelta(days=30 + 180)
    days_row = page.locator("hui-generic-entity-row", has_text="Days until expiry")
    expect(days_row).to_contain_text(f"{(expiry - today).days}d")

    page.locator("hui-button-entity-row", has_text="Mark renewed").get_by_role(
        "button", name="Press"
    ).click()
    renewed_expiry = today + timedelta(days=30 + 180)
    expect(days_row).to_contain_text(f"{(renewed_expiry - today).days}d")
    assert tab.state(DAYS) == str((renewed_expiry - today).days)
    page.get_by_text("was renewed on").first.wait_for()

    tab.fit_to_page()
    tab.screenshot("device")
    assert tab.errors() == []
    assert hass_with_web_ui.integration_problems() == []


def test_the_dashboard_card(hass_with_web_ui: HassProcess, screenshots: Path) -> None:
    """Add the card from the card picker, then renew, record and undo from it.

    The demo lines and a suspended line show in urgency order; Mark renewed
    asks first; a renewal recorded in the card's dialog with a cost is refused
    on its field first, in the form's words; Undo takes it back.
    """
    api = hass_with_web_ui.api
    today = local_today(api)
    add_line(api, povo_keeper_steps(today))
    add_line(api, travel_esim_steps(today))
    add_suspended_line(api, today)
    with browser(
        hass_with_web_ui.url,
        screenshots,
        username=OWNER.username,
        password=OWNER.password,
    ) as tab:
        page = tab.page
        add_card_from_the_picker(tab)
        card = page.locator(CARD)
        names = card.locator(".line .name")
        expect(names.first).to_have_text(SUSPENDED_LINE)
        # povo browser, renewed in the first test, is safe for longest.
        assert names.all_inner_texts()[:3] == [
            SUSPENDED_LINE,
            "povo number keeper",
            "Travel eSIM",
        ]

        travel = card.locator("section.line", has_text="Travel eSIM")
        expect(travel.locator(".days")).to_have_text("20 days left")
        travel.get_by_role("button", name="Mark renewed").click()
        card.locator("ha-dialog").get_by_role("button", name="Mark renewed").click()
        expect(travel.locator(".days")).to_have_text("29 days left")

        povo = card.locator("section.line", has_text="povo number keeper")
        povo.get_by_role("button", name="Record renewal").click()
        dialog = page.locator("esim-renewal-dialog ha-dialog")
        pack_days = dialog.locator("ha-selector", has_text="Pack length (days)")
        pack_days.locator("input").fill("0")
        dialog.locator("ha-selector", has_text="Cost").locator("input").fill("330")
        dialog.get_by_role("button", name="Record", exact=True).click()
        expect(dialog.get_by_text(WRONG_PACK_ERROR)).to_be_visible()
        expect(page.locator("ha-toast")).to_have_count(0, timeout=15_000)
        tab.screenshot("card-renewal")
        pack_days.locator("input").fill("30")
        dialog.get_by_role("button", name="Record", exact=True).click()
        expect(povo.locator(".days")).to_have_text("210 days left")
        expect(povo.locator(".cost")).to_have_text("¥330")
        expect(
            page.get_by_text("povo number keeper is safe through").first
        ).to_be_visible()

        povo.get_by_role("button", name="Undo").click()
        expect(povo.locator(".days")).to_have_text("10 days left")
        expect(povo.locator(".cost")).to_have_count(0)

        take_card_screenshots(tab)
        assert tab.errors() == []
    assert hass_with_web_ui.integration_problems() == []


def add_suspended_line(api: Api, today: date) -> None:
    """Add a Vodafone line last used 200 days ago: suspended, its number kept 90 days."""
    path = "/api/config/config_entries/flow"
    result = api.request("POST", path, {"handler": DOMAIN})
    for answer in (
        {"carrier": "vodafone_uk"},
        {"name": SUSPENDED_LINE, "validity": "activity"},
        {
            "last_renewal": (today - timedelta(days=200)).isoformat(),
            "validity_days": 180,
            "grace_days": 90,
            "unlimited_data": True,
        },
        # The flow asks before it adds a line that has lapsed.
        {"next_step_id": "add_lapsed"},
    ):
        result = api.request("POST", f"{path}/{result['flow_id']}", answer)
    assert result["type"] == "create_entry", result
    wait_until_loaded(api, result["result"]["entry_id"])


def add_card_from_the_picker(tab: Browser) -> None:
    """Make a new dashboard, and add the card to it from the card picker."""
    page = tab.page
    tab.call_ws(
        {
            "type": "lovelace/dashboards/create",
            "url_path": "esim-renewal",
            "title": "eSIM Renewal",
            "icon": "mdi:sim",
            "show_in_sidebar": True,
            "require_admin": False,
            "mode": "storage",
        }
    )
    tab.call_ws(
        {
            "type": "lovelace/config/save",
            "url_path": "esim-renewal",
            "config": {
                "views": [
                    {
                        "title": "Lines",
                        "path": "lines",
                        "type": "sections",
                        "sections": [{"type": "grid", "cards": []}],
                    }
                ]
            },
        }
    )
    tab.navigate("/esim-renewal/lines")
    page.get_by_role("button", name="Edit dashboard").click()
    page.locator('button[aria-label="Add card"]').click()
    page.get_by_text("By card", exact=True).click()
    # Searched before the picker has built the card's preview, the picker
    # can show a spinner in its place for good: wait for the preview. The
    # picker builds the previews of custom cards, listed last, as they come
    # into view, and a busy machine builds them late.
    entry = page.locator("hui-card-picker div.card", has_text="eSIM lines")
    entry.scroll_into_view_if_needed(timeout=60_000)
    page.locator(f"hui-card-picker {CARD}").wait_for(state="attached", timeout=90_000)
    page.get_by_placeholder("Search cards").fill("eSIM")
    page.locator("hui-card-picker div.card", has_text="eSIM lines").click()
    page.locator("hui-dialog-edit-card").get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Done").click()


def take_card_screenshots(tab: Browser) -> None:
    """Take the README's pictures of the card: light and dark, desktop and phone.

    The window is made taller than the card, and the pictures wait for the
    notifications of the actions to go.
    """
    page = tab.page
    card = page.locator(CARD)
    expect(page.locator("ha-toast")).to_have_count(0, timeout=15_000)
    for width, suffix in ((DESKTOP["width"], ""), (PHONE["width"], "-phone")):
        page.set_viewport_size({"width": width, "height": 2000})
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            page.wait_for_timeout(500)
            card.screenshot(path=tab.screenshots / f"card{suffix}-{scheme}.png")
    page.emulate_media(color_scheme="light")


def test_the_device_page_in_japanese_on_a_phone(
    hass_with_web_ui: HassProcess, screenshots: Path
) -> None:
    """The line's page speaks Japanese, and fits a phone.

    Entity names follow Home Assistant's language, set in its general settings;
    the rest of the page follows the browser's.
    """
    with browser(
        hass_with_web_ui.url,
        screenshots,
        username=OWNER.username,
        password=OWNER.password,
        viewport=PHONE,
        locale="ja-JP",
    ) as tab:
        page = tab.page
        tab.call_ws({"type": "config/core/update", "language": "ja"})
        try:
            for entry in tab.call_ws(
                {"type": "config_entries/get", "domain": "esim_renewal"}
            ):
                tab.call_ws(
                    {
                        "type": "call_service",
                        "domain": "homeassistant",
                        "service": "reload_config_entry",
                        "service_data": {"entry_id": entry["entry_id"]},
                    }
                )
            tab.navigate("/config/devices/dashboard")
            page.get_by_text(LINE, exact=True).first.click()
            page.wait_for_url("**/config/devices/device/**")
            page.get_by_text("有効期限までの日数").first.wait_for()
            page.get_by_text("最終安全日").first.wait_for()
            tab.fit_to_page()
            tab.screenshot("device-ja")
            assert tab.errors() == []
        finally:
            tab.call_ws({"type": "config/core/update", "language": "en"})


def test_link_the_phone_counters_in_the_options(
    hass_with_web_ui: HassProcess, screenshots: Path
) -> None:
    """Link the companion app's counters by picking them; the line's own is refused."""
    api = hass_with_web_ui.api
    today = local_today(api)
    add_line(
        api,
        [
            ("user", {"carrier": "Travel eSIM"}),
            ("line", {"name": "Pixel eSIM", "validity": "fixed"}),
            (
                "fixed",
                {
                    "expiry_date": (today + timedelta(days=25)).isoformat(),
                    "data_total_gb": 10,
                    "data_remaining_gb": 8,
                },
            ),
        ],
    )
    counters = {RX: ("Pixel 8 Mobile Rx GB", 1.25), TX: ("Pixel 8 Mobile Tx GB", 0.5)}
    for entity_id, (name, value) in counters.items():
        set_counter(api, entity_id, name, value)
    with browser(
        hass_with_web_ui.url,
        screenshots,
        username=OWNER.username,
        password=OWNER.password,
        viewport={"width": 1280, "height": 1400},
    ) as tab:
        page = tab.page
        tab.navigate("/config/integrations/integration/esim_renewal")
        page.locator("ha-config-entry-row", has_text="Pixel eSIM").get_by_role(
            "button", name="Configure"
        ).first.click()
        flow = tab.flow()
        usage = flow.locator("ha-selector", has_text="Data used from counters")
        tab.pick_entity(usage, "Mobile Rx", "Pixel 8 Mobile Rx GB")
        tab.pick_entity(usage, "Mobile Tx", "Pixel 8 Mobile Tx GB", another=True)
        left = flow.locator("ha-selector", has_text="Data remaining from")
        tab.pick_entity(left, "Pixel eSIM Status", "Status")
        tab.submit()
        expect(flow.get_by_text(OWN_ENTITY_ERROR)).to_be_visible()
        tab.screenshot("options")

        left.locator("ha-icon-button.clear").click()
        tab.submit()
        expect(flow.get_by_text("Options successfully saved.")).to_be_visible()
        flow.get_by_role("button", name="Finish").click()
        assert tab.errors() == []

    # The phone counted 1 GB more: 7 GB of the 8 are left.
    set_counter(api, RX, "Pixel 8 Mobile Rx GB", 2.25)
    deadline = time.monotonic() + 10
    while (left_gb := state_of_api(api, PIXEL_LEFT)) != "7.0":
        assert time.monotonic() < deadline, f"{PIXEL_LEFT} is {left_gb}"
        time.sleep(0.2)


def set_counter(api: Api, entity_id: str, name: str, value: float) -> None:
    """Write a companion app's data counter, as the app does."""
    status, _ = api.send(
        "POST",
        f"/api/states/{entity_id}",
        {
            "state": str(value),
            "attributes": {
                "friendly_name": name,
                "unit_of_measurement": "GB",
                "state_class": "total_increasing",
            },
        },
    )
    assert status in (HTTPStatus.OK, HTTPStatus.CREATED)


def state_of_api(api: Api, entity_id: str) -> str:
    """Return an entity's state over the REST API."""
    state: str = api.request("GET", f"/api/states/{entity_id}")["state"]
    return state
