"""Tests of the data remaining number entity."""

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.components.number import (
    ATTR_VALUE,
    DOMAIN as NUMBER_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .conftest import POVO_LINE, TRAVEL_LINE, setup_platform
from custom_components.esim_renewal.const import CONF_UNLIMITED_DATA, DOMAIN

DATA = "number.travel_esim_data_remaining_reading"


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
async def test_number(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """A line with an allowance takes readings up to it."""
    await setup_platform(hass, mock_config_entry, Platform.NUMBER)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.usefixtures("init_integration")
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_setting_data_remaining(hass: HomeAssistant) -> None:
    """A reading from a card goes through the same path as the action."""
    await hass.services.async_call(
        NUMBER_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: DATA, ATTR_VALUE: 1.25},
        blocking=True,
    )
    assert hass.states.get(DATA).state == "1.25"
    assert hass.states.get("sensor.travel_esim_data_used").state == "8.75"


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_no_reading_box_without_an_allowance(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Without a known allowance there is no box to type into, until one is set."""
    entity = "number.povo_backup_data_remaining_reading"
    assert hass.states.get(entity) is None
    assert hass.states.get("sensor.povo_backup_data_remaining").state == "unknown"
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": init_integration.entry_id, "data_total_gb": 3},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert hass.states.get(entity).attributes["max"] == 3
    assert hass.states.get("sensor.povo_backup_data_used").state == "unknown"


@pytest.mark.parametrize("line_data", [{**POVO_LINE, CONF_UNLIMITED_DATA: True}])
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_unlimited_plan_has_no_data_entities(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """An unlimited plan has no data to read or set, until it gets an allowance."""
    data_entities = [
        "number.povo_backup_data_remaining_reading",
        "sensor.povo_backup_data_remaining",
        "sensor.povo_backup_data_used",
    ]
    assert [hass.states.get(entity) for entity in data_entities] == [None] * 3
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {
            "config_entry_id": init_integration.entry_id,
            "data_total_gb": 30,
            "data_remaining_gb": 30,
        },
        blocking=True,
    )
    await hass.async_block_till_done()
    assert hass.states.get(data_entities[0]).state == "30.0"
    assert hass.states.get(data_entities[1]).state == "30.0"
