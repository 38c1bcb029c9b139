"""Tests of the push notification blueprint, with Home Assistant's machinery."""

import asyncio
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_mock_service,
)

from homeassistant.components import automation
from homeassistant.components.automation.helpers import async_get_blueprints
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component

from .conftest import POVO_PACK_LINE, line_device_id
from custom_components.esim_renewal.blueprint_installer import BLUEPRINTS
from custom_components.esim_renewal.const import CONF_REMINDER_DAYS

BLUEPRINT = "esim_renewal/renewal_notification.yaml"


@pytest.fixture
def line_options() -> dict[str, Any]:
    """Remind 7 days before expiry."""
    return {CONF_REMINDER_DAYS: [7]}


@pytest.fixture
def phone(hass: HomeAssistant) -> str:
    """Return the device of a phone with the Companion app."""
    app = MockConfigEntry(domain="mobile_app", title="Pixel 9")
    app.add_to_hass(hass)
    return (
        dr.async_get(hass)
        .async_get_or_create(
            config_entry_id=app.entry_id,
            identifiers={("mobile_app", "pixel-9")},
            name="Pixel 9",
        )
        .id
    )


@pytest.fixture
def notify_calls(hass: HomeAssistant) -> list[ServiceCall]:
    """Capture the pushes sent to the phone."""
    return async_mock_service(hass, "notify", "mobile_app_pixel_9")


async def set_up_automation(hass: HomeAssistant, phone: str, lines: list[str]) -> None:
    """Create an automation from the installed blueprint."""
    assert await async_setup_component(
        hass,
        automation.DOMAIN,
        {
            automation.DOMAIN: {
                "id": "esim_push",
                "alias": "eSIM push",
                "use_blueprint": {
                    "path": BLUEPRINT,
                    "input": {"lines": lines, "notify_devices": [phone]},
                },
            }
        },
    )
    await hass.async_block_till_done()
    assert hass.states.get("automation.esim_push").state == "on"


async def settle(hass: HomeAssistant) -> None:
    """Let the automation run up to its next wait.

    A run waiting for an answer is a pending task, so block_till_done would
    wait for it; a few turns of the event loop are enough instead.
    """
    for _ in range(20):
        await asyncio.sleep(0)


async def at(hass: HomeAssistant, freezer: FrozenDateTimeFactory, when: str) -> None:
    """Move the clock, fire the timers that are due, and let the run go on."""
    freezer.move_to(when)
    async_fire_time_changed(hass)
    await settle(hass)


