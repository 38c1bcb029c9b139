"""Edits change a line's settings, never what the line recorded."""

from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from .conftest import POVO_LINE, POVO_PACK_LINE, move_to
from custom_components.esim_renewal.const import (
    CONF_BALANCE,
    CONF_BILLING_DAY,
    CONF_EXPIRY_DATE,
    CONF_LAST_RENEWAL,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    DOMAIN,
)

DAYS_LEFT = "sensor.{}_days_until_expiry"


def integration_states(hass: HomeAssistant) -> dict[str, Any]:
    """Return the state and attributes of every entity of the integration."""
    return {
        state.entity_id: (state.state, dict(state.attributes))
        for state in hass.states.async_all()
        if state.entity_id.split(".")[1].startswith(("povo", "monthly"))
    }


async def reconfigure(
    hass: HomeAssistant,
    entry: MockConfigEntry,
    line: dict[str, Any] | None = None,
    validity: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Walk the reconfigure flow, submitting each form as shown unless told."""
    result = await entry.start_reconfigure_flow(hass)
    shown = _suggested_values(result)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**shown, **(line or {})}
    )
    if result["type"] is not FlowResultType.FORM:
        return dict(result)
    shown = _suggested_values(result)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**shown, **(validity or {})}
    )
    await hass.async_block_till_done()
    return dict(result)


def _suggested_values(result: Any) -> dict[str, Any]:
    """Return what a form shows in its fields, as the frontend sends it back."""
    return {
        str(key): key.description["suggested_value"]
        for key in result["data_schema"].schema
        if key.description and key.description.get("suggested_value") is not None
    }


async def test_unchanged_reconfigure_changes_nothing(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A 360-day renewal, its undo and its history survive an unchanged submit."""
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {"config_entry_id": init_integration.entry_id, "validity_days": 360},
        blocking=True,
    )
    await hass.async_block_till_done()
    before = integration_states(hass)
    line = init_integration.runtime_data
    state_before = line.state
    assert hass.states.get(DAYS_LEFT.format("povo_backup")).state == "359"

    result = await reconfigure(hass, init_integration)

    assert result["reason"] == "reconfigure_successful"
    line = init_integration.runtime_data
    assert line.state == state_before
    assert line.state.undo is not None
    assert integration_states(hass) == before


async def test_rename_keeps_the_line(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A new name changes the title; the line's days and history stay."""
    state_before = init_integration.runtime_data.state
    result = await reconfigure(hass, init_integration, {CONF_NAME: "povo keeper"})
    assert result["reason"] == "reconfigure_successful"
    # "The line was updated.", from this integration's strings, not core's.
    assert result.get("translation_domain") in (None, DOMAIN)
    assert init_integration.title == "povo keeper"
    assert init_integration.runtime_data.state == state_before


async def test_renewal_while_the_form_is_open_is_kept(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A renewal recorded while the reconfigure form is open is not overwritten."""
    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], _suggested_values(result)
    )
    shown = _suggested_values(result)
    await hass.services.async_call(
        DOMAIN, "renew", {"config_entry_id": init_integration.entry_id}, blocking=True
    )
    renewed = init_integration.runtime_data.state
    result = await hass.config_entries.flow.async_configure(result["flow_id"], shown)
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert init_integration.runtime_data.state.expiry_date == renewed.expiry_date
    assert init_integration.runtime_data.state.renewals == renewed.renewals


MONTHLY_LINE = {
    CONF_NAME: "monthly",
    CONF_VALIDITY: "monthly",
    CONF_BILLING_DAY: 1,
    "unlimited_data": True,
    "currency": "EUR",
}


@pytest.mark.parametrize("line_data", [MONTHLY_LINE])
async def test_renaming_an_unpaid_monthly_line_keeps_it_lapsed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An unpaid monthly line stays expired when it is renamed."""
    await move_to(hass, freezer, "2027-01-05T10:00:00+09:00")
    assert hass.states.get("sensor.monthly_status").state == "expired"
    result = await reconfigure(hass, init_integration, {CONF_NAME: "monthly plan"})
    assert result["reason"] == "reconfigure_successful"
    assert init_integration.runtime_data.data.status == "expired"


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
async def test_a_longer_pack_survives_a_reconfigure(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A 60-day pack bought once keeps its end when the line is edited."""
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {"config_entry_id": init_integration.entry_id, "pack_days": 60},
        blocking=True,
    )
    terms = init_integration.runtime_data.state.terms
    result = await reconfigure(hass, init_integration, {CONF_NAME: "povo main"})
    assert result["reason"] == "reconfigure_successful"
    assert init_integration.runtime_data.state.terms == terms


async def test_another_rule_keeps_the_last_safe_day(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A rolling line made stacking keeps its last safe day and history."""
    before = init_integration.runtime_data.state
    result = await reconfigure(
        hass,
        init_integration,
        {CONF_VALIDITY: "stacking"},
        {CONF_VALIDITY_DAYS: 30},
    )
    assert result["reason"] == "reconfigure_successful"
    after = init_integration.runtime_data
    assert after.settings.rule.kind == "stacking"
    assert after.state.expiry_date == before.expiry_date
    assert after.state.renewals == before.renewals


async def test_a_changed_date_starts_the_terms_again(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A last renewal the user changes on the form counts from that day."""
    result = await reconfigure(
        hass, init_integration, validity={CONF_LAST_RENEWAL: "2026-11-01"}
    )
    assert result["reason"] == "reconfigure_successful"
    state = init_integration.runtime_data.state
    assert state.expiry_date.isoformat() == "2027-04-29"
    assert init_integration.data[CONF_LAST_RENEWAL] == "2026-11-01"


async def test_a_wallet_needs_its_balance(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A line made a wallet without a balance asks for one, and changes nothing."""
    before = integration_states(hass)
    result = await reconfigure(
        hass,
        init_integration,
        {CONF_VALIDITY: "balance"},
        {"fee": 3, "fee_period_days": 30},
    )
    assert result["errors"] == {CONF_BALANCE: "wallet_needs_balance"}
    assert init_integration.data == POVO_LINE
    assert integration_states(hass) == before
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_BALANCE: 9,
            "fee": 3,
            "fee_period_days": 30,
            CONF_LAST_RENEWAL: "2026-11-20",
        },
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    state = init_integration.runtime_data.state
    assert state.terms.wallet is not None
    assert state.terms.wallet.balance == 9


async def test_a_date_edit_that_breaks_the_line_changes_nothing(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A last renewal in the future is refused on its field."""
    before = init_integration.runtime_data.state
    result = await reconfigure(
        hass, init_integration, validity={CONF_LAST_RENEWAL: "2027-01-01"}
    )
    assert result["errors"] == {CONF_LAST_RENEWAL: "last_renewal_in_future"}
    assert init_integration.runtime_data.state == before
    assert CONF_EXPIRY_DATE not in init_integration.data
