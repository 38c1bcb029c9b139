"""Tests of the repair that says the carrier has not confirmed a renewal yet."""

from freezegun.api import FrozenDateTimeFactory

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from .conftest import POVO_LINE, TRAVEL_LINE, move_to
from .test_sources import ENDS, LEFT, add_line, gigabytes
from custom_components.esim_renewal.const import (
    CONF_DATA_REMAINING_ENTITY,
    CONF_EXPIRY_ENTITY,
    CONF_VALIDITY_DAYS,
    DOMAIN,
)

# The travel eSIM, whose usual pack is 30 days.
TRAVEL_PACK = {**TRAVEL_LINE, CONF_VALIDITY_DAYS: 30}

MARK_RENEWED = "button.travel_esim_mark_renewed"
UNDO = "button.travel_esim_undo_last_change"


async def press(hass: HomeAssistant, button: str) -> None:
    """Press a button of the line."""
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: button}, blocking=True
    )


async def test_unconfirmed_until_the_data_left_catches_up(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """A day after a renewal the source still says 2.3 GB: the repair says so.

    It is raised when the line's clock wakes it, a day after the renewal, and
    goes when the data left rises.
    """
    gigabytes(hass, LEFT, 2.3)
    entry = await add_line(hass, TRAVEL_PACK, {CONF_DATA_REMAINING_ENTITY: LEFT})
    issue_id = f"renewal_unconfirmed_{entry.entry_id}"
    await press(hass, MARK_RENEWED)
    assert entry.runtime_data.state.awaiting is not None

    await move_to(hass, freezer, "2026-11-27T09:59:00+09:00")
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    await move_to(hass, freezer, "2026-11-27T10:00:01+09:00")
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "renewal_unconfirmed"
    assert issue.translation_placeholders == {
        "name": "Travel eSIM",
        "renewed_at": "2026-11-26 10:00",
    }

    gigabytes(hass, LEFT, 2.0)  # used a little more: not the renewal
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    gigabytes(hass, LEFT, 10)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None
    assert entry.runtime_data.state.awaiting is None


async def test_the_last_safe_day_confirms_and_an_undo_forgets(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """A later last safe day confirms a renewal; an undone one waits for nothing."""
    hass.states.async_set(ENDS, "2026-12-05", {"device_class": "date"})
    entry = await add_line(hass, POVO_LINE, {CONF_EXPIRY_ENTITY: ENDS})
    issue_id = f"renewal_unconfirmed_{entry.entry_id}"
    await press(hass, "button.povo_backup_mark_renewed")
    await move_to(hass, freezer, "2026-11-27T10:00:01+09:00")
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    hass.states.async_set(ENDS, "2027-05-24", {"device_class": "date"})
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None

    await press(hass, "button.povo_backup_mark_renewed")
    assert entry.runtime_data.state.awaiting is not None
    await press(hass, "button.povo_backup_undo_last_change")
    assert entry.runtime_data.state.awaiting is None


async def test_no_wait_without_a_linked_source(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
) -> None:
    """A line that follows no source has nothing to wait for."""
    entry = await add_line(hass, TRAVEL_PACK, {})
    await press(hass, MARK_RENEWED)
    await move_to(hass, freezer, "2026-11-28T10:00:00+09:00")
    assert entry.runtime_data.state.awaiting is None
    assert (
        issue_registry.async_get_issue(DOMAIN, f"renewal_unconfirmed_{entry.entry_id}")
        is None
    )
