"""Tests of the renewal-due binary sensor."""

from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.const import STATE_OFF, STATE_ON, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .conftest import TRAVEL_LINE, setup_platform
from custom_components.esim_renewal.const import CONF_REMINDER_DAYS


async def test_binary_sensor(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """The povo line, 9 days from expiry, is due for renewal."""
    await setup_platform(hass, mock_config_entry, Platform.BINARY_SENSOR)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)
    assert hass.states.get("binary_sensor.povo_backup_renewal_due").state == STATE_ON


@pytest.mark.parametrize(
    ("line_options", "expected"),
    [
        ({CONF_REMINDER_DAYS: [7, 1]}, STATE_OFF),
        ({CONF_REMINDER_DAYS: [30]}, STATE_ON),
        ({CONF_REMINDER_DAYS: []}, STATE_OFF),
    ],
)
@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.usefixtures("init_integration")
async def test_renewal_due_follows_the_largest_reminder(
    hass: HomeAssistant, line_options: dict[str, Any], expected: str
) -> None:
    """With 24 days left, the line is due only if a reminder reaches that far."""
    assert hass.states.get("binary_sensor.travel_esim_renewal_due").state == expected
