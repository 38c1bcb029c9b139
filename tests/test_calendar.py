"""Tests of a line's calendar."""

from datetime import datetime

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.components.calendar import (
    DOMAIN as CALENDAR_DOMAIN,
    EVENT_END_DATETIME,
    EVENT_START_DATETIME,
    SERVICE_GET_EVENTS,
)
from homeassistant.const import ATTR_ENTITY_ID, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er

from .conftest import POVO_LINE, POVO_PACK_LINE, setup_platform
from custom_components.esim_renewal.const import CONF_GRACE_DAYS, DOMAIN

CALENDAR = "calendar.povo_backup_renewal_day"


async def events_between(
    hass: HomeAssistant, start: str, end: str, calendar: str = CALENDAR
) -> list[dict]:
    """Return a calendar's events in a range, as the get_events action does."""
    response = await hass.services.async_call(
        CALENDAR_DOMAIN,
        SERVICE_GET_EVENTS,
        {
            ATTR_ENTITY_ID: calendar,
            EVENT_START_DATETIME: start,
            EVENT_END_DATETIME: end,
        },
        blocking=True,
        return_response=True,
    )
    return response[calendar]["events"]


async def test_calendar(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """The calendar's state is its next event: the 7-day reminder."""
    await setup_platform(hass, mock_config_entry, Platform.CALENDAR)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.usefixtures("init_integration")
async def test_events_over_a_range(hass: HomeAssistant) -> None:
    """Reminder days, the expiry day and the day it lapsed, within the range."""
    events = await events_between(
        hass, "2026-11-01T00:00:00+09:00", "2026-12-31T00:00:00+09:00"
    )
    assert events == [
        {
            "start": "2026-11-05",
            "end": "2026-11-06",
            "summary": "Renew povo backup (days left: 30)",
            "description": "https://povo.jp/",
        },
        {
            "start": "2026-11-28",
            "end": "2026-11-29",
            "summary": "Renew povo backup (days left: 7)",
            "description": "https://povo.jp/",
        },
        {
            "start": "2026-12-04",
            "end": "2026-12-05",
            "summary": "Renew povo backup (days left: 1)",
            "description": "https://povo.jp/",
        },
        {
            "start": "2026-12-05",
            "end": "2026-12-06",
            "summary": "povo backup expires today",
            "description": "https://povo.jp/",
        },
        {
            "start": "2026-12-06",
            "end": "2026-12-07",
            "summary": "povo backup has lapsed: renew it",
            "description": "https://povo.jp/",
        },
    ]
    assert (
        await events_between(
            hass, "2026-12-07T00:00:00+09:00", "2027-01-01T00:00:00+09:00"
        )
        == []
    )


@pytest.mark.usefixtures("init_integration")
async def test_renewals_appear_and_move_the_reminders(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A renewal is an event of its own, and the reminders follow the new expiry."""
    await hass.services.async_call(
        DOMAIN, "renew", {"config_entry_id": "01JLINEENTRY0000000000000"}, blocking=True
    )
    events = await events_between(
        hass, "2026-11-26T00:00:00+09:00", "2027-06-01T00:00:00+09:00"
    )
    assert [(event["start"], event["summary"]) for event in events] == [
        ("2026-11-26", "povo backup renewed"),
        ("2027-04-24", "Renew povo backup (days left: 30)"),
        ("2027-05-17", "Renew povo backup (days left: 7)"),
        ("2027-05-23", "Renew povo backup (days left: 1)"),
        ("2027-05-24", "povo backup expires today"),
        ("2027-05-25", "povo backup has lapsed: renew it"),
    ]
    assert hass.states.get(CALENDAR).attributes["message"] == "povo backup renewed"

    freezer.move_to(datetime.fromisoformat("2026-11-27T00:00:00+09:00"))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    state = hass.states.get(CALENDAR)
    assert state.state == "off"
    assert state.attributes["message"] == "Renew povo backup (days left: 30)"


@pytest.mark.usefixtures("init_integration")
async def test_summaries_follow_the_language(hass: HomeAssistant) -> None:
    """A change of Home Assistant's language retitles the events at once."""
    assert hass.states.get(CALENDAR).attributes["message"] == (
        "Renew povo backup (days left: 7)"
    )
    await hass.config.async_update(language="ja")
    await hass.async_block_till_done()
    message = hass.states.get(CALENDAR).attributes["message"]
    assert message != "Renew povo backup (days left: 7)"
    assert "povo backup" in message
    assert "7" in message


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
@pytest.mark.usefixtures("init_integration")
async def test_the_grace_period_in_the_calendar(hass: HomeAssistant) -> None:
    """The grace period's reminders, then the last day that saves the number.

    povo is safe through 29 April and keeps the number through 29 May; the
    number's event stands on 29 May, the day the *Number lost* sensor's
    midnight ends.
    """
    events = await events_between(
        hass,
        "2027-04-29T00:00:00+09:00",
        "2027-06-30T00:00:00+09:00",
        "calendar.povo_2_0_renewal_day",
    )
    assert [(event["start"], event["summary"]) for event in events] == [
        ("2027-04-29", "povo 2.0 expires today"),
        ("2027-04-30", "povo 2.0 has lapsed: renew it"),
        ("2027-05-22", "Renew povo 2.0 to keep its number (days left: 7)"),
        ("2027-05-28", "Renew povo 2.0 to keep its number (days left: 1)"),
        ("2027-05-29", "Last day to keep povo 2.0's number"),
    ]
    number_lost = hass.states.get("sensor.povo_2_0_number_lost").state
    assert number_lost == "2027-05-29T15:00:00+00:00"


@pytest.mark.parametrize("line_data", [{**POVO_LINE, CONF_GRACE_DAYS: 0}])
@pytest.mark.usefixtures("init_integration")
async def test_a_number_that_goes_at_once(hass: HomeAssistant) -> None:
    """With no grace (giffgaff) the number's last day is the last safe day."""
    events = await events_between(
        hass, "2026-12-04T00:00:00+09:00", "2027-01-31T00:00:00+09:00"
    )
    assert [(event["start"], event["summary"]) for event in events] == [
        ("2026-12-04", "Renew povo backup (days left: 1)"),
        ("2026-12-05", "povo backup expires today"),
        ("2026-12-05", "Last day to keep povo backup's number"),
    ]


async def test_the_calendar_reads_as_days(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The calendar is named for its days, so on and off read as 'a day to act'."""
    state = hass.states.get(CALENDAR)
    assert state.name == "povo backup Renewal day"
