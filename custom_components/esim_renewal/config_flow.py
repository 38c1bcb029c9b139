"""Config flow to add, reconfigure and tune an eSIM line."""

from collections.abc import Awaitable, Callable, Mapping
from datetime import date
from functools import partial
from typing import Any, override

from homeassistant.config_entries import (
    SOURCE_RECONFIGURE,
    ConfigEntry,
    ConfigEntryState,
    ConfigFlow,
    ConfigFlowResult,
    ConfigSubentryFlow,
)
from homeassistant.const import CONF_NAME
from homeassistant.core import callback
from homeassistant.util import dt as dt_util

from .const import (
    CONF_BALANCE,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_EXPIRY_DATE,
    CONF_LAST_RENEWAL,
    CONF_PHONE_NUMBER,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    DOMAIN,
    SUBENTRY_PLAN,
    SUBENTRY_RENEWAL,
)
from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.carrier_preset import CarrierPreset
from .domain.carriers import CARRIER_PRESETS, carrier_display_name, preset_key
from .domain.edits import LineEdit
from .domain.validity import LineStart, ValidityKind
from .domain.values import LineValueError
from .flow_schemas import (
    LINE_SCHEMA,
    RECONFIGURE_SCHEMA,
    SOURCE_KEYS,
    STATE_KEYS,
    USER_SCHEMA,
    validity_schema,
)
from .identity import async_identity_key, line_unique_id
from .line_config import (
    default_options,
    identity_errors,
    initial_expiry,
    line_errors,
    preset_line_defaults,
    preset_plans,
    preset_validity_defaults,
    settings_errors,
    settings_from_config,
    start_values,
)
from .options_flow import EsimRenewalOptionsFlow
from .plan_flow import PlanFlow
from .renewal_flow import RecordRenewalFlow
from .sources import source_errors

type _Step = Callable[[dict[str, Any] | None], Awaitable[ConfigFlowResult]]


