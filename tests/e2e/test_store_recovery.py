"""End to end: a line whose store file is damaged or newer still starts.

Two lines are set up and renewed, then Home Assistant is stopped. Each test
replaces the store file of one line (the damaged line) while Home Assistant is
stopped, starts it, and checks that it starts, that the damaged line loads and
says what happened, and that the other line (the kept line) is as it was.
"""

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
import json
from typing import Any

import pytest

from script.hass_api import add_line

from .harness import DOMAIN, HassProcess, LogRecord, WebSocket, tokyo_now
from custom_components.esim_renewal.const import STORAGE_MINOR_VERSION, STORAGE_VERSION

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.usefixtures("socket_enabled"),
    pytest.mark.timeout(120),
]

KEPT = "kept_line"
DAMAGED = "damaged_line"


@dataclass(frozen=True, kw_only=True)
class Lines:
    """The two lines as they were before Home Assistant was stopped."""

    kept_id: str
    damaged_id: str
    today: date
    kept_states: dict[str, dict[str, Any]]
    kept_store: dict[str, Any]
    damaged_store: str
    """The damaged line's store file as Home Assistant wrote it."""


def add_rolling_line(
    hass: HassProcess, name: str, last_renewal: date, days: int
) -> str:
    """Add a rolling line through the config flow; return its entry id."""
    entry = add_line(
        hass.api,
        [
            ("user", {}),
            ("line", {"name": name, "validity": "rolling"}),
            (
                "rolling",
                {"last_renewal": last_renewal.isoformat(), "validity_days": days},
            ),
        ],
    )
    entry_id: str = entry["entry_id"]
    return entry_id


def line_states(hass: HassProcess, line: str) -> dict[str, dict[str, Any]]:
    """Return the state and attributes of each entity of a line, over REST."""
    return {
        state["entity_id"]: {
            "state": state["state"],
            "attributes": state["attributes"],
        }
        for state in hass.api.request("GET", "/api/states")
        if state["entity_id"].split(".")[1].startswith(f"{line}_")
    }


@pytest.fixture(scope="module")
def lines(hass_process: HassProcess) -> Lines:
    """Add and renew two lines, then stop Home Assistant; return how they were."""
    today = tokyo_now().date()
    # In its settings, the kept line works 149 more days and the damaged line 39;
    # renewed two days ago, they work 177 and 87 more days.
    kept_id = add_rolling_line(
        hass_process, "Kept line", today - timedelta(days=30), 180
    )
    damaged_id = add_rolling_line(
        hass_process, "Damaged line", today - timedelta(days=50), 90
    )
    for entry_id in (kept_id, damaged_id):
        hass_process.api.request(
            "POST",
            f"/api/services/{DOMAIN}/renew",
            {
                "config_entry_id": entry_id,
                "renewed_on": (today - timedelta(days=2)).isoformat(),
                "cost": 500,
            },
        )
    kept_states = line_states(hass_process, KEPT)
    assert kept_states[f"sensor.{KEPT}_days_until_expiry"]["state"] == "177"
    assert hass_process.stop() == 0
    return Lines(
        kept_id=kept_id,
        damaged_id=damaged_id,
        today=today,
        kept_states=kept_states,
        kept_store=hass_process.read_store(kept_id),
        damaged_store=hass_process.store_path(damaged_id).read_text(),
    )


def restart_with_store(hass: HassProcess, entry_id: str, text: str) -> None:
    """Stop Home Assistant, replace a line's store file, and start it again."""
    assert hass.stop() in (0, None)
    hass.store_path(entry_id).write_text(text)
    hass.start()
    hass.wait_until_running()


def with_versions(text: str, **versions: int) -> str:
    """Return a store file's text with other version numbers."""
    stored = json.loads(text)
    stored.update(versions)
    return json.dumps(stored, indent=4)


def assert_both_lines_loaded(hass: HassProcess, lines: Lines) -> None:
    """Assert both entries are set up."""
    entries = hass.api.request(
        "GET", f"/api/config/config_entries/entry?domain={DOMAIN}"
    )
    assert {entry["entry_id"]: entry["state"] for entry in entries} == {
        lines.kept_id: "loaded",
        lines.damaged_id: "loaded",
    }


def assert_kept_line_untouched(hass: HassProcess, lines: Lines) -> None:
    """Assert the kept line shows and stores what it did before the stop."""
    assert line_states(hass, KEPT) == lines.kept_states
    stored = hass.read_store(lines.kept_id)
    assert stored["data"]["expiry_date"] == lines.kept_store["data"]["expiry_date"]
    assert stored["data"]["renewals"] == lines.kept_store["data"]["renewals"]


def assert_damaged_line_from_settings(
    states: dict[str, dict[str, Any]], lines: Lines
) -> None:
    """Assert the damaged line counts from its settings: its renewal is lost."""
    assert states[f"sensor.{DAMAGED}_days_until_expiry"]["state"] == str(
        (lines.today + timedelta(days=39) - tokyo_now().date()).days
    )
    last_renewal = states[f"sensor.{DAMAGED}_last_renewal"]
    assert last_renewal["state"] not in ("unknown", "unavailable")
    assert last_renewal["attributes"]["recent_renewals"] == []


def records_about(hass: HassProcess, text: str) -> list[LogRecord]:
    """Return the current run's log records that contain some text."""
    return [record for record in hass.log_records() if text in record.text]


