"""Tests of setting up, unloading, reloading and removing a line."""

import hashlib
from typing import Any
from unittest.mock import patch

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr

from .conftest import POVO_LINE, line_device_id, move_to, setup_line, unique_id_of
from custom_components.esim_renewal.const import (
    CONF_CURRENCY,
    CONF_GRACE_DAYS,
    CONF_RENEWAL_URL,
    CONF_VALIDITY_DAYS,
    DOMAIN,
    SAVE_DELAY,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)
from custom_components.esim_renewal.identity import async_identity_key

STORE_KEY = f"{DOMAIN}.01JLINEENTRY0000000000000"
DAYS = "sensor.povo_backup_days_until_expiry"


def stored_line(expiry_date: str) -> dict[str, Any]:
    """Return a store file holding a povo line's state."""
    return {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
        "key": STORE_KEY,
        "data": {
            "expiry_date": expiry_date,
            "last_renewal": "2026-11-01",
            "pack_end": None,
            "wallet": None,
            "data": {
                "total_gb": None,
                "remaining_gb": None,
                "used_gb": None,
                "unlimited": False,
            },
            "renewals": [],
            "spending": {},
            "uses": {"last_at": None, "count": 0},
            "undo": [],
            "counters": {},
            "seen": {},
            "reminders": {"checked_until": "2026-11-26T09:00:00+09:00", "sent": []},
        },
    }


