"""The forms of the config and options flows, and what each kind of line asks."""

from collections.abc import Mapping
from typing import Any

import probatio

from homeassistant.const import CONF_NAME
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
)
from .domain.carriers import CARRIER_PRESETS
from .domain.rules import RULES
from .domain.validity import ValidityKind

GIGABYTES = NumberSelector(
    NumberSelectorConfig(
        mode=NumberSelectorMode.BOX, step="any", unit_of_measurement="GB"
    )
)
# Ranges are checked by the domain core, which gives a translated error, rather
# than by the selector, whose error is not translated.
WHOLE_NUMBER = NumberSelector(NumberSelectorConfig(mode=NumberSelectorMode.BOX))
MONEY = NumberSelector(NumberSelectorConfig(mode=NumberSelectorMode.BOX, step="any"))
DAY = DateSelector()

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
        # Optional, so that an empty name gets its own error on the field.
        probatio.Optional(CONF_NAME): TextSelector(),
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

# The fields of a validity form that show what the line recorded rather than
# its settings. A reconfigure changes them only when the user changes them.
STATE_KEYS = (
    CONF_EXPIRY_DATE,
    CONF_LAST_RENEWAL,
    CONF_BALANCE,
    CONF_DATA_TOTAL_GB,
    CONF_DATA_REMAINING_GB,
    CONF_UNLIMITED_DATA,
)

# Every kind of line may lose its number some days after it lapses, and may
# have data.
_LAPSE_AND_DATA_FIELDS: dict[probatio.Marker, Any] = {
    probatio.Optional(CONF_GRACE_DAYS): WHOLE_NUMBER,
    probatio.Optional(CONF_DATA_TOTAL_GB): GIGABYTES,
    probatio.Optional(CONF_DATA_REMAINING_GB): GIGABYTES,
    probatio.Optional(CONF_UNLIMITED_DATA, default=False): BooleanSelector(),
}


def _validity_schema(fields: dict[probatio.Marker, Any]) -> probatio.Schema:
    """Return the form of a kind of validity: its own fields, then lapse and data."""
    return probatio.Schema({**fields, **_LAPSE_AND_DATA_FIELDS})


VALIDITY_SCHEMAS: dict[ValidityKind, probatio.Schema] = {
    ValidityKind.FIXED: _validity_schema(
        {
            probatio.Required(CONF_EXPIRY_DATE): DAY,
            probatio.Optional(CONF_VALIDITY_DAYS): WHOLE_NUMBER,
        }
    ),
    ValidityKind.ROLLING: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): DAY,
            probatio.Required(CONF_VALIDITY_DAYS): WHOLE_NUMBER,
        }
    ),
    ValidityKind.MONTHLY: _validity_schema(
        {probatio.Required(CONF_BILLING_DAY): WHOLE_NUMBER}
    ),
    ValidityKind.AFTER_PACK: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): DAY,
            probatio.Required(CONF_PACK_DAYS): WHOLE_NUMBER,
            probatio.Required(CONF_VALIDITY_DAYS): WHOLE_NUMBER,
        }
    ),
    ValidityKind.ACTIVITY: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): DAY,
            probatio.Optional(CONF_VALIDITY_DAYS): WHOLE_NUMBER,
            probatio.Optional(CONF_VALIDITY_MONTHS): WHOLE_NUMBER,
        }
    ),
    ValidityKind.STACKING: _validity_schema(
        {
            probatio.Required(CONF_EXPIRY_DATE): DAY,
            probatio.Required(CONF_VALIDITY_DAYS): WHOLE_NUMBER,
            probatio.Optional(CONF_MAX_VALIDITY_DAYS): WHOLE_NUMBER,
        }
    ),
    ValidityKind.BALANCE: _validity_schema(
        {
            probatio.Required(CONF_LAST_RENEWAL): DAY,
            probatio.Required(CONF_BALANCE): MONEY,
            probatio.Required(CONF_FEE): MONEY,
            probatio.Required(CONF_FEE_PERIOD_DAYS): WHOLE_NUMBER,
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
    probatio.Optional(CONF_DATA_LOW_GB): GIGABYTES,
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


def validity_schema(kind: ValidityKind, *, reconfigure: bool) -> probatio.Schema:
    """Return the form of a kind of validity; a reconfigure adds the line's sources.

    A reconfigure asks for no date or balance: the line keeps what it
    recorded unless one is changed.
    """
    schema = VALIDITY_SCHEMAS[kind]
    if not reconfigure:
        return schema
    return probatio.Schema(
        {
            (
                probatio.Optional(str(marker))
                if marker in STATE_KEYS and marker != CONF_UNLIMITED_DATA
                else marker
            ): selector
            for marker, selector in schema.schema.items()
        }
        | source_fields(kind, data=True)
    )


def options_schema(kind: ValidityKind, data: Mapping[str, Any]) -> probatio.Schema:
    """Return the options form of a line: reminders, and the sources that fit it."""
    return probatio.Schema(
        REMINDER_FIELDS | source_fields(kind, data=not data.get(CONF_UNLIMITED_DATA))
    )
