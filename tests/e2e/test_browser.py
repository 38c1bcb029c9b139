"""In a real browser: add a line by clicking and typing, renew it, and look at it.

Debian's Chromium, driven by Playwright for Python, uses the web UI of a real
Home Assistant process as a person would, in English and in Japanese, on a
desktop and a phone. The screenshots go to the test's own folder, or to the
README's when script/screenshots asks (ESIM_RENEWAL_SCREENSHOTS).
"""

from collections.abc import Iterator
from datetime import timedelta
from http import HTTPStatus
import os
from pathlib import Path
import re
import time

from playwright.sync_api import expect
import pytest
import yaml

from script.hass_api import Api, add_line, local_today, travel_esim_steps

from .browser import PHONE, SCREENSHOTS_ENV, Browser, browser, chromium_missing_reason
from .harness import OWNER, HassProcess

_MISSING = chromium_missing_reason()

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.usefixtures("socket_enabled"),
    pytest.mark.timeout(240),
    # A machine without Chromium skips these; CI must have it (script/setup
    # installs it), so there a missing Chromium fails.
    pytest.mark.skipif(
        _MISSING is not None and not os.environ.get("CI"), reason=str(_MISSING)
    ),
]

README = Path(__file__).parents[2] / "README.md"
LINE = "povo browser"
DAYS = "sensor.povo_browser_days_until_expiry"
WRONG_PACK_ERROR = "Enter a whole number of days from 1 to 3650."
OWN_ENTITY_ERROR = (
    "Pick an entity that is not this line's own: a line cannot follow itself."
)
RX = "sensor.pixel_8_mobile_rx_gb"
TX = "sensor.pixel_8_mobile_tx_gb"
PIXEL_LEFT = "sensor.pixel_esim_data_remaining"


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return where the screenshots go: the README's folder, or a temporary one."""
    if folder := os.environ.get(SCREENSHOTS_ENV):
        return Path(folder)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def tab(hass_with_web_ui: HassProcess, screenshots: Path) -> Iterator[Browser]:
    """Open a logged-in browser tab on the desktop, in English."""
    with browser(
        hass_with_web_ui.url,
        screenshots,
        username=OWNER.username,
        password=OWNER.password,
    ) as opened:
        yield opened


def state_of(tab: Browser, entity_id: str) -> str:
    """Return an entity's state as the web UI holds it."""
    state: str = tab.page.evaluate(
        "id => document.querySelector('home-assistant').hass.states[id].state",
        entity_id,
    )
    return state


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
    assert state_of(tab, DAYS) == str((renewed_expiry - today).days)
    page.get_by_text("was renewed on").first.wait_for()

    tab.fit_to_page()
    tab.screenshot("device")
    assert tab.errors() == []
    assert hass_with_web_ui.integration_problems() == []


def test_the_readme_card_on_a_phone(
    hass_with_web_ui: HassProcess, screenshots: Path
) -> None:
    """The README's dashboard card works as written, at a phone's width."""
    today = local_today(hass_with_web_ui.api)
    add_line(hass_with_web_ui.api, travel_esim_steps(today))
    with browser(
        hass_with_web_ui.url,
        screenshots,
        username=OWNER.username,
        password=OWNER.password,
        viewport=PHONE,
    ) as tab:
        page = tab.page
        tab.call_ws(
            {
                "type": "lovelace/dashboards/create",
                "url_path": "esim-renewal",
                "title": "eSIM Renewal",
                "icon": "mdi:sim",
                "show_in_sidebar": False,
                "require_admin": False,
                "mode": "storage",
            }
        )
        tab.call_ws(
            {
                "type": "lovelace/config/save",
                "url_path": "esim-renewal",
                "config": {
                    "title": "eSIM Renewal",
                    "views": [
                        {"title": "Lines", "path": "lines", "cards": [readme_card()]}
                    ],
                },
            }
        )
        tab.navigate("/esim-renewal/lines")
        card = page.locator("hui-vertical-stack-card").first
        card.wait_for()
        page.get_by_text("Travel eSIM").first.wait_for()
        assert page.locator("hui-error-card, hui-warning").count() == 0
        box = card.bounding_box()
        assert box is not None
        page.screenshot(
            path=screenshots / "dashboard.png",
            clip={
                "x": box["x"] - 8,
                "y": box["y"] - 8,
                "width": box["width"] + 16,
                "height": box["height"] + 16,
            },
        )
        assert tab.errors() == []


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


def readme_card() -> dict[str, object]:
    """Return the card of README.md's "Dashboard card" section, as written."""
    match = re.search(
        r"^### Dashboard card\n.*?```yaml\n(.*?)```",
        README.read_text(),
        re.MULTILINE | re.DOTALL,
    )
    assert match, 'README.md has no yaml block under "### Dashboard card"'
    card: dict[str, object] = yaml.safe_load(match[1])
    return card
