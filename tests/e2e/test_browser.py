"""In a real browser: add a line by clicking and typing, renew it, and look at it.

Debian's Chromium, driven by Playwright for Python, uses the web UI of a real
Home Assistant process as a person would, in English and in Japanese, on a
desktop and a phone. The screenshots go to the test's own folder, or to the
README's when script/screenshots asks (ESIM_RENEWAL_SCREENSHOTS).
"""

from collections.abc import Iterator
from datetime import timedelta
import os
from pathlib import Path
import re

from playwright.sync_api import expect
import pytest
import yaml

from script.hass_api import add_line, local_today

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
    add_line(
        hass_with_web_ui.api,
        [
            ("user", {"carrier": "Travel eSIM"}),
            ("line", {"name": "Travel eSIM", "validity": "fixed"}),
            (
                "fixed",
                {
                    "expiry_date": (today + timedelta(days=20)).isoformat(),
                    "validity_days": 30,
                    "data_total_gb": 10,
                    "data_remaining_gb": 2.3,
                },
            ),
        ],
    )
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