async def remind(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Move to the povo line's 7-day reminder."""
    await at(hass, freezer, "2026-11-28T09:00:00+09:00")


async def test_blueprint_is_installed_and_valid(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Setup installs the blueprint, which Home Assistant accepts."""
    installed = Path(hass.config.path("blueprints", "automation", BLUEPRINT))
    shipped = BLUEPRINTS / "renewal_notification.yaml"
    assert await hass.async_add_executor_job(installed.read_text) == (
        await hass.async_add_executor_job(shipped.read_text)
    )
    blueprint = await async_get_blueprints(hass).async_get_blueprint(BLUEPRINT)
    assert blueprint.domain == "automation"
    assert set(blueprint.inputs) == {
        "lines",
        "notify_devices",
        "kinds",
        "renew_title",
        "renewed_title",
        "snooze_title",
    }


async def test_an_edited_copy_is_kept(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A blueprint already in the configuration is never overwritten."""
    installed = Path(hass.config.path("blueprints", "automation", BLUEPRINT))

    def edit() -> None:
        installed.parent.mkdir(parents=True)
        installed.write_text("# mine\n")

    await hass.async_add_executor_job(edit)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    assert await hass.async_add_executor_job(installed.read_text) == "# mine\n"


async def test_reminder_sends_a_push_with_actions(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """The reminder becomes a push with the days left and three buttons."""
    await set_up_automation(hass, phone, [line_device_id(hass, init_integration)])
    await remind(hass, freezer)

    assert len(notify_calls) == 1
    push = notify_calls[0].data
    assert push["title"] == "povo backup"
    assert push["message"] == "7 days left: it works through 2026-12-05."
    assert push["data"]["tag"] == f"esim_renewal_{init_integration.entry_id}"
    renew, renewed, snooze = push["data"]["actions"]
    assert renew == {"action": "URI", "title": "Renew now", "uri": "https://povo.jp/"}
    assert renewed["title"] == "Mark renewed"
    assert renewed["action"].startswith("ESIM_RENEWED_")
    assert snooze["title"] == "Remind me tomorrow"
    assert snooze["action"].startswith("ESIM_SNOOZE_")


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
@pytest.mark.parametrize(
    "when_and_message",
    [
        (
            "2027-05-22T09:00:00+09:00",
            (
                "7 days left to keep the number: it is lost on 2027-05-30 unless"
                " you renew."
            ),
        ),
        (
            "2027-04-30T09:00:00+09:00",
            (
                "It lapsed after 2027-04-29. Renew it before 2027-05-30 to keep"
                " the number."
            ),
        ),
        (
            "2027-05-30T09:00:00+09:00",
            (
                "The number was due to go on 2027-05-30. If you renewed in time,"
                " mark it renewed."
            ),
        ),
    ],
    ids=["grace_ending", "expired", "lost"],
)
@pytest.mark.usefixtures("init_integration")
async def test_push_says_when_the_number_goes(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    phone: str,
    notify_calls: list[ServiceCall],
    when_and_message: tuple[str, str],
) -> None:
    """Past the last safe day, the push names the day the number is lost."""
    when, message = when_and_message
    await set_up_automation(hass, phone, [])
    await at(hass, freezer, when)
    assert notify_calls[-1].data["message"] == message


async def test_mark_renewed_renews_the_line_and_clears_the_push(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """Answering 'Mark renewed' records the renewal and clears the notification."""
    await set_up_automation(hass, phone, [])
    await remind(hass, freezer)
    renewed = notify_calls[0].data["data"]["actions"][1]["action"]

    hass.bus.async_fire("mobile_app_notification_action", {"action": renewed})
    await hass.async_block_till_done()
    assert hass.states.get("sensor.povo_backup_days_until_expiry").state == "179"
    assert notify_calls[-1].data == {
        "message": "clear_notification",
        "data": {"tag": f"esim_renewal_{init_integration.entry_id}"},
    }


async def test_renewal_elsewhere_clears_the_push(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """Renewing from a dashboard also clears the notification."""
    await set_up_automation(hass, phone, [])
    await remind(hass, freezer)
    await hass.services.async_call(
        "button",
        "press",
        {"entity_id": "button.povo_backup_mark_renewed"},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert len(notify_calls) == 2
    assert notify_calls[-1].data["message"] == "clear_notification"


async def test_snooze_reminds_again_tomorrow(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """'Remind me tomorrow' sends the same push a day later, with the same tag."""
    await set_up_automation(hass, phone, [])
    await remind(hass, freezer)
    snooze = notify_calls[0].data["data"]["actions"][2]["action"]
    hass.bus.async_fire("mobile_app_notification_action", {"action": snooze})
    await settle(hass)
    await at(hass, freezer, "2026-11-29T08:59:00+09:00")
    assert len(notify_calls) == 1

    await at(hass, freezer, "2026-11-29T09:00:01+09:00")
    assert len(notify_calls) == 2
    assert notify_calls[1].data == notify_calls[0].data

    # Renewed while snoozed again: the push is cleared, the run ends.
    hass.bus.async_fire("mobile_app_notification_action", {"action": snooze})
    await settle(hass)
    await hass.services.async_call(
        "esim_renewal", "renew", {"config_entry_id": init_integration.entry_id}
    )
    await hass.async_block_till_done()
    assert notify_calls[-1].data["message"] == "clear_notification"


async def test_other_lines_are_left_alone(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """An automation for another line sends nothing for this one."""
    await set_up_automation(hass, phone, ["another-line-device"])
    await remind(hass, freezer)
    await hass.async_block_till_done()
    assert notify_calls == []


async def test_a_blueprint_folder_that_cannot_be_written(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A configuration where the blueprint cannot go still sets up the lines."""
    blocker = Path(hass.config.path("blueprints"))
    await hass.async_add_executor_job(blocker.write_text, "not a folder")
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    assert "Could not install the blueprints" in caplog.text
