"""Base entity of the eSIM Renewal integration."""

from collections.abc import Iterable
from typing import Any, override

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import CONF_CARRIER, CONF_RENEWAL_URL, DOMAIN
from .coordinator import EsimRenewalCoordinator
from .domain.carriers import carrier_display_name


class EsimRenewalEntity(CoordinatorEntity[EsimRenewalCoordinator]):
    """An entity of one line's device, written only when what it shows changed.

    At each local midnight most of a line's entities show what they showed the
    day before; only the day count moves. Comparing what each would show
    saves the state machine a write, and the recorder a row, for the rest.
    """

    _attr_has_entity_name = True
    _shown: tuple[Any, ...] | None = None

    def __init__(
        self, line: EsimRenewalCoordinator, description: EntityDescription
    ) -> None:
        """Attach the entity to its line and the line's device."""
        super().__init__(line)
        self.entity_description = description
        entry = line.config_entry
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.data[CONF_NAME],
            manufacturer=carrier_display_name(entry.data.get(CONF_CARRIER)),
            entry_type=DeviceEntryType.SERVICE,
            # An empty page is no page.
            configuration_url=entry.data.get(CONF_RENEWAL_URL) or None,
        )

    @override
    async def async_added_to_hass(self) -> None:
        """Remember what the entity shows when it is first written."""
        await super().async_added_to_hass()
        self._shown = self._what_is_shown()

    @callback
    @override
    def _handle_coordinator_update(self) -> None:
        """Write the state when the line's change changes what this shows."""
        shown = self._what_is_shown()
        if shown != self._shown:
            self._shown = shown
            self.async_write_ha_state()

    def _what_is_shown(self) -> tuple[Any, ...]:
        """Return what a state write of this entity would say."""
        return (
            self.available,
            self.state,
            self.capability_attributes,
            self.state_attributes,
            self.extra_state_attributes,
        )


@callback
def async_remove_absent(
    hass: HomeAssistant, domain: str, entry: ConfigEntry, keys: Iterable[str]
) -> None:
    """Remove the registry entries of a line's entities it no longer has.

    A line's data entities come and go with its allowance; one left in the
    registry would show as unavailable, which says nothing true of the line.
    """
    registry = er.async_get(hass)
    for key in keys:
        if entity_id := registry.async_get_entity_id(
            domain, DOMAIN, f"{entry.entry_id}_{key}"
        ):
            registry.async_remove(entity_id)
