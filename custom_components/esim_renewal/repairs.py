"""Repairs: a line that has expired, fixed by recording its renewal."""

from datetime import date
from typing import Any

import probatio

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.selector import (
    DateSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
)
from homeassistant.util import dt as dt_util

from .const import ATTR_EXPIRY_DATE, ATTR_RENEWED_ON, ATTR_VALIDITY_DAYS, DOMAIN
from .model import LineSnapshot, LineStatus

RENEW_SCHEMA = probatio.Schema(
    {
        probatio.Required(ATTR_RENEWED_ON): DateSelector(),
        probatio.Optional(ATTR_VALIDITY_DAYS): NumberSelector(
            NumberSelectorConfig(mode=NumberSelectorMode.BOX)
        ),
        probatio.Optional(ATTR_EXPIRY_DATE): DateSelector(),
    }
)
_FIELDS = {ATTR_RENEWED_ON, ATTR_VALIDITY_DAYS, ATTR_EXPIRY_DATE}


def expired_issue_id(entry_id: str) -> str:
    """Return the id of a line's expired issue."""
    return f"expired_{entry_id}"


@callback
def async_sync_expired_issue(
    hass: HomeAssistant, entry: ConfigEntry, snapshot: LineSnapshot
) -> None:
    """Raise the expired issue while the line has expired, and only then."""
    issue_id = expired_issue_id(entry.entry_id)
    if snapshot.status is not LineStatus.EXPIRED:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        data={"entry_id": entry.entry_id},
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.WARNING,
        translation_key="line_expired",
        translation_placeholders={
            "name": entry.data[CONF_NAME],
            "expiry_date": snapshot.expiry_date.isoformat(),
        },
    )


class RenewExpiredLineFlow(RepairsFlow):
    """Ask when the line was renewed and for how long, then record it."""

    def __init__(self, entry_id: str) -> None:
        """Remember which line the issue is about."""
        self._entry_id = entry_id

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Start with the renewal form."""
        return await self.async_step_renew()

    async def async_step_renew(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Record the renewal the user describes."""
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="line_not_loaded")
        line = entry.runtime_data
        errors: dict[str, str] = {}
        if user_input is not None:
            expiry_date = user_input.get(ATTR_EXPIRY_DATE)
            try:
                line.async_renew(
                    renewed_on=date.fromisoformat(user_input[ATTR_RENEWED_ON]),
                    validity_days=user_input.get(ATTR_VALIDITY_DAYS),
                    expiry_date=date.fromisoformat(expiry_date)
                    if expiry_date
                    else None,
                )
            except ServiceValidationError as err:
                field = (err.translation_placeholders or {}).get("field")
                errors[field if field in _FIELDS else "base"] = str(err.translation_key)
            else:
                return self.async_create_entry(data={})
        suggested = user_input or {
            ATTR_RENEWED_ON: dt_util.now().date().isoformat(),
            ATTR_VALIDITY_DAYS: line.validity.validity_days,
        }
        return self.async_show_form(
            step_id="renew",
            data_schema=self.add_suggested_values_to_schema(RENEW_SCHEMA, suggested),
            errors=errors,
            description_placeholders={"name": entry.data[CONF_NAME]},
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Return the flow that fixes an expired line."""
    if not data or "entry_id" not in data:
        raise ValueError(f"Issue {issue_id} does not name its line")
    return RenewExpiredLineFlow(data["entry_id"])
