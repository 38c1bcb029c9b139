"""Fixtures of the domain core's tests: plain values, no Home Assistant."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

TOKYO = ZoneInfo("Asia/Tokyo")
# The ISO 4217 codes the tests use; Home Assistant passes in all of them.
CURRENCIES = frozenset({"EUR", "GBP", "HKD", "JPY", "USD"})
NEW_YORK = ZoneInfo("America/New_York")
SANTIAGO = ZoneInfo("America/Santiago")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """Start no Home Assistant: the domain core needs none."""


@pytest.fixture(autouse=True)
def tokyo_time() -> None:
    """Freeze nothing: the domain core takes "now" as an argument."""


def tokyo(text: str) -> datetime:
    """Return a Tokyo time from its ISO form without the offset."""
    return datetime.fromisoformat(text).replace(tzinfo=TOKYO)
