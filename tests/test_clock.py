"""Tests of the clock every line shares: one line's fault stays with that line."""

from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir

from .conftest import POVO_LINE, TRAVEL_LINE, move_to, setup_line
from custom_components.esim_renewal.const import DOMAIN

POVO_DAYS = "sensor.povo_backup_days_until_expiry"
TRAVEL_DAYS = "sensor.travel_esim_days_until_expiry"


def days_left(hass: HomeAssistant, entity_id: str) -> str:
    """Return the days left a sensor shows."""
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


async def add_lines(hass: HomeAssistant) -> tuple[MockConfigEntry, MockConfigEntry]:
    """Set up the povo line, then the travel line."""
    entries = tuple(
        MockConfigEntry(domain=DOMAIN, title=data[CONF_NAME], data=data)
        for data in (POVO_LINE, TRAVEL_LINE)
    )
    for entry in entries:
        await setup_line(hass, entry)
    return entries


async def test_a_failing_line_stops_no_other(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The line added first fails at midnight; the other still counts down."""
    povo, _travel = await add_lines(hass)
    issue_id = f"update_failed_{povo.entry_id}"
    assert (days_left(hass, POVO_DAYS), days_left(hass, TRAVEL_DAYS)) == ("9", "24")

    with patch.object(
        povo.runtime_data, "async_tick", side_effect=RuntimeError("broken")
    ) as tick:
        await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
        assert days_left(hass, TRAVEL_DAYS) == "23"
        # The timer is armed again: the next midnight comes for both.
        await move_to(hass, freezer, "2026-11-28T00:00:00+09:00")
        assert days_left(hass, TRAVEL_DAYS) == "22"
        assert tick.call_count == 2

    failures = [
        record
        for record in caplog.records
        if record.levelname == "ERROR" and "povo backup" in record.getMessage()
    ]
    assert len(failures) == 2
    assert failures[0].exc_info is not None
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_key == "update_failed"
    assert issue.translation_placeholders == {"name": "povo backup"}
    assert issue.severity is ir.IssueSeverity.ERROR
    assert not issue.is_fixable

    # Mended, the line catches up at the next midnight and the issue goes.
    await move_to(hass, freezer, "2026-11-29T00:00:00+09:00")
    assert (days_left(hass, POVO_DAYS), days_left(hass, TRAVEL_DAYS)) == ("6", "21")
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_a_failing_line_alone_is_tried_again_at_midnight(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """A line that fails is woken again at the next midnight, not in a loop."""
    line = init_integration.runtime_data
    with patch.object(line, "async_tick", side_effect=RuntimeError("broken")) as tick:
        await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
        assert tick.call_count == 1
        await move_to(hass, freezer, "2026-11-27T23:59:59+09:00")
        assert tick.call_count == 1
        await move_to(hass, freezer, "2026-11-28T00:00:00+09:00")
        assert tick.call_count == 2

    # Reloaded, the line updates as it starts, and the issue goes.
    issue_id = f"update_failed_{init_integration.entry_id}"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is not None
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert days_left(hass, POVO_DAYS) == "7"
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_a_time_zone_change_wakes_every_line_apart(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
) -> None:
    """A line that fails when the time zone changes keeps the others counting."""
    povo, travel = await add_lines(hass)
    with patch.object(
        povo.runtime_data, "async_tick", side_effect=RuntimeError("broken")
    ):
        # 10:00 in Tokyo is 01:00 UTC and 15:00 the day before in Honolulu.
        await hass.config.async_update(time_zone="Pacific/Honolulu")
        await hass.async_block_till_done()
    assert days_left(hass, TRAVEL_DAYS) == "25"
    assert travel.runtime_data.data.days_until_expiry == 25
    assert issue_registry.async_get_issue(DOMAIN, f"update_failed_{povo.entry_id}")
