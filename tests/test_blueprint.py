"""Tests of the push notification blueprint, with Home Assistant's machinery."""

import asyncio
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
    async_mock_service,
)

from homeassistant.components import automation
from homeassistant.components.automation.helpers import async_get_blueprints
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component

from .conftest import POVO_PACK_LINE, TRAVEL_LINE, line_device_id
from custom_components.esim_renewal.blueprint_installer import BLUEPRINTS
from custom_components.esim_renewal.const import (
    CONF_DATA_LOW_GB,
    CONF_REMINDER_DAYS,
    DOMAIN,
    EVENT_RENEWED,
)

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


async def set_up_automation(
    hass: HomeAssistant, phone: str, lines: list[str], **inputs: str
) -> None:
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
                    "input": {"lines": lines, "notify_devices": [phone], **inputs},
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


ENTRY_ID = "01JLINEENTRY0000000000000"
RENEWED = f"ESIM_RENEWAL_MARK_RENEWED:{ENTRY_ID}:expiring:7"
SNOOZE = f"ESIM_RENEWAL_SNOOZE:{ENTRY_ID}:expiring:7"
DAYS = "sensor.povo_backup_days_until_expiry"


async def press(hass: HomeAssistant, action: str) -> None:
    """Press a push button, as the Companion app reports it."""
    hass.bus.async_fire("mobile_app_notification_action", {"action": action})
    await hass.async_block_till_done()


async def test_reminder_sends_a_push_with_actions(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """The reminder becomes a push with its own words and three buttons."""
    await set_up_automation(hass, phone, [line_device_id(hass, init_integration)])
    await remind(hass, freezer)

    assert len(notify_calls) == 1
    push = notify_calls[0].data
    assert push["title"] == "povo backup expires soon"
    assert push["message"] == (
        "Renew it by 5 December 2026, its last safe day (days left: 7)."
    )
    assert push["data"] == {
        "tag": f"esim_renewal_{ENTRY_ID}",
        "actions": [
            {"action": "URI", "title": "Renew now", "uri": "https://povo.jp/"},
            {"action": RENEWED, "title": "Mark renewed"},
            {"action": SNOOZE, "title": "Remind me tomorrow"},
        ],
    }


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
@pytest.mark.parametrize(
    "when_and_push",
    [
        (
            "2027-05-22T09:00:00+09:00",
            (
                "povo 2.0 loses its number soon",
                "Renew it by 29 May 2027 to keep the number (days left: 7).",
            ),
        ),
        (
            "2027-04-30T09:00:00+09:00",
            (
                "povo 2.0 has lapsed",
                (
                    "Its last safe day was 29 April 2027. Renew it by 29 May 2027 to"
                    " keep the number."
                ),
            ),
        ),
        (
            "2027-05-30T09:00:00+09:00",
            (
                "povo 2.0 has lost its number",
                (
                    "The last day to keep the number was 29 May 2027. If you renewed"
                    " by then, mark it renewed."
                ),
            ),
        ),
    ],
    ids=["grace_ending", "expired", "lost"],
)
@pytest.mark.usefixtures("init_integration")
async def test_push_says_the_last_day_that_saves_the_number(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    phone: str,
    notify_calls: list[ServiceCall],
    when_and_push: tuple[str, tuple[str, str]],
) -> None:
    """Past the last safe day, the push names the last day to renew by."""
    when, push = when_and_push
    await set_up_automation(hass, phone, [])
    await at(hass, freezer, when)
    assert (notify_calls[-1].data["title"], notify_calls[-1].data["message"]) == push


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.parametrize("line_options", [{CONF_DATA_LOW_GB: 2}])
@pytest.mark.usefixtures("init_integration")
async def test_data_low_says_how_much_is_left(
    hass: HomeAssistant, phone: str, notify_calls: list[ServiceCall]
) -> None:
    """A data-low push gives the data left and the user's mark."""
    await set_up_automation(hass, phone, [])
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": ENTRY_ID, "data_remaining_gb": 1.75},
        blocking=True,
    )
    await settle(hass)
    push = notify_calls[-1].data
    assert push["title"] == "Travel eSIM is low on data"
    assert push["message"] == "1.75 GB left, below your mark of 2 GB."
    # A travel eSIM has no renewal page: two buttons.
    assert [button["title"] for button in push["data"]["actions"]] == [
        "Mark renewed",
        "Remind me tomorrow",
    ]