class EsimRenewalConfigFlow(ConfigFlow, domain=DOMAIN):
    """Add a line in three steps: carrier, line, then how its validity works."""

    VERSION = 1
    MINOR_VERSION = 3

    def __init__(self) -> None:
        """Start with nothing entered."""
        self._line: dict[str, Any] = {}
        # What the validity form showed of the line's state, to tell a change.
        self._shown: dict[str, Any] = {}
        # A line that would start lapsed, while the user decides.
        self._lapsed: tuple[ValidityKind, dict[str, Any], dict[str, Any]] | None = None

    def __getattr__(self, name: str) -> _Step:
        """Answer the step of every kind of validity with one method.

        The kinds keep their own step, so each form has its own title, labels
        and help, while one method handles them all.
        """
        kind = name.removeprefix("async_step_")
        if kind == name or kind not in ValidityKind:
            raise AttributeError(name)
        return partial(self._async_step_validity, ValidityKind(kind))

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
        """Offer the line's plans, and to record a renewal, from its entry."""
        return {SUBENTRY_PLAN: PlanFlow, SUBENTRY_RENEWAL: RecordRenewalFlow}

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
            errors = await self._async_identity_errors(user_input)
            if not errors:
                if unique_id := await self._async_unique_id(user_input):
                    await self.async_set_unique_id(unique_id)
                    self._abort_if_unique_id_configured()
                self._line.update(user_input)
                return await self._async_goto_validity_step(user_input[CONF_VALIDITY])
        return self.async_show_form(
            step_id="line",
            data_schema=self.add_suggested_values_to_schema(
                LINE_SCHEMA, user_input or preset_line_defaults(self._preset)
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
            errors = await self._async_identity_errors(user_input, entry)
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

    async def _async_identity_errors(
        self, user_input: dict[str, Any], entry: ConfigEntry | None = None
    ) -> dict[str, str]:
        """Return what is wrong with a name, number and page, or taken by another line."""
        errors = identity_errors(user_input)
        if CONF_NAME not in errors and self._is_name_taken(
            user_input[CONF_NAME], entry
        ):
            errors[CONF_NAME] = "name_in_use"
        if (
            entry is not None
            and CONF_PHONE_NUMBER not in errors
            and (unique_id := await self._async_unique_id(user_input))
            and self._is_another_line(unique_id, entry)
        ):
            errors[CONF_PHONE_NUMBER] = "phone_number_in_use"
        return errors

    async def _async_unique_id(self, data: Mapping[str, Any]) -> str | None:
        """Return the unique id of a line with this number, if it has one."""
        return line_unique_id(await async_identity_key(self.hass), data)

    async def _async_goto_validity_step(self, kind: str) -> ConfigFlowResult:
        """Go on to the step of the chosen kind of validity."""
        return await self._async_step_validity(ValidityKind(kind), None)

    async def _async_step_validity(
        self, kind: ValidityKind, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        """Check the validity and data of a line, then add or update it.

        Every wrong field shows its error at once. A line that would start
        lapsed is added only once the user says so.
        """
        if user_input is None:
            return self._async_show_validity_form(kind)
        data = {
            **self._line,
            CONF_VALIDITY: kind,
            **{k: v for k, v in user_input.items() if k not in SOURCE_KEYS},
        }
        data[CONF_CURRENCY] = self._currency(data)
        if self.source == SOURCE_RECONFIGURE:
            return await self._async_reconfigure_validity(kind, user_input, data)
        today = _today()
        if errors := line_errors(data, today):
            return self._async_show_validity_form(kind, user_input, errors)
        if initial_expiry(data, today) < today:
            self._lapsed = (kind, user_input, data)
            return self._async_show_lapsed(data)
        return self._async_create_line(data)

    @callback
    def _async_create_line(self, data: dict[str, Any]) -> ConfigFlowResult:
        """Add the line, with reminders that fit it and its carrier's plans."""
        return self.async_create_entry(
            title=data[CONF_NAME],
            data=data,
            options=default_options(data),
            subentries=preset_plans(data),
        )

    async def _async_reconfigure_validity(
        self, kind: ValidityKind, user_input: dict[str, Any], data: dict[str, Any]
    ) -> ConfigFlowResult:
        """Change a line's settings; it keeps what it recorded.

        Only the dates, balance and data the user changed on the form start
        the line's terms again; the rest carry over, last safe day included.
        """
        entry = self._get_reconfigure_entry()
        links = {key: user_input[key] for key in SOURCE_KEYS if key in user_input}
        errors = source_errors(self.hass, links, entry.entry_id)
        line = _loaded_line(entry)
        if line is None:
            # Without its state, a line is described as when it was added.
            errors = line_errors(data, _today()) | errors
        elif not (errors := settings_errors(data) | errors):
            settings = settings_from_config(data, entry.options)
            try:
                line.async_edit(settings, self._edit(user_input))
            except LineValueError as err:
                errors[err.field] = err.key
            else:
                data |= start_values(line.state, settings.rule, _today())
        if errors:
            return self._async_show_validity_form(kind, user_input, errors)
        return self.async_update_reload_and_abort(
            entry,
            # Named, so the result is this integration's text, not core's.
            reason="reconfigure_successful",
            title=data[CONF_NAME],
            unique_id=await self._async_unique_id(data),
            data=data,
            options={
                **{k: v for k, v in entry.options.items() if k not in SOURCE_KEYS},
                **{k: v for k, v in links.items() if v},
            },
        )

    def _edit(self, user_input: Mapping[str, Any]) -> LineEdit:
        """Return what the user changed of the line's state on the form."""
        changed = {
            key: user_input.get(key)
            for key in STATE_KEYS
            if user_input.get(key) != self._shown.get(key)
        }
        unlimited = changed.get(CONF_UNLIMITED_DATA)
        return LineEdit(
            start=LineStart(
                expiry_date=_optional_date(changed.get(CONF_EXPIRY_DATE)),
                last_renewal=_optional_date(changed.get(CONF_LAST_RENEWAL)),
                balance=changed.get(CONF_BALANCE),
            ),
            data_total_gb=changed.get(CONF_DATA_TOTAL_GB),
            data_remaining_gb=changed.get(CONF_DATA_REMAINING_GB),
            unlimited=None if CONF_UNLIMITED_DATA not in changed else bool(unlimited),
        )

    def _currency(self, data: Mapping[str, Any]) -> str:
        """Return the line's currency, upper case: by default the one it has.

        It is the unit of the line's money sensors, so it stays under their
        statistics unless the user changes it.
        """
        default = (
            self._get_reconfigure_entry().data.get(CONF_CURRENCY)
            if self.source == SOURCE_RECONFIGURE
            else None
        ) or self.hass.config.currency
        return str(data.get(CONF_CURRENCY) or default).strip().upper()

    async def async_step_lapsed(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask again whether to add a lapsed line; Home Assistant needs the step."""
        if self._lapsed is None:  # pragma: no cover - only a lapsed line gets here
            return self.async_abort(reason="unknown")
        return self._async_show_lapsed(self._lapsed[2])

    async def async_step_add_lapsed(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Add the line as it is, lapsed."""
        if self._lapsed is None:  # pragma: no cover - the menu needs a lapsed line
            return self.async_abort(reason="unknown")
        data = self._lapsed[2]
        return self._async_create_line(data)

    async def async_step_change_dates(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Go back to the dates of a line that would start lapsed."""
        if self._lapsed is None:  # pragma: no cover - the menu needs a lapsed line
            return self.async_abort(reason="unknown")
        kind, entered, _ = self._lapsed
        return self._async_show_validity_form(kind, entered)

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
    def _async_show_validity_form(
        self,
        kind: ValidityKind,
        user_input: Mapping[str, Any] | None = None,
        errors: dict[str, str] | None = None,
    ) -> ConfigFlowResult:
        """Show the form of one kind of validity, filled as best we can."""
        reconfigure = self.source == SOURCE_RECONFIGURE
        if user_input is None:
            if reconfigure:
                self._shown = self._current_state(kind)
                defaults = self._current_settings() | self._shown
            else:
                defaults = preset_validity_defaults(self._preset, kind, _today())
            user_input = {k: v for k, v in defaults.items() if v is not None}
        return self.async_show_form(
            step_id=kind,
            data_schema=self.add_suggested_values_to_schema(
                validity_schema(kind, reconfigure=reconfigure), user_input
            ),
            errors=errors,
            description_placeholders={"name": self._line[CONF_NAME]},
        )

    def _current_settings(self) -> dict[str, Any]:
        """Return a reconfigured line's settings and the entities it follows."""
        entry = self._get_reconfigure_entry()
        return dict(entry.data) | {
            key: entry.options[key] for key in SOURCE_KEYS if key in entry.options
        }

    def _current_state(self, kind: ValidityKind) -> dict[str, Any]:
        """Return what a reconfigured line recorded, as the form of a kind shows it.

        A wallet shows as it is today: the period it is in and what is left.
        Without its state, a line shows what it was added with.
        """
        entry = self._get_reconfigure_entry()
        if (line := _loaded_line(entry)) is None:
            return {key: entry.data.get(key) for key in STATE_KEYS}
        rule = line.settings.rule
        return start_values(line.state, rule, _today()) | (
            {} if kind is ValidityKind.BALANCE else {CONF_BALANCE: None}
        )

    @property
    def _preset(self) -> CarrierPreset | None:
        """Return the preset of the chosen carrier, if it is one."""
        return CARRIER_PRESETS.get(self._line.get(CONF_CARRIER, ""))

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


def _loaded_line(entry: ConfigEntry) -> EsimRenewalCoordinator | None:
    """Return the running line of an entry, or None when it is not loaded."""
    if entry.state is not ConfigEntryState.LOADED:
        return None
    line: EsimRenewalCoordinator = entry.runtime_data
    return line


def _with_carrier_key(user_input: dict[str, Any]) -> dict[str, Any]:
    """Return the input with a preset's name or key as its key, any other as typed."""
    if not (carrier := user_input.get(CONF_CARRIER)):
        return {key: value for key, value in user_input.items() if key != CONF_CARRIER}
    return {**user_input, CONF_CARRIER: preset_key(carrier)}


def _optional_date(value: str | None) -> date | None:
    """Return a date from a form's ISO string (its selector checked it), or None."""
    return date.fromisoformat(value) if value else None


def _today() -> date:
    """Return today's local date."""
    return dt_util.now().date()