async def test_load_and_unload(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A line loads, writes its state once, and unloads cleanly."""
    assert init_integration.state is ConfigEntryState.LOADED
    assert hass.states.get(DAYS).state == "9"
    # The first state is built from the entry and written with a delay.
    assert STORE_KEY not in hass_storage

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert hass_storage[STORE_KEY]["data"]["expiry_date"] == "2026-12-05"
    assert hass.states.get(DAYS).state == "unavailable"


@pytest.mark.parametrize(
    "line_data", [{**POVO_LINE, CONF_RENEWAL_URL: ""}], ids=["empty page"]
)
async def test_an_empty_renewal_page_is_no_link(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A line given an empty renewal page (as an API may send) has no device link."""
    assert init_integration.state is ConfigEntryState.LOADED
    device = dr.async_get(hass).async_get(line_device_id(hass, init_integration))
    assert device is not None
    assert device.configuration_url is None


async def test_state_is_written_with_a_delay(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: Any,
) -> None:
    """Writes are coalesced, then land on disk; an unload has nothing left to do."""
    freezer.tick(SAVE_DELAY + 1)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass_storage[STORE_KEY]["data"]["expiry_date"] == "2026-12-05"
    hass_storage.clear()

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert STORE_KEY not in hass_storage


async def test_stored_state_wins_over_entry(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """The stored state, not the entry, is what a restart shows."""
    hass_storage[STORE_KEY] = stored_line("2027-04-29")
    await setup_line(hass, mock_config_entry)
    assert hass.states.get(DAYS).state == "154"


@pytest.mark.parametrize("line_data", [{**POVO_LINE, CONF_VALIDITY_DAYS: 90}])
async def test_changed_settings_keep_the_stored_state(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """Settings changed while the line was not loaded keep what it recorded."""
    hass_storage[STORE_KEY] = stored_line("2027-04-29")
    await setup_line(hass, mock_config_entry)
    assert hass.states.get(DAYS).state == "154"


@pytest.mark.parametrize(
    "data",
    [
        {"garbage": True},
        {"expiry_date": "soon", "last_renewal": None, "data": {}},
        [],
    ],
)
async def test_unreadable_store_is_rebuilt(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
    data: Any,
) -> None:
    """A store that is not a line's state is logged and rebuilt; setup goes on."""
    hass_storage[STORE_KEY] = {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
        "key": STORE_KEY,
        "data": data,
    }
    await setup_line(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert hass.states.get(DAYS).state == "9"
    assert "is unreadable and is rebuilt from its settings" in caplog.text
    assert "8012345678" not in caplog.text

    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert hass_storage[STORE_KEY]["data"]["expiry_date"] == "2026-12-05"


async def test_reload_keeps_every_value(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A reload reads back what the unload wrote."""
    hass_storage[STORE_KEY] = stored_line("2027-04-29")
    await setup_line(hass, mock_config_entry)

    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).state == "154"
    assert mock_config_entry.runtime_data.state.terms.last_renewal.isoformat() == (
        "2026-11-01"
    )


async def test_broken_settings_fail_setup_with_a_translated_error(
    hass: HomeAssistant,
) -> None:
    """An entry edited by hand into nonsense does not set up, and says why."""
    entry = MockConfigEntry(
        domain=DOMAIN, data={**POVO_LINE, CONF_VALIDITY_DAYS: 0}, title="povo"
    )
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_ERROR
    assert entry.error_reason_translation_key == "invalid_line"
    assert entry.error_reason_translation_placeholders == {"field": "validity_days"}


async def test_removing_a_line_deletes_its_store(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """Nothing of a removed line stays behind."""
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert STORE_KEY in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert STORE_KEY not in hass_storage


async def test_unreadable_date_fails_setup(hass: HomeAssistant) -> None:
    """A date that is not a date names its field."""
    entry = MockConfigEntry(
        domain=DOMAIN, data={**POVO_LINE, "last_renewal": "June"}, title="povo"
    )
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.error_reason_translation_placeholders == {"field": "last_renewal"}


@pytest.mark.parametrize(
    ("carrier", "manufacturer"),
    [("povo_2", "povo 2.0"), ("Mint Mobile", "Mint Mobile"), (None, None)],
)
async def test_one_service_device_per_line(
    hass: HomeAssistant,
    device_registry: dr.DeviceRegistry,
    carrier: str | None,
    manufacturer: str | None,
) -> None:
    """The line's device is a service named after it, linking its renewal page."""
    data = {key: value for key, value in POVO_LINE.items() if key != "carrier"}
    if carrier:
        data["carrier"] = carrier
    entry = MockConfigEntry(domain=DOMAIN, data=data, title="povo backup")
    await setup_line(hass, entry)

    devices = dr.async_entries_for_config_entry(device_registry, entry.entry_id)
    assert len(devices) == 1
    device = devices[0]
    assert device.identifiers == {(DOMAIN, entry.entry_id)}
    assert device.name == "povo backup"
    assert device.manufacturer == manufacturer
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert device.configuration_url == "https://povo.jp/"


@pytest.mark.usefixtures("init_integration")
async def test_other_config_changes_write_nothing(hass: HomeAssistant) -> None:
    """A core config change that moves no day leaves the states alone."""
    before = hass.states.get(DAYS)
    await hass.config.async_update(location_name="Home")
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).last_updated == before.last_updated


async def test_store_of_the_first_version_is_migrated(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A 1.1 store loads with an empty history and reminder log, and is rewritten."""
    old = stored_line("2027-04-29")
    old["minor_version"] = 1
    for key in (
        "renewals",
        "reminders",
        "pack_end",
        "wallet",
        "undo",
        "counters",
        "seen",
        "spending",
        "uses",
    ):
        del old["data"][key]
    hass_storage[STORE_KEY] = old
    await setup_line(hass, mock_config_entry)

    assert hass.states.get(DAYS).state == "154"
    assert mock_config_entry.runtime_data.state.renewals == ()
    assert hass_storage[STORE_KEY]["minor_version"] == STORAGE_MINOR_VERSION == 7
    assert hass_storage[STORE_KEY]["data"]["renewals"] == []
    assert hass_storage[STORE_KEY]["data"]["reminders"] == {
        "checked_until": "2026-11-26T01:00:00+00:00",
        "sent": [],
    }


async def test_a_quiet_midnight_writes_nothing_until_unload(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: Any,
) -> None:
    """A tick that sends nothing keeps its check time in memory; unload writes it."""
    freezer.tick(SAVE_DELAY + 1)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    hass_storage.clear()

    await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
    await move_to(hass, freezer, "2026-11-27T00:01:00+09:00")
    assert hass.states.get(DAYS).state == "8"
    assert STORE_KEY not in hass_storage

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert hass_storage[STORE_KEY]["data"]["reminders"]["checked_until"] == (
        "2026-11-27T00:00:00+09:00"
    )


async def test_store_of_the_last_release_keeps_its_dates(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
) -> None:
    """A 1.3 store and a 1.1 entry, as the last release wrote them, load unchanged.

    The entry gains an unknown grace period; the store gains an empty pack end and
    wallet, and its renewals their new fields. Every date stays as it was.
    """
    last_release = {k: v for k, v in POVO_LINE.items() if k != CONF_CURRENCY}
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="povo backup",
        data=last_release,
        entry_id="01JLINEENTRY0000000000000",
        version=1,
        minor_version=1,
    )
    old = stored_line("2027-04-29")
    old["minor_version"] = 3
    for key in ("pack_end", "wallet", "undo", "counters", "seen", "spending", "uses"):
        del old["data"][key]
    old["data"]["renewals"] = [
        {
            "renewed_on": "2026-11-01",
            "renewed_at": "2026-11-01T10:00:00+09:00",
            "expiry_date": "2027-04-29",
            "validity_days": None,
            "data_total_gb": None,
            "cost": 330,
            "currency": "JPY",
        }
    ]
    old["data"]["reminders"]["sent"] = ["expiring:30"]
    hass_storage[STORE_KEY] = old
    await setup_line(hass, entry)

    assert (entry.version, entry.minor_version) == (1, 3)
    assert entry.data == {**POVO_LINE, CONF_GRACE_DAYS: None, CONF_CURRENCY: "EUR"}
    assert hass.states.get(DAYS).state == "154"
    assert hass.states.get("sensor.povo_backup_number_lost").state == "unknown"
    line = entry.runtime_data
    assert line.state.renewals[0].cost == 330
    assert line.state.renewals[0].pack_days is None
    assert line.reminder_log.sent == {"expiring:30"}

    assert await hass.config_entries.async_unload(entry.entry_id)
    stored = hass_storage[STORE_KEY]
    assert stored["minor_version"] == 7
    assert stored["data"]["expiry_date"] == "2027-04-29"
    assert (stored["data"]["pack_end"], stored["data"]["wallet"]) == (None, None)
    assert stored["data"]["spending"] == {"2026": {"JPY": 330}}


def store_of_1_5(expiry_date: str) -> dict[str, Any]:
    """Return a povo line's store file as release 1.5 wrote it."""
    old = stored_line(expiry_date)
    old["minor_version"] = 5
    del old["data"]["spending"], old["data"]["uses"]
    old["data"]["undo"] = None
    old["data"]["undo_reminders"] = None
    return old


async def test_store_with_an_undo_gains_empty_sources(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A 1.4 store, with a renewal to undo, loads; no source was read yet."""
    old = store_of_1_5("2027-05-24")
    old["minor_version"] = 4
    before = store_of_1_5("2026-12-05")["data"]
    for state in (old["data"], before):
        del state["counters"], state["seen"]
    del before["reminders"], before["undo_reminders"]
    old["data"]["undo"] = before
    old["data"]["undo_reminders"] = old["data"]["reminders"]
    hass_storage[STORE_KEY] = old
    await setup_line(hass, mock_config_entry)

    line = mock_config_entry.runtime_data
    assert line.state.expiry_date.isoformat() == "2027-05-24"
    assert (line.state.counters, line.state.seen) == ({}, {})
    (step,) = line.state.undo
    assert step.terms.expiry_date.isoformat() == "2026-12-05"


async def test_store_of_1_5_keeps_spending_apart_and_undo_in_steps(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A 1.5 store totals its spending by year, and its undo is one step.

    Its renewals all stay, uses among them: nothing tells them apart.
    """
    renewals = [
        {
            "renewed_on": on,
            "renewed_at": None,
            "expiry_date": until,
            "validity_days": None,
            "pack_days": None,
            "amount": None,
            "data_total_gb": None,
            "cost": cost,
            "currency": currency,
        }
        for on, until, cost, currency in (
            ("2025-12-01", "2026-05-29", 330, "JPY"),
            ("2026-06-09", "2026-12-05", 330, "JPY"),
            ("2026-11-20", "2027-05-18", None, None),
            ("2026-11-26", "2027-05-24", 12, "USD"),
        )
    ]
    old = store_of_1_5("2027-05-24")
    old["data"]["renewals"] = renewals
    before = store_of_1_5("2027-05-18")["data"]
    before["renewals"] = renewals[:-1]
    del before["reminders"], before["undo_reminders"]
    old["data"]["undo"] = before
    old["data"]["undo_reminders"] = {
        "checked_until": "2026-11-25T09:00:00+09:00",
        "sent": ["expiring:30"],
    }
    old["data"]["counters"] = {"sensor.rx": 2.5}
    hass_storage[STORE_KEY] = old
    await setup_line(hass, mock_config_entry)

    line = mock_config_entry.runtime_data
    assert len(line.state.renewals) == 4
    assert line.state.spending == {2025: {"JPY": 330}, 2026: {"JPY": 330, "USD": 12}}
    assert line.state.uses.count == 0
    spent = hass.states.get("sensor.povo_backup_spent_this_year")
    assert spent.attributes["by_currency"] == {"JPY": 330, "USD": 12}
    assert hass.states.get(DAYS).state == "179"

    await hass.services.async_call(
        DOMAIN,
        "undo_renewal",
        {"config_entry_id": mock_config_entry.entry_id},
        blocking=True,
    )
    assert hass.states.get(DAYS).state == "173"
    assert [renewal.renewed_on.isoformat() for renewal in line.state.renewals] == [
        "2025-12-01",
        "2026-06-09",
        "2026-11-20",
    ]
    assert line.state.spending == {2025: {"JPY": 330}, 2026: {"JPY": 330}}
    assert line.state.counters == {"sensor.rx": 2.5}
    assert line.reminder_log.sent == {"expiring:30"}

    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    stored = hass_storage[STORE_KEY]
    assert stored["minor_version"] == 7
    assert "undo_reminders" not in stored["data"]
    assert stored["data"]["undo"] == []
    assert stored["data"]["spending"] == {"2025": {"JPY": 330}, "2026": {"JPY": 330}}


async def test_entry_of_a_newer_release_is_left_alone(
    hass: HomeAssistant,
) -> None:
    """A downgrade does not set up an entry a newer major version wrote."""
    entry = MockConfigEntry(domain=DOMAIN, data=POVO_LINE, version=2)
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.MIGRATION_ERROR


async def test_a_store_that_cannot_be_read_is_rebuilt(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An error reading the file is logged, and the line starts from its settings."""
    with patch(
        "custom_components.esim_renewal.store.EsimRenewalStore.async_load",
        side_effect=HomeAssistantError("disk gone"),
    ):
        await setup_line(hass, mock_config_entry)
    assert hass.states.get(DAYS).state == "9"
    assert "is unreadable and is rebuilt from its settings: disk gone" in caplog.text


async def test_unique_id_becomes_a_keyed_digest(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """A 1.2 entry's plain digest of the number becomes a keyed one."""
    plain = hashlib.sha256(b"+818012345678").hexdigest()[:32]
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="povo backup",
        data=POVO_LINE,
        unique_id=plain,
        version=1,
        minor_version=2,
    )
    await setup_line(hass, entry)
    assert entry.minor_version == 3
    assert entry.unique_id == unique_id_of(POVO_LINE)
    assert entry.unique_id != plain


async def test_identity_key_is_made_once_and_kept_private(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """Without a stored key one is made, stored, and used from then on."""
    del hass_storage["esim_renewal.identity"]
    key = await async_identity_key(hass)
    assert len(key) == 32
    assert hass_storage["esim_renewal.identity"]["data"]["key"] == key.hex()
    assert await async_identity_key(hass) is key


async def test_store_of_1_6_gains_no_plan_and_no_wait(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A 1.6 store loads with no plan chosen and no renewal waiting; 1.7 keeps both."""
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    old = stored_line("2027-04-29")
    old["minor_version"] = 6
    hass_storage[STORE_KEY] = old
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()

    line = init_integration.runtime_data
    assert (line.state.plan, line.state.awaiting) == (None, None)
    assert hass.states.get(DAYS).state == "154"
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    stored = hass_storage[STORE_KEY]
    assert stored["minor_version"] == 7
    assert (stored["data"]["plan"], stored["data"]["awaiting"]) == (None, None)
