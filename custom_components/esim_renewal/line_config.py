"""Turn a config entry's data and options into the domain core's objects.

The config flow validates through these functions and setup builds the line with
them, so a line that passed the flow always sets up.
"""

from collections.abc import Callable, Mapping
from datetime import date, time
from typing import Any

from yarl import URL

from homeassistant.config_entries import ConfigEntry, ConfigSubentryData
from homeassistant.const import CONF_NAME
from homeassistant.generated.currencies import ACTIVE_CURRENCIES

from .const import (
    CONF_BALANCE,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_DATA_LOW_GB,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_EXPIRY_DATE,
    CONF_FEE,
    CONF_GRACE_DAYS,
    CONF_LAST_RENEWAL,
    CONF_PHONE_NUMBER,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    CONF_RENEWAL_URL,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    SUBENTRY_PLAN,
)
from .domain.carrier_plans import PRESET_PLANS
from .domain.carrier_preset import CarrierPreset
from .domain.carriers import CARRIER_PRESETS
from .domain.data import check_data_amount, data_allowance
from .domain.line import (
    LineSettings,
    LineState,
    default_reminder_days,
    grace_period,
    start_line,
)
from .domain.plans import Plan, plan_errors, plan_from_data
from .domain.reminders import DEFAULT_REMINDER_TIME, ReminderPlan
from .domain.rules import validity_rule
from .domain.validity import LineStart, ValidityKind, ValidityRule, days_from
from .domain.values import (
    SETTING_BOUNDS,
    LineValueError,
    amount,
    currency_code,
    normalize_phone_number,
    reminder_thresholds,
    setting,
)


def rule_from_config(data: Mapping[str, Any]) -> ValidityRule:
    """Return the line's validity rule."""
    return validity_rule(data[CONF_VALIDITY], data)


def settings_from_config(
    data: Mapping[str, Any], options: Mapping[str, Any]
) -> LineSettings:
    """Return what the user set for a line: rule, grace period and reminders."""
    rule = rule_from_config(data)
    return LineSettings(
        rule=rule,
        grace_days=grace_period(data.get(CONF_GRACE_DAYS)),
        reminders=reminder_plan_from_options(options, default_reminder_days(rule)),
    )


def line_plans(entry: ConfigEntry[Any]) -> tuple[Plan, ...]:
    """Return a line's plans, its entry's plan subentries, in the order added."""
    return tuple(
        plan_from_data(subentry.subentry_id, {**subentry.data, "name": subentry.title})
        for subentry in entry.get_subentries_of_type(SUBENTRY_PLAN)
    )


def preset_plans(data: Mapping[str, Any]) -> list[ConfigSubentryData]:
    """Return the plan subentries a new line starts with: its preset's that fit.

    A line whose rule the user changed from the preset's starts with none.
    """
    key = data.get(CONF_CARRIER) or ""
    preset = CARRIER_PRESETS.get(key)
    if preset is None or data[CONF_VALIDITY] != preset.validity:
        return []
    rule = rule_from_config(data)
    return [
        ConfigSubentryData(
            subentry_type=SUBENTRY_PLAN,
            title=plan.name,
            data={k: v for k, v in plan.values().items() if k != "name"},
            unique_id=None,
        )
        for plan in PRESET_PLANS.get(key, ())
        if not plan_errors(plan.values(), rule, ACTIVE_CURRENCIES)
    ]


