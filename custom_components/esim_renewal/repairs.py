"""Repairs: the fixes of a line's issues; ``issues.py`` raises and deletes them."""

from typing import Any

from homeassistant.components.repairs import (
    ConfirmRepairFlow,
    RepairsFlow,
    RepairsFlowResult,
)
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant

from .domain.lapse import LineStatus
from .issues import ATTR_ENTRY_ID, ATTR_KIND, EXPIRED, NEWER_STORE, lapse_placeholders
from .renewal_form import record_renewal, renewal_schema, suggested_renewal


class RenewLapsedLineFlow(RepairsFlow):
    """Ask when and how the line was renewed, then record it.

    The fix finishes only once the line works again, as finishing deletes the
    issue: a renewal that leaves the line lapsed is kept, and the form comes
    back saying so.
    """

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
        schema = renewal_schema(line.settings.rule, line.state.data, line.plans)
        errors: dict[str, str] = {}
        suggested = suggested_renewal(line)
        if user_input is not None:
            errors = record_renewal(line, user_input, schema)
            if errors:
                suggested = user_input
            elif line.data.status in (LineStatus.EXPIRED, LineStatus.LOST):
                errors = {"base": "still_lapsed"}
            else:
                return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="renew",
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
            description_placeholders={
                "name": entry.data[CONF_NAME],
                **lapse_placeholders(line.data),
            },
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Return the flow that fixes an issue of a line."""
    if data:
        if data.get(ATTR_KIND) == NEWER_STORE:
            return ConfirmRepairFlow()
        if data.get(ATTR_KIND) == EXPIRED:
            return RenewLapsedLineFlow(str(data[ATTR_ENTRY_ID]))
    raise ValueError(f"Issue {issue_id} has no fix")
