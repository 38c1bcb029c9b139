"""Blueprints shipped with the integration, installed once where Home Assistant finds them."""

from pathlib import Path
import shutil
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store

from .const import DOMAIN, LOGGER

BLUEPRINTS = Path(__file__).parent / "blueprints"
AUTOMATION_BLUEPRINTS = ("renewal_notification.yaml",)
# Which blueprints were installed, so that one the user deleted stays deleted.
INSTALLED_STORE_KEY = f"{DOMAIN}.blueprints"
INSTALLED_STORE_VERSION = 1


async def async_install_blueprints(hass: HomeAssistant) -> None:
    """Copy each automation blueprint into the configuration, once.

    A copy that is already there is the user's, possibly edited, so it stays;
    one that was installed before and is gone was deleted by the user, so it
    is not installed again.
    """
    store: Store[dict[str, Any]] = Store(
        hass, INSTALLED_STORE_VERSION, INSTALLED_STORE_KEY
    )
    installed: set[str] = set((await store.async_load() or {}).get("installed", []))
    wanted = [name for name in AUTOMATION_BLUEPRINTS if name not in installed]
    if not wanted:
        return
    target = Path(hass.config.path("blueprints", "automation", DOMAIN))
    try:
        copied = await hass.async_add_executor_job(_install, target, wanted)
    except OSError as err:
        LOGGER.warning("Could not install the blueprints into %s: %s", target, err)
        return
    for name in copied:
        LOGGER.info("Installed the blueprint %s", target / name)
    await store.async_save({"installed": sorted(installed | set(wanted))})


def _install(target: Path, names: list[str]) -> list[str]:
    """Copy each blueprint that is missing; return the names copied."""
    copied = []
    for name in names:
        destination = target / name
        if destination.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(BLUEPRINTS / name, destination)
        copied.append(name)
    return copied
