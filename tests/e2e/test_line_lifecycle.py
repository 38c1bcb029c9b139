"""End to end: add a line, read it, renew it, get reminded, and restart.

One scenario on one Home Assistant, step by step in the order of the tests: a
step whose predecessor failed is skipped.
"""

import asyncio
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from script.hass_api import add_line, run_flow

from .harness import DOMAIN, TIME_ZONE, HassProcess, WebSocket, tokyo_now, until
from custom_components.esim_renewal.const import STORAGE_MINOR_VERSION, STORAGE_VERSION

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.usefixtures("socket_enabled"),
    pytest.mark.timeout(120),
]

LINE = "e2e_line"
EVENT_REMINDER = f"{DOMAIN}_reminder"
# Reminders are set a few seconds ahead: long enough for the options flow to
# reload the line, short enough not to wait long.
REMINDER_LEAD = timedelta(seconds=6)
# How late a reminder may fire, and how long to wait for one.
REMINDER_LATENESS = timedelta(seconds=5)
REMINDER_TIMEOUT = 30
# How long to listen for a repeated reminder after a restart.
QUIET_AFTER_RESTART = 3


@dataclass
class Scenario:
    """What the steps so far have set up, for the steps after them."""

    entry_id: str | None = None
    added_on: date | None = None
    renewal: dict[str, Any] | None = None
    reminder: dict[str, Any] | None = None


@pytest.fixture(scope="module")
def scenario() -> Scenario:
    """Return the scenario's progress, shared by its steps."""
    return Scenario()


def needs[T](value: T | None, step: str) -> T:
    """Return what an earlier step set up; skip if it did not pass."""
    if value is None:
        pytest.skip(f"needs the step {step!r} to have passed")
    return value


def lapse_instant(expiry_date: date) -> str:
    """Return the state of a line's expiry sensor: midnight after its last day."""
    midnight = datetime.combine(expiry_date + timedelta(days=1), time(), TIME_ZONE)
    return midnight.astimezone(UTC).isoformat()


def assert_no_problems(hass: HassProcess) -> None:
    """Assert the run installed nothing and logged nothing wrong with the line."""
    assert not hass.pip_installs()
    assert not hass.integration_problems()


def test_add_rolling_line(hass_process: HassProcess, scenario: Scenario) -> None:
    """Add a rolling line without a carrier through the REST config flow."""
    today = tokyo_now().date()
    entry = add_line(
        hass_process.api,
        [
            ("user", {}),
            ("line", {"name": "E2E line", "validity": "rolling"}),
            (
                "rolling",
                {
                    "last_renewal": (today - timedelta(days=170)).isoformat(),
                    "validity_days": 180,
                },
            ),
        ],
    )

    assert entry["domain"] == DOMAIN
    assert entry["title"] == "E2E line"
    assert entry["state"] == "loaded"
    scenario.entry_id = entry["entry_id"]
    scenario.added_on = today


async def test_sensors_count_the_days(
    hass_process: HassProcess, scenario: Scenario
) -> None:
    """Read the new line's entities over the WebSocket API."""
    added_on = needs(scenario.added_on, "add")
    # Renewed 170 days ago for 180 days, the renewal day being the first.
    expiry_date = added_on + timedelta(days=9)

    async with WebSocket.connect(hass_process) as ws:
        states = await ws.states()

    days = states[f"sensor.{LINE}_days_until_expiry"]
    assert days["state"] == str((expiry_date - tokyo_now().date()).days) == "9"
    assert days["attributes"]["unit_of_measurement"] == "d"
    assert states[f"sensor.{LINE}_stops_working"]["state"] == lapse_instant(expiry_date)
    assert states[f"date.{LINE}_last_safe_day"]["state"] == expiry_date.isoformat()
    assert states[f"sensor.{LINE}_status"]["state"] == "expiring_soon"
    assert states[f"binary_sensor.{LINE}_renewal_due"]["state"] == "on"
    assert states[f"sensor.{LINE}_data_remaining"]["state"] == "unknown"
    assert_no_problems(hass_process)


async def test_renew_answers_with_the_new_expiry(
    hass_process: HassProcess, scenario: Scenario
) -> None:
    """Renew the line with the action, asking for its response."""
    entry_id = needs(scenario.entry_id, "add")

    async with WebSocket.connect(hass_process) as ws:
        devices = await ws.command("config/device_registry/list")
        (device,) = (d for d in devices if entry_id in d["config_entries"])
        result = await ws.command(
            "call_service",
            domain=DOMAIN,
            service="renew",
            service_data={"device_id": device["id"], "cost": 330},
            return_response=True,
        )
        states = await ws.states()

    today = tokyo_now().date()
    expiry_date = today + timedelta(days=179)
    response = result["response"]
    assert response["expiry_date"] == expiry_date.isoformat()
    assert response["days_until_expiry"] == 179
    (renewal,) = response["renewals"]
    assert renewal["renewed_on"] == today.isoformat()
    assert renewal["expiry_date"] == expiry_date.isoformat()
    assert renewal["cost"] == 330
    assert renewal["currency"] == "JPY"
    assert states[f"sensor.{LINE}_days_until_expiry"]["state"] == "179"
    assert states[f"sensor.{LINE}_status"]["state"] == "active"
    assert states[f"sensor.{LINE}_spent_this_year"]["state"] == "330.0"
    scenario.renewal = response


