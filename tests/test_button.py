"""Tests of the mark-renewed button."""

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er

from .conftest import TRAVEL_LINE, setup_platform
from custom_components.esim_renewal.const import CONF_VALIDITY_DAYS

BUTTON = "button.povo_backup_mark_renewed"


async def test_button(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Each line has a mark-renewed button."""
    await setup_platform(hass, mock_config_entry, Platform.BUTTON)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.usefixtures("init_integration")
async def test_press_renews_with_the_usual_validity(hass: HomeAssistant) -> None:
    """Pressing renews the rolling line for 180 days from today."""
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: BUTTON}, blocking=True
    )
    assert hass.states.get("sensor.povo_backup_days_until_expiry").state == "179"
    assert hass.states.get("binary_sensor.povo_backup_renewal_due").state == "off"


@pytest.mark.parametrize("line_data", [{**TRAVEL_LINE, CONF_VALIDITY_DAYS: 30}])
@pytest.mark.usefixtures("init_integration")
async def test_press_renews_a_pack_and_refills_its_data(hass: HomeAssistant) -> None:
    """A travel eSIM with a usual 30-day pack gets a fresh pack and full data."""
    await hass.services.async_call(
        BUTTON_DOMAIN,
        SERVICE_PRESS,
        {ATTR_ENTITY_ID: "button.travel_esim_mark_renewed"},
        blocking=True,
    )
    assert hass.states.get("sensor.travel_esim_days_until_expiry").state == "29"
    assert hass.states.get("sensor.travel_esim_data_remaining").state == "10.0"


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.usefixtures("init_integration")
async def test_press_without_a_pack_length_says_why(hass: HomeAssistant) -> None:
    """A fixed line with no usual pack length cannot be renewed by a button."""
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            BUTTON_DOMAIN,
            SERVICE_PRESS,
            {ATTR_ENTITY_ID: "button.travel_esim_mark_renewed"},
            blocking=True,
        )
    assert err.value.translation_key == "renewal_needs_expiry"
    assert hass.states.get("sensor.travel_esim_days_until_expiry").state == "24"
