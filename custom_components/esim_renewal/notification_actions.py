"""Answer the buttons of the reminders' pushes, whoever sent the push.

The Companion app reports a pressed button as a ``mobile_app_notification_action``
event with the button's action id. The ids name the line and the reminder
(notifier.py), so the integration answers them itself: no automation run has
to be waiting, and a push sent before a restart still works.

A press counts only while its reminder belongs to the line's current cycle: a
renewal starts a new one, so a second press of *Mark renewed* (on another
phone, or an event delivered twice) records nothing.
"""

from datetime import datetime, timedelta
from functools import partial
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER
from .coordinator import EsimRenewalConfigEntry, EsimRenewalCoordinator
from .domain.renewals import RenewalRequest
from .domain.values import LineValueError
from .notifier import PUSH_ACTION_PREFIX, PushAction, parse_push_action_id

EVENT_NOTIFICATION_ACTION = "mobile_app_notification_action"
SNOOZE = timedelta(days=1)


@callback
def async_answer_push_actions(hass: HomeAssistant) -> None:
    """Answer the buttons of the reminders' pushes while Home Assistant runs.

    A snooze waits in memory: a restart within its day drops it, and the
    line's next reminder still comes.
    """
    snoozed: dict[str, CALLBACK_TYPE] = {}

    @callback
    def is_ours(data: dict[str, Any]) -> bool:
        """Return whether a pressed button is one of the integration's."""
        action = data.get("action")
        return isinstance(action, str) and action.startswith(PUSH_ACTION_PREFIX)

    @callback
    def answer(event: Event[dict[str, Any]]) -> None:
        """Do what a pressed button asks, if its reminder is still current."""
        parsed = parse_push_action_id(event.data["action"])
        if parsed is None:
            LOGGER.debug("Not a push button of a line: %s", event.data["action"])
            return
        action, entry_id, reminder_key = parsed
        line = _current_line(hass, entry_id, reminder_key)
        if line is None:
            return
        if action is PushAction.MARK_RENEWED:
            _mark_renewed(line)
            return
        if cancel := snoozed.pop(entry_id, None):
            cancel()
        snoozed[entry_id] = async_call_later(
            hass, SNOOZE, partial(remind_again, entry_id, reminder_key)
        )

    @callback
    def remind_again(entry_id: str, reminder_key: str, _now: datetime) -> None:
        """Send a snoozed reminder again, if the line is still in its cycle."""
        del snoozed[entry_id]
        if line := _current_line(hass, entry_id, reminder_key):
            line.async_remind_again(reminder_key)

    hass.bus.async_listen(EVENT_NOTIFICATION_ACTION, answer, event_filter=is_ours)


@callback
def _current_line(
    hass: HomeAssistant, entry_id: str, reminder_key: str
) -> EsimRenewalCoordinator | None:
    """Return the loaded line a reminder of its current cycle was sent for."""
    entry: EsimRenewalConfigEntry | None = hass.config_entries.async_get_entry(entry_id)
    if (
        entry is None
        or entry.domain != DOMAIN
        or entry.state is not ConfigEntryState.LOADED
    ):
        LOGGER.debug("A push button names no loaded line: %s", entry_id)
        return None
    line = entry.runtime_data
    if reminder_key not in line.reminder_log.sent:
        LOGGER.debug(
            "%s: a push button of an earlier cycle (%s), already answered",
            entry.title,
            reminder_key,
        )
        return None
    return line


@callback
def _mark_renewed(line: EsimRenewalCoordinator) -> None:
    """Record a renewal now, buying the plan chosen, as its button does."""
    now = dt_util.now()
    try:
        line.async_renew(
            RenewalRequest(renewed_on=now.date(), renewed_at=now), line.chosen_plan
        )
    except LineValueError as err:
        # A push has no form to show the error on: the line's page does.
        LOGGER.warning(
            "%s could not be marked renewed from a push (%s): record the renewal "
            "on its device page",
            line.config_entry.title,
            err.key,
        )