async def test_reminder_fires_at_its_time(
    hass_process: HassProcess, scenario: Scenario
) -> None:
    """Set a reminder a few seconds ahead with the options flow; it fires then."""
    entry_id = needs(scenario.entry_id, "add")
    renewal = needs(scenario.renewal, "renew")
    expiry_date = date.fromisoformat(renewal["expiry_date"])

    async with WebSocket.connect(hass_process) as ws:
        subscription = await ws.subscribe_events(EVENT_REMINDER)
        due = (tokyo_now() + REMINDER_LEAD).replace(microsecond=0)
        days_left = (expiry_date - due.date()).days
        await asyncio.to_thread(
            run_flow,
            hass_process.api,
            "/api/config/config_entries/options/flow",
            {"handler": entry_id},
            [
                (
                    "init",
                    {
                        "reminder_days": [str(days_left), "30", "7", "1"],
                        "reminder_time": due.strftime("%H:%M:%S"),
                    },
                )
            ],
        )
        async with asyncio.timeout(REMINDER_TIMEOUT):
            event = await ws.next_event(subscription)
        states = await ws.states()

    fired_at = datetime.fromisoformat(event["time_fired"])
    assert due <= fired_at < due + REMINDER_LATENESS
    data = event["data"]
    assert data == {
        "config_entry_id": entry_id,
        "device_id": data["device_id"],
        "name": "E2E line",
        "kind": "expiring",
        "days_left": days_left,
        "threshold": days_left,
        "expiry_date": expiry_date.isoformat(),
        "number_lost_date": None,
        "renewal_url": None,
        "title": "E2E line expires soon",
        "message": (
            f"Renew it by {expiry_date.day} {expiry_date:%B} {expiry_date.year}, "
            f"its last safe day (days left: {days_left})."
        ),
        "actions": [
            {
                "action": f"ESIM_RENEWAL_MARK_RENEWED:{entry_id}:expiring:{days_left}",
                "title": "Mark renewed",
            },
            {
                "action": f"ESIM_RENEWAL_SNOOZE:{entry_id}:expiring:{days_left}",
                "title": "Remind me tomorrow",
            },
        ],
    }
    assert data["device_id"]
    reminder_entity = states[f"event.{LINE}_reminder"]
    assert reminder_entity["attributes"]["event_type"] == "expiring"
    assert reminder_entity["attributes"]["threshold"] == days_left
    # A sent reminder is written at once, so that no restart repeats it.
    key = f"expiring:{days_left}"
    async with asyncio.timeout(5):
        await until(
            lambda: (
                key in hass_process.read_store(entry_id)["data"]["reminders"]["sent"]
            )
        )
    assert [
        record
        for record in hass_process.log_records()
        if f"Reminding about E2E line: {key}" in record.text
    ]
    assert_no_problems(hass_process)
    scenario.reminder = event


async def test_restart_keeps_renewals_and_sent_reminders(
    hass_process: HassProcess, scenario: Scenario
) -> None:
    """Stop with SIGTERM and start again: the history stays, no reminder repeats."""
    entry_id = needs(scenario.entry_id, "add")
    renewal = needs(scenario.renewal, "renew")
    reminder = needs(scenario.reminder, "remind")
    key = f"expiring:{reminder['data']['threshold']}"
    async with WebSocket.connect(hass_process) as ws:
        before = await ws.states()

    assert await asyncio.to_thread(hass_process.stop) == 0

    stored = hass_process.read_store(entry_id)
    assert (stored["version"], stored["minor_version"]) == (
        STORAGE_VERSION,
        STORAGE_MINOR_VERSION,
    )
    assert stored["data"]["expiry_date"] == renewal["expiry_date"]
    assert stored["data"]["renewals"] == renewal["renewals"]
    assert key in stored["data"]["reminders"]["sent"]

    await asyncio.to_thread(hass_process.start)
    async with WebSocket.connect(hass_process) as ws:
        subscription = await ws.subscribe_events(EVENT_REMINDER)
        await asyncio.to_thread(hass_process.wait_until_running)
        repeated = await ws.events_within(subscription, QUIET_AFTER_RESTART)
        after = await ws.states()

    assert repeated == []
    assert not [
        record for record in hass_process.log_records() if "Reminding" in record.text
    ]
    for entity_id in (
        f"sensor.{LINE}_days_until_expiry",
        f"sensor.{LINE}_stops_working",
        f"sensor.{LINE}_status",
        f"sensor.{LINE}_last_renewal",
        f"sensor.{LINE}_spent_this_year",
        f"event.{LINE}_reminder",
    ):
        assert after[entity_id]["state"] == before[entity_id]["state"], entity_id
        assert after[entity_id]["attributes"] == before[entity_id]["attributes"]
    assert after[f"sensor.{LINE}_stops_working"]["state"] == lapse_instant(
        date.fromisoformat(renewal["expiry_date"])
    )
    assert after[f"sensor.{LINE}_last_renewal"]["attributes"]["recent_renewals"] == [
        {
            "renewed_on": renewal["renewals"][0]["renewed_on"],
            "expiry_date": renewal["expiry_date"],
            "cost": 330,
            "currency": "JPY",
        }
    ]
    stored = hass_process.read_store(entry_id)
    assert stored["data"]["renewals"] == renewal["renewals"]
    assert key in stored["data"]["reminders"]["sent"]
    assert_no_problems(hass_process)
