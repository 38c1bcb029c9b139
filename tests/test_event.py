"""Tests of the reminder event entity."""

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .conftest import setup_platform
from custom_components.esim_renewal.const import CONF_REMINDER_DAYS

EVENT = "event.povo_backup_reminder"


async def test_event(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Each line has a reminder event entity with the three kinds."""
    await setup_platform(hass, mock_config_entry, Platform.EVENT)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.parametrize("line_options", [{CONF_REMINDER_DAYS: [7]}])
@pytest.mark.usefixtures("init_integration")
async def test_reminder_is_an_event(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The 7-day reminder shows as the entity's latest event."""
    freezer.move_to("2026-11-28T09:00:00+09:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    state = hass.states.get(EVENT)
    assert state.state == "2026-11-28T00:00:00.000+00:00"
    assert state.attributes["event_type"] == "expiring"
    assert state.attributes["days_left"] == 7
    assert state.attributes["threshold"] == 7
    assert state.attributes["expiry_date"] == "2026-12-05"
