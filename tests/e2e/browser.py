"""Drive Home Assistant's web UI in Debian's Chromium, as a person would.

Playwright for Python drives the browser; no browser is downloaded: Chromium
comes from Debian (script/setup installs it where it can). The console is kept,
so a test can say that the integration made no errors in the browser.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
import os
from pathlib import Path
import shutil
from typing import Any

from playwright.sync_api import ConsoleMessage, Locator, Page, sync_playwright
import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# When the app's main element first updates, seconds after a page loads, it
# goes back in history to close a dialog it thinks a reload left open: one
# opened before then is closed again. Pages after the first are opened inside
# the app, as its links do, without a reload.
SETTLE_MS = 8000
# The bottom of the page's content: the document's, or that of the app's main
# scrolling element, the tallest on screen (cards scroll inside it on their own).
FULL_HEIGHT = """() => {
  let main = null;
  const walk = root => {
    for (const element of root.querySelectorAll("*")) {
      if (element.scrollHeight > element.clientHeight + 1
          && /auto|scroll/.test(getComputedStyle(element).overflowY)
          && (!main || element.clientHeight > main.clientHeight)) {
        main = element;
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(document);
  const bottom = main ? main.getBoundingClientRect().top + main.scrollHeight : 0;
  return Math.ceil(Math.max(bottom, document.documentElement.scrollHeight));
}"""
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 412, "height": 915}


def browser_test_marks() -> list[pytest.MarkDecorator]:
    """Return the marks of a browser test module.

    A machine without Chromium skips these; CI must have it (script/setup
    installs it), so there a missing Chromium fails.
    """
    missing = chromium_missing_reason()
    return [
        pytest.mark.e2e,
        pytest.mark.usefixtures("socket_enabled"),
        pytest.mark.timeout(240),
        pytest.mark.skipif(
            missing is not None and not os.environ.get("CI"), reason=str(missing)
        ),
    ]


def chromium_missing_reason() -> str | None:
    """Return why the browser tests cannot run here, or None when they can."""
    if CHROMIUM.exists() or shutil.which(str(CHROMIUM)):
        return None
    return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"


@dataclass
class Browser:
    """One logged-in browser tab on a Home Assistant, with its console kept."""

    page: Page
    url: str
    screenshots: Path
    console: list[ConsoleMessage] = field(default_factory=list)

    def navigate(self, path: str) -> None:
        """Open a page of the web UI inside the app, as its own links do."""
        self.page.evaluate(
            """path => {
              history.pushState(null, "", path);
              window.dispatchEvent(new CustomEvent("location-changed"));
            }""",
            path,
        )
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_timeout(1000)

    def state(self, entity_id: str) -> str:
        """Return an entity's state as the web UI holds it, once it has one."""
        self.page.wait_for_function(
            "id => document.querySelector('home-assistant').hass.states[id]",
            arg=entity_id,
        )
        state: str = self.page.evaluate(
            "id => document.querySelector('home-assistant').hass.states[id].state",
            entity_id,
        )
        return state

    def call_ws(self, message: dict[str, Any]) -> Any:
        """Send a WebSocket command over the app's own connection."""
        return self.page.evaluate(
            "message => document.querySelector('home-assistant').hass.callWS(message)",
            message,
        )

    def flow(self) -> Locator:
        """Return the dialog of the config, options or subentry flow on screen."""
        return self.page.locator("dialog-data-entry-flow")

    def submit(self) -> None:
        """Submit the flow's form and wait for its next step."""
        self.flow().get_by_role("button", name="Submit").click()
        self.page.wait_for_timeout(1500)

    def pick_entity(
        self, field: Locator, search: str, item: str, *, another: bool = False
    ) -> None:
        """Pick an entity in a form's entity field: open it, search, click the match.

        ``another`` adds one more to a field that takes several.
        """
        field.get_by_text("Add entity" if another else "Select an entity").click()
        # Typed before the search box has focus, keys go to the app's shortcuts.
        self.page.wait_for_timeout(800)
        self.page.keyboard.type(search)
        self.page.locator("ha-combo-box-item", has_text=item).first.click()
        self.page.wait_for_timeout(500)

    def pick_date(self, index: int, day: date) -> None:
        """Choose a day in the flow's date field, in its picker, as a person does.

        The picker opens on the field's month; "Back" moves a month earlier.
        """
        self.flow().locator("ha-date-input").nth(index).click()
        picker = self.page.locator("ha-dialog-date-picker")
        day_button = picker.get_by_role(
            "button", name=f"{day:%B} {day.day}", exact=True
        )
        for _ in range(24):
            if day_button.count():
                break
            picker.get_by_role("group").get_by_role("button", name="Back").click()
            self.page.wait_for_timeout(200)
        day_button.click()
        picker.get_by_text("OK", exact=True).click()
        self.page.wait_for_timeout(500)

    def fit_to_page(self) -> None:
        """Make the window as tall as the page, so a screenshot shows all of it.

        The app scrolls inside its own elements, not the document: the height is
        that of its main scrolling element, wherever it sits in shadow DOM.
        """
        height = self.page.evaluate(FULL_HEIGHT)
        width = self.page.viewport_size["width"] if self.page.viewport_size else 0
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.wait_for_timeout(500)

    def screenshot(self, name: str) -> Path:
        """Save a screenshot, for the README or for the test's own folder."""
        path = self.screenshots / f"{name}.png"
        self.page.screenshot(path=path)
        return path

    def errors(self) -> list[str]:
        """Return the console's errors, other than resources that were not found.

        Home Assistant has no internet here: the brand images of other
        integrations are missing, which the browser logs as 404s, and the card
        picker's examples of core cards show pictures from the internet, whose
        host names do not resolve.
        """
        return [
            message.text
            for message in self.console
            if message.type == "error"
            and "status of 404" not in message.text
            and "net::ERR_NAME_NOT_RESOLVED" not in message.text
        ]


@contextmanager
def browser(
    url: str,
    screenshots: Path,
    *,
    username: str,
    password: str,
    viewport: dict[str, int] = DESKTOP,
    locale: str = "en-US",
) -> Iterator[Browser]:
    """Open Chromium, log in through the login page, and close it after."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        )
        try:
            context = chromium.new_context(
                viewport=viewport, locale=locale, timezone_id="Asia/Tokyo"
            )
            page = context.new_page()
            tab = Browser(page=page, url=url, screenshots=screenshots)

            # A function of its own: Playwright marks the handler it is given,
            # which a built-in or bound method does not allow.
            def keep(message: ConsoleMessage) -> None:
                tab.console.append(message)

            page.on("console", keep)
            page.goto(url)
            # By field name: the labels are in the browser's language.
            page.locator("input[name=username]").fill(username)
            password_field = page.locator("input[name=password]")
            password_field.fill(password)
            password_field.press("Enter")
            page.wait_for_function("() => localStorage.getItem('hassTokens') !== null")
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(SETTLE_MS)
            yield tab
        finally:
            chromium.close()