async def test_truncated_store_file(hass_process: HassProcess, lines: Lines) -> None:
    """A store file cut off mid-JSON is set aside, and the line starts afresh."""
    store_key = f"{DOMAIN}.{lines.damaged_id}"
    truncated = lines.damaged_store[: len(lines.damaged_store) // 2]

    await asyncio.to_thread(
        restart_with_store, hass_process, lines.damaged_id, truncated
    )

    assert_both_lines_loaded(hass_process, lines)
    async with WebSocket.connect(hass_process) as ws:
        states = await ws.states()
        issues = (await ws.command("repairs/list_issues"))["issues"]
    assert_damaged_line_from_settings(states, lines)
    assert_kept_line_untouched(hass_process, lines)

    # Home Assistant's store sets the file aside, logs an error and raises a
    # repair issue; the integration then builds the line from its settings.
    (corrupt_file,) = hass_process.store_path(lines.damaged_id).parent.glob(
        f"{store_key}.corrupt.*"
    )
    assert corrupt_file.read_text() == truncated
    (parse_error,) = records_about(hass_process, "Could not parse JSON content")
    assert parse_error.level == "ERROR"
    assert str(hass_process.store_path(lines.damaged_id)) in parse_error.text
    (error,) = records_about(
        hass_process, f"Unrecoverable error decoding storage {store_key}"
    )
    assert error.level == "ERROR"
    assert error.logger == "homeassistant.helpers.storage"
    assert f"The corrupt file has been saved as {corrupt_file}" in error.text
    assert hass_process.integration_problems() == [parse_error, error]
    (issue,) = (
        issue
        for issue in issues
        if issue["issue_id"].startswith(f"storage_corruption_{store_key}_")
    )
    assert issue["domain"] == "homeassistant"
    assert issue["issue_domain"] == DOMAIN
    assert issue["translation_key"] == "storage_corruption"
    assert issue["translation_placeholders"]["corrupt_path"] == str(corrupt_file)


async def test_store_file_of_a_newer_major_version(
    hass_process: HassProcess, lines: Lines
) -> None:
    """A store file of a newer major version is not read; the line still starts."""
    store_key = f"{DOMAIN}.{lines.damaged_id}"

    await asyncio.to_thread(
        restart_with_store,
        hass_process,
        lines.damaged_id,
        with_versions(lines.damaged_store, version=2),
    )

    assert_both_lines_loaded(hass_process, lines)
    async with WebSocket.connect(hass_process) as ws:
        states = await ws.states()
    assert_damaged_line_from_settings(states, lines)
    assert_kept_line_untouched(hass_process, lines)
    (warning,) = records_about(
        hass_process, f"Stored state of {store_key} was written by a newer release"
    )
    assert warning.level == "WARNING"
    assert warning.logger == f"custom_components.{DOMAIN}"
    assert "the line is rebuilt from its settings" in warning.text
    assert hass_process.integration_problems() == [warning]
    async with WebSocket.connect(hass_process) as ws:
        issues = await ws.command("repairs/list_issues")
    (issue,) = (
        issue
        for issue in issues["issues"]
        if issue["issue_id"] == f"newer_store_{lines.damaged_id}"
    )
    assert issue["translation_key"] == "newer_store"


def test_store_file_of_a_newer_major_version_is_kept(
    hass_process: HassProcess, lines: Lines
) -> None:
    """A store file this version cannot read survives it, for a later upgrade."""
    newer = with_versions(lines.damaged_store, version=2)

    restart_with_store(hass_process, lines.damaged_id, newer)
    assert hass_process.stop() == 0

    stored = [
        path.read_text()
        for path in hass_process.store_path(lines.damaged_id).parent.glob(
            f"{DOMAIN}.{lines.damaged_id}*"
        )
    ]
    assert newer in stored


async def test_store_file_of_a_newer_minor_version(
    hass_process: HassProcess, lines: Lines
) -> None:
    """A newer minor version is compatible: the line keeps its history."""
    store_key = f"{DOMAIN}.{lines.damaged_id}"
    newer = json.loads(with_versions(lines.damaged_store, minor_version=99))
    newer["data"]["added_in_a_later_version"] = {"anything": True}

    await asyncio.to_thread(
        restart_with_store, hass_process, lines.damaged_id, json.dumps(newer)
    )

    assert_both_lines_loaded(hass_process, lines)
    async with WebSocket.connect(hass_process) as ws:
        states = await ws.states()
    assert states[f"sensor.{DAMAGED}_days_until_expiry"]["state"] == str(
        (lines.today + timedelta(days=87) - tokyo_now().date()).days
    )
    (renewal,) = states[f"sensor.{DAMAGED}_last_renewal"]["attributes"][
        "recent_renewals"
    ]
    assert renewal["renewed_on"] == (lines.today - timedelta(days=2)).isoformat()
    assert_kept_line_untouched(hass_process, lines)
    assert records_about(
        hass_process,
        f"Migrating {store_key} storage from 1.99 to 1.{STORAGE_MINOR_VERSION}",
    )
    assert not hass_process.integration_problems()
    # Home Assistant writes the file back in the version this release writes.
    stored = hass_process.read_store(lines.damaged_id)
    assert (stored["version"], stored["minor_version"]) == (
        STORAGE_VERSION,
        STORAGE_MINOR_VERSION,
    )
