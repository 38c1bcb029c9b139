"""Turn a config entry's data and options into the domain core's objects.

The config flow validates through these functions and setup builds the line with
them, so a line that passed the flow always sets up.
"""

from collections.abc import Mapping
from datetime import date, time
import hashlib
from typing import Any
from urllib.parse import urlsplit

from homeassistant.const import CONF_NAME

from .const import (
    CONF_BALANCE,
    CONF_BILLING_DAY,
    CONF_DATA_LOW_GB,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_EXPIRY_DATE,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_GRACE_DAYS,
    CONF_LAST_RENEWAL,
    CONF_PACK_DAYS,
    CONF_PHONE_NUMBER,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    CONF_RENEWAL_URL,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    CONF_VALIDITY_MONTHS,
)
from .domain.data import check_data_amount, data_allowance
from .domain.line import LineSettings, LineState, grace_period, start_line
from .domain.reminders import DEFAULT_REMINDER_DAYS, DEFAULT_REMINDER_TIME, ReminderPlan
from .domain.rules import validity_rule
from .domain.validity import LineStart, ValidityRule
from .domain.values import LineValueError, normalize_phone_number, reminder_thresholds

# The entry data that decides a line's run-time state. When a reconfigure changes
# any of these, the stored state is rebuilt from the entry.
STATE_SEED_KEYS = (
    CONF_VALIDITY,
    CONF_EXPIRY_DATE,
    CONF_LAST_RENEWAL,
    CONF_VALIDITY_DAYS,
    CONF_VALIDITY_MONTHS,
    CONF_BILLING_DAY,
    CONF_PACK_DAYS,
    CONF_BALANCE,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_DATA_TOTAL_GB,
    CONF_DATA_REMAINING_GB,
    CONF_UNLIMITED_DATA,
)


def rule_from_config(data: Mapping[str, Any]) -> ValidityRule:
    """Return the line's validity rule."""
    return validity_rule(data[CONF_VALIDITY], data)


def settings_from_config(
    data: Mapping[str, Any], options: Mapping[str, Any]
) -> LineSettings:
    """Return what the user set for a line: rule, grace period and reminders."""
    return LineSettings(
        rule=rule_from_config(data),
        grace_days=grace_period(data.get(CONF_GRACE_DAYS)),
        reminders=reminder_plan_from_options(options),
    )


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


def state_seed(data: Mapping[str, Any]) -> dict[str, Any]:
    """Return the part of the entry data that seeds the run-time state."""
    return {key: data[key] for key in STATE_SEED_KEYS if key in data}


def reminder_plan_from_options(options: Mapping[str, Any]) -> ReminderPlan:
    """Return when to remind, with the defaults for anything not set."""
    reminder_time = options.get(CONF_REMINDER_TIME)
    check_data_amount(CONF_DATA_LOW_GB, options.get(CONF_DATA_LOW_GB))
    return ReminderPlan(
        days=reminder_thresholds(
            options.get(CONF_REMINDER_DAYS, DEFAULT_REMINDER_DAYS)
        ),
        time_of_day=(
            time.fromisoformat(reminder_time)
            if reminder_time
            else DEFAULT_REMINDER_TIME
        ),
        data_low_gb=options.get(CONF_DATA_LOW_GB),
    )


def validate_identity(data: Mapping[str, Any]) -> None:
    """Raise LineValueError if the line's name, number or renewal page is wrong."""
    if not str(data.get(CONF_NAME, "")).strip():
        raise LineValueError(CONF_NAME, "invalid_name")
    if number := data.get(CONF_PHONE_NUMBER):
        normalize_phone_number(number)
    if (url := data.get(CONF_RENEWAL_URL)) and not _is_web_url(url):
        raise LineValueError(CONF_RENEWAL_URL, "invalid_url")


def validate_line(data: Mapping[str, Any], today: date) -> None:
    """Raise LineValueError for the first value of a line that breaks a rule."""
    validate_identity(data)
    grace_period(data.get(CONF_GRACE_DAYS))
    initial_state_from_config(data, today)


def line_unique_id(data: Mapping[str, Any]) -> str | None:
    """Return the entry's unique id: a digest of its phone number, if it has one.

    A digest keeps the number itself out of the places unique ids travel to.
    """
    if not (number := data.get(CONF_PHONE_NUMBER)):
        return None
    normalized = normalize_phone_number(number)
    return hashlib.sha256(normalized.encode()).hexdigest()[:32]


def _date(data: Mapping[str, Any], key: str) -> date | None:
    """Return an ISO date from the entry data, or None if it is not set."""
    if (value := data.get(key)) is None:
        return None
    try:
        return date.fromisoformat(value)
    except TypeError, ValueError:
        raise LineValueError(key, "invalid_date") from None


def _is_web_url(url: str) -> bool:
    """Return whether a string is an http or https address."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)
