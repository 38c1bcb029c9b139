"""Tests of reminders through Home Assistant: time, restarts, downtime, renewals."""

from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from homeassistant.const import (
    ATTR_CONFIG_ENTRY_ID,
    CONF_NAME,
    EVENT_HOMEASSISTANT_STARTED,
)
from homeassistant.core import CoreState, Event, HomeAssistant
from homeassistant.helpers import device_registry as dr, issue_registry as ir

from .conftest import POVO_PACK_LINE, TRAVEL_LINE, move_to, setup_line
from custom_components.esim_renewal.const import (
    CONF_DATA_LOW_GB,
    CONF_GRACE_DAYS,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    DOMAIN,
    EVENT_REMINDER,
)

OPTIONS = {CONF_REMINDER_DAYS: [30, 7, 1], CONF_REMINDER_TIME: "09:00:00"}


def kinds(events: list[Event]) -> list[tuple[str, int | None, int]]:
    """Return what each reminder was about: kind, threshold, days left."""
    return [
        (event.data["kind"], event.data["threshold"], event.data["days_left"])
        for event in events
    ]


@pytest.fixture
def line_options() -> dict[str, Any]:
    """Remind 30, 7 and 1 days before expiry at 09:00."""
    return OPTIONS


@pytest.fixture
def reminders(hass: HomeAssistant) -> list[Event]:
    """Capture every reminder on the bus."""
    return async_capture_events(hass, EVENT_REMINDER)


async def test_a_whole_cycle(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """Each threshold fires once at 09:00, then expired once after the lapse."""
    # Added 9 days before expiry: the 30-day reminder is not sent late.
    assert reminders == []

    await move_to(hass, freezer, "2026-11-28T08:59:59+09:00")
    assert reminders == []
    await move_to(hass, freezer, "2026-11-28T09:00:00+09:00")
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, init_integration.entry_id), init_integration.entry_id
    )
    assert reminders[0].data == {
        "config_entry_id": init_integration.entry_id,
        "device_id": device.id,
        "name": "povo backup",
        "kind": "expiring",
        "days_left": 7,
        "threshold": 7,
        "expiry_date": "2026-12-05",
        "number_lost_date": None,
        "renewal_url": "https://povo.jp/",
        "title": "povo backup expires soon",
        "message": "Renew it by 5 December 2026, its last safe day (days left: 7).",
        "actions": [
            {"action": "URI", "title": "Renew now", "uri": "https://povo.jp/"},
            {
                "action": (
                    "ESIM_RENEWAL_MARK_RENEWED:01JLINEENTRY0000000000000:expiring:7"
                ),
                "title": "Mark renewed",
            },
            {
                "action": "ESIM_RENEWAL_SNOOZE:01JLINEENTRY0000000000000:expiring:7",
                "title": "Remind me tomorrow",
            },
        ],
    }

    await move_to(hass, freezer, "2026-12-04T09:00:00+09:00")
    await move_to(hass, freezer, "2026-12-06T00:00:00+09:00")
    assert kinds(reminders) == [("expiring", 7, 7), ("expiring", 1, 1)]
    await move_to(hass, freezer, "2026-12-06T09:00:00+09:00")
    await move_to(hass, freezer, "2026-12-20T09:00:00+09:00")
    assert kinds(reminders) == [
        ("expiring", 7, 7),
        ("expiring", 1, 1),
        ("expired", None, -1),
    ]


