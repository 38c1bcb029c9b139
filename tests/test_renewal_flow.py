"""Tests of recording a renewal from the line's entry, in the UI."""

from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.config_entries import SOURCE_USER
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType

from .conftest import WALLET_LINE


async def start(hass: HomeAssistant, entry: MockConfigEntry) -> dict[str, Any]:
    """Open the entry's "Record a renewal" flow."""
    return await hass.config_entries.subentries.async_init(
        (entry.entry_id, "renewal"), context={"source": SOURCE_USER}
    )


def fields(result: dict[str, Any]) -> list[str]:
    """Return the fields of a form, in order."""
    return [str(marker) for marker in result["data_schema"].schema]


async def test_record_a_renewal_with_its_cost(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The form takes what the action takes; a wrong value is a field error."""
    result = await start(hass, init_integration)
    assert result["type"] is FlowResultType.FORM
    assert result["description_placeholders"] == {"name": "povo backup"}
    assert fields(result) == [
        "renewed_on",
        "validity_days",
        "expiry_date",
        "data_total_gb",
        "cost",
        "currency",
    ]
    flows = hass.config_entries.subentries
    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-25", "cost": -1}
    )
    assert result["errors"] == {"cost": "invalid_cost"}
    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-25", "cost": 330, "currency": "JPY"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "renewal_recorded"
    assert result["description_placeholders"] == {
        "name": "povo backup",
        "expiry_date": "23 May 2027",
    }
    assert init_integration.subentries == {}
    renewal = init_integration.runtime_data.state.renewals[-1]
    assert (renewal.cost, renewal.currency) == (330, "JPY")


@pytest.mark.parametrize("line_data", [WALLET_LINE])
async def test_a_wallet_line_asks_for_the_money(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A wallet is topped up by an amount; there is no last safe day to give."""
    result = await start(hass, init_integration)
    assert fields(result) == [
        "renewed_on",
        "amount",
        "data_total_gb",
        "cost",
        "currency",
    ]
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-26", "amount": 10}
    )
    assert result["reason"] == "renewal_recorded"
    assert init_integration.runtime_data.data.balance == 20


async def test_a_line_that_is_not_loaded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """An unloaded line cannot be renewed from its entry."""
    await hass.config_entries.async_unload(init_integration.entry_id)
    result = await start(hass, init_integration)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "line_not_loaded"


async def test_the_result_says_the_date_in_the_language(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The new last safe day is written as Home Assistant's language writes it."""
    await hass.config.async_update(language="zh-Hans")
    await hass.async_block_till_done()
    result = await start(hass, init_integration)
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-26"}
    )
    assert result["reason"] == "renewal_recorded"
    assert result["description_placeholders"]["expiry_date"] == "2027年5月24日"


@pytest.mark.parametrize(
    "line_data", [{**WALLET_LINE, "last_renewal": "2026-10-01", "balance": 1}]
)
async def test_a_top_up_short_of_the_fee_says_so(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A lapsed wallet topped up with too little is recorded, and still suspended."""
    result = await start(hass, init_integration)
    result = await hass.config_entries.subentries.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-26", "amount": 1}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "top_up_short"
    assert result["description_placeholders"] == {
        "name": "PayGo",
        "expiry_date": "30 October 2026",
        "top_up_needed": "1",
    }
    assert init_integration.runtime_data.state.renewals[-1].amount == 1
