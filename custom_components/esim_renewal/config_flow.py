"""Config flow to add, reconfigure and tune an eSIM line."""

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from typing import Any, override

import probatio

from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    ConfigSubentryFlow,
    OptionsFlowWithReload,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import callback
from homeassistant.helpers.selector import (
    BooleanSelector,
    DateSelector,
    EntitySelector,
    EntitySelectorConfig,
    EntityWithDeviceFilterSelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
    TimeSelector,
)
from homeassistant.util import dt as dt_util

from .const import (
    CONF_ACTIVITY_ENTITIES,
    CONF_BALANCE,
    CONF_BILLING_DAY,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_DATA_LOW_GB,
    CONF_DATA_REMAINING_ENTITY,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_DATA_USAGE_ENTITIES,
    CONF_EXPIRY_DATE,
    CONF_EXPIRY_ENTITY,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_GRACE_DAYS,
    CONF_LAST_RENEWAL,
    CONF_MAX_VALIDITY_DAYS,
    CONF_PACK_DAYS,
    CONF_PHONE_NUMBER,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    CONF_RENEWAL_URL,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    CONF_VALIDITY_MONTHS,
    DOMAIN,
)
from .coordinator import EsimRenewalConfigEntry
from .domain.carrier_preset import CarrierPreset
from .domain.carriers import CARRIER_PRESETS, carrier_display_name, preset_key
from .domain.line import default_reminder_days
from .domain.rules import RULES
from .domain.validity import ValidityKind, days_from
from .domain.values import LineValueError
from .line_config import (
    default_options,
    identity_errors,
    initial_expiry,
    line_errors,
    line_unique_id,
    reminder_plan_from_options,
    rule_from_config,
)
from .renewal_flow import RecordRenewalFlow
from .sources import source_errors

_GIGABYTES = NumberSelector(
    NumberSelectorConfig(
        mode=NumberSelectorMode.BOX, step="any", unit_of_measurement="GB"
    )
)
# Ranges are checked by the domain core, which gives a translated error, rather
# than by the selector, whose error is not translated.
_WHOLE_NUMBER = NumberSelector(NumberSelectorConfig(mode=NumberSelectorMode.BOX))
_MONEY = NumberSelector(NumberSelectorConfig(mode=NumberSelectorMode.BOX, step="any"))
_DAY = DateSelector()

# A preset's value is its name, which the field shows once it is picked; the
# list shows its flag and name. Any other carrier's name can be typed.
USER_SCHEMA = probatio.Schema(
    {
        probatio.Optional(CONF_CARRIER): SelectSelector(
            SelectSelectorConfig(
                options=[
                    SelectOptionDict(value=preset.name, label=preset.label)
                    for preset in CARRIER_PRESETS.values()
                ],
                custom_value=True,
                mode=SelectSelectorMode.DROPDOWN,
                sort=False,
            )
        ),
    }
)
LINE_SCHEMA = probatio.Schema(
    {
        probatio.Required(CONF_NAME): TextSelector(),
        probatio.Optional(CONF_PHONE_NUMBER): TextSelector(
            TextSelectorConfig(type=TextSelectorType.TEL)
        ),
        probatio.Optional(CONF_RENEWAL_URL): TextSelector(
            TextSelectorConfig(type=TextSelectorType.URL)
        ),
        probatio.Required(CONF_VALIDITY): SelectSelector(
            SelectSelectorConfig(
                options=[kind.value for kind in ValidityKind],
                mode=SelectSelectorMode.LIST,
                translation_key=CONF_VALIDITY,
            )
        ),
    }
)
RECONFIGURE_SCHEMA = USER_SCHEMA.extend(LINE_SCHEMA.schema)

# Every kind of line may lose its number some days after it lapses, and may
# have data.
_LAPSE_AND_DATA_FIELDS: dict[probatio.Marker, Any] = {
    probatio.Optional(CONF_GRACE_DAYS): _WHOLE_NUMBER,
    probatio.Optional(CONF_DATA_TOTAL_GB): _GIGABYTES,
    probatio.Optional(CONF_DATA_REMAINING_GB): _GIGABYTES,
    probatio.Optional(CONF_UNLIMITED_DATA, default=False): BooleanSelector(),
}


def _validity_schema(fields: dict[probatio.Marker, Any]) -> probatio.Schema:
    """Return the form of a kind of validity: its own fields, then lapse and data."""
    return probatio.Schema({**fields, **_LAPSE_AND_DATA_FIELDS})


