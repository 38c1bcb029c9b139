"""Follow the entities a line is linked to: data counters, data left, uses, expiry.

Each line listens to the state changes of its sources; nothing is polled. A
source that is unknown or unavailable keeps the line as it was, and one that
disappears raises a repair issue until it is back or unlinked.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
import math
from typing import TYPE_CHECKING, Any

from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.const import (
    ATTR_DEVICE_CLASS,
    ATTR_UNIT_OF_MEASUREMENT,
    CONF_NAME,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
    UnitOfInformation,
)
from homeassistant.core import (
    CALLBACK_TYPE,
    Event,
    EventStateChangedData,
    HomeAssistant,
    State,
    callback,
)
from homeassistant.helpers import entity_registry as er, issue_registry as ir
from homeassistant.helpers.event import (
    async_track_entity_registry_updated_event,
    async_track_state_change_event,
)
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import InformationConverter

from .const import (
    CONF_ACTIVITY_ENTITIES,
    CONF_DATA_REMAINING_ENTITY,
    CONF_DATA_USAGE_ENTITIES,
    CONF_EXPIRY_ENTITY,
    DOMAIN,
    LOGGER,
)
from .domain.sources import last_safe_day_before
from .domain.validity import ValidityKind, ValidityRule
from .domain.values import is_stored_day

if TYPE_CHECKING:
    from .coordinator import EsimRenewalCoordinator

# Domains whose state is a date or a date and time.
_DATE_DOMAINS = ("date", "datetime", "input_datetime")
_DATE_DEVICE_CLASSES = (SensorDeviceClass.DATE, SensorDeviceClass.TIMESTAMP)


@dataclass(frozen=True, kw_only=True)
class LinkedSources:
    """The entities a line follows, each in its role."""

    data_remaining: str | None = None
    data_usage: tuple[str, ...] = ()
    expiry: str | None = None
    activity: tuple[str, ...] = ()

    @property
    def entity_ids(self) -> list[str]:
        """Return every linked entity, once."""
        linked = [self.data_remaining, *self.data_usage, self.expiry, *self.activity]
        return list(dict.fromkeys(entity for entity in linked if entity))


def linked_sources(options: Mapping[str, Any], rule: ValidityRule) -> LinkedSources:
    """Return the sources a line's options link, in the roles its rule has.

    A wallet sets its own last safe day; only a line kept by use counts uses.
    """
    return LinkedSources(
        data_remaining=options.get(CONF_DATA_REMAINING_ENTITY),
        data_usage=tuple(options.get(CONF_DATA_USAGE_ENTITIES, ())),
        expiry=options.get(CONF_EXPIRY_ENTITY) if rule.takes_expiry_date else None,
        activity=(
            tuple(options.get(CONF_ACTIVITY_ENTITIES, ()))
            if rule.kind is ValidityKind.ACTIVITY
            else ()
        ),
    )


def source_errors(hass: HomeAssistant, user_input: Mapping[str, Any]) -> dict[str, str]:
    """Return the linked entities that cannot be followed, each on its field.

    A data source needs a unit of information; it is converted, never guessed.
    """
    errors: dict[str, str] = {}
    data_sources = [
        (CONF_DATA_REMAINING_ENTITY, user_input.get(CONF_DATA_REMAINING_ENTITY)),
        *(
            (CONF_DATA_USAGE_ENTITIES, entity)
            for entity in user_input.get(CONF_DATA_USAGE_ENTITIES, ())
        ),
    ]
    for field, entity_id in data_sources:
        if entity_id and _data_unit(hass, entity_id) is None:
            errors[field] = "data_source_unit"
    if (entity_id := user_input.get(CONF_EXPIRY_ENTITY)) and not _is_date_source(
        hass, entity_id
    ):
        errors[CONF_EXPIRY_ENTITY] = "expiry_source"
    return errors


class SourceFollower:
    """Read a line's sources as they change, and tell the line."""

    def __init__(
        self, hass: HomeAssistant, line: EsimRenewalCoordinator, sources: LinkedSources
    ) -> None:
        """Prepare to follow the sources of one line."""
        self.hass = hass
        self.line = line
        self.sources = sources

    @callback
    def async_start(self) -> list[CALLBACK_TYPE]:
        """Listen to the sources; read them once Home Assistant has started.

        Return what stops the listening.
        """
        entity_ids = self.sources.entity_ids
        if not entity_ids:
            return []
        return [
            async_track_state_change_event(
                self.hass, entity_ids, self._async_state_changed
            ),
            async_track_entity_registry_updated_event(
                self.hass, entity_ids, self._async_registry_updated
            ),
            async_at_started(self.hass, self._async_started),
        ]

    @callback
    def _async_started(self, _hass: HomeAssistant) -> None:
        """Read what the sources say now, and say which are missing."""
        for entity_id in self.sources.entity_ids:
            self._async_read(entity_id, self.hass.states.get(entity_id))
        self._async_sync_missing_issue()

    @callback
    def _async_state_changed(self, event: Event[EventStateChangedData]) -> None:
        """Read a source's new state."""
        self._async_read(event.data["entity_id"], event.data["new_state"])
        if event.data["new_state"] is None or event.data["old_state"] is None:
            self._async_sync_missing_issue()

    @callback
    def _async_registry_updated(
        self, _event: Event[er.EventEntityRegistryUpdatedData]
    ) -> None:
        """Say so when a source was removed or renamed."""
        self._async_sync_missing_issue()

    @callback
    def _async_read(self, entity_id: str, state: State | None) -> None:
        """Tell the line what a source says, in each of its roles."""
        if state is None or state.state in (STATE_UNKNOWN, STATE_UNAVAILABLE):
            return
        sources = self.sources
        line = self.line
        if entity_id in sources.data_usage and (gb := _gigabytes(state)) is not None:
            line.async_read_counter(entity_id, gb)
        if (
            entity_id == sources.data_remaining
            and (gb := _gigabytes(state)) is not None
        ):
            line.async_follow_remaining(entity_id, state.state, gb)
        if entity_id == sources.expiry and (day := _expiry_day(state)) is not None:
            line.async_follow_expiry(entity_id, state.state, day)
        if entity_id in sources.activity:
            line.async_record_use(entity_id, state.state, state.last_changed)

    @callback
    def _async_sync_missing_issue(self) -> None:
        """Raise the issue while a source has neither a state nor a registry entry."""
        entry = self.line.config_entry
        issue_id = f"source_missing_{entry.entry_id}"
        registry = er.async_get(self.hass)
        missing = [
            entity_id
            for entity_id in self.sources.entity_ids
            if self.hass.states.get(entity_id) is None
            and registry.async_get(entity_id) is None
        ]
        if not missing:
            ir.async_delete_issue(self.hass, DOMAIN, issue_id)
            return
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue_id,
            is_fixable=False,
            severity=ir.IssueSeverity.WARNING,
            translation_key="source_missing",
            translation_placeholders={
                "name": entry.data[CONF_NAME],
                "entities": ", ".join(missing),
            },
        )


