"""The eSIM Renewal integration: keep prepaid and eSIM lines renewed on time."""

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from .blueprint_installer import async_install_blueprints
from .card import async_register_card
from .clock import RENEWAL_CLOCK, RenewalClock
from .const import CONF_CURRENCY, CONF_GRACE_DAYS, DOMAIN
from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.values import LineValueError
from .identity import async_identity_key, line_unique_id
from .issues import async_delete_line_issues
from .notification_actions import async_answer_push_actions
from .services import async_setup_services
from .store import EsimRenewalStore
from .texts import async_load_english
from .websocket_api import async_setup_websocket_api

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)
PLATFORMS = [
    Platform.BINARY_SENSOR,
    Platform.BUTTON,
    Platform.CALENDAR,
    Platform.DATE,
    Platform.EVENT,
    Platform.NUMBER,
    Platform.SELECT,
    Platform.SENSOR,
]


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Set up what every line shares: clock, actions, blueprints, texts, pushes, card."""
    hass.data[RENEWAL_CLOCK] = RenewalClock(hass)
    async_setup_services(hass)
    async_setup_websocket_api(hass)
    await async_install_blueprints(hass)
    await async_load_english(hass)
    async_answer_push_actions(hass)
    await async_register_card(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: EsimRenewalConfigEntry) -> bool:
    """Set up one line from its config entry."""
    try:
        line = EsimRenewalCoordinator(hass, entry)
        await line.async_load()
    except LineValueError as err:
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="invalid_line",
            translation_placeholders={"field": err.field},
        ) from err
    entry.runtime_data = line
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    line.async_start_reminding()
    line.async_follow_sources()
    return True


async def async_migrate_entry(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> bool:
    """Bring a line's entry written by an earlier release up to date.

    1.2 adds the grace period before the number is lost, unknown for lines of
    1.1, and the line's currency, which was Home Assistant's. Dates stay as
    they were. 1.3 keys the unique id, a digest of the phone number, with this
    installation's secret.
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
    if entry.version == 1 and entry.minor_version < 3:
        hass.config_entries.async_update_entry(
            entry,
            unique_id=line_unique_id(await async_identity_key(hass), entry.data),
            minor_version=3,
        )
    return True


async def async_unload_entry(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> bool:
    """Unload a line's entities; the entry then shuts the line down, once.

    The line, a DataUpdateCoordinator, registered its shutdown on the entry,
    which runs it after this returns: it stops listening, then writes what waits.
    """
    return await hass.config_entries.async_unload_platforms(entry, PLATFORMS)


async def async_remove_entry(
    hass: HomeAssistant, entry: EsimRenewalConfigEntry
) -> None:
    """Delete the stored state and every issue of a removed line."""
    await EsimRenewalStore(hass, entry.entry_id).async_remove()
    async_delete_line_issues(hass, entry.entry_id)