VALIDITY_SCHEMAS: dict[ValidityKind, probatio.Schema] = {
    ValidityKind.FIXED: _validity_schema(
        {
            probatio.Required(CONF_EXPIRY_DATE): _DAY,
            probatio.Optional(CONF_VALIDITY_DAYS): _WHOLE_NUMBER,
        }
    ),
    ValidityKind.ROLLING: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): _DAY,
            probatio.Required(CONF_VALIDITY_DAYS): _WHOLE_NUMBER,
        }
    ),
    ValidityKind.MONTHLY: _validity_schema(
        {probatio.Required(CONF_BILLING_DAY): _WHOLE_NUMBER}
    ),
    ValidityKind.AFTER_PACK: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): _DAY,
            probatio.Required(CONF_PACK_DAYS): _WHOLE_NUMBER,
            probatio.Required(CONF_VALIDITY_DAYS): _WHOLE_NUMBER,
        }
    ),
    ValidityKind.ACTIVITY: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): _DAY,
            probatio.Optional(CONF_VALIDITY_DAYS): _WHOLE_NUMBER,
            probatio.Optional(CONF_VALIDITY_MONTHS): _WHOLE_NUMBER,
        }
    ),
    ValidityKind.STACKING: _validity_schema(
        {
            probatio.Required(CONF_EXPIRY_DATE): _DAY,
            probatio.Required(CONF_VALIDITY_DAYS): _WHOLE_NUMBER,
            probatio.Optional(CONF_MAX_VALIDITY_DAYS): _WHOLE_NUMBER,
        }
    ),
    ValidityKind.BALANCE: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): _DAY,
            probatio.Required(CONF_BALANCE): _MONEY,
            probatio.Required(CONF_FEE): _MONEY,
            probatio.Required(CONF_FEE_PERIOD_DAYS): _WHOLE_NUMBER,
            probatio.Optional(CONF_CURRENCY): TextSelector(),
        }
    ),
}

# The options a line has: reminders, then the entities it can follow.
REMINDER_FIELDS: dict[probatio.Marker, Any] = {
    probatio.Optional(CONF_REMINDER_DAYS): SelectSelector(
        SelectSelectorConfig(
            options=["60", "30", "14", "7", "3", "1", "0"],
            multiple=True,
            custom_value=True,
            mode=SelectSelectorMode.DROPDOWN,
            sort=False,
        )
    ),
    probatio.Required(CONF_REMINDER_TIME): TimeSelector(),
    probatio.Optional(CONF_DATA_LOW_GB): _GIGABYTES,
}
# Any sensor, number or input_number may hold an amount of data (the companion
# app's counters have no device class); its unit is checked when the form is sent.
_DATA_ENTITY = EntityWithDeviceFilterSelectorConfig(
    domain=["sensor", "number", "input_number"]
)
DATA_SOURCE_FIELDS: dict[probatio.Marker, Any] = {
    probatio.Optional(CONF_DATA_REMAINING_ENTITY): EntitySelector(
        EntitySelectorConfig(filter=_DATA_ENTITY)
    ),
    probatio.Optional(CONF_DATA_USAGE_ENTITIES): EntitySelector(
        EntitySelectorConfig(filter=_DATA_ENTITY, multiple=True)
    ),
}
EXPIRY_SOURCE_FIELDS: dict[probatio.Marker, Any] = {
    probatio.Optional(CONF_EXPIRY_ENTITY): EntitySelector(
        EntitySelectorConfig(
            filter=[
                EntityWithDeviceFilterSelectorConfig(
                    domain="sensor", device_class=["date", "timestamp"]
                ),
                EntityWithDeviceFilterSelectorConfig(
                    domain=["date", "datetime", "input_datetime"]
                ),
            ]
        )
    ),
}
ACTIVITY_SOURCE_FIELDS: dict[probatio.Marker, Any] = {
    probatio.Optional(CONF_ACTIVITY_ENTITIES): EntitySelector(
        EntitySelectorConfig(multiple=True)
    ),
}
SOURCE_KEYS = (
    CONF_DATA_REMAINING_ENTITY,
    CONF_DATA_USAGE_ENTITIES,
    CONF_EXPIRY_ENTITY,
    CONF_ACTIVITY_ENTITIES,
)


