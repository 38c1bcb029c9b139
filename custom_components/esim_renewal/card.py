"""Serve the dashboard card from the integration: no resource to add by hand.

The card is one ES module, built from `frontend/` at the repository's root and
shipped in this package. Home Assistant serves it, and its web UI loads it on
every page, the way integrations with a frontend of their own do. Its URL
carries a digest of the file, so a browser that cached one release fetches
the next.
"""

import hashlib
from pathlib import Path
from typing import Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN

CARD_FILE: Final = Path(__file__).parent / "frontend" / "esim-renewal-card.js"
CARD_URL: Final = f"/{DOMAIN}/esim-renewal-card.js"


def _card_version() -> str:
    """Return a short digest of the built card, which changes with every build."""
    return hashlib.sha256(CARD_FILE.read_bytes()).hexdigest()[:12]


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and load it in the web UI, when Home Assistant has one.

    Without the frontend (a Home Assistant without a web UI, most tests) there
    is nothing to load the card into.
    """
    if "frontend" not in hass.config.components:
        return
    version = await hass.async_add_executor_job(_card_version)
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, f"{CARD_URL}?v={version}")