def _data_unit(hass: HomeAssistant, entity_id: str) -> str | None:
    """Return a source's unit of information, from its state or its registry entry."""
    unit: str | None = None
    if (state := hass.states.get(entity_id)) is not None:
        unit = state.attributes.get(ATTR_UNIT_OF_MEASUREMENT)
    if unit is None and (entry := er.async_get(hass).async_get(entity_id)):
        unit = entry.unit_of_measurement
    return unit if unit in InformationConverter.VALID_UNITS else None


def _is_date_source(hass: HomeAssistant, entity_id: str) -> bool:
    """Return whether an entity's state is a date or a date and time."""
    if entity_id.split(".", 1)[0] in _DATE_DOMAINS:
        return True
    device_class: str | None = None
    if (state := hass.states.get(entity_id)) is not None:
        device_class = state.attributes.get(ATTR_DEVICE_CLASS)
    if device_class is None and (entry := er.async_get(hass).async_get(entity_id)):
        device_class = entry.device_class or entry.original_device_class
    return device_class in _DATE_DEVICE_CLASSES


def _gigabytes(state: State) -> float | None:
    """Return an amount of data in GB, or None when it is not one."""
    unit = state.attributes.get(ATTR_UNIT_OF_MEASUREMENT)
    try:
        value = float(state.state)
    except ValueError:
        value = math.nan
    if unit not in InformationConverter.VALID_UNITS or not (
        math.isfinite(value) and value >= 0
    ):
        LOGGER.debug(
            "%s is not an amount of data: %s %s", state.entity_id, state.state, unit
        )
        return None
    return InformationConverter.convert(value, unit, UnitOfInformation.GIGABYTES)


def _expiry_day(state: State) -> date | None:
    """Return the last safe day a date or timestamp source gives.

    A date is the last safe day; an instant is when the line stops.
    """
    if (day := dt_util.parse_date(state.state)) is not None:
        return day
    instant = dt_util.parse_datetime(state.state)
    # An instant at the ends of the calendar has no local time to convert to.
    if instant is None or not is_stored_day(instant.date()):
        LOGGER.debug("%s is not a date: %s", state.entity_id, state.state)
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt_util.get_default_time_zone())
    return last_safe_day_before(dt_util.as_local(instant))
