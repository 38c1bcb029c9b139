"""The eSIM Renewal integration: keep prepaid and eSIM lines renewed on time."""

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import config_validation as cv, issue_registry as ir
from homeassistant.helpers.typing import ConfigType

from .blueprint_installer import async_install_blueprints
from .card import async_register_card
from .clock import RENEWAL_CLOCK, RenewalClock
from .const import CONF_CURRENCY, CONF_GRACE_DAYS, DOMAIN
from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.values import LineValueError
from .repairs import expired_issue_id
from .services import async_setup_services
from .store import EsimRenewalStore
from .websocket_api import async_setup_websocket_api

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)
PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CALENDAR,
    Platform.DATE,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SENSOR,
]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up the clock every line shares, the actions, the blueprints and the card."""
    hass.data[RENEWAL_CLOCK] = RenewalClock(hass)
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    await async_install_blueprints(hass)
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: EsimRenewalConfigEntry) -> bool:
    """Set up one line from its config entry."""
    try:
        coordinator = EsimRenewalCoordinator(hass, entry)
        await coordinator.async_load()
    except LineValueError as err:
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="invalid_line",
            translation_placeholders={"field": err.field},
        ) from err
    entry.runtime_data = coordinator
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    coordinator.async_start_reminding()
    coordinator.async_follow_sources()
    return True


async def async_migrate_entry(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> bool:
    """Bring a line's entry written by an earlier release up to date.

    1.2 adds the grace period before the number is lost, unknown for lines of
    1.1, and the line's currency, which was Home Assistant's. Dates stay as
    they were.
    """
    if entry.version == 1 and entry.minor_version < 2:
        hass.config_entries.async_update_entry(
            entry,
            data={
                CONF_GRACE_DAYS: None,
                CONF_CURRENCY: hass.config.currency,
                **entry.data,
            },
            minor_version=2,
        )
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> bool:
    """Unload a line: its entities first, then the line, which writes what waits."""
    if unloaded := await hass.config_entries.async_unload_platforms(entry, PLATFORMS):
        await entry.runtime_data.async_shutdown()
    return unloaded


async def async_remove_entry(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> None:
    """Delete the stored state and the open issue of a removed line."""
    await EsimRenewalStore(hass, entry.entry_id).async_remove()
    ir.async_delete_issue(hass, DOMAIN, expired_issue_id(entry.entry_id))
