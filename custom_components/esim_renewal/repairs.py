"""Repairs: a line that has lapsed, fixed by recording its renewal."""

from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .const import ATTR_RENEWED_ON, DOMAIN
from .domain.lapse import LineStatus
from .domain.snapshot import LineSnapshot
from .renewal_form import record_renewal, renewal_schema


@callback
def async_report_newer_store(
    hass: HomeAssistant, entry: ConfigEntry, set_aside: str
) -> None:
    """Say that a newer release's file of the line was kept aside, and why."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"newer_store_{entry.entry_id}",
        is_fixable=False,
        is_persistent=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key="newer_store",
        translation_placeholders={"name": entry.data[CONF_NAME], "path": set_aside},
    )


@callback
def async_report_dropped_records(
    hass: HomeAssistant, entry: ConfigEntry, dropped: int
) -> None:
    """Say that records of the line's stored state could not be read, and went."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        f"dropped_records_{entry.entry_id}",
        is_fixable=False,
        is_persistent=True,
        severity=ir.IssueSeverity.WARNING,
        translation_key="dropped_records",
        translation_placeholders={"name": entry.data[CONF_NAME], "count": str(dropped)},
    )


def expired_issue_id(entry_id: str) -> str:
    """Return the id of a line's lapsed issue."""
    return f"expired_{entry_id}"


@callback
def async_sync_expired_issue(
    hass: HomeAssistant, entry: ConfigEntry, snapshot: LineSnapshot
) -> None:
    """Raise the issue while the line has lapsed, naming when the number goes."""
    issue_id = expired_issue_id(entry.entry_id)
    if snapshot.status not in (LineStatus.EXPIRED, LineStatus.LOST):
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    if snapshot.number_lost_at is None:
        translation_key = "line_expired"
    elif snapshot.status is LineStatus.LOST:
        translation_key = "number_lost"
    else:
        translation_key = "line_suspended"
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        data={"entry_id": entry.entry_id},
        is_fixable=True,
        is_persistent=False,
        severity=(
            ir.IssueSeverity.ERROR
            if snapshot.status is LineStatus.LOST
            else ir.IssueSeverity.WARNING
        ),
        translation_key=translation_key,
        translation_placeholders=_issue_placeholders(entry, snapshot),
    )


def _issue_placeholders(entry: ConfigEntry, snapshot: LineSnapshot) -> dict[str, str]:
    """Return what the issue and its fix say: the line, its days of lapse and loss."""
    placeholders = {
        "name": entry.data[CONF_NAME],
        "expiry_date": snapshot.expiry_date.isoformat(),
    }
    if snapshot.number_lost_at is not None:
        placeholders["number_lost_date"] = (
            dt_util.as_local(snapshot.number_lost_at).date().isoformat()
        )
    return placeholders


class RenewLapsedLineFlow(RepairsFlow):
    """Ask when and how the line was renewed, then record it."""

    def __init__(self, entry_id: str) -> None:
        """Remember which line the issue is about."""
        self._entry_id = entry_id

    async def async_step_init(
        self, user_input: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Start with the renewal form."""
        return await self.async_step_renew()

    async def async_step_renew(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Record the renewal the user describes."""
        entry = self.hass.config_entries.async_get_entry(self._entry_id)
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            return self.async_abort(reason="line_not_loaded")
        line = entry.runtime_data
        schema = renewal_schema(line.settings.rule, line.state.data)
        errors: dict[str, str] = {}
        if user_input is not None:
            errors = record_renewal(line, user_input, schema)
            if not errors:
                return self.async_create_entry(data={})
        return self.async_show_form(
            step_id="renew",
            data_schema=self.add_suggested_values_to_schema(
                schema,
                user_input or {ATTR_RENEWED_ON: dt_util.now().date().isoformat()},
            ),
            errors=errors,
            description_placeholders=_issue_placeholders(entry, line.data),
        )


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, Any] | None
) -> RepairsFlow:
    """Return the flow that fixes a lapsed line."""
    if not data or "entry_id" not in data:
        raise ValueError(f"Issue {issue_id} does not name its line")
    return RenewLapsedLineFlow(data["entry_id"])
