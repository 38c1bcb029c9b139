"""Tests of undoing what the user recorded, and of the renewal history in the logbook."""

from collections.abc import Callable
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.date import (
    ATTR_DATE,
    DOMAIN as DATE_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Event, HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er

from .conftest import move_to
from custom_components.esim_renewal import logbook
from custom_components.esim_renewal.const import (
    DOMAIN,
    EVENT_RENEWAL_UNDONE,
    EVENT_RENEWED,
)

DAYS = "sensor.povo_backup_days_until_expiry"
UNDO = "button.povo_backup_undo_last_change"


async def call(
    hass: HomeAssistant, service: str, data: dict[str, Any], *, response: bool = False
) -> Any:
    """Call an action of the integration."""
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=response
    )


async def press(hass: HomeAssistant, button: str) -> None:
    """Press a button of the line."""
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: button}, blocking=True
    )


async def test_undo_puts_the_line_back(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """The action restores the line and its reminders as they were; once."""
    entry_id = init_integration.entry_id
    await move_to(hass, freezer, "2026-11-28T09:00:00+09:00")
    line = init_integration.runtime_data
    before, log_before = line.state, line.reminder_log
    assert log_before.sent == {"expiring:7"}
    await call(hass, "renew", {"config_entry_id": entry_id, "cost": 330})
    assert hass.states.get(DAYS).state == "179"
    assert line.reminder_log.sent == frozenset()

    response = await call(
        hass, "undo_renewal", {"config_entry_id": entry_id}, response=True
    )
    assert response["expiry_date"] == "2026-12-05"
    assert response["renewals"] == []
    assert hass.states.get(DAYS).state == "7"
    assert line.state == before
    assert line.reminder_log.sent == {"expiring:7"}

    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "undo_renewal", {"config_entry_id": entry_id})
    assert err.value.translation_key == "nothing_to_undo"


async def test_each_undo_takes_back_the_next_change(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Two renewals and a reading are taken back newest first, then nothing is left.

    Issue 16: the second press said there was no renewal to undo, while the
    line had renewals.
    """
    entry_id = init_integration.entry_id
    first = init_integration.runtime_data.state
    await call(hass, "renew", {"config_entry_id": entry_id, "cost": 330})
    once = init_integration.runtime_data.state
    await call(hass, "renew", {"config_entry_id": entry_id, "validity_days": 365})
    # A first allowance adds the data entities: the line reloads.
    await call(hass, "set_data", {"config_entry_id": entry_id, "data_total_gb": 3})
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).state == "364"

    await press(hass, UNDO)
    await hass.async_block_till_done()
    assert init_integration.runtime_data.state.data == once.data
    await press(hass, UNDO)
    assert hass.states.get(DAYS).state == "179"
    assert init_integration.runtime_data.state.renewals == once.renewals
    response = await call(
        hass, "undo_renewal", {"config_entry_id": entry_id}, response=True
    )
    assert response["renewals"] == []
    assert init_integration.runtime_data.state == first
    assert hass.states.get(DAYS).state == "9"

    with pytest.raises(ServiceValidationError) as err:
        await press(hass, UNDO)
    assert err.value.translation_key == "nothing_to_undo"
    assert str(err.value) == (
        "There is nothing left to undo. Undo takes back the changes you recorded,"
        " one at a time and up to the last 10: renewals, data readings and last"
        " safe days set by hand"
    )


async def test_undo_takes_back_a_last_safe_day_set_by_hand(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A day set on the date entity is one more change to undo."""
    await hass.services.async_call(
        DATE_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: "date.povo_backup_last_safe_day", ATTR_DATE: "2027-01-31"},
        blocking=True,
    )
    assert hass.states.get(DAYS).state == "66"
    await press(hass, UNDO)
    assert hass.states.get(DAYS).state == "9"


async def test_undo_survives_a_reload(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The button undoes a renewal recorded before a restart."""
    await press(hass, "button.povo_backup_mark_renewed")
    await call(
        hass,
        "set_data",
        {"config_entry_id": init_integration.entry_id, "data_total_gb": 3},
    )
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert len(init_integration.runtime_data.state.undo) == 2
    await press(hass, UNDO)
    await press(hass, UNDO)
    assert hass.states.get(DAYS).state == "9"


async def test_renewals_reach_the_logbook(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Each renewal and undo is an event the logbook tells in words."""
    describers: dict[str, Callable[[Event], dict[str, str]]] = {}
    logbook.async_describe_events(
        hass, lambda _domain, event, describe: describers.__setitem__(event, describe)
    )
    renewed = async_capture_events(hass, EVENT_RENEWED)
    undone = async_capture_events(hass, EVENT_RENEWAL_UNDONE)
    entry_id = init_integration.entry_id
    await call(hass, "renew", {"config_entry_id": entry_id, "cost": 330})
    await call(hass, "undo_renewal", {"config_entry_id": entry_id})
    await hass.async_block_till_done()
    assert renewed[0].data["device_id"]
    assert renewed[0].data["expiry_date"] == "2027-05-24"

    assert describers[EVENT_RENEWED](renewed[0]) == {
        "name": "povo backup",
        "message": (
            "was renewed on 26 November 2026 for 330 EUR; safe through 24 May 2027"
        ),
        "icon": "mdi:calendar-check",
    }
    assert describers[EVENT_RENEWAL_UNDONE](undone[0])["message"] == (
        "had its renewal of 26 November 2026 undone"
    )
    await call(hass, "renew", {"config_entry_id": entry_id})
    assert describers[EVENT_RENEWED](renewed[1])["message"] == (
        "was renewed on 26 November 2026; safe through 24 May 2027"
    )


async def test_wrong_input_is_not_logged_as_a_fault(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A user's mistake is an error for the user, not a warning in our log."""
    caplog.set_level(logging.DEBUG)
    for data in ({"cost": -1}, {"renewed_on": "2030-01-01"}, {"amount": 3}):
        with pytest.raises(ServiceValidationError):
            await call(
                hass, "renew", {"config_entry_id": init_integration.entry_id, **data}
            )
    ours = [
        record
        for record in caplog.records
        if record.name.startswith("custom_components.esim_renewal")
    ]
    assert all(record.levelno <= logging.INFO for record in ours)


async def test_data_that_goes_with_an_undo_leaves_no_entities(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A renewal that gave the line an allowance brings its reading box; undo takes it."""
    remaining = "number.povo_backup_data_remaining_reading"
    assert hass.states.get(remaining) is None
    await call(
        hass,
        "renew",
        {"config_entry_id": init_integration.entry_id, "data_total_gb": 20},
    )
    await hass.async_block_till_done()
    assert hass.states.get(remaining).state == "20.0"

    await call(hass, "undo_renewal", {"config_entry_id": init_integration.entry_id})
    await hass.async_block_till_done()
    assert hass.states.get(remaining) is None
    assert er.async_get(hass).async_get(remaining) is None
