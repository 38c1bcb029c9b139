"""In a real browser: pick a plan on the device page, mark renewed, see its cost.

A povo 2.0 line added with its preset starts with povo's plans. Choosing the
24-hour topping on the *Plan* select and pressing *Mark renewed* records it at
its price, which *Spent this year* then shows.
"""

from collections.abc import Iterator
from datetime import timedelta
import os
from pathlib import Path

from playwright.sync_api import expect
import pytest

from script.hass_api import add_line, local_today

from .browser import SCREENSHOTS_ENV, Browser, browser, chromium_missing_reason
from .harness import OWNER, HassProcess

_MISSING = chromium_missing_reason()

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.usefixtures("socket_enabled"),
    pytest.mark.timeout(240),
    pytest.mark.skipif(
        _MISSING is not None and not os.environ.get("CI"), reason=str(_MISSING)
    ),
]

LINE = "povo plans"
DAY_PLAN = "Unlimited data (24 hours)"


@pytest.fixture
def tab(
    hass_with_web_ui: HassProcess, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    """Open a logged-in browser tab on the desktop, in English."""
    folder = os.environ.get(SCREENSHOTS_ENV)
    with browser(
        hass_with_web_ui.url,
        Path(folder) if folder else tmp_path_factory.mktemp("screenshots"),
        username=OWNER.username,
        password=OWNER.password,
    ) as opened:
        yield opened


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
