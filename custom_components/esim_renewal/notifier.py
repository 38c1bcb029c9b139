"""Tell automations and the logbook of a line's reminders and renewals.

Reminders go out as one bus event that device triggers, the event entity and
the blueprint hear; renewals and their undo as events the logbook shows. A
reminder carries its words in Home Assistant's language and the buttons of a
push, whose action ids name the line and the reminder, so the integration
answers them itself (notification_actions.py).
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import (
    CONF_RENEWAL_URL,
    DOMAIN,
    EVENT_REMINDER,
    EVENT_RENEWAL_UNDONE,
    EVENT_RENEWED,
    LOGGER,
)
from .domain.lapse import Lapse
from .domain.line import Renewal
from .domain.reminders import Reminder, ReminderKind, days_left
from .texts import Words, words

# The Companion app's action that opens a web page.
_OPEN_PAGE = "URI"


PUSH_ACTION_PREFIX = "ESIM_RENEWAL_"


class PushAction(StrEnum):
    """What a button of a reminder's push asks the integration to do."""

    MARK_RENEWED = f"{PUSH_ACTION_PREFIX}MARK_RENEWED"
    SNOOZE = f"{PUSH_ACTION_PREFIX}SNOOZE"


def push_action_id(action: PushAction, entry_id: str, reminder_key: str) -> str:
    """Return the id of a push button: what it does, for which line and reminder."""
    return f"{action}:{entry_id}:{reminder_key}"


def parse_push_action_id(action_id: str) -> tuple[PushAction, str, str] | None:
    """Return what a push button's id asks, of which line and reminder, if ours."""
    action, _, rest = action_id.partition(":")
    entry_id, _, reminder_key = rest.partition(":")
    if action not in PushAction or not (entry_id and reminder_key):
        return None
    return PushAction(action), entry_id, reminder_key


class LineNotifier:
    """Tell automations and the logbook of one line's reminders and renewals."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Remember the line whose reminders this sends."""
        self._hass = hass
        self._entry = entry

    @callback
    def _line(self) -> dict[str, Any]:
        """Return what every event says of the line."""
        entry = self._entry
        device = dr.async_get(self._hass).async_get_device_by_identifier(
            (DOMAIN, entry.entry_id), entry.entry_id
        )
        return {
            "config_entry_id": entry.entry_id,
            "device_id": device.id if device else None,
            "name": entry.data[CONF_NAME],
        }

    @callback
    def async_message(
        self,
        reminder: Reminder,
        lapse: Lapse,
        now: datetime,
        *,
        data_left_gb: float | None = None,
        data_low_gb: float | None = None,
    ) -> dict[str, Any]:
        """Return what a reminder says, as the line stands when it falls due.

        Data low tells the data left and the user's mark.
        """
        lost_on = lapse.number_lost_on
        left = days_left(reminder.kind, lapse, now.date())
        texts = words(self._hass)
        return {
            **self._line(),
            "kind": reminder.kind.value,
            "days_left": left,
            "threshold": reminder.threshold,
            "expiry_date": lapse.expiry_date.isoformat(),
            "number_lost_date": None if lost_on is None else lost_on.isoformat(),
            "renewal_url": self._entry.data.get(CONF_RENEWAL_URL),
            **self._words(
                texts,
                reminder.kind,
                lapse,
                {
                    "days_left": left,
                    "remaining": _gigabytes(data_left_gb),
                    "mark": _gigabytes(data_low_gb),
                },
            ),
            "actions": self._push_actions(texts, reminder),
        }

    def _words(
        self,
        texts: Words,
        kind: ReminderKind,
        lapse: Lapse,
        placeholders: dict[str, Any],
    ) -> dict[str, str]:
        """Return a reminder's title and message in Home Assistant's language."""
        name = self._entry.data[CONF_NAME]
        last_day = lapse.last_recoverable_day
        message = f"reminder_{kind}_message"
        if kind is ReminderKind.EXPIRED and last_day is not None:
            message = "reminder_expired_grace_message"
        return {
            "title": texts.text(f"reminder_{kind}_title", name=name),
            "message": texts.text(
                message,
                **placeholders,
                expiry_date=texts.date(lapse.expiry_date),
                last_day=None if last_day is None else texts.date(last_day),
            ),
        }

    def _push_actions(self, texts: Words, reminder: Reminder) -> list[dict[str, str]]:
        """Return the buttons of the reminder's push, ready for the Companion app."""
        entry_id = self._entry.entry_id
        actions = []
        if url := self._entry.data.get(CONF_RENEWAL_URL):
            actions.append(
                {"action": _OPEN_PAGE, "title": texts.text("action_renew"), "uri": url}
            )
        actions.extend(
            {
                "action": push_action_id(action, entry_id, reminder.key),
                "title": texts.text(title),
            }
            for action, title in (
                (PushAction.MARK_RENEWED, "action_mark_renewed"),
                (PushAction.SNOOZE, "action_snooze"),
            )
        )
        return actions

    @callback
    def async_send(self, message: dict[str, Any]) -> None:
        """Fire the reminder on the bus."""
        threshold = message["threshold"]
        LOGGER.debug(
            "Reminding about %s: %s",
            self._entry.title,
            message["kind"] if threshold is None else f"{message['kind']}:{threshold}",
        )
        self._hass.bus.async_fire(EVENT_REMINDER, message)

    @callback
    def async_renewed(self, renewal: Renewal) -> None:
        """Tell the logbook of a renewal."""
        self._hass.bus.async_fire(EVENT_RENEWED, self._renewal(renewal))

    @callback
    def async_renewal_undone(self, renewal: Renewal) -> None:
        """Tell the logbook that a renewal was undone."""
        self._hass.bus.async_fire(EVENT_RENEWAL_UNDONE, self._renewal(renewal))

    @callback
    def _renewal(self, renewal: Renewal) -> dict[str, Any]:
        """Return what the logbook says of a renewal."""
        return {
            **self._line(),
            "renewed_on": renewal.renewed_on.isoformat(),
            "expiry_date": renewal.expiry_date.isoformat(),
            "cost": renewal.cost,
            "currency": renewal.currency,
        }


def _gigabytes(amount: float | None) -> str | None:
    """Return an amount of data as a message shows it: 1.8, 0.25, 10."""
    return None if amount is None else f"{round(amount, 2):g}"
