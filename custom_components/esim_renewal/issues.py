"""The repair issues of a line: each raised from the line's state, gone with its cause.

Every issue of a line has the id ``f"{kind}_{entry_id}"`` and names the line,
so the issues of a removed line can all be found. A kind of issue is one small
function that says, from what the line knows, whether the issue is open and
what it says, and hands that to ``async_sync_issue``.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .domain.lapse import LineStatus
from .domain.snapshot import LineSnapshot

# The kinds of issue a line raises; each is the start of its issues' ids.
EXPIRED: Final = "expired"
NEWER_STORE: Final = "newer_store"
UPDATE_FAILED: Final = "update_failed"
SOURCE_MISSING: Final = "source_missing"
DROPPED_RECORDS: Final = "dropped_records"
RENEWAL_UNCONFIRMED: Final = "renewal_unconfirmed"

ATTR_ENTRY_ID: Final = "entry_id"
ATTR_KIND: Final = "kind"


@dataclass(frozen=True, kw_only=True)
class LineIssue:
    """What an open issue of a line says; the line's name is added to it."""

    translation_key: str
    placeholders: Mapping[str, str] = field(default_factory=dict)
    severity: ir.IssueSeverity = ir.IssueSeverity.WARNING
    fixable: bool = False
    persistent: bool = False
    """Kept over a restart, for a cause the line cannot see again once started."""


def line_issue_id(kind: str, entry_id: str) -> str:
    """Return the id of a line's issue of one kind."""
    return f"{kind}_{entry_id}"


@callback
def async_sync_issue(
    hass: HomeAssistant, entry: ConfigEntry[Any], kind: str, issue: LineIssue | None
) -> None:
    """Raise or update a line's issue of one kind, or delete it when None.

    Raising an issue that says the same again changes nothing, so the line
    syncs its issues after every change.
    """
    issue_id = line_issue_id(kind, entry.entry_id)
    if issue is None:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        data={ATTR_ENTRY_ID: entry.entry_id, ATTR_KIND: kind},
        is_fixable=issue.fixable,
        is_persistent=issue.persistent,
        severity=issue.severity,
        translation_key=issue.translation_key,
        translation_placeholders={"name": entry.data[CONF_NAME], **issue.placeholders},
    )


@callback
def async_delete_line_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Delete every issue of a line, whichever part of the line raised it."""
    for domain, issue_id in list(ir.async_get(hass).issues):
        if domain == DOMAIN and entry_id in issue_id:
            ir.async_delete_issue(hass, DOMAIN, issue_id)


@callback
def async_sync_expired_issue(
    hass: HomeAssistant, entry: ConfigEntry[Any], snapshot: LineSnapshot
) -> None:
    """Raise the issue while the line has lapsed, naming when the number goes."""
    async_sync_issue(hass, entry, EXPIRED, _expired_issue(snapshot))


def _expired_issue(snapshot: LineSnapshot) -> LineIssue | None:
    """Return what the issue of a lapsed line says, or None while it works."""
    if snapshot.status not in (LineStatus.EXPIRED, LineStatus.LOST):
        return None
    if snapshot.number_lost_at is None:
        translation_key = "line_expired"
    elif snapshot.status is LineStatus.LOST:
        translation_key = "number_lost"
    else:
        translation_key = "line_suspended"
    return LineIssue(
        translation_key=translation_key,
        placeholders=lapse_placeholders(snapshot),
        severity=(
            ir.IssueSeverity.ERROR
            if snapshot.status is LineStatus.LOST
            else ir.IssueSeverity.WARNING
        ),
        fixable=True,
    )


def lapse_placeholders(snapshot: LineSnapshot) -> dict[str, str]:
    """Return the days of a line's lapse: its last safe day, and when the number goes."""
    placeholders = {"expiry_date": snapshot.expiry_date.isoformat()}
    if snapshot.number_lost_at is not None:
        # The number is lost at the start of a day: the day before is the
        # last one a renewal saves it on.
        lost_on = dt_util.as_local(snapshot.number_lost_at).date()
        placeholders["number_kept_until"] = (lost_on - timedelta(days=1)).isoformat()
    return placeholders


@callback
def async_report_newer_store(
    hass: HomeAssistant, entry: ConfigEntry[Any], set_aside: str
) -> None:
    """Say that a newer release's file of the line was kept aside, and where.

    Only the load that moved the file knows of it, so the issue is kept over
    restarts. It goes when the user confirms they dealt with the file (went
    back to the newer release, or deleted or kept it on purpose): whether a
    file they may want to keep still exists says nothing about that.
    """
    async_sync_issue(
        hass,
        entry,
        NEWER_STORE,
        LineIssue(
            translation_key="newer_store",
            placeholders={"path": set_aside},
            fixable=True,
            persistent=True,
        ),
    )


@callback
def async_sync_update_failed_issue(
    hass: HomeAssistant, entry: ConfigEntry[Any], *, failed: bool
) -> None:
    """Raise the issue while the line's last update failed, delete it once one works."""
    async_sync_issue(
        hass,
        entry,
        UPDATE_FAILED,
        LineIssue(translation_key="update_failed", severity=ir.IssueSeverity.ERROR)
        if failed
        else None,
    )


@callback
def async_sync_source_missing_issue(
    hass: HomeAssistant, entry: ConfigEntry[Any], missing: Sequence[str]
) -> None:
    """Raise the issue while linked entities are gone, naming them."""
    async_sync_issue(
        hass,
        entry,
        SOURCE_MISSING,
        LineIssue(
            translation_key=SOURCE_MISSING,
            placeholders={"entities": ", ".join(missing)},
        )
        if missing
        else None,
    )


@callback
def async_report_dropped_records(
    hass: HomeAssistant, entry: ConfigEntry[Any], dropped: int
) -> None:
    """Say that records of the line's stored state could not be read, and went.

    Only the load that dropped them knows, so the issue stays until the user
    dismisses it or the line is removed.
    """
    async_sync_issue(
        hass,
        entry,
        DROPPED_RECORDS,
        LineIssue(
            translation_key=DROPPED_RECORDS,
            placeholders={"count": str(dropped)},
            persistent=True,
        ),
    )


@callback
def async_sync_unconfirmed_issue(
    hass: HomeAssistant, entry: ConfigEntry[Any], since: datetime | None
) -> None:
    """Raise the issue while a renewal a day old is not in the linked sources.

    ``since`` is when the renewal was recorded; None while the sources caught
    up, or the day is not over yet.
    """
    async_sync_issue(
        hass,
        entry,
        RENEWAL_UNCONFIRMED,
        None
        if since is None
        else LineIssue(
            translation_key=RENEWAL_UNCONFIRMED,
            placeholders={
                "renewed_at": dt_util.as_local(since).strftime("%Y-%m-%d %H:%M")
            },
        ),
    )
