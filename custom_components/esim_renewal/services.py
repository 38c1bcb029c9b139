"""Actions that record a renewal or a data reading without opening settings."""

from typing import Any

import probatio

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_CONFIG_ENTRY_ID, ATTR_DEVICE_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, device_registry as dr

from .const import (
    ATTR_AMOUNT,
    ATTR_COST,
    ATTR_CURRENCY,
    ATTR_DATA_REMAINING_GB,
    ATTR_DATA_TOTAL_GB,
    ATTR_DATA_USED_GB,
    ATTR_EXPIRY_DATE,
    ATTR_PACK_DAYS,
    ATTR_RENEWED_ON,
    ATTR_VALIDITY_DAYS,
    DOMAIN,
    SERVICE_RENEW,
    SERVICE_SET_DATA,
)
from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.serialization import state_to_dict

_LINE_FIELDS = {
    probatio.Exclusive(ATTR_DEVICE_ID, "line"): cv.string,
    probatio.Exclusive(ATTR_CONFIG_ENTRY_ID, "line"): cv.string,
}
# The line and the amounts are checked by the handlers and the domain core,
# which raise translated errors.
RENEW_SCHEMA = probatio.Schema(
    {
        **_LINE_FIELDS,
        probatio.Optional(ATTR_RENEWED_ON): probatio.Any(cv.date, cv.datetime),
        probatio.Optional(ATTR_EXPIRY_DATE): cv.date,
        probatio.Optional(ATTR_VALIDITY_DAYS): probatio.Coerce(float),
        probatio.Optional(ATTR_PACK_DAYS): probatio.Coerce(float),
        probatio.Optional(ATTR_AMOUNT): probatio.Coerce(float),
        probatio.Optional(ATTR_DATA_TOTAL_GB): probatio.Coerce(float),
        probatio.Optional(ATTR_COST): probatio.Coerce(float),
        probatio.Optional(ATTR_CURRENCY): cv.string,
    }
)
SET_DATA_SCHEMA = probatio.Schema(
    {
        **_LINE_FIELDS,
        probatio.Optional(ATTR_DATA_REMAINING_GB): probatio.Coerce(float),
        probatio.Optional(ATTR_DATA_USED_GB): probatio.Coerce(float),
        probatio.Optional(ATTR_DATA_TOTAL_GB): probatio.Coerce(float),
    }
)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions once, for every line."""
    hass.services.async_register(
        DOMAIN,
        SERVICE_RENEW,
        _async_renew,
        schema=RENEW_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )
    hass.services.async_register(
        DOMAIN, SERVICE_SET_DATA, _async_set_data, schema=SET_DATA_SCHEMA
    )


async def _async_renew(call: ServiceCall) -> ServiceResponse:
    """Record a renewal; answer with the new expiry and the history."""
    line = _line_of(call)
    line.async_renew(
        renewed_on=call.data.get(ATTR_RENEWED_ON),
        expiry_date=call.data.get(ATTR_EXPIRY_DATE),
        validity_days=call.data.get(ATTR_VALIDITY_DAYS),
        pack_days=call.data.get(ATTR_PACK_DAYS),
        amount=call.data.get(ATTR_AMOUNT),
        data_total_gb=call.data.get(ATTR_DATA_TOTAL_GB),
        cost=call.data.get(ATTR_COST),
        currency=call.data.get(ATTR_CURRENCY),
    )
    if not call.return_response:
        return None
    snapshot = line.snapshot
    lost_on = line.lapse.number_lost_on
    return {
        "expiry_date": snapshot.expiry_date.isoformat(),
        "days_until_expiry": snapshot.days_until_expiry,
        "status": snapshot.status.value,
        "number_lost_date": None if lost_on is None else lost_on.isoformat(),
        "balance": snapshot.balance,
        "renewals": state_to_dict(line.state)["renewals"],
    }


async def _async_set_data(call: ServiceCall) -> None:
    """Record a data reading."""
    _line_of(call).async_set_data(
        total_gb=call.data.get(ATTR_DATA_TOTAL_GB),
        remaining_gb=call.data.get(ATTR_DATA_REMAINING_GB),
        used_gb=call.data.get(ATTR_DATA_USED_GB),
    )


def _line_of(call: ServiceCall) -> EsimRenewalCoordinator:
    """Return the loaded line an action is for, by device or config entry."""
    hass = call.hass
    if device_id := call.data.get(ATTR_DEVICE_ID):
        device, entry = dr.async_get_device_and_config_entry_for_domain(
            hass, device_id, domain=DOMAIN
        )
        if device is None:
            raise _error("device_not_found", target=device_id)
        if entry is None:
            raise _error("not_an_esim_line", target=device.name_by_user or device.name)
    elif entry_id := call.data.get(ATTR_CONFIG_ENTRY_ID):
        if (entry := hass.config_entries.async_get_entry(entry_id)) is None:
            raise _error("entry_not_found", target=entry_id)
        if entry.domain != DOMAIN:
            raise _error("not_an_esim_line", target=entry.title)
    else:
        raise _error("no_line_given")
    if entry.state is not ConfigEntryState.LOADED:
        raise _error("line_not_loaded", target=entry.title)
    line_entry: EsimRenewalConfigEntry = entry
    return line_entry.runtime_data


def _error(key: str, **placeholders: Any) -> ServiceValidationError:
    """Return a translated error about the target of an action."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders={k: str(v) for k, v in placeholders.items()},
    )
