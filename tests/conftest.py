"""Fixtures for the eSIM Renewal tests."""

import atexit
from collections.abc import Generator
import functools
import inspect
from pathlib import Path
import shutil
import tempfile
from typing import Any
from unittest.mock import PropertyMock, patch

from freezegun.api import FrozenDateTimeFactory
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    get_test_config_dir,
)

from homeassistant.const import CONF_NAME, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from custom_components.esim_renewal.const import (
    CONF_BALANCE,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_EXPIRY_DATE,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_GRACE_DAYS,
    CONF_LAST_RENEWAL,
    CONF_PACK_DAYS,
    CONF_PHONE_NUMBER,
    CONF_RENEWAL_URL,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    DOMAIN,
)
from custom_components.esim_renewal.identity import line_unique_id

# Hypothesis keeps no examples between runs, and its caches go to a temporary
# folder of this run: tests write nowhere else.
settings.register_profile("esim_renewal", database=None, deadline=None)
settings.load_profile("esim_renewal")
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="esim-renewal-hypothesis-")
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)
set_hypothesis_home_dir(_HYPOTHESIS_HOME)

# Generated cases the property tests ran, reported at the end of the run.
GENERATED_CASES = pytest.StashKey[list[int]]()
# Steps and sequences the stateful property test ran, reported at the end too.
STATEFUL_STEPS = pytest.StashKey[tuple[int, int]]()


def pytest_collection_modifyitems(
    config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Count the cases each property test runs, by wrapping its inner test.

    Hypothesis calls ``hypothesis.inner_test`` once per generated case; the
    wrapper keeps an async inner test async, for pytest-asyncio.
    """
    count = config.stash.setdefault(GENERATED_CASES, [0])
    for item in items:
        test = getattr(item, "obj", None)
        if (hypothesis := getattr(test, "hypothesis", None)) is None:
            continue
        inner = hypothesis.inner_test
        if inspect.iscoroutinefunction(inner):

            async def counted_async(
                *args: Any, _inner: Any = inner, **kwargs: Any
            ) -> Any:
                count[0] += 1
                return await _inner(*args, **kwargs)

            hypothesis.inner_test = functools.wraps(inner)(counted_async)
        else:

            def counted(*args: Any, _inner: Any = inner, **kwargs: Any) -> Any:
                count[0] += 1
                return _inner(*args, **kwargs)

            hypothesis.inner_test = functools.wraps(inner)(counted)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On a pytest-xdist worker, hand the counts to the controller, which reports."""
    if (output := getattr(session.config, "workeroutput", None)) is not None:
        output["generated_cases"] = session.config.stash.get(GENERATED_CASES, [0])[0]
        output["stateful_steps"] = session.config.stash.get(STATEFUL_STEPS, None)


def pytest_testnodedown(node: Any, error: Any) -> None:
    """Add up what each pytest-xdist worker counted."""
    output = getattr(node, "workeroutput", {})
    cases = node.config.stash.setdefault(GENERATED_CASES, [0])
    cases[0] += output.get("generated_cases", 0)
    if (stateful := output.get("stateful_steps")) is not None:
        steps, sequences = stateful
        node.config.stash[STATEFUL_STEPS] = (steps, sequences)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    """Say how many generated cases and steps the property tests ran."""
    if cases := config.stash.get(GENERATED_CASES, [0])[0]:
        terminalreporter.write_line(
            f"Property tests (Hypothesis): {cases:,} generated cases"
        )
    if (stateful := config.stash.get(STATEFUL_STEPS, None)) is not None:
        steps, sequences = stateful
        terminalreporter.write_line(
            f"Stateful property test (Hypothesis): {steps:,} steps"
            f" in {sequences:,} sequences"
        )


# Every test's installation has this identity key, so unique ids are known.
IDENTITY_KEY = bytes(range(32))


@pytest.fixture(autouse=True)
def identity_key(hass_storage: dict[str, Any]) -> bytes:
    """Give the installation a known identity key."""
    hass_storage["esim_renewal.identity"] = {
        "version": 1,
        "minor_version": 1,
        "key": "esim_renewal.identity",
        "data": {"key": IDENTITY_KEY.hex()},
    }
    return IDENTITY_KEY


def unique_id_of(data: dict[str, Any]) -> str | None:
    """Return the unique id a line with this data has in the tests."""
    return line_unique_id(IDENTITY_KEY, data)


TIME_ZONE = "Asia/Tokyo"
# Thursday 26 November 2026, 10:00 in Tokyo.
NOW = "2026-11-26T10:00:00+09:00"

# A number-keeping povo line topped up 170 days ago: it works through 5 December.
POVO_LINE: dict[str, Any] = {
    CONF_CARRIER: "povo_2",
    CONF_NAME: "povo backup",
    CONF_PHONE_NUMBER: "+81 80-1234-5678",
    CONF_RENEWAL_URL: "https://povo.jp/",
    CONF_VALIDITY: "rolling",
    CONF_LAST_RENEWAL: "2026-06-09",
    CONF_VALIDITY_DAYS: 180,
    CONF_UNLIMITED_DATA: False,
    CONF_CURRENCY: "EUR",
}

# povo 2.0 as its preset adds it: a 30-day pack bought on 1 October ends on
# 31 October, so the line is safe through 29 April and the number lost on 30 May.
POVO_PACK_LINE: dict[str, Any] = {
    CONF_CARRIER: "povo_2",
    CONF_NAME: "povo 2.0",
    CONF_RENEWAL_URL: "https://povo.jp/",
    CONF_VALIDITY: "after_pack",
    CONF_LAST_RENEWAL: "2026-10-01",
    CONF_PACK_DAYS: 30,
    CONF_VALIDITY_DAYS: 180,
    CONF_GRACE_DAYS: 30,
    CONF_UNLIMITED_DATA: False,
    CONF_CURRENCY: "EUR",
}

# A US pay-as-you-go line: $10 left after paying the period that began on
# 1 November pays three more $3 periods, so it is safe through 28 February.
WALLET_LINE: dict[str, Any] = {
    CONF_CARRIER: "ultra_mobile_paygo",
    CONF_NAME: "PayGo",
    CONF_VALIDITY: "balance",
    CONF_LAST_RENEWAL: "2026-11-01",
    CONF_BALANCE: 10,
    CONF_FEE: 3,
    CONF_FEE_PERIOD_DAYS: 30,
    CONF_CURRENCY: "USD",
    CONF_GRACE_DAYS: 30,
    CONF_UNLIMITED_DATA: False,
}

# A travel eSIM with 2.3 GB of 10 GB left, valid through 20 December.
TRAVEL_LINE: dict[str, Any] = {
    CONF_CARRIER: "travel_esim",
    CONF_NAME: "Travel eSIM",
    CONF_VALIDITY: "fixed",
    CONF_EXPIRY_DATE: "2026-12-20",
    CONF_DATA_TOTAL_GB: 10,
    CONF_DATA_REMAINING_GB: 2.3,
    CONF_UNLIMITED_DATA: False,
    CONF_CURRENCY: "EUR",
}


@pytest.fixture(autouse=True, scope="session")
def harness_config_untouched() -> Generator[None]:
    """Fail the run if any test wrote into the test harness's own config folder.

    Every test gets a temporary config folder (``hass_config_dir`` below); one
    that fell back to the package's ``testing_config`` would write there, into
    the virtualenv, and leave files behind for the next run.
    """
    folder = Path(get_test_config_dir())
    before = sorted(folder.rglob("*"))
    yield
    assert sorted(folder.rglob("*")) == before, f"A test wrote into {folder}"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Load the integration from custom_components."""


@pytest.fixture
def hass_config_dir(hass_tmp_config_dir: str) -> str:
    """Give every test a config folder of its own, as setup installs blueprints."""
    return hass_tmp_config_dir


@pytest.fixture(autouse=True)
async def tokyo_time(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Run every test in Tokyo, on 26 November 2026 at 10:00."""
    freezer.move_to(NOW)
    await hass.config.async_set_time_zone(TIME_ZONE)


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Enable every entity, also those a line keeps disabled by default."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        new_callable=PropertyMock,
        return_value=True,
    ):
        yield


