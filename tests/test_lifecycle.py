"""Tests of a line's lifecycle: unload, removal, restart, and what is written when."""

from pathlib import Path
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
    async_test_home_assistant,
)

from homeassistant import loader
from homeassistant.components.date import (
    ATTR_DATE,
    DOMAIN as DATE_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import (
    ATTR_DEVICE_CLASS,
    ATTR_ENTITY_ID,
    ATTR_UNIT_OF_MEASUREMENT,
    EVENT_STATE_CHANGED,
    EVENT_STATE_REPORTED,
    UnitOfInformation,
)
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.setup import async_setup_component

from .conftest import TIME_ZONE, TRAVEL_LINE, move_to
from custom_components.esim_renewal.blueprint_installer import async_install_blueprints
from custom_components.esim_renewal.const import (
    CONF_DATA_REMAINING_ENTITY,
    CONF_REMINDER_DAYS,
    DOMAIN,
    EVENT_REMINDER,
    SAVE_DELAY,
    STORAGE_VERSION,
)
from custom_components.esim_renewal.store import EsimRenewalStore

STORE_KEY = f"{DOMAIN}.01JLINEENTRY0000000000000"
DAYS = "sensor.povo_backup_days_until_expiry"
LEFT = "sensor.router_data_left"


async def renew(hass: HomeAssistant, entry: MockConfigEntry, **data: Any) -> None:
    """Record a renewal through the action."""
    await hass.services.async_call(
        DOMAIN, "renew", {"config_entry_id": entry.entry_id, **data}, blocking=True
    )


async def test_unload_with_a_pending_write_and_a_due_tick(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """The unload writes what waits; a tick due meanwhile touches nothing."""
    await renew(hass, init_integration, cost=330)
    assert STORE_KEY not in hass_storage
    line = init_integration.runtime_data
    freezer.move_to("2026-11-27T00:00:00+09:00")

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert line.data.days_until_expiry == 179
    assert hass_storage[STORE_KEY]["data"]["renewals"][0]["cost"] == 330
    written = hass_storage[STORE_KEY]

    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass_storage[STORE_KEY] is written
    assert line.data.days_until_expiry == 179
    assert hass.states.get(DAYS).state == "unavailable"


async def test_removal_with_a_pending_write_leaves_no_file(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A renewal just before the removal never brings the file back."""
    await renew(hass, init_integration)
    assert await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert STORE_KEY not in hass_storage

    freezer.tick(SAVE_DELAY + 1)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert STORE_KEY not in hass_storage


async def test_a_closed_line_refuses_work(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Once its entities are gone and it is closing, a line changes no more."""
    line = init_integration.runtime_data
    flushes: list[bool] = []
    original_flush = EsimRenewalStore.async_flush

    async def flush_and_try(store: EsimRenewalStore, *args: Any, **kwargs: Any) -> None:
        # A change arriving while the line writes itself out is refused.
        with pytest.raises(HomeAssistantError) as err:
            line.async_set_data(total_gb=1)
        assert err.value.translation_key == "line_not_loaded"
        flushes.append(True)
        await original_flush(store, *args, **kwargs)

    with patch.object(EsimRenewalStore, "async_flush", flush_and_try):
        assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert flushes
    before = line.data
    line.async_tick(line.next_change)
    assert line.data is before


@pytest.mark.parametrize("line_options", [{CONF_REMINDER_DAYS: [7]}])
async def test_a_sent_reminder_is_on_disk_when_it_goes_out(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A reminder is written at once, even with a delayed write waiting."""
    seen_on_disk: list[list[str]] = []

    @callback
    def on_reminder(_event: Event) -> None:
        seen_on_disk.append(hass_storage[STORE_KEY]["data"]["reminders"]["sent"])

    hass.bus.async_listen(EVENT_REMINDER, on_reminder)
    freezer.move_to("2026-11-28T08:59:55+09:00")
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": init_integration.entry_id, "data_total_gb": 3},
        blocking=True,
    )
    await move_to(hass, freezer, "2026-11-28T09:00:00+09:00")
    assert seen_on_disk == [["expiring:7"]]


async def test_a_new_past_expiry_renames_the_issue(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """A corrected expiry of a lapsed line is the day its issue names."""
    await move_to(hass, freezer, "2026-12-07T10:00:00+09:00")
    issue_id = f"expired_{init_integration.entry_id}"
    assert (
        issue_registry.async_get_issue(DOMAIN, issue_id).translation_placeholders[
            "expiry_date"
        ]
        == "2026-12-05"
    )
    await hass.services.async_call(
        DATE_DOMAIN,
        SERVICE_SET_VALUE,
        {ATTR_ENTITY_ID: "date.povo_backup_last_safe_day", ATTR_DATE: "2026-12-03"},
        blocking=True,
    )
    assert (
        issue_registry.async_get_issue(DOMAIN, issue_id).translation_placeholders[
            "expiry_date"
        ]
        == "2026-12-03"
    )


async def test_a_deleted_blueprint_stays_deleted(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The blueprint is installed once; the user's deletion is respected."""
    installed = Path(
        hass.config.path(
            "blueprints", "automation", DOMAIN, "renewal_notification.yaml"
        )
    )
    assert await hass.async_add_executor_job(installed.exists)
    await hass.async_add_executor_job(installed.unlink)
    await async_install_blueprints(hass)
    assert not await hass.async_add_executor_job(installed.exists)


async def test_a_quiet_midnight_writes_only_the_day_count(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """At midnight only what changed is written; nothing is rewritten unchanged."""
    changed = async_capture_events(hass, EVENT_STATE_CHANGED)
    reported: list[Event] = []

    @callback
    def every_write(_data: Any) -> bool:
        return True

    hass.bus.async_listen(
        EVENT_STATE_REPORTED, reported.append, event_filter=every_write
    )
    await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
    assert [event.data["entity_id"] for event in changed] == [DAYS]
    assert reported == []


async def test_every_entity_of_a_line_has_its_own_name(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """No two entities of a line share a name, whatever their platform."""
    names = [
        entry.original_name
        for entry in er.async_entries_for_config_entry(
            entity_registry, init_integration.entry_id
        )
    ]
    assert len(names) == len(set(names)) > 10


async def test_spending_keeps_its_unit_when_the_currency_changes(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The unit is the line's currency, under statistics; a reload keeps it."""
    spent = "sensor.povo_backup_spent_this_year"
    assert hass.states.get(spent).attributes["unit_of_measurement"] == "EUR"
    await hass.config.async_update(currency="JPY")
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(spent).attributes["unit_of_measurement"] == "EUR"


async def test_restart_on_the_same_storage(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A stopped Home Assistant and a new one on its storage show the same line."""
    await renew(hass, init_integration, cost=330, currency="JPY")
    before = {
        entity_id: hass.states.get(entity_id).state
        for entity_id in hass.states.async_entity_ids(DOMAIN)
    } | {
        entity_id: hass.states.get(entity_id).state
        for entity_id in hass.states.async_entity_ids("sensor")
    }
    await hass.async_stop()
    assert hass_storage[STORE_KEY]["data"]["renewals"][0]["cost"] == 330

    async with async_test_home_assistant(config_dir=hass.config.config_dir) as again:
        again.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        await again.config.async_set_time_zone(TIME_ZONE)
        entry = MockConfigEntry(
            domain=DOMAIN,
            title=init_integration.title,
            data=init_integration.data,
            entry_id=init_integration.entry_id,
            minor_version=2,
        )
        entry.add_to_hass(again)
        assert await async_setup_component(again, DOMAIN, {})
        await again.async_block_till_done()
        assert entry.state is ConfigEntryState.LOADED
        after = {
            entity_id: again.states.get(entity_id).state
            for entity_id in before
            if again.states.get(entity_id)
        }
        assert after == before
        assert entry.runtime_data.state.renewals[0].cost == 330
        # Calendar entities keep an alarm until they are removed.
        assert await again.config_entries.async_unload(entry.entry_id)
        await again.async_stop()


async def test_a_newer_release_file_is_kept_aside(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    """A file of a newer store version is moved aside, not overwritten."""
    hass_storage[STORE_KEY] = {
        "version": STORAGE_VERSION + 1,
        "minor_version": 1,
        "key": STORE_KEY,
        "data": {"from": "the future"},
    }
    mock_config_entry.add_to_hass(hass)
    with patch("custom_components.esim_renewal.store.os.replace") as replace:
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    source, kept = replace.call_args.args
    assert source.endswith(f".storage/{STORE_KEY}")
    assert kept.startswith(f"{source}.newer.")
    assert hass.states.get(DAYS).state == "9"
    issue = issue_registry.async_get_issue(
        DOMAIN, f"newer_store_{mock_config_entry.entry_id}"
    )
    assert issue.translation_placeholders == {"name": "povo backup", "path": kept}


async def test_a_newer_release_file_that_cannot_be_kept_stops_setup(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """Rather no line than a newer release's history overwritten."""
    hass_storage[STORE_KEY] = {
        "version": STORAGE_VERSION + 1,
        "minor_version": 1,
        "key": STORE_KEY,
        "data": {},
    }
    mock_config_entry.add_to_hass(hass)
    with patch(
        "custom_components.esim_renewal.store.os.replace", side_effect=OSError("busy")
    ):
        assert not await hass.config_entries.async_setup(mock_config_entry.entry_id)
    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    assert mock_config_entry.reason
    assert "busy" in mock_config_entry.reason


async def test_a_set_aside_file_is_confirmed_away(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    """The user says they dealt with a newer release's file; the issue goes."""
    hass_storage[STORE_KEY] = {
        "version": STORAGE_VERSION + 1,
        "minor_version": 1,
        "key": STORE_KEY,
        "data": {},
    }
    mock_config_entry.add_to_hass(hass)
    with patch("custom_components.esim_renewal.store.os.replace"):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    issue_id = f"newer_store_{mock_config_entry.entry_id}"
    issue = issue_registry.async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.is_fixable
    assert issue.is_persistent

    assert await async_setup_component(hass, "repairs", {})
    flows = repairs_flow_manager(hass)
    result = await flows.async_init(DOMAIN, data={"issue_id": issue_id})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    assert result["description_placeholders"] == issue.translation_placeholders
    result = await flows.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert issue_registry.async_get_issue(DOMAIN, issue_id) is None


async def test_removal_deletes_every_issue_of_the_line(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """Every issue whose id names the removed line goes, whoever raised it."""
    entry_id = init_integration.entry_id
    await move_to(hass, freezer, "2026-12-06T10:00:00+09:00")
    for issue_id in (
        f"newer_store_{entry_id}",
        f"source_missing_{entry_id}",
        "source_missing_01JOTHERLINE0000000000000",
    ):
        ir.async_create_issue(
            hass,
            DOMAIN,
            issue_id,
            is_fixable=False,
            is_persistent=True,
            severity=ir.IssueSeverity.WARNING,
            translation_key=issue_id.rsplit("_", 1)[0],
        )
    assert issue_registry.async_get_issue(DOMAIN, f"expired_{entry_id}")

    assert await hass.config_entries.async_remove(entry_id)
    await hass.async_block_till_done()
    assert [
        issue_id for domain, issue_id in issue_registry.issues if domain == DOMAIN
    ] == ["source_missing_01JOTHERLINE0000000000000"]


async def test_unload_writes_the_store_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A renewal and a midnight's reminder check wait; the unload writes them once."""
    await renew(hass, init_integration, cost=330)
    await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
    writes: list[str] = []
    save = EsimRenewalStore.async_save

    async def counted(store: EsimRenewalStore, data: dict[str, Any]) -> None:
        writes.append(store.key)
        await save(store, data)

    with patch.object(EsimRenewalStore, "async_save", counted):
        assert await hass.config_entries.async_unload(init_integration.entry_id)
        await hass.async_block_till_done()
    assert writes == [STORE_KEY]
    assert hass_storage[STORE_KEY]["data"]["reminders"]["checked_until"] == (
        "2026-11-27T00:00:00+09:00"
    )


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.parametrize("line_options", [{CONF_DATA_REMAINING_ENTITY: LEFT}])
async def test_a_source_update_during_unload_is_dropped_quietly(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The line stops following its sources before it writes itself out."""
    line = init_integration.runtime_data
    data_left(hass, 3.5)
    await hass.async_block_till_done()
    assert line.state.data.remaining_gb == 3.5
    flush = EsimRenewalStore.async_flush

    async def flush_after_an_update(
        store: EsimRenewalStore, *args: Any, **kwargs: Any
    ) -> None:
        data_left(hass, 1.5)
        await flush(store, *args, **kwargs)

    with patch.object(EsimRenewalStore, "async_flush", flush_after_an_update):
        assert await hass.config_entries.async_unload(init_integration.entry_id)
        await hass.async_block_till_done()
    assert line.state.data.remaining_gb == 3.5
    assert hass_storage[STORE_KEY]["data"]["data"]["remaining_gb"] == 3.5
    assert [r for r in caplog.records if r.levelname in ("ERROR", "WARNING")] == []


def data_left(hass: HomeAssistant, gigabytes: float) -> None:
    """Set the linked sensor of the data left."""
    hass.states.async_set(
        LEFT,
        str(gigabytes),
        {
            ATTR_UNIT_OF_MEASUREMENT: UnitOfInformation.GIGABYTES,
            ATTR_DEVICE_CLASS: SensorDeviceClass.DATA_SIZE,
        },
    )
