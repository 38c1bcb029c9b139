"""Blueprints shipped with the integration, installed where Home Assistant finds them."""

from pathlib import Path
import shutil

from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

BLUEPRINTS = Path(__file__).parent / "blueprints"
AUTOMATION_BLUEPRINTS = ("renewal_notification.yaml",)


async def async_install_blueprints(hass: HomeAssistant) -> None:
    """Copy the automation blueprints into the configuration, where missing.

    A copy that is already there is the user's, possibly edited, so it stays.
    """
    target = Path(hass.config.path("blueprints", "automation", DOMAIN))
    try:
        installed = await hass.async_add_executor_job(_install, target)
    except OSError as err:
        LOGGER.warning("Could not install the blueprints into %s: %s", target, err)
        return
    for name in installed:
        LOGGER.info("Installed the blueprint %s", target / name)


def _install(target: Path) -> list[str]:
    """Copy each missing blueprint; return the names copied."""
    installed = []
    for name in AUTOMATION_BLUEPRINTS:
        destination = target / name
        if destination.exists():
            continue
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(BLUEPRINTS / name, destination)
        installed.append(name)
    return installed
