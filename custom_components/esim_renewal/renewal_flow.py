"""Record a renewal from the line's entry: its date, cost and what was bought."""

from typing import Any

from homeassistant.config_entries import (
    ConfigEntryState,
    ConfigSubentryFlow,
    SubentryFlowResult,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import callback

from .coordinator import EsimRenewalConfigEntry
from .renewal_form import record_renewal, renewal_schema, suggested_renewal
from .texts import words


class RecordRenewalFlow(ConfigSubentryFlow):
    """Ask how the line was renewed, with what the action takes, and record it.

    It records the renewal in the line's history rather than adding a
    subentry, and says so when it ends.
    """

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Record the renewal the user describes."""
        entry: EsimRenewalConfigEntry = self._get_entry()
        if entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="line_not_loaded")
        line = entry.runtime_data
        schema = renewal_schema(line.settings.rule, line.state.data, line.plans)
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = record_renewal(line, user_input, schema)
            if not errors:
                return self._async_recorded(entry)
        return self.async_show_form(
            step_id="user",
            data_schema=self.add_suggested_values_to_schema(
                schema,
                user_input or suggested_renewal(line),
            ),
            errors=errors,
            description_placeholders={"name": entry.data[CONF_NAME]},
        )

    @callback
    def _async_recorded(self, entry: EsimRenewalConfigEntry) -> SubentryFlowResult:
        """Say the renewal was recorded, and whether the line is safe again.

        A wallet topped up with less than its fee stays suspended: say what it
        still lacks.
        """
        snapshot = entry.runtime_data.data
        placeholders = {
            "name": entry.data[CONF_NAME],
            "expiry_date": words(self.hass).date(snapshot.expiry_date),
        }
        if snapshot.top_up_needed is not None:
            return self.async_abort(
                reason="top_up_short",
                description_placeholders={
                    **placeholders,
                    "top_up_needed": f"{snapshot.top_up_needed:g}",
                },
            )
        return self.async_abort(
            reason="renewal_recorded", description_placeholders=placeholders
        )