@pytest.mark.usefixtures("init_integration")
async def test_push_in_home_assistants_language(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """The words and the buttons follow Home Assistant's language."""
    await hass.config.async_update(language="ja")
    await hass.async_block_till_done()
    await set_up_automation(hass, phone, [])
    await remind(hass, freezer)
    push = notify_calls[0].data
    assert push["title"] == "povo backup の有効期限が近づいています"
    assert push["message"] == (
        "最終安全日の2026年12月5日までに更新してください（残り 7 日）。"
    )
    assert [button["title"] for button in push["data"]["actions"]] == [
        "今すぐ更新",
        "更新済みにする",
        "明日もう一度通知",
    ]


async def test_button_titles_typed_in_the_automation_win(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """A button title given as an input replaces the integration's own."""
    await set_up_automation(hass, phone, [], renew_title="Top up", snooze_title="Later")
    await remind(hass, freezer)
    assert notify_calls[0].data["data"]["actions"] == [
        {"action": "URI", "title": "Top up", "uri": "https://povo.jp/"},
        {"action": RENEWED, "title": "Mark renewed"},
        {"action": SNOOZE, "title": "Later"},
    ]


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
    await press(hass, notify_calls[0].data["data"]["actions"][1]["action"])
    assert hass.states.get(DAYS).state == "179"
    assert notify_calls[-1].data == {
        "message": "clear_notification",
        "data": {"tag": f"esim_renewal_{ENTRY_ID}"},
    }


async def test_a_press_is_recorded_once(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A second press, on another phone or delivered twice, records nothing."""
    renewals = async_capture_events(hass, EVENT_RENEWED)
    await remind(hass, freezer)
    await press(hass, RENEWED)
    await press(hass, RENEWED)
    assert len(renewals) == 1
    assert len(init_integration.runtime_data.state.renewals) == 1


async def test_buttons_work_after_a_restart(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A push sent before a reload or restart still works: the line answers it.

    No automation waits for the press; the line's reminder log, which a
    restart keeps, says which reminder is current.
    """
    await remind(hass, freezer)
    assert await hass.config_entries.async_reload(ENTRY_ID)
    await hass.async_block_till_done()
    await press(hass, RENEWED)
    assert hass.states.get(DAYS).state == "179"


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
    # The old push's button is of the last cycle now.
    await press(hass, RENEWED)
    assert hass.states.get(DAYS).state == "179"


async def test_snooze_reminds_again_tomorrow(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """'Remind me tomorrow' sends the reminder again a day later, as it is then."""
    await set_up_automation(hass, phone, [])
    await remind(hass, freezer)
    await press(hass, SNOOZE)
    await at(hass, freezer, "2026-11-29T08:59:00+09:00")
    assert len(notify_calls) == 1

    await at(hass, freezer, "2026-11-29T09:00:01+09:00")
    assert len(notify_calls) == 2
    again = notify_calls[1].data
    assert again["message"] == (
        "Renew it by 5 December 2026, its last safe day (days left: 6)."
    )
    assert again["data"] == notify_calls[0].data["data"]

    # Snoozed again, then renewed: nothing comes back.
    await press(hass, SNOOZE)
    await hass.services.async_call(
        DOMAIN, "renew", {"config_entry_id": ENTRY_ID}, blocking=True
    )
    await at(hass, freezer, "2026-11-30T09:00:01+09:00")
    assert notify_calls[-1].data["message"] == "clear_notification"


async def test_a_later_snooze_replaces_the_earlier(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """Two snoozes of one line give one reminder, a day after the last."""
    reminders = async_capture_events(hass, "esim_renewal_reminder")
    await remind(hass, freezer)
    await press(hass, SNOOZE)
    await at(hass, freezer, "2026-11-28T12:00:00+09:00")
    await press(hass, SNOOZE)
    await at(hass, freezer, "2026-11-29T09:00:01+09:00")
    assert len(reminders) == 1
    await at(hass, freezer, "2026-11-29T12:00:01+09:00")
    assert len(reminders) == 2


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.parametrize("line_options", [{CONF_DATA_LOW_GB: 2}])
@pytest.mark.usefixtures("init_integration")
async def test_a_snoozed_data_low_that_is_over(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Data low is not sent again once the data is no longer low."""
    reminders = async_capture_events(hass, "esim_renewal_reminder")
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": ENTRY_ID, "data_remaining_gb": 1.5},
        blocking=True,
    )
    await settle(hass)
    await press(hass, f"ESIM_RENEWAL_SNOOZE:{ENTRY_ID}:data_low")
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": ENTRY_ID, "data_total_gb": 13.5},
        blocking=True,
    )
    await at(hass, freezer, "2026-11-27T10:00:01+09:00")
    assert [reminder.data["kind"] for reminder in reminders] == ["data_low"]


@pytest.mark.parametrize(
    "action",
    [
        f"ESIM_RENEWAL_MARK_RENEWED:{ENTRY_ID}",
        f"ESIM_RENEWAL_LATER:{ENTRY_ID}:expiring:7",
        "ESIM_RENEWAL_MARK_RENEWED:01JSOMEOTHERENTRY000000000:expiring:7",
        f"ESIM_RENEWAL_MARK_RENEWED:{ENTRY_ID}:expiring:30",
        "SOMEONE_ELSES_ACTION",
    ],
    ids=["no_reminder", "unknown_action", "unknown_line", "not_sent", "not_ours"],
)
async def test_buttons_that_are_not_current_do_nothing(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    action: str,
) -> None:
    """Only a button of the line's current reminders does something."""
    await remind(hass, freezer)
    await press(hass, action)
    assert hass.states.get(DAYS).state == "7"


async def test_a_button_of_an_unloaded_line(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A line that is not loaded records nothing; its state waits in the store."""
    await remind(hass, freezer)
    assert await hass.config_entries.async_unload(ENTRY_ID)
    await press(hass, RENEWED)
    assert await hass.config_entries.async_setup(ENTRY_ID)
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).state == "7"


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
@pytest.mark.parametrize("line_options", [{CONF_DATA_LOW_GB: 2}])
@pytest.mark.usefixtures("init_integration")
async def test_mark_renewed_on_a_line_without_a_usual_renewal(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """A line that needs a date to renew says so in the log, and stays as it was."""
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": ENTRY_ID, "data_remaining_gb": 1.5},
        blocking=True,
    )
    await settle(hass)
    await press(hass, f"ESIM_RENEWAL_MARK_RENEWED:{ENTRY_ID}:data_low")
    assert "Travel eSIM could not be marked renewed from a push" in caplog.text
    assert hass.states.get("sensor.travel_esim_days_until_expiry").state == "24"


async def test_runs_do_not_pile_up(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """Every run ends once its push is sent: none waits, none is dropped.

    A day of reminders from many lines, more than the old limit of 25 runs,
    all reach the phone, and no run is left behind.
    """
    await set_up_automation(hass, phone, [])
    for number in range(30):
        hass.bus.async_fire(
            "esim_renewal_reminder",
            {
                "config_entry_id": f"line-{number}",
                "device_id": f"device-{number}",
                "kind": "expiring",
                "title": f"Line {number}",
                "message": "Renew it.",
                "actions": [],
            },
        )
    await hass.async_block_till_done()
    assert len(notify_calls) == 30
    assert hass.states.get("automation.esim_push").attributes["current"] == 0


async def test_other_lines_are_left_alone(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    phone: str,
    notify_calls: list[ServiceCall],
) -> None:
    """An automation for another line sends and clears nothing for this one."""
    await set_up_automation(hass, phone, ["another-line-device"])
    await remind(hass, freezer)
    await press(hass, RENEWED)
    assert hass.states.get(DAYS).state == "179"
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


async def test_a_reminder_not_sent_is_not_sent_again(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Only a reminder the line sent in its current cycle is ever sent again."""
    reminders = async_capture_events(hass, "esim_renewal_reminder")
    init_integration.runtime_data.async_remind_again("expiring:7")
    await hass.async_block_till_done()
    assert reminders == []
