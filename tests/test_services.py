"""Tests of the renew and set_data actions."""

from datetime import date
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from homeassistant.const import ATTR_CONFIG_ENTRY_ID, ATTR_DEVICE_ID
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr

from .conftest import POVO_LINE, POVO_PACK_LINE, TRAVEL_LINE, line_device_id, setup_line
from custom_components.esim_renewal.const import DOMAIN, SERVICE_RENEW, SERVICE_SET_DATA
from custom_components.esim_renewal.domain.renewals import RenewalRequest

DAYS = "sensor.povo_backup_days_until_expiry"


async def call(
    hass: HomeAssistant, service: str, data: dict[str, Any], *, response: bool = False
) -> Any:
    """Call an action of the integration."""
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=response
    )


async def test_renew_now_answers_with_the_new_expiry(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A rolling line renewed now works 180 days, today included."""
    response = await call(
        hass,
        SERVICE_RENEW,
        {ATTR_DEVICE_ID: line_device_id(hass, init_integration)},
        response=True,
    )
    assert response == {
        "expiry_date": "2027-05-24",
        "days_until_expiry": 179,
        "status": "active",
        "number_lost_date": None,
        "balance": None,
        "top_up_needed": None,
        "renewals": [
            {
                "renewed_on": "2026-11-26",
                "renewed_at": "2026-11-26T10:00:00+09:00",
                "expiry_date": "2027-05-24",
                "validity_days": None,
                "pack_days": None,
                "amount": None,
                "data_total_gb": None,
                "cost": None,
                "currency": None,
            }
        ],
    }
    assert hass.states.get(DAYS).state == "179"
    assert hass.states.get("sensor.povo_backup_status").state == "active"
    assert hass.states.get("sensor.povo_backup_last_renewal").state == "2026-11-26"


@pytest.mark.parametrize("line_data", [{**POVO_LINE, "currency": "JPY"}])
async def test_renew_yesterday_with_a_cost(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A renewal on a past day, by config entry, counts its cost this year."""
    assert (
        await call(
            hass,
            SERVICE_RENEW,
            {
                ATTR_CONFIG_ENTRY_ID: init_integration.entry_id,
                "renewed_on": "2026-11-25",
                "cost": 990,
            },
        )
        is None
    )
    assert hass.states.get(DAYS).state == "178"
    assert hass.states.get("sensor.povo_backup_last_renewal").state == "2026-11-25"
    spent = hass.states.get("sensor.povo_backup_spent_this_year")
    assert spent.state == "990.0"
    assert spent.attributes["unit_of_measurement"] == "JPY"

    await call(
        hass,
        SERVICE_RENEW,
        {
            ATTR_CONFIG_ENTRY_ID: init_integration.entry_id,
            "renewed_on": "2026-11-26 08:15:00",
            "cost": 12,
            "currency": "usd",
        },
    )
    spent = hass.states.get("sensor.povo_backup_spent_this_year")
    assert spent.state == "990.0"
    assert spent.attributes["by_currency"] == {"JPY": 990.0, "USD": 12.0}
    assert hass.states.get("sensor.povo_backup_last_renewal").state == "2026-11-26"
    renewals = hass.states.get("sensor.povo_backup_last_renewal").attributes[
        "recent_renewals"
    ]
    assert [renewal["currency"] for renewal in renewals] == ["USD", "JPY"]


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_renew_a_travel_esim_with_new_data(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A fixed line renews with a fresh allowance, never ending sooner than now."""
    response = await call(
        hass,
        SERVICE_RENEW,
        {
            ATTR_DEVICE_ID: line_device_id(hass, init_integration),
            "validity_days": 7,
            "data_total_gb": 3,
        },
        response=True,
    )
    assert response["expiry_date"] == "2026-12-20"
    assert hass.states.get("sensor.travel_esim_data_remaining").state == "3.0"
    assert hass.states.get("sensor.travel_esim_data_used").state == "0.0"

    response = await call(
        hass,
        SERVICE_RENEW,
        {
            ATTR_DEVICE_ID: line_device_id(hass, init_integration),
            "expiry_date": "2027-01-15",
        },
        response=True,
    )
    assert response["days_until_expiry"] == 50
    assert len(response["renewals"]) == 2


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_set_data(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """Readings update the data sensors; the missing amount follows."""
    device_id = line_device_id(hass, init_integration)
    await call(hass, SERVICE_SET_DATA, {ATTR_DEVICE_ID: device_id, "data_total_gb": 3})
    assert hass.states.get("sensor.povo_backup_data_remaining").state == "unknown"
    await call(hass, SERVICE_SET_DATA, {ATTR_DEVICE_ID: device_id, "data_used_gb": 1.2})
    assert hass.states.get("sensor.povo_backup_data_remaining").state == "1.8"
    assert hass.states.get("sensor.povo_backup_data_used").state == "1.2"
    await call(
        hass,
        SERVICE_SET_DATA,
        {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id, "data_remaining_gb": 0.5},
    )
    assert hass.states.get("sensor.povo_backup_data_used").state == "2.5"


@pytest.mark.parametrize(
    ("service", "data", "key"),
    [
        (SERVICE_RENEW, {"renewed_on": "2026-11-27"}, "renewal_in_future"),
        (SERVICE_RENEW, {"expiry_date": "2026-01-01"}, "expiry_before_renewal"),
        (SERVICE_RENEW, {"validity_days": 0}, "invalid_validity_days"),
        (SERVICE_RENEW, {"cost": -5}, "invalid_cost"),
        (SERVICE_RENEW, {"cost": 5, "currency": "円"}, "invalid_currency"),
        (SERVICE_RENEW, {"data_total_gb": -1}, "invalid_data_amount"),
        (SERVICE_SET_DATA, {}, "no_data_reading"),
        (SERVICE_SET_DATA, {"data_remaining_gb": -1}, "invalid_data_amount"),
        (
            SERVICE_SET_DATA,
            {"data_total_gb": 1, "data_remaining_gb": 2},
            "data_remaining_exceeds_total",
        ),
        (
            SERVICE_SET_DATA,
            {"data_total_gb": 1, "data_used_gb": 2},
            "data_used_exceeds_total",
        ),
        (
            SERVICE_SET_DATA,
            {"data_total_gb": 3, "data_used_gb": 2, "data_remaining_gb": 2},
            "data_inconsistent",
        ),
        (SERVICE_RENEW, {"pack_days": 1}, "not_for_this_line"),
        (SERVICE_RENEW, {"amount": 10}, "not_for_this_line"),
        (SERVICE_RENEW, {"expiry_date": "2026-12-01"}, "expiry_before_current"),
        (
            SERVICE_RENEW,
            {"renewed_on": "2026-11-26T10:30:00"},
            "renewal_in_future",
        ),
    ],
)
async def test_wrong_input_changes_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    service: str,
    data: dict[str, Any],
    key: str,
) -> None:
    """A broken rule is a translated validation error; the line stays as it was."""
    before = init_integration.runtime_data.state
    with pytest.raises(ServiceValidationError) as err:
        await call(
            hass,
            service,
            {ATTR_DEVICE_ID: line_device_id(hass, init_integration), **data},
        )
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    assert init_integration.runtime_data.state is before
    assert hass.states.get(DAYS).state == "9"


@pytest.mark.parametrize("line_data", [{**TRAVEL_LINE}])
async def test_fixed_line_without_pack_length_needs_an_expiry(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A fixed line with no usual length cannot guess its new expiry."""
    with pytest.raises(ServiceValidationError) as err:
        await call(
            hass, SERVICE_RENEW, {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id}
        )
    assert err.value.translation_key == "renewal_needs_expiry"


async def test_targets_that_are_not_a_loaded_line(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
) -> None:
    """Unknown devices and entries, other integrations and unloaded lines fail."""
    other_entry = MockConfigEntry(domain="other", title="Router")
    other_entry.add_to_hass(hass)
    router = device_registry.async_get_or_create(
        config_entry_id=other_entry.entry_id,
        identifiers={("other", "router")},
        name="Router",
    )
    cases = [
        ({ATTR_DEVICE_ID: "nope"}, "service_device_not_found"),
        ({ATTR_DEVICE_ID: router.id}, "service_device_wrong_domain"),
        ({ATTR_CONFIG_ENTRY_ID: "nope"}, "service_config_entry_not_found"),
        (
            {ATTR_CONFIG_ENTRY_ID: other_entry.entry_id},
            "service_config_entry_wrong_domain",
        ),
    ]
    for target, key in cases:
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, SERVICE_RENEW, target)
        assert err.value.translation_domain == "homeassistant"
        assert err.value.translation_key == key

    device_id = line_device_id(hass, init_integration)
    await hass.config_entries.async_unload(init_integration.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await call(
            hass, SERVICE_SET_DATA, {ATTR_DEVICE_ID: device_id, "data_total_gb": 1}
        )
    assert err.value.translation_key == "service_config_entry_not_loaded"
    assert err.value.translation_placeholders == {
        "domain": DOMAIN,
        "entry_title": "povo backup",
    }


async def test_without_a_target_the_only_line(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """With one line, an action needs no target; with two, it needs one."""
    response = await call(hass, SERVICE_RENEW, {}, response=True)
    assert response["expiry_date"] == "2027-05-24"
    await setup_line(
        hass,
        MockConfigEntry(
            domain=DOMAIN, title="Travel eSIM", data=TRAVEL_LINE, minor_version=2
        ),
    )
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, SERVICE_RENEW, {})
    assert err.value.translation_key == "service_found_multiple_config_entry_for_domain"
    with pytest.raises(vol.Invalid):
        await call(
            hass, SERVICE_RENEW, {ATTR_DEVICE_ID: "a", ATTR_CONFIG_ENTRY_ID: "b"}
        )


async def test_renew_refused_while_the_line_closes(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A line that is unloading takes no change, so nothing is written after."""
    line = init_integration.runtime_data
    await line.async_shutdown()
    with pytest.raises(HomeAssistantError) as err:
        line.async_renew(RenewalRequest(renewed_on=date(2026, 11, 26)))
    assert err.value.translation_key == "line_not_loaded"


async def test_renewals_survive_a_reload(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A reload right after an action keeps the renewal and its history."""
    await call(hass, SERVICE_RENEW, {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id})
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).state == "179"
    assert len(init_integration.runtime_data.state.renewals) == 1


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
async def test_renew_a_povo_line_with_a_day_pack(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A 24-hour pack today ends tomorrow; the line is safe 180 days after."""
    response = await call(
        hass,
        SERVICE_RENEW,
        {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id, "pack_days": 1},
        response=True,
    )
    assert response["expiry_date"] == "2027-05-26"
    assert response["number_lost_date"] == "2027-06-26"
    assert response["renewals"][-1]["pack_days"] == 1
    assert hass.states.get("sensor.povo_2_0_pack_ends").state == (
        "2026-11-27T15:00:00+00:00"
    )


@pytest.mark.parametrize("line_data", [{**TRAVEL_LINE, "expiry_date": "2026-11-25"}])
async def test_data_of_an_ended_pack_is_gone(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """An ended pack shows no data left, and takes no reading until renewed."""
    assert hass.states.get("sensor.travel_esim_data_remaining").state == "0.0"
    with pytest.raises(ServiceValidationError) as err:
        await call(
            hass,
            SERVICE_SET_DATA,
            {ATTR_CONFIG_ENTRY_ID: init_integration.entry_id, "data_remaining_gb": 1},
        )
    assert err.value.translation_key == "pack_ended"
    assert err.value.translation_placeholders["pack_end"] == "2026-11-25"