async def test_restart_never_repeats_a_reminder(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """Reloads around a reminder neither repeat it nor lose the next one."""
    await move_to(hass, freezer, "2026-11-28T09:00:00+09:00")
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    await move_to(hass, freezer, "2026-11-28T12:00:00+09:00")
    assert kinds(reminders) == [("expiring", 7, 7)]

    await move_to(hass, freezer, "2026-12-04T09:00:00+09:00")
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert kinds(reminders) == [("expiring", 7, 7), ("expiring", 1, 1)]


async def test_downtime_sends_the_most_urgent_missed_reminder_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """Down across the 7- and 1-day reminders: one catch-up, the 1-day one."""
    await move_to(hass, freezer, "2026-11-27T09:00:00+09:00")
    assert await hass.config_entries.async_unload(init_integration.entry_id)

    await move_to(hass, freezer, "2026-12-04T12:00:00+09:00")
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert kinds(reminders) == [("expiring", 1, 1)]

    await move_to(hass, freezer, "2026-12-05T09:00:00+09:00")
    assert len(reminders) == 1
    await move_to(hass, freezer, "2026-12-06T09:00:00+09:00")
    assert kinds(reminders)[-1] == ("expired", None, -1)


async def test_nothing_fires_because_home_assistant_started(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """A missed reminder waits for the start, so automations hear it."""
    await setup_line(hass, mock_config_entry)
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)

    await move_to(hass, freezer, "2026-11-29T07:00:00+09:00")
    hass.set_state(CoreState.starting)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert reminders == []

    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    assert kinds(reminders) == [("expiring", 7, 6)]

    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert len(reminders) == 1


async def test_renewal_starts_a_new_cycle(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """After a renewal the old cycle's reminders are gone; the new ones come."""
    await move_to(hass, freezer, "2026-11-28T09:00:00+09:00")
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id},
        blocking=True,
    )
    # New expiry 2027-05-26: nothing more this year.
    await move_to(hass, freezer, "2026-12-06T09:00:00+09:00")
    assert kinds(reminders) == [("expiring", 7, 7)]

    await move_to(hass, freezer, "2027-05-19T09:00:00+09:00")
    assert kinds(reminders) == [("expiring", 7, 7), ("expiring", 7, 7)]
    assert reminders[-1].data["expiry_date"] == "2027-05-26"


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.parametrize(
    "line_options", [{**OPTIONS, CONF_REMINDER_DAYS: [], CONF_DATA_LOW_GB: 1}]
)
async def test_data_low_once_per_cycle(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """Data low fires when a reading drops below the mark, once per cycle."""

    async def reading(remaining: float) -> None:
        await hass.services.async_call(
            DOMAIN,
            "set_data",
            {
                ATTR_CONFIG_ENTRY_ID: init_integration.entry_id,
                "data_remaining_gb": remaining,
            },
            blocking=True,
        )

    await reading(1.5)
    assert reminders == []
    await reading(0.8)
    assert kinds(reminders) == [("data_low", None, 24)]
    await reading(0.5)
    await reading(3)
    await reading(0.4)
    assert len(reminders) == 1

    await hass.services.async_call(
        DOMAIN,
        "renew",
        {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id, "validity_days": 30},
        blocking=True,
    )
    await reading(0.2)
    assert kinds(reminders) == [("data_low", None, 24), ("data_low", None, 29)]


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
async def test_grace_period_until_the_number_is_lost(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """povo: suspended from 30 April, reminded before 30 May, then lost."""
    status = "sensor.povo_2_0_status"
    issue_id = f"expired_{init_integration.entry_id}"
    await move_to(hass, freezer, "2027-04-29T09:00:00+09:00")
    assert hass.states.get(status).state == "expiring_soon"
    await move_to(hass, freezer, "2027-04-30T00:00:00+09:00")
    assert hass.states.get(status).state == "expired"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue.translation_key == "line_suspended"
    assert issue.translation_placeholders == {
        "name": "povo 2.0",
        "expiry_date": "2027-04-29",
        "number_kept_until": "2027-05-29",
    }
    await move_to(hass, freezer, "2027-04-30T09:00:00+09:00")
    await move_to(hass, freezer, "2027-05-22T09:00:00+09:00")
    await move_to(hass, freezer, "2027-05-28T09:00:00+09:00")
    await move_to(hass, freezer, "2027-05-30T00:00:00+09:00")
    assert hass.states.get(status).state == "lost"
    assert (
        issue_registry.async_get_issue(DOMAIN, issue_id).translation_key
        == "number_lost"
    )
    await move_to(hass, freezer, "2027-05-30T09:00:00+09:00")
    assert kinds(reminders)[-4:] == [
        ("expired", None, -1),
        ("grace_ending", 7, 7),
        ("grace_ending", 1, 1),
        ("lost", None, -1),
    ]
    assert reminders[-1].data["number_lost_date"] == "2027-05-30"
    event = hass.states.get("event.povo_2_0_reminder")
    assert event.attributes["event_type"] == "lost"
    assert event.attributes["number_lost_date"] == "2027-05-30"


@pytest.mark.parametrize(
    "line_data", [{**POVO_PACK_LINE, CONF_GRACE_DAYS: 0, CONF_NAME: "giffgaff"}]
)
async def test_no_grace_is_lost_at_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    reminders: list[Event],
) -> None:
    """A number recycled at once is lost the day after the last safe day."""
    await move_to(hass, freezer, "2027-04-30T09:00:00+09:00")
    assert hass.states.get("sensor.giffgaff_status").state == "lost"
    assert kinds(reminders)[-1] == ("lost", None, -1)
