"""Options flow of a line: when to remind, and which entities it follows."""

from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlowWithReload

from .const import CONF_DATA_LOW_GB, CONF_REMINDER_DAYS, CONF_REMINDER_TIME
from .coordinator import EsimRenewalConfigEntry
from .domain.line import default_reminder_days
from .domain.values import LineValueError
from .flow_schemas import SOURCE_KEYS, options_schema
from .line_config import reminder_plan_from_options, rule_from_config
from .sources import source_errors


class EsimRenewalOptionsFlow(OptionsFlowWithReload):
    """Set when reminders are due; the line reloads with them."""

    config_entry: EsimRenewalConfigEntry

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the reminder days, their time of day and the low-data mark."""
        errors: dict[str, str] = {}
        rule = rule_from_config(self.config_entry.data)
        default_days = default_reminder_days(rule)
        if user_input is not None:
            errors = source_errors(self.hass, user_input, self.config_entry.entry_id)
            try:
                plan = reminder_plan_from_options(
                    {CONF_REMINDER_DAYS: [], **user_input}, default_days
                )
            except LineValueError as err:
                errors[err.field] = err.key
            if not errors:
                options: dict[str, Any] = {
                    CONF_REMINDER_DAYS: list(plan.days),
                    CONF_REMINDER_TIME: plan.time_of_day.isoformat(),
                }
                if plan.data_low_gb is not None:
                    options[CONF_DATA_LOW_GB] = plan.data_low_gb
                options |= {
                    key: user_input[key] for key in SOURCE_KEYS if user_input.get(key)
                }
                return self.async_create_entry(data=options)
        if user_input is None:
            options = dict(self.config_entry.options)
            plan = reminder_plan_from_options(options, default_days)
            user_input = options | {
                CONF_REMINDER_DAYS: [str(days) for days in plan.days],
                CONF_REMINDER_TIME: plan.time_of_day.isoformat(),
                CONF_DATA_LOW_GB: plan.data_low_gb,
            }
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                options_schema(rule.kind, self.config_entry.data), user_input
            ),
            errors=errors,
            description_placeholders={"name": self.config_entry.title},
        )
