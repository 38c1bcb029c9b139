"""A line's identity: a keyed digest of its phone number.

Phone numbers are few enough to try them all, so a plain digest could be
reversed. The digest is keyed with a secret made once per installation and kept
in Home Assistant's private storage; without it, a unique id says nothing of
the number.
"""

from collections.abc import Mapping
import hashlib
import hmac
import secrets
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.storage import Store
from homeassistant.util.hass_dict import HassKey

from .const import CONF_PHONE_NUMBER, DOMAIN
from .domain.values import normalize_phone_number

IDENTITY_KEY: HassKey[bytes] = HassKey(f"{DOMAIN}_identity_key")
_STORAGE_KEY = f"{DOMAIN}.identity"


async def async_identity_key(hass: HomeAssistant) -> bytes:
    """Return this installation's identity key, making it the first time."""
    if (key := hass.data.get(IDENTITY_KEY)) is not None:
        return key
    store: Store[dict[str, str]] = Store(hass, 1, _STORAGE_KEY, private=True)
    stored = await store.async_load()
    if stored is None or not isinstance(stored.get("key"), str):
        stored = {"key": secrets.token_hex(32)}
        await store.async_save(stored)
    key = hass.data[IDENTITY_KEY] = bytes.fromhex(stored["key"])
    return key


def line_unique_id(key: bytes, data: Mapping[str, Any]) -> str | None:
    """Return the entry's unique id: its phone number's keyed digest, if it has one."""
    if not (number := data.get(CONF_PHONE_NUMBER)):
        return None
    normalized = normalize_phone_number(number)
    return hmac.new(key, normalized.encode(), hashlib.sha256).hexdigest()[:32]
