"""Tests of the device triggers, through a real automation."""

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_get_device_automations,
    async_mock_service,
)
from pytest_unordered import unordered

from homeassistant.components import automation
from homeassistant.components.device_automation import DeviceAutomationType
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.setup import async_setup_component

from .conftest import line_device_id
from custom_components.esim_renewal.const import CONF_REMINDER_DAYS, DOMAIN


async def test_triggers_of_a_line(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The automation editor offers one trigger per kind of reminder."""
    device_id = line_device_id(hass, init_integration)
    triggers = await async_get_device_automations(
        hass, DeviceAutomationType.TRIGGER, device_id
    )
    own = [trigger for trigger in triggers if trigger["domain"] == DOMAIN]
    assert own == unordered(
        [
            {
                "platform": "device",
                "domain": DOMAIN,
                "device_id": device_id,
                "type": kind,
                "metadata": {},
            }
            for kind in ("expiring", "expired", "grace_ending", "lost", "data_low")
        ]
    )


@pytest.mark.parametrize("line_options", [{CONF_REMINDER_DAYS: [7, 1]}])
async def test_trigger_runs_an_automation(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """'When povo backup is expiring' runs once per reminder; 'expired' does not."""
    calls: list[ServiceCall] = async_mock_service(hass, "test", "automation")
    device_id = line_device_id(hass, init_integration)
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: [
                {
                    "triggers": {
                        "platform": "device",
                        "domain": DOMAIN,
                        "device_id": device_id,
                        "type": kind,
                    },
                    "actions": {
                        "action": "test.automation",
                        "data": {
                            "kind": kind,
                            "days_left": "{{ trigger.event.data.days_left }}",
                        },
                    },
                }
                for kind in ("expiring", "expired")
            ]
        },
    )
    freezer.move_to("2026-11-28T09:00:00+09:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert [call.data for call in calls] == [{"kind": "expiring", "days_left": 7}]
