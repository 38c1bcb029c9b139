"""Base entity of the eSIM Renewal integration."""

from typing import override

from homeassistant.const import CONF_NAME
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription

from .const import CONF_CARRIER, CONF_RENEWAL_URL, DOMAIN
from .coordinator import EsimRenewalCoordinator
from .domain.carriers import carrier_display_name


class EsimRenewalEntity(Entity):
    """An entity of one line's device, updated when the line changes."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(
        self, coordinator: EsimRenewalCoordinator, description: EntityDescription
    ) -> None:
        """Attach the entity to its line and the line's device."""
        self.coordinator = coordinator
        self.entity_description = description
        entry = coordinator.config_entry
        self._attr_unique_id = f"{entry.entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, entry.entry_id)},
            name=entry.data[CONF_NAME],
            manufacturer=carrier_display_name(entry.data.get(CONF_CARRIER)),
            entry_type=DeviceEntryType.SERVICE,
            configuration_url=entry.data.get(CONF_RENEWAL_URL),
        )

    @override
    async def async_added_to_hass(self) -> None:
        """Follow the line's changes while the entity exists."""
        await super().async_added_to_hass()
        self.async_on_remove(
            self.coordinator.async_add_listener(self.async_write_ha_state)
        )