@pytest.fixture
def line_data() -> dict[str, Any]:
    """Return the data of the line under test."""
    return POVO_LINE


@pytest.fixture
def line_options() -> dict[str, Any]:
    """Return the options of the line under test."""
    return {}


@pytest.fixture
def mock_config_entry(
    line_data: dict[str, Any], line_options: dict[str, Any]
) -> MockConfigEntry:
    """Return the config entry of the line under test."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=line_data[CONF_NAME],
        data=line_data,
        options=line_options,
        entry_id="01JLINEENTRY0000000000000",
        unique_id=unique_id_of(line_data),
        version=1,
        minor_version=3,
    )


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set up the line under test."""
    await setup_line(hass, mock_config_entry)
    return mock_config_entry


async def setup_line(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Add a line's entry to Home Assistant and set it up."""
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()


async def setup_platform(
    hass: HomeAssistant, entry: MockConfigEntry, platform: Platform
) -> None:
    """Set up a line with one platform only, as snapshot_platform wants."""
    with patch("custom_components.esim_renewal.PLATFORMS", [platform]):
        await setup_line(hass, entry)


async def move_to(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: str
) -> None:
    """Move the clock and let every timer that is due fire."""
    freezer.move_to(when)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


def line_device_id(hass: HomeAssistant, entry: MockConfigEntry) -> str:
    """Return the device id of a line."""
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, entry.entry_id), entry.entry_id
    )
    assert device
    return device.id
