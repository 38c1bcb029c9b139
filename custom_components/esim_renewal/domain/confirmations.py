"""Whether the carrier has confirmed a renewal: its linked sources caught up.

A line linked to a *data left* or *last safe day* entity learns from it what
the carrier says. A renewal that raised the line's own data left or last safe
day should, soon after, raise the source's too; until it does, the carrier has
not confirmed the renewal. The line waits a day before it says so.
"""

from dataclasses import replace
from datetime import date, datetime

from .line import Confirmation, LineState


def await_confirmation(
    before: LineState,
    after: LineState,
    now: datetime,
    *,
    follows_data_left: bool,
    follows_expiry: bool,
) -> LineState:
    """Return the state after a renewal, waiting for the sources it should raise.

    A renewal raises the data left where it refilled the allowance, and the
    last safe day where it moved it. A renewal recorded while an earlier one
    still waits keeps waiting for the earlier one's values.
    """
    if before.awaiting is not None:
        return replace(after, awaiting=before.awaiting)
    data_left = before.data.remaining_gb
    raises_data = (
        follows_data_left
        and after.data.remaining_gb is not None
        and (data_left is None or after.data.remaining_gb > data_left)
    )
    raises_expiry = follows_expiry and after.expiry_date > before.expiry_date
    if not (raises_data or raises_expiry):
        return after
    return replace(
        after,
        awaiting=Confirmation(
            since=now,
            data_left_gb=(data_left or 0.0) if raises_data else None,
            expiry_date=before.expiry_date if raises_expiry else None,
        ),
    )


def data_left_seen(state: LineState, remaining_gb: float) -> LineState:
    """Return the state after the data-left source said how much is left."""
    awaiting = state.awaiting
    if awaiting is None or awaiting.data_left_gb is None:
        return state
    if remaining_gb <= awaiting.data_left_gb:
        return state
    return _settled(state, replace(awaiting, data_left_gb=None))


def expiry_seen(state: LineState, expiry_date: date) -> LineState:
    """Return the state after the last-safe-day source gave a day."""
    awaiting = state.awaiting
    if awaiting is None or awaiting.expiry_date is None:
        return state
    if expiry_date <= awaiting.expiry_date:
        return state
    return _settled(state, replace(awaiting, expiry_date=None))


def unconfirmed_since(state: LineState, now: datetime) -> datetime | None:
    """Return when the renewal the carrier has not confirmed for a day was recorded."""
    awaiting = state.awaiting
    if awaiting is None or now < awaiting.due_at:
        return None
    return awaiting.since


def _settled(state: LineState, awaiting: Confirmation) -> LineState:
    """Return the state waiting for what is left; nothing once all caught up."""
    if awaiting.data_left_gb is None and awaiting.expiry_date is None:
        return replace(state, awaiting=None)
    return replace(state, awaiting=awaiting)
