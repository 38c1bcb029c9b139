"""Actions that record a renewal or a data reading without opening settings."""

from datetime import date, datetime
from typing import Any

import probatio

from homeassistant.const import ATTR_CONFIG_ENTRY_ID, ATTR_DEVICE_ID
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers import config_validation as cv, service
from homeassistant.util import dt as dt_util

from .const import (
    ATTR_AMOUNT,
    ATTR_COST,
    ATTR_CURRENCY,
    ATTR_DATA_REMAINING_GB,
    ATTR_DATA_TOTAL_GB,
    ATTR_DATA_USED_GB,
    ATTR_EXPIRY_DATE,
    ATTR_PACK_DAYS,
    ATTR_PLAN,
    ATTR_RENEWED_ON,
    ATTR_VALIDITY_DAYS,
    DOMAIN,
    SERVICE_RENEW,
    SERVICE_SET_DATA,
    SERVICE_UNDO_RENEWAL,
)
from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.renewals import RenewalRequest
from .domain.serialization import renewal_to_dict
from .helpers import translated_line_errors

_LINE_FIELDS = {
    probatio.Exclusive(ATTR_DEVICE_ID, "line"): cv.string,
    probatio.Exclusive(ATTR_CONFIG_ENTRY_ID, "line"): cv.string,
}
# The amounts are checked by the domain core, which raises translated errors.
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
        probatio.Optional(ATTR_PLAN): cv.string,
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

UNDO_RENEWAL_SCHEMA = probatio.Schema(_LINE_FIELDS)


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
    hass.services.async_register(
        DOMAIN,
        SERVICE_UNDO_RENEWAL,
        _async_undo_renewal,
        schema=UNDO_RENEWAL_SCHEMA,
        supports_response=SupportsResponse.OPTIONAL,
    )


async def _async_renew(call: ServiceCall) -> ServiceResponse:
    """Record a renewal, buying a plan if named; answer with the line after it."""
    line = _line_of(call)
    with translated_line_errors(call.hass):
        plan = None
        if (name := call.data.get(ATTR_PLAN)) is not None:
            plan = line.plan_named(name)
        line.async_renew(renewal_request(call.data), plan)
    return _line_response(line) if call.return_response else None


async def _async_undo_renewal(call: ServiceCall) -> ServiceResponse:
    """Undo the last change the user recorded; answer with the line again."""
    line = _line_of(call)
    with translated_line_errors(call.hass):
        line.async_undo()
    return _line_response(line) if call.return_response else None


def _line_response(line: EsimRenewalCoordinator) -> dict[str, Any]:
    """Return the line as an action answers with it.

    ``top_up_needed`` says what a lapsed wallet still lacks to pay its fee: a
    top-up too small leaves the line suspended.
    """
    snapshot = line.data
    lost_on = line.lapse.number_lost_on
    return {
        "expiry_date": snapshot.expiry_date.isoformat(),
        "days_until_expiry": snapshot.days_until_expiry,
        "status": snapshot.status.value,
        "number_lost_date": None if lost_on is None else lost_on.isoformat(),
        "balance": snapshot.balance,
        "top_up_needed": snapshot.top_up_needed,
        "renewals": [renewal_to_dict(renewal) for renewal in line.state.renewals],
    }


async def _async_set_data(call: ServiceCall) -> None:
    """Record a data reading."""
    line = _line_of(call)
    with translated_line_errors(call.hass):
        line.async_set_data(
            total_gb=call.data.get(ATTR_DATA_TOTAL_GB),
            remaining_gb=call.data.get(ATTR_DATA_REMAINING_GB),
            used_gb=call.data.get(ATTR_DATA_USED_GB),
        )


def renewal_request(data: dict[str, Any]) -> RenewalRequest:
    """Return a renewal as an action or form describes it.

    No day is now. A date without a time is a renewal on that local day; a
    date and time without a time zone is local time.
    """
    renewed_on: date | datetime = data.get(ATTR_RENEWED_ON) or dt_util.now()
    renewed_at: datetime | None = None
    if isinstance(renewed_on, datetime):
        renewed_at = dt_util.as_local(
            renewed_on
            if renewed_on.tzinfo
            else renewed_on.replace(tzinfo=dt_util.get_default_time_zone())
        )
        renewed_on = renewed_at.date()
    return RenewalRequest(
        renewed_on=renewed_on,
        renewed_at=renewed_at,
        expiry_date=data.get(ATTR_EXPIRY_DATE),
        validity_days=data.get(ATTR_VALIDITY_DAYS),
        pack_days=data.get(ATTR_PACK_DAYS),
        amount=data.get(ATTR_AMOUNT),
        data_total_gb=data.get(ATTR_DATA_TOTAL_GB),
        cost=data.get(ATTR_COST),
        currency=data.get(ATTR_CURRENCY),
    )


def _line_of(call: ServiceCall) -> EsimRenewalCoordinator:
    """Return the loaded line an action is for, by device or config entry.

    With neither, the only line there is; Home Assistant's helpers raise the
    translated errors for a wrong or unloaded target.
    """
    if device_id := call.data.get(ATTR_DEVICE_ID):
        _, entry = service.async_get_device_and_config_entry(
            call.hass, DOMAIN, device_id
        )
    else:
        entry = service.async_get_config_entry(
            call.hass, DOMAIN, call.data.get(ATTR_CONFIG_ENTRY_ID)
        )
    line_entry: EsimRenewalConfigEntry = entry
    return line_entry.runtime_data
