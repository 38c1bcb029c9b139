"""The form that records a renewal in the UI, for the repair fix and the entry."""

from collections.abc import Sequence
from datetime import date
from typing import Any

import probatio

from homeassistant.helpers.selector import (
    DateSelector,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TextSelector,
)
from homeassistant.util import dt as dt_util

from .const import (
    ATTR_AMOUNT,
    ATTR_COST,
    ATTR_CURRENCY,
    ATTR_DATA_TOTAL_GB,
    ATTR_EXPIRY_DATE,
    ATTR_PACK_DAYS,
    ATTR_PLAN,
    ATTR_RENEWED_ON,
    ATTR_VALIDITY_DAYS,
)
from .coordinator import EsimRenewalCoordinator
from .domain.data import DataAllowance
from .domain.plans import Plan
from .domain.renewals import RenewalRequest
from .domain.validity import ValidityRule
from .domain.values import LineValueError
from .flow_schemas import GIGABYTES, MONEY, WHOLE_NUMBER


def renewal_schema(
    rule: ValidityRule, data: DataAllowance, plans: Sequence[Plan] = ()
) -> probatio.Schema:
    """Return the form of a renewal: the day, the plan, what the rule takes, cost and data.

    The plan fills what is left empty; what the form gives itself wins.
    """
    fields: dict[probatio.Marker, Any] = {
        probatio.Required(ATTR_RENEWED_ON): DateSelector()
    }
    if plans:
        fields[probatio.Optional(ATTR_PLAN)] = SelectSelector(
            SelectSelectorConfig(
                options=[plan.name for plan in plans],
                mode=SelectSelectorMode.DROPDOWN,
            )
        )
    if ATTR_VALIDITY_DAYS in rule.purchase_fields:
        fields[probatio.Optional(ATTR_VALIDITY_DAYS)] = WHOLE_NUMBER
    if ATTR_PACK_DAYS in rule.purchase_fields:
        fields[probatio.Optional(ATTR_PACK_DAYS)] = WHOLE_NUMBER
    if ATTR_AMOUNT in rule.purchase_fields:
        fields[probatio.Optional(ATTR_AMOUNT)] = MONEY
    if rule.takes_expiry_date:
        fields[probatio.Optional(ATTR_EXPIRY_DATE)] = DateSelector()
    if data.tracked:
        fields[probatio.Optional(ATTR_DATA_TOTAL_GB)] = GIGABYTES
    fields[probatio.Optional(ATTR_COST)] = MONEY
    fields[probatio.Optional(ATTR_CURRENCY)] = TextSelector()
    return probatio.Schema(fields)


def suggested_renewal(line: EsimRenewalCoordinator) -> dict[str, Any]:
    """Return what the renewal form starts with: today, and the plan chosen."""
    suggested: dict[str, Any] = {ATTR_RENEWED_ON: dt_util.now().date().isoformat()}
    if (plan := line.chosen_plan) is not None:
        suggested[ATTR_PLAN] = plan.name
    return suggested


def _renewal_request(user_input: dict[str, Any]) -> RenewalRequest:
    """Return the renewal a filled-in form describes."""
    expiry_date = user_input.get(ATTR_EXPIRY_DATE)
    return RenewalRequest(
        renewed_on=date.fromisoformat(user_input[ATTR_RENEWED_ON]),
        expiry_date=date.fromisoformat(expiry_date) if expiry_date else None,
        validity_days=user_input.get(ATTR_VALIDITY_DAYS),
        pack_days=user_input.get(ATTR_PACK_DAYS),
        amount=user_input.get(ATTR_AMOUNT),
        data_total_gb=user_input.get(ATTR_DATA_TOTAL_GB),
        cost=user_input.get(ATTR_COST),
        currency=user_input.get(ATTR_CURRENCY) or None,
    )


def record_renewal(
    line: EsimRenewalCoordinator, user_input: dict[str, Any], schema: probatio.Schema
) -> dict[str, str]:
    """Record the renewal a filled-in form describes; return the form's errors.

    None when it was recorded. Every field's own error shows at once, each on
    its field; only when each is right is the renewal checked with the line as
    a whole. An error the form has no field for is the form's.
    """
    request = _renewal_request(user_input)
    on_form = {str(marker) for marker in schema.schema}
    errors: dict[str, str] = {}
    for err in line.renewal_errors(request):
        errors.setdefault(_error_field(err, on_form), err.key)
    if errors:
        return errors
    try:
        plan = None
        if name := user_input.get(ATTR_PLAN):
            plan = line.plan_named(name)
        line.async_renew(request, plan)
    except LineValueError as err:
        return {_error_field(err, on_form): err.key}
    return {}


def _error_field(err: LineValueError, on_form: set[str]) -> str:
    """Return where a form shows an error: on its field, or on the whole form."""
    return err.field if err.field in on_form else "base"
