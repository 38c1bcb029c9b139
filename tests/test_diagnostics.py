"""Tests of a line's diagnostics."""

from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant

from .conftest import setup_line
from custom_components.esim_renewal.const import (
    CONF_ACTIVITY_ENTITIES,
    CONF_LAST_RENEWAL,
    CONF_VALIDITY,
    CONF_VALIDITY_MONTHS,
    DOMAIN,
)


async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_integration: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """Diagnostics show the line's settings and state, but not its number."""
    diagnostics = await get_diagnostics_for_config_entry(
        hass, hass_client, init_integration
    )
    assert diagnostics == snapshot(exclude=props("created_at", "modified_at"))
    assert "1234" not in str(diagnostics)
    assert diagnostics["entry"]["data"]["phone_number"] == "**REDACTED**"


async def test_diagnostics_keep_sources_values_out(
    hass: HomeAssistant, hass_client: ClientSessionGenerator
) -> None:
    """What a linked source said is not shown: it may be private."""
    hass.states.async_set("sensor.pixel_last_sms", "+81 80-9876-5432 at 10:00")
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="giffgaff",
        data={
            CONF_NAME: "giffgaff",
            CONF_VALIDITY: "activity",
            CONF_LAST_RENEWAL: "2026-06-01",
            CONF_VALIDITY_MONTHS: 6,
        },
        options={CONF_ACTIVITY_ENTITIES: ["sensor.pixel_last_sms"]},
        version=1,
        minor_version=3,
    )
    await setup_line(hass, entry)
    assert entry.runtime_data.state.seen
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)
    assert "9876" not in str(diagnostics)
    assert diagnostics["state"]["seen"] == "**REDACTED**"
    assert diagnostics["entry"]["options"][CONF_ACTIVITY_ENTITIES] == [
        "sensor.pixel_last_sms"
    ]
