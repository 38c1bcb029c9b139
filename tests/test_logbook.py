"""Tests of the logbook's lines, in Home Assistant's language."""

from collections.abc import Callable

from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from homeassistant.core import Event, HomeAssistant

from custom_components.esim_renewal import logbook
from custom_components.esim_renewal.const import (
    DOMAIN,
    EVENT_RENEWAL_UNDONE,
    EVENT_RENEWED,
)

type Describers = dict[str, Callable[[Event], dict[str, str]]]


def describers_of(hass: HomeAssistant) -> Describers:
    """Return the logbook's describers of the integration's events."""
    describers: Describers = {}
    logbook.async_describe_events(
        hass, lambda _domain, event, describe: describers.__setitem__(event, describe)
    )
    return describers


async def renew_and_undo(
    hass: HomeAssistant, entry: MockConfigEntry
) -> tuple[Event, Event]:
    """Renew the line for 330 and undo it; return both events."""
    renewed = async_capture_events(hass, EVENT_RENEWED)
    undone = async_capture_events(hass, EVENT_RENEWAL_UNDONE)
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {"config_entry_id": entry.entry_id, "cost": 330, "currency": "JPY"},
        blocking=True,
    )
    await hass.services.async_call(
        DOMAIN, "undo_renewal", {"config_entry_id": entry.entry_id}, blocking=True
    )
    return renewed[0], undone[0]


async def test_lines_follow_the_language(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """In English, then in Japanese once Home Assistant's language is Japanese."""
    describers = describers_of(hass)
    renewed, undone = await renew_and_undo(hass, init_integration)
    assert describers[EVENT_RENEWED](renewed)["message"] == (
        "was renewed on 26 November 2026 for 330 JPY; safe through 24 May 2027"
    )

    await hass.config.async_update(language="ja")
    await hass.async_block_till_done()
    assert describers[EVENT_RENEWED](renewed) == {
        "name": "povo backup",
        "message": "を2026年11月26日に 330 JPY で更新しました。2027年5月24日まで安全です",
        "icon": "mdi:calendar-check",
    }
    assert describers[EVENT_RENEWAL_UNDONE](undone)["message"] == (
        "の2026年11月26日の更新を取り消しました"
    )


async def test_lines_are_described_in_the_logbook_thread(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The logbook describes in a worker thread: the texts are only read there."""
    await hass.config.async_update(language="zh-Hans")
    await hass.async_block_till_done()
    describers = describers_of(hass)
    renewed, undone = await renew_and_undo(hass, init_integration)
    described = await hass.async_add_executor_job(describers[EVENT_RENEWED], renewed)
    assert described["message"] == (
        "已于2026年11月26日续费 330 JPY，安全至2027年5月24日"
    )
    described = await hass.async_add_executor_job(
        describers[EVENT_RENEWAL_UNDONE], undone
    )
    assert described["message"] == "已撤销2026年11月26日的续费"


async def test_english_stands_in_until_a_language_is_loaded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A language whose texts are not loaded yet reads English, not an error."""
    describers = describers_of(hass)
    renewed, _ = await renew_and_undo(hass, init_integration)
    hass.config.language = "fr"
    assert describers[EVENT_RENEWED](renewed)["message"] == (
        "was renewed on 26 November 2026 for 330 JPY; safe through 24 May 2027"
    )
