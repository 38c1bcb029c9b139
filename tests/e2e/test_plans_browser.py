"""In a real browser: pick a plan on the device page, mark renewed, see its cost.

A povo 2.0 line added with its preset starts with povo's plans. Choosing the
24-hour topping on the *Plan* select and pressing *Mark renewed* records it at
its price, which *Spent this year* then shows.
"""

from datetime import timedelta

from playwright.sync_api import expect

from script.hass_api import add_line, local_today

from .browser import Browser, browser_test_marks
from .harness import HassProcess

pytestmark = browser_test_marks()

LINE = "povo plans"
DAY_PLAN = "Unlimited data (24 hours)"


def test_pick_a_plan_and_mark_renewed(
    hass_with_web_ui: HassProcess, tab: Browser
) -> None:
    """The plan picked on the device page is what *Mark renewed* pays for."""
    api = hass_with_web_ui.api
    today = local_today(api)
    add_line(
        api,
        [
            ("user", {"carrier": "povo_2"}),
            ("line", {"name": LINE, "validity": "after_pack"}),
            (
                "after_pack",
                {
                    "last_renewal": (today - timedelta(days=40)).isoformat(),
                    "pack_days": 30,
                    "validity_days": 180,
                    "grace_days": 30,
                },
            ),
        ],
    )
    page = tab.page
    tab.navigate("/config/devices/dashboard")
    page.get_by_text(LINE, exact=True).first.click()
    page.wait_for_url("**/config/devices/device/**")

    cost = page.locator("hui-generic-entity-row", has_text="Keeping cost")
    expect(cost).to_contain_text("665")
    plan = page.locator("hui-select-entity-row", has_text="Plan")
    expect(plan).to_contain_text("3GB (30 days)")
    plan.locator("ha-select").click()
    page.get_by_text(DAY_PLAN, exact=True).click()
    expect(plan).to_contain_text(DAY_PLAN)

    page.locator("hui-button-entity-row", has_text="Mark renewed").get_by_role(
        "button", name="Press"
    ).click()
    spent = page.locator("hui-generic-entity-row", has_text="Spent this year")
    expect(spent).to_contain_text("330")
    page.get_by_text("was renewed on").first.wait_for()

    tab.fit_to_page()
    tab.screenshot("plans")
    assert tab.errors() == []
    assert hass_with_web_ui.integration_problems() == []
