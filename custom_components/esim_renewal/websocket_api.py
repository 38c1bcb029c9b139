"""What the dashboard card asks the integration over the WebSocket API."""

from typing import Any

import probatio

from homeassistant.components import websocket_api
from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv, service

from .const import DOMAIN
from .coordinator import EsimRenewalConfigEntry
from .renewal_form import renewal_schema


@callback
def async_setup_websocket_api(hass: HomeAssistant) -> None:
    """Register the card's commands once, for every line."""
    websocket_api.async_register_command(hass, _ws_renewal_form)


@websocket_api.websocket_command(
    {
        probatio.Required("type"): f"{DOMAIN}/renewal_form",
        probatio.Required(ATTR_DEVICE_ID): str,
    }
)
@callback
def _ws_renewal_form(
    hass: HomeAssistant,
    connection: websocket_api.ActiveConnection,
    msg: dict[str, Any],
) -> None:
    """Answer with the fields of a line's renewal form, as its entry shows them.

    A device that is not a loaded line gets Home Assistant's translated error,
    as the actions do.
    """
    _, found = service.async_get_device_and_config_entry(
        hass, DOMAIN, msg[ATTR_DEVICE_ID]
    )
    entry: EsimRenewalConfigEntry = found
    line = entry.runtime_data
    schema = renewal_schema(line.settings.rule, line.state.data)
    connection.send_result(
        msg["id"],
        {
            "schema": probatio.to_field_list(
                schema, custom_serializer=cv.custom_serializer
            )
        },
    )
