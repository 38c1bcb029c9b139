"""Follow the entities a line is linked to: data counters, data left, uses, expiry.

Each line listens to the state changes of its sources; nothing is polled. A
source that is unknown or unavailable keeps the line as it was. A source that
is renamed is followed under its new entity id, as core's helpers follow
theirs; one that disappears raises a repair issue until it is back or unlinked.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
import math
from typing import TYPE_CHECKING, Any

from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.const import (
    ATTR_DEVICE_CLASS,
    ATTR_UNIT_OF_MEASUREMENT,
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
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import async_track_state_change_event
from homeassistant.helpers.helper_integration import async_handle_source_entity_changes
from homeassistant.helpers.start import async_at_started
from homeassistant.util import dt as dt_util
from homeassistant.util.unit_conversion import InformationConverter

from .const import (
    CONF_ACTIVITY_ENTITIES,
    CONF_DATA_REMAINING_ENTITY,
    CONF_DATA_USAGE_ENTITIES,
    CONF_EXPIRY_ENTITY,
    LOGGER,
)
from .domain.sources import last_safe_day_before
from .domain.validity import ValidityKind, ValidityRule
from .domain.values import is_stored_day
from .issues import async_sync_source_missing_issue

if TYPE_CHECKING:
    from .coordinator import EsimRenewalCoordinator

# Domains whose state is a date or a date and time.
_DATE_DOMAINS = ("date", "datetime", "input_datetime")
_DATE_DEVICE_CLASSES = (SensorDeviceClass.DATE, SensorDeviceClass.TIMESTAMP)
# The options that link one entity, and those that link several.
_ONE_SOURCE_OPTIONS = (CONF_DATA_REMAINING_ENTITY, CONF_EXPIRY_ENTITY)
_MANY_SOURCES_OPTIONS = (CONF_DATA_USAGE_ENTITIES, CONF_ACTIVITY_ENTITIES)


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

    def without(self, entity_ids: Collection[str]) -> LinkedSources:
        """Return the links, leaving some entities out."""
        return LinkedSources(
            data_remaining=_unless_in(self.data_remaining, entity_ids),
            data_usage=tuple(
                entity for entity in self.data_usage if entity not in entity_ids
            ),
            expiry=_unless_in(self.expiry, entity_ids),
            activity=tuple(
                entity for entity in self.activity if entity not in entity_ids
            ),
        )


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


def renamed_links(options: Mapping[str, Any], old: str, new: str) -> dict[str, Any]:
    """Return a line's options with a renamed source's new entity id in each role."""
    renamed = dict(options)
    for key in _ONE_SOURCE_OPTIONS:
        if renamed.get(key) == old:
            renamed[key] = new
    for key in _MANY_SOURCES_OPTIONS:
        if key in renamed:
            renamed[key] = [new if entity == old else entity for entity in renamed[key]]
    return renamed


def source_errors(
    hass: HomeAssistant, user_input: Mapping[str, Any], entry_id: str | None
) -> dict[str, str]:
    """Return the linked entities that cannot be followed, each on its field.

    A line cannot follow its own entities (``entry_id`` names the line, when
    it exists). A data source needs a unit of information; it is converted,
    never guessed.
    """
    own = _own_entity_ids(hass, entry_id)
    errors: dict[str, str] = {}
    for field in (*_ONE_SOURCE_OPTIONS, *_MANY_SOURCES_OPTIONS):
        linked = user_input.get(field) or ()
        for entity_id in [linked] if isinstance(linked, str) else linked:
            if (error := _source_error(hass, field, entity_id, own)) is not None:
                errors.setdefault(field, error)
    return errors


def _source_error(
    hass: HomeAssistant, field: str, entity_id: str, own: Collection[str]
) -> str | None:
    """Return why an entity cannot be followed in a role, or None when it can."""
    if entity_id in own:
        return "own_entity_source"
    if (
        field in (CONF_DATA_REMAINING_ENTITY, CONF_DATA_USAGE_ENTITIES)
        and _data_unit(hass, entity_id) is None
    ):
        return "data_source_unit"
    if field == CONF_EXPIRY_ENTITY and not _is_date_source(hass, entity_id):
        return "expiry_source"
    return None


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

        The line's own entities are never its sources. Return what stops the
        listening.
        """
        entry = self.line.config_entry
        self.sources = self.sources.without(_own_entity_ids(self.hass, entry.entry_id))
        entity_ids = self.sources.entity_ids
        stops = [async_at_started(self.hass, self._async_started)]
        if entity_ids:
            stops.append(
                async_track_state_change_event(
                    self.hass, entity_ids, self._async_state_changed
                )
            )
        stops.extend(
            async_handle_source_entity_changes(
                self.hass,
                helper_config_entry_id=entry.entry_id,
                set_source_entity_id_or_uuid=partial(self._async_renamed, entity_id),
                source_device_id=None,
                source_entity_id_or_uuid=entity_id,
                source_entity_removed=self._async_removed,
            )
            for entity_id in entity_ids
        )
        return stops

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
    def _async_renamed(self, old: str, new: str) -> None:
        """Follow a renamed source under its new id, keeping what the line knew."""
        self.line.async_rename_source(old, new)
        entry = self.line.config_entry
        self.hass.config_entries.async_update_entry(
            entry, options=renamed_links(entry.options, old, new)
        )
        self.hass.config_entries.async_schedule_reload(entry.entry_id)

    async def _async_removed(self) -> None:
        """Say so when a source was removed from the entity registry."""
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
        registry = er.async_get(self.hass)
        async_sync_source_missing_issue(
            self.hass,
            self.line.config_entry,
            [
                entity_id
                for entity_id in self.sources.entity_ids
                if self.hass.states.get(entity_id) is None
                and registry.async_get(entity_id) is None
            ],
        )


def _own_entity_ids(hass: HomeAssistant, entry_id: str | None) -> set[str]:
    """Return the entities of a line's config entry; none before it exists."""
    if entry_id is None:
        return set()
    return {
        entity.entity_id
        for entity in er.async_entries_for_config_entry(er.async_get(hass), entry_id)
    }


def _unless_in(entity_id: str | None, entity_ids: Collection[str]) -> str | None:
    """Return an entity id unless it is one of some entities."""
    return None if entity_id in entity_ids else entity_id


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
