"""Tests of the dashboard card's serving, and of what the card asks over WebSocket."""

import hashlib
from http import HTTPStatus
from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component

from .conftest import (
    POVO_PACK_LINE,
    TRAVEL_LINE,
    WALLET_LINE,
    line_device_id,
    setup_line,
)
from custom_components.esim_renewal.card import CARD_FILE, CARD_URL
from custom_components.esim_renewal.const import DOMAIN


def field_names(schema: list[dict[str, Any]]) -> list[str]:
    """Return the names of a serialized form's fields, in order."""
    return [field["name"] for field in schema]


async def test_no_card_without_a_web_ui(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A Home Assistant without its frontend gets no card to load."""
    assert "frontend" not in hass.config.components
    assert DATA_EXTRA_MODULE_URL not in hass.data


async def test_the_web_ui_loads_the_card(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    """The card is served by the integration and loaded on every page.

    Its URL names its build, so a browser that cached an older card fetches
    the new one, and the file may be cached for long.
    """
    assert await async_setup_component(hass, "frontend", {})
    await setup_line(hass, mock_config_entry)

    build = hashlib.sha256(CARD_FILE.read_bytes()).hexdigest()[:12]
    card_url = f"{CARD_URL}?v={build}"
    assert card_url in hass.data[DATA_EXTRA_MODULE_URL].urls

    client = await hass_client()
    response = await client.get(card_url)
    assert response.status == HTTPStatus.OK
    assert response.content_type == "text/javascript"
    assert "max-age" in response.headers["Cache-Control"]
    assert await response.read() == CARD_FILE.read_bytes()


@pytest.mark.parametrize(
    ("line_data", "fields"),
    [
        (
            POVO_PACK_LINE,
            [
                "renewed_on",
                "pack_days",
                "expiry_date",
                "data_total_gb",
                "cost",
                "currency",
            ],
        ),
        (WALLET_LINE, ["renewed_on", "amount", "data_total_gb", "cost", "currency"]),
        (
            TRAVEL_LINE,
            [
                "renewed_on",
                "validity_days",
                "expiry_date",
                "data_total_gb",
                "cost",
                "currency",
            ],
        ),
    ],
    ids=["after_pack", "balance", "fixed"],
)
async def test_the_card_gets_the_line_s_renewal_form(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    fields: list[str],
    snapshot: SnapshotAssertion,
) -> None:
    """The card's renewal dialog has the fields of the line's renewal form."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": f"{DOMAIN}/renewal_form",
            "device_id": line_device_id(hass, init_integration),
        }
    )
    response = await client.receive_json()
    assert response["success"], response
    schema = response["result"]["schema"]
    assert field_names(schema) == fields
    assert schema == snapshot


async def test_the_renewal_form_of_a_device_that_is_no_line(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """A device that is not a line gets Home Assistant's translated error."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": f"{DOMAIN}/renewal_form", "device_id": "not-a-device"}
    )
    response = await client.receive_json()
    assert not response["success"]
    assert response["error"]["translation_domain"] == "homeassistant"
    assert response["error"]["translation_key"] == "service_device_not_found"
