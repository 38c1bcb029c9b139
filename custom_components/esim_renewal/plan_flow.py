"""Add and edit a line's plans: each is a subentry of the line's entry.

Home Assistant lists a line's plans under its entry, with *Add plan*, and
offers to edit (reconfigure) and delete each; the line takes a change at once,
with no reload.
"""

from collections.abc import Mapping
from typing import Any

import probatio

from homeassistant.config_entries import (
    ConfigEntryState,
    ConfigSubentry,
    ConfigSubentryFlow,
    SubentryFlowResult,
)
from homeassistant.const import CONF_NAME
from homeassistant.generated.currencies import ACTIVE_CURRENCIES
from homeassistant.helpers.selector import TextSelector

from .const import CONF_CURRENCY
from .coordinator import EsimRenewalConfigEntry
from .domain.plans import plan_errors, plan_fields
from .domain.validity import ValidityRule
from .flow_schemas import GIGABYTES, MONEY, WHOLE_NUMBER

_PURCHASE_SELECTORS = {
    "validity_days": WHOLE_NUMBER,
    "pack_days": WHOLE_NUMBER,
    "amount": MONEY,
}


def plan_schema(rule: ValidityRule) -> probatio.Schema:
    """Return the form of a plan: its name, what it buys under the rule, its price."""
    fields: dict[probatio.Marker, Any] = {probatio.Required(CONF_NAME): TextSelector()}
    for field in plan_fields(rule):
        fields[probatio.Optional(field)] = _PURCHASE_SELECTORS[field]
    fields[probatio.Optional("data_gb")] = GIGABYTES
    fields[probatio.Required("price")] = MONEY
    fields[probatio.Required(CONF_CURRENCY)] = TextSelector()
    return probatio.Schema(fields)


def plan_data(user_input: Mapping[str, Any]) -> dict[str, Any]:
    """Return what a plan's subentry keeps: the form without its name, the title."""
    data = {key: value for key, value in user_input.items() if key != CONF_NAME}
    data[CONF_CURRENCY] = str(user_input[CONF_CURRENCY]).strip().upper()
    return data


class PlanFlow(ConfigSubentryFlow):
    """Add a plan to a line, or edit one, checking it against the line's rule."""

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Add a plan."""
        return await self._async_plan_form("user", user_input, None)

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> SubentryFlowResult:
        """Edit a plan."""
        return await self._async_plan_form(
            "reconfigure", user_input, self._get_reconfigure_subentry()
        )

    async def _async_plan_form(
        self,
        step_id: str,
        user_input: dict[str, Any] | None,
        plan: ConfigSubentry | None,
    ) -> SubentryFlowResult:
        """Show the plan's form, check it whole, and keep the plan."""
        entry: EsimRenewalConfigEntry = self._get_entry()
        if entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="line_not_loaded")
        line = entry.runtime_data
        schema = plan_schema(line.settings.rule)
        errors: dict[str, str] = {}
        if user_input is not None:
            taken = [
                other.name
                for other in line.plans
                if plan is None or other.key != plan.subentry_id
            ]
            for err in plan_errors(
                user_input, line.settings.rule, ACTIVE_CURRENCIES, taken
            ):
                errors.setdefault(err.field, err.key)
            if not errors:
                name = str(user_input[CONF_NAME]).strip()
                if plan is None:
                    return self.async_create_entry(
                        title=name, data=plan_data(user_input)
                    )
                return self.async_update_and_abort(
                    entry, plan, title=name, data=plan_data(user_input)
                )
        suggested: Mapping[str, Any] = user_input or (
            {CONF_NAME: plan.title, **plan.data}
            if plan is not None
            else {CONF_CURRENCY: line.currency}
        )
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            errors=errors,
            description_placeholders={"name": entry.data[CONF_NAME]},
        )
