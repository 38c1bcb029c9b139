"""Tests of the expiry date entity."""

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.components.date import (
    ATTR_DATE,
    DOMAIN as DATE_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .conftest import setup_platform

EXPIRY_DATE = "date.povo_backup_last_safe_day"


async def test_date(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Each line has an expiry date to correct."""
    await setup_platform(hass, mock_config_entry, Platform.DATE)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.usefixtures("init_integration")
async def test_setting_the_expiry_date_moves_every_sensor(hass: HomeAssistant) -> None:
    """A corrected expiry date is what the sensors count down to."""
    await hass.services.async_call(
        DATE_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: EXPIRY_DATE, ATTR_DATE: "2026-11-25"},
        blocking=True,
    )
    assert hass.states.get(EXPIRY_DATE).state == "2026-11-25"
    assert hass.states.get("sensor.povo_backup_days_until_expiry").state == "-1"
    assert hass.states.get("sensor.povo_backup_status").state == "expired"
