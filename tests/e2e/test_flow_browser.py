"""In a real browser: the add and reconfigure forms say what they should.

An empty name gets its own error, a line that already lapsed is asked about
under a title that renders, and reconfiguring a line without changing anything
ends with "The line was updated." and leaves its days as they were.
"""

from playwright.sync_api import expect
import pytest

from script.hass_api import add_line, local_today, travel_esim_steps

from .browser import Browser, browser_test_marks
from .harness import HassProcess

pytestmark = browser_test_marks()

DAYS = "sensor.travel_esim_days_until_expiry"


def test_an_empty_name_and_a_lapsed_line(
    hass_with_web_ui: HassProcess, tab: Browser
) -> None:
    """An empty name is an error on its field; a past end date asks first."""
    page = tab.page
    today = local_today(hass_with_web_ui.api)
    tab.navigate("/config/integrations/dashboard")
    page.get_by_text("Add integration").click()
    page.get_by_placeholder("Search for a brand name").fill("eSIM")
    page.get_by_text("eSIM Renewal", exact=True).last.click()
    flow = tab.flow()
    tab.submit()

    flow.get_by_text("Fixed end date: works until a given day").click()
    tab.submit()
    expect(flow.get_by_text("Enter a name for the line.")).to_be_visible()

    flow.locator("input").first.fill("Old pack")
    tab.submit()
    tab.pick_date(0, today.replace(day=1) if today.day > 1 else today)
    tab.submit()
    if today.day == 1:  # pragma: no cover - the first of a month has no past day in it
        pytest.skip("no earlier day this month to pick")
    expect(flow.get_by_text("The line has already lapsed")).to_be_visible()
    assert "MISSING_VALUE" not in flow.inner_text()
    tab.screenshot("lapsed")
    flow.get_by_text("Add it as it is, lapsed").click()
    page.wait_for_timeout(1500)
    tab.flow().get_by_role("button", name="Skip and finish").click()
    assert tab.errors() == []
    assert hass_with_web_ui.integration_problems() == []


def test_reconfigure_without_a_change(
    hass_with_web_ui: HassProcess, tab: Browser
) -> None:
    """Submitting both reconfigure forms as shown changes nothing."""
    page = tab.page
    entry = add_line(
        hass_with_web_ui.api, travel_esim_steps(local_today(hass_with_web_ui.api))
    )
    days_before = tab.state(DAYS)
    tab.navigate(
        f"/config/integrations/integration/esim_renewal#config_entry={entry['entry_id']}"
    )
    page.wait_for_timeout(1500)
    entry_row = page.locator("ha-config-entry-row", has_text="Travel eSIM").first
    entry_row.locator("ha-dropdown").first.locator("ha-icon-button").first.click()
    entry_row.locator("ha-dropdown-item", has_text="Reconfigure").first.click()
    page.wait_for_timeout(1500)
    tab.submit()
    tab.submit()
    expect(tab.flow().get_by_text("The line was updated.")).to_be_visible()
    tab.screenshot("reconfigured")
    page.keyboard.press("Escape")
    page.wait_for_timeout(2000)
    assert tab.state(DAYS) == days_before
    assert tab.errors() == []
    assert hass_with_web_ui.integration_problems() == []