def source_fields(kind: ValidityKind, *, data: bool) -> dict[probatio.Marker, Any]:
    """Return the entities a kind of line can follow: data, expiry, uses."""
    fields: dict[probatio.Marker, Any] = {}
    if data:
        fields |= DATA_SOURCE_FIELDS
    if RULES[kind].takes_expiry_date:
        fields |= EXPIRY_SOURCE_FIELDS
    if kind is ValidityKind.ACTIVITY:
        fields |= ACTIVITY_SOURCE_FIELDS
    return fields


def options_schema(kind: ValidityKind, data: Mapping[str, Any]) -> probatio.Schema:
    """Return the options form of a line: reminders, and the sources that fit it."""
    return probatio.Schema(
        REMINDER_FIELDS | source_fields(kind, data=not data.get(CONF_UNLIMITED_DATA))
    )


class EsimRenewalConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a line in three steps: carrier, line, then how its validity works."""

    VERSION = 1
    MINOR_VERSION = 2

    def __init__(self) -> None:
        """Start with nothing entered."""
        self._line: dict[str, Any] = {}
        # A line that would start lapsed, while the user decides.
        self._lapsed: tuple[ValidityKind, dict[str, Any], dict[str, Any]] | None = None
        # The entities a reconfigured line follows, kept in its options.
        self._links: dict[str, Any] = {}

    @staticmethod
    @callback
    @override
    def async_get_options_flow(
        config_entry: EsimRenewalConfigEntry,
    ) -> EsimRenewalOptionsFlow:
        """Return the flow that sets when reminders are due."""
        return EsimRenewalOptionsFlow()

    @classmethod
    @callback
    @override
    def async_get_supported_subentry_types(
        cls, config_entry: ConfigEntry
    ) -> dict[str, type[ConfigSubentryFlow]]:
        """Offer to record a renewal from the line's entry."""
        return {"renewal": RecordRenewalFlow}

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the carrier, whose terms prefill the next steps."""
        if user_input is not None:
            self._line = _with_carrier_key(user_input)
            if (preset := self._preset) is not None and not preset.confirmed:
                return await self.async_step_unconfirmed_preset()
            return await self.async_step_line()
        return self.async_show_form(step_id="user", data_schema=USER_SCHEMA)

    async def async_step_unconfirmed_preset(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Say that a preset rests on reports, not on the carrier's own terms."""
        if user_input is not None or (preset := self._preset) is None:
            return await self.async_step_line()
        return self.async_show_form(
            step_id="unconfirmed_preset",
            description_placeholders={"carrier": preset.name, "source": preset.source},
        )

    async def async_step_line(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the line's name, number, renewal page and kind of validity."""
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = identity_errors(user_input)
            if CONF_NAME not in errors and self._is_name_taken(user_input[CONF_NAME]):
                errors[CONF_NAME] = "name_in_use"
            if not errors:
                if unique_id := line_unique_id(user_input):
                    await self.async_set_unique_id(unique_id)
                    self._abort_if_unique_id_configured()
                self._line.update(user_input)
                return await self._async_goto_validity_step(user_input[CONF_VALIDITY])
        return self.async_show_form(
            step_id="line",
            data_schema=self.add_suggested_values_to_schema(
                LINE_SCHEMA, user_input or self._preset_line_defaults()
            ),
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Change the line itself: carrier, name, number, page and validity."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = identity_errors(user_input)
            unique_id = None if errors else line_unique_id(user_input)
            if unique_id and self._is_another_line(unique_id, entry):
                errors[CONF_PHONE_NUMBER] = "phone_number_in_use"
            if CONF_NAME not in errors and self._is_name_taken(
                user_input[CONF_NAME], entry
            ):
                errors[CONF_NAME] = "name_in_use"
            if not errors:
                self._line = _with_carrier_key(user_input)
                return await self._async_goto_validity_step(user_input[CONF_VALIDITY])
        suggested = user_input or {
            **entry.data,
            CONF_CARRIER: carrier_display_name(entry.data.get(CONF_CARRIER)),
        }
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                RECONFIGURE_SCHEMA, suggested
            ),
            errors=errors,
        )

    async def async_step_fixed(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the last day of a line with a fixed end."""
        return self._async_handle_validity(ValidityKind.FIXED, user_input)

    async def async_step_rolling(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the last renewal and period of a rolling line."""
        return self._async_handle_validity(ValidityKind.ROLLING, user_input)

    async def async_step_monthly(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the billing day of a monthly plan."""
        return self._async_handle_validity(ValidityKind.MONTHLY, user_input)

    async def async_step_after_pack(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the last pack and the days the line is safe after it ends."""
        return self._async_handle_validity(ValidityKind.AFTER_PACK, user_input)

    async def async_step_activity(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the last use and how long the line is safe after it."""
        return self._async_handle_validity(ValidityKind.ACTIVITY, user_input)

    async def async_step_stacking(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the current expiry and what each renewal adds."""
        return self._async_handle_validity(ValidityKind.STACKING, user_input)

    async def async_step_balance(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the wallet, its fee and the current period."""
        return self._async_handle_validity(ValidityKind.BALANCE, user_input)

    async def async_step_add_lapsed(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add the line as it is, lapsed."""
        if self._lapsed is None:  # pragma: no cover - the menu needs a lapsed line
            return self.async_abort(reason="unknown")
        return self._async_finish(self._lapsed[2])

    async def async_step_change_dates(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Go back to the dates of a line that would start lapsed."""
        if self._lapsed is None:  # pragma: no cover - the menu needs a lapsed line
            return self.async_abort(reason="unknown")
        kind, entered, _ = self._lapsed
        return self._async_show_validity_form(kind, entered)

    async def _async_goto_validity_step(self, kind: str) -> ConfigFlowResult:
        """Go on to the step of the chosen kind of validity."""
        step: Callable[[], Awaitable[ConfigFlowResult]] = getattr(
            self, f"async_step_{ValidityKind(kind)}"
        )
        return await step()

    @callback
    def _async_handle_validity(
        self, kind: ValidityKind, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        """Check the validity and data of a line, then add or update it.

        Every wrong field shows its error at once. A line that would start
        lapsed is added only once the user says so.
        """
        if user_input is None:
            return self._async_show_validity_form(kind)
        self._links = {key: user_input[key] for key in SOURCE_KEYS if key in user_input}
        data = {
            **self._line,
            CONF_VALIDITY: kind,
            **{k: v for k, v in user_input.items() if k not in SOURCE_KEYS},
        }
        if data.get(CONF_UNLIMITED_DATA):
            data.pop(CONF_DATA_TOTAL_GB, None)
            data.pop(CONF_DATA_REMAINING_GB, None)
        if not data.get(CONF_CURRENCY):
            # The line's currency is fixed when it is added, so the units of its
            # money sensors never change under their statistics.
            data[CONF_CURRENCY] = (
                self._get_reconfigure_entry().data.get(CONF_CURRENCY)
                if self.source == SOURCE_RECONFIGURE
                else None
            ) or self.hass.config.currency
        today = _today()
        if errors := line_errors(data, today) | source_errors(
            self.hass, self._links, self.context.get("entry_id")
        ):
            return self._async_show_validity_form(kind, user_input, errors)
        if initial_expiry(data, today) < today:
            self._lapsed = (kind, user_input, data)
            return self._async_show_lapsed(data)
        return self._async_finish(data)

    async def async_step_lapsed(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask whether to add a line that has already lapsed, or fix its dates."""
        if self._lapsed is None:  # pragma: no cover - only a lapsed line gets here
            return self.async_abort(reason="unknown")
        return self._async_show_lapsed(self._lapsed[2])

    @callback
    def _async_show_lapsed(self, data: dict[str, Any]) -> ConfigFlowResult:
        """Show the choice for a line that would start lapsed."""
        return self.async_show_menu(
            step_id="lapsed",
            menu_options=["add_lapsed", "change_dates"],
            description_placeholders={
                "name": data[CONF_NAME],
                "expiry_date": initial_expiry(data, _today()).isoformat(),
            },
        )

    @callback
    def _async_finish(self, data: dict[str, Any]) -> ConfigFlowResult:
        """Add the line, with reminders that fit it, or update it."""
        if self.source == SOURCE_RECONFIGURE:
            entry = self._get_reconfigure_entry()
            return self.async_update_reload_and_abort(
                entry,
                title=data[CONF_NAME],
                unique_id=line_unique_id(data),
                data=data,
                options={
                    **{k: v for k, v in entry.options.items() if k not in SOURCE_KEYS},
                    **{k: v for k, v in self._links.items() if v},
                },
            )
        return self.async_create_entry(
            title=data[CONF_NAME], data=data, options=default_options(data)
        )

    @callback
    def _async_show_validity_form(
        self,
        kind: ValidityKind,
        user_input: Mapping[str, Any] | None = None,
        errors: dict[str, str] | None = None,
    ) -> ConfigFlowResult:
        """Show the form of one kind of validity, filled as best we can."""
        if user_input is None:
            defaults = (
                _current_values(self._get_reconfigure_entry())
                if self.source == SOURCE_RECONFIGURE
                else self._preset_validity_defaults(kind)
            )
            user_input = {k: v for k, v in defaults.items() if v is not None}
        schema = VALIDITY_SCHEMAS[kind]
        if self.source == SOURCE_RECONFIGURE:
            # A reconfigure shows the entities the line follows too.
            schema = schema.extend(source_fields(kind, data=True))
        return self.async_show_form(
            step_id=kind,
            data_schema=self.add_suggested_values_to_schema(schema, user_input),
            errors=errors,
            description_placeholders={"name": self._line[CONF_NAME]},
        )

    @property
    def _preset(self) -> CarrierPreset | None:
        """Return the preset of the chosen carrier, if it is one."""
        return CARRIER_PRESETS.get(self._line.get(CONF_CARRIER, ""))

    def _preset_line_defaults(self) -> dict[str, Any]:
        """Return the name, page and validity the chosen carrier suggests."""
        if (preset := self._preset) is None:
            return {CONF_VALIDITY: ValidityKind.ROLLING}
        return {
            CONF_NAME: preset.name,
            CONF_RENEWAL_URL: preset.renewal_url,
            CONF_VALIDITY: preset.validity,
        }

    def _preset_validity_defaults(self, kind: ValidityKind) -> dict[str, Any]:
        """Return the validity, lapse and data the chosen carrier suggests."""
        today = _today()
        defaults: dict[str, Any] = {CONF_LAST_RENEWAL: today.isoformat()}
        if (preset := self._preset) is None:
            return defaults
        defaults |= preset.settings()
        defaults[CONF_DATA_REMAINING_GB] = preset.data_total_gb
        if kind is ValidityKind.FIXED and preset.validity_days:
            defaults[CONF_EXPIRY_DATE] = days_from(
                today, preset.validity_days
            ).isoformat()
        return defaults

    def _is_name_taken(self, name: str, entry: ConfigEntry | None = None) -> bool:
        """Return whether another line has this name, which names its entities.

        Lines without a phone number have no unique id; their name keeps one
        line from being added twice.
        """
        wanted = name.strip().casefold()
        return any(
            other.title.strip().casefold() == wanted
            for other in self._async_current_entries(include_ignore=False)
            if entry is None or other.entry_id != entry.entry_id
        )

    def _is_another_line(self, unique_id: str, entry: ConfigEntry) -> bool:
        """Return whether another line already has this unique id."""
        other = self.hass.config_entries.async_entry_for_domain_unique_id(
            DOMAIN, unique_id
        )
        return other is not None and other.entry_id != entry.entry_id


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


def _with_carrier_key(user_input: dict[str, Any]) -> dict[str, Any]:
    """Return the input with a preset's name or key as its key, any other as typed."""
    if not (carrier := user_input.get(CONF_CARRIER)):
        return {key: value for key, value in user_input.items() if key != CONF_CARRIER}
    return {**user_input, CONF_CARRIER: preset_key(carrier)}


def _current_values(entry: ConfigEntry) -> dict[str, Any]:
    """Return a line's settings, state and sources, for the reconfigure form.

    A wallet shows as it is today: the period it is in and what is left.
    """
    values = dict(entry.data) | {
        key: entry.options[key] for key in SOURCE_KEYS if key in entry.options
    }
    if entry.state is ConfigEntryState.LOADED:
        line = entry.runtime_data
        terms = line.state.terms
        data = line.data.data
        values |= {
            CONF_EXPIRY_DATE: terms.expiry_date.isoformat(),
            CONF_LAST_RENEWAL: (
                terms.last_renewal.isoformat() if terms.last_renewal else None
            ),
            CONF_DATA_TOTAL_GB: data.total_gb,
            CONF_DATA_REMAINING_GB: data.remaining_gb,
            CONF_UNLIMITED_DATA: data.unlimited,
        }
        if (wallet := line.settings.rule.wallet_on(terms, _today())) is not None:
            values |= {
                CONF_LAST_RENEWAL: wallet.period_start.isoformat(),
                CONF_BALANCE: wallet.balance,
            }
    return values


def _today() -> date:
    """Return today's local date."""
    return dt_util.now().date()
