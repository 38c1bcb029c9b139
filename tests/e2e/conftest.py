"""Fixtures for the end-to-end tests, which run Home Assistant as a real process.

The tests of the folder above run an in-process Home Assistant on a frozen
clock; these run `hass` itself on the real clock, and only talk to it over
127.0.0.1. The autouse fixtures of tests/conftest.py are replaced here by ones
that do nothing, and a guard makes sure no in-process `hass` or frozen clock
comes back through another fixture.
"""

from collections.abc import Generator, Iterator
import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import pytest_socket

from .harness import (
    INSTALL_REQUIREMENTS_DEV,
    OWNER,
    SCREENSHOTS_ENV,
    HassProcess,
    missing_requirements,
    wait_out_midnight,
)

if TYPE_CHECKING:
    from .browser import Browser

HASS_PROCESS = pytest.StashKey[HassProcess]()


@pytest.fixture(autouse=True)
def tokyo_time() -> None:
    """Keep the real clock: the process under test has its own."""


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Set up no in-process Home Assistant: the process under test loads the integration."""


@pytest.fixture(autouse=True)
def no_in_process_hass(request: pytest.FixtureRequest) -> None:
    """Fail a test that would get an in-process Home Assistant or a frozen clock."""
    unwanted = {"hass", "freezer"} & set(request.fixturenames)
    assert not unwanted, f"e2e tests must not use {sorted(unwanted)}"


@pytest.fixture(scope="module")
def hass_process(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HassProcess]:
    """Start an onboarded Home Assistant for the test module, and stop it after."""
    yield from _running_hass(request, tmp_path_factory, web_ui=False)


@pytest.fixture(scope="module")
def hass_with_web_ui(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[HassProcess]:
    """Start an onboarded Home Assistant that serves its web UI."""
    yield from _running_hass(request, tmp_path_factory, web_ui=True)


def _running_hass(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    *,
    web_ui: bool,
) -> Iterator[HassProcess]:
    """Run an onboarded Home Assistant while the module's tests run.

    It is killed whatever happens, and a failing test gets its logs attached.
    """
    # pytest-homeassistant-custom-component blocks sockets before each test's
    # fixtures are set up; the tests enable them with socket_enabled, but this
    # module-scoped fixture is set up before that one.
    if missing := missing_requirements():
        reason = (
            f"Home Assistant's web UI and default integrations need {', '.join(missing)}:"
            f" install them with {INSTALL_REQUIREMENTS_DEV}"
        )
        # CI must run these tests; a developer without them is told why not.
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    pytest_socket.enable_socket()
    wait_out_midnight()
    hass = HassProcess(tmp_path_factory.mktemp("e2e"), web_ui=web_ui)
    request.node.stash[HASS_PROCESS] = hass
    try:
        hass.start()
        hass.onboard()
        yield hass
        exit_code = hass.stop()
        assert exit_code in (0, None), f"Home Assistant exited with {exit_code}"
    finally:
        hass.kill()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Attach the logs of the module's Home Assistant to a failing test's report."""
    report = yield
    module = item.getparent(pytest.Module)
    if report.failed and module is not None and HASS_PROCESS in module.stash:
        report.sections.extend(module.stash[HASS_PROCESS].report())
    return report


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return where screenshots go: the README's folder, or a temporary one."""
    if folder := os.environ.get(SCREENSHOTS_ENV):
        return Path(folder)
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def tab(hass_with_web_ui: HassProcess, screenshots: Path) -> Iterator[Browser]:
    """Open a logged-in browser tab on the desktop, in English."""
    # Playwright is needed only where a browser test runs.
    from .browser import browser  # noqa: PLC0415

    with browser(
        hass_with_web_ui.url,
        screenshots,
        username=OWNER.username,
        password=OWNER.password,
    ) as opened:
        yield opened