def default_options(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the reminders a new line starts with: its preset's, or its rule's."""
    preset = CARRIER_PRESETS.get(data.get(CONF_CARRIER) or "")
    days = (preset and preset.reminder_days) or default_reminder_days(
        rule_from_config(data)
    )
    return {
        CONF_REMINDER_DAYS: list(days),
        CONF_REMINDER_TIME: DEFAULT_REMINDER_TIME.isoformat(),
    }


def initial_state_from_config(data: Mapping[str, Any], today: date) -> LineState:
    """Return the state a line starts with, as described in the entry."""
    return start_line(
        rule_from_config(data),
        LineStart(
            expiry_date=_date(data, CONF_EXPIRY_DATE),
            last_renewal=_date(data, CONF_LAST_RENEWAL),
            balance=data.get(CONF_BALANCE),
        ),
        data_allowance(
            total_gb=data.get(CONF_DATA_TOTAL_GB),
            remaining_gb=data.get(CONF_DATA_REMAINING_GB),
            unlimited=data.get(CONF_UNLIMITED_DATA, False),
        ),
        today,
    )


def reminder_plan_from_options(
    options: Mapping[str, Any], default_days: tuple[int, ...]
) -> ReminderPlan:
    """Return when to remind, with the line's defaults for anything not set."""
    reminder_time = options.get(CONF_REMINDER_TIME)
    check_data_amount(CONF_DATA_LOW_GB, options.get(CONF_DATA_LOW_GB))
    return ReminderPlan(
        days=reminder_thresholds(options.get(CONF_REMINDER_DAYS, default_days)),
        time_of_day=(
            time.fromisoformat(reminder_time)
            if reminder_time
            else DEFAULT_REMINDER_TIME
        ),
        data_low_gb=options.get(CONF_DATA_LOW_GB),
    )


def identity_errors(data: Mapping[str, Any]) -> dict[str, str]:
    """Return what is wrong with the line's name, number and renewal page."""
    errors: dict[str, str] = {}
    if not str(data.get(CONF_NAME, "")).strip():
        errors[CONF_NAME] = "invalid_name"
    if number := data.get(CONF_PHONE_NUMBER):
        _collect(errors, normalize_phone_number, number)
    if (url := data.get(CONF_RENEWAL_URL)) and not _is_web_url(url):
        errors[CONF_RENEWAL_URL] = "invalid_url"
    return errors


def settings_errors(data: Mapping[str, Any]) -> dict[str, str]:
    """Return every setting of a line that breaks a rule, each on its field."""
    errors = identity_errors(data)
    for field in SETTING_BOUNDS.keys() & data.keys():
        _collect(errors, setting, field, data[field])
    if CONF_FEE in data:
        _collect(errors, amount, data[CONF_FEE], CONF_FEE, positive=True)
    if data.get(CONF_CURRENCY):
        _collect(errors, currency_code, data[CONF_CURRENCY], ACTIVE_CURRENCIES)
    if not errors:
        _collect(errors, rule_from_config, data)
    return errors


def line_errors(data: Mapping[str, Any], today: date) -> dict[str, str]:
    """Return every value of a new line that breaks a rule, each on its field.

    Each value is checked on its own first, so a form shows all its wrong
    fields at once; then the line as a whole, for what only the values
    together can break (a missing date, more remaining than the allowance).
    """
    errors = settings_errors(data)
    if CONF_BALANCE in data:
        _collect(errors, amount, data[CONF_BALANCE], CONF_BALANCE)
    for field in (CONF_EXPIRY_DATE, CONF_LAST_RENEWAL):
        _collect(errors, _date, data, field)
    if (last := data.get(CONF_LAST_RENEWAL)) and str(last) > today.isoformat():
        errors.setdefault(CONF_LAST_RENEWAL, "last_renewal_in_future")
    for field in (CONF_DATA_TOTAL_GB, CONF_DATA_REMAINING_GB):
        _collect(errors, check_data_amount, field, data.get(field))
    if data.get(CONF_UNLIMITED_DATA) and (
        data.get(CONF_DATA_TOTAL_GB) is not None
        or data.get(CONF_DATA_REMAINING_GB) is not None
    ):
        errors.setdefault(CONF_UNLIMITED_DATA, "unlimited_with_allowance")
    if not errors:
        _collect(errors, initial_state_from_config, data, today)
    return errors


def start_values(state: LineState, rule: ValidityRule, today: date) -> dict[str, Any]:
    """Return a line's state as the entry describes a line when it is added.

    A wallet is as it is today: the period it is in and what is left.
    """
    terms = state.terms
    wallet = rule.wallet_on(terms, today)
    last = wallet.period_start if wallet else terms.last_renewal
    return {
        CONF_EXPIRY_DATE: terms.expiry_date.isoformat(),
        CONF_LAST_RENEWAL: None if last is None else last.isoformat(),
        CONF_BALANCE: None if wallet is None else wallet.balance,
        CONF_DATA_TOTAL_GB: state.data.total_gb,
        CONF_DATA_REMAINING_GB: state.data.remaining_gb,
        CONF_UNLIMITED_DATA: state.data.unlimited,
    }


def initial_expiry(data: Mapping[str, Any], today: date) -> date:
    """Return the last safe day a line described by the entry starts with."""
    return initial_state_from_config(data, today).expiry_date


def _collect[**P](
    errors: dict[str, str],
    check: Callable[P, object],
    *args: P.args,
    **kwargs: P.kwargs,
) -> None:
    """Run a check; note the broken rule on its field, unless one is noted."""
    try:
        check(*args, **kwargs)
    except LineValueError as err:
        errors.setdefault(err.field, err.key)


def _date(data: Mapping[str, Any], key: str) -> date | None:
    """Return an ISO date from the entry data, or None if it is not set."""
    if (value := data.get(key)) is None:
        return None
    try:
        return date.fromisoformat(value)
    except TypeError, ValueError:
        raise LineValueError(key, "invalid_date") from None


def _is_web_url(url: str) -> bool:
    """Return whether a string is an http or https address with a host.

    The device registry takes the same as a device's link.
    """
    try:
        parsed = URL(url)
    except ValueError:
        return False
    return parsed.scheme in ("http", "https") and bool(parsed.host)


def preset_line_defaults(preset: CarrierPreset | None) -> dict[str, Any]:
    """Return the name, page and validity a carrier's preset suggests."""
    if preset is None:
        return {CONF_VALIDITY: ValidityKind.ROLLING}
    return {
        CONF_NAME: preset.name,
        CONF_RENEWAL_URL: preset.renewal_url,
        CONF_VALIDITY: preset.validity,
    }


def preset_validity_defaults(
    preset: CarrierPreset | None, kind: ValidityKind, today: date
) -> dict[str, Any]:
    """Return the validity, lapse and data a carrier's preset suggests.

    A line whose last safe day is asked for starts a full period from today,
    never expiring today.
    """
    defaults: dict[str, Any] = {CONF_LAST_RENEWAL: today.isoformat()}
    if preset is None:
        return defaults
    defaults |= preset.settings()
    defaults[CONF_DATA_REMAINING_GB] = preset.data_total_gb
    if kind in (ValidityKind.FIXED, ValidityKind.STACKING) and preset.validity_days:
        defaults[CONF_EXPIRY_DATE] = days_from(today, preset.validity_days).isoformat()
    return defaults
