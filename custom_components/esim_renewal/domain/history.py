"""What a line keeps of its past: yearly spending, uses, and steps to undo.

A renewal the user records is a purchase: it joins the history, and its cost
the year's total. A use that keeps the line is not: it restarts the window and
is counted apart, so no number of uses pushes a paid renewal out. Each change
the user records pushes an undo step; what linked sources say since (counter
baselines, values seen, data left, uses, a last safe day) stays when it is
undone.
"""

from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from .line import MAX_RENEWALS, UNDO_DEPTH, Change, LineState, Renewal, UndoStep, Uses
from .reminders import ReminderLog
from .validity import Purchase, Terms, ValidityRule
from .values import LineValueError
from .wallet import money

type Spending = Mapping[int, Mapping[str, float]]


def spend(spending: Spending, renewal: Renewal, *, sign: int = 1) -> Spending:
    """Return the yearly totals with a renewal's cost added (or, by -1, taken off).

    A total is never below 0, and a total of 0 is left out.
    """
    if renewal.cost is None or renewal.currency is None:
        return spending
    year = renewal.renewed_on.year
    totals = {each: dict(by_currency) for each, by_currency in spending.items()}
    in_year = totals.setdefault(year, {})
    total = money(max(0.0, in_year.get(renewal.currency, 0) + sign * renewal.cost))
    if total:
        in_year[renewal.currency] = total
    else:
        in_year.pop(renewal.currency, None)
    if not in_year:
        del totals[year]
    return totals


def spending_in_year(spending: Spending, year: int) -> dict[str, float]:
    """Return what the renewals of a calendar year cost, by currency."""
    return dict(spending.get(year, {}))


def record_use(state: LineState, rule: ValidityRule, used_at: datetime) -> LineState:
    """Return the state after a use that keeps the line, as a linked source saw it.

    A use counts once a day. Like a renewal it restarts the rule's window from
    its day and never moves the last safe day earlier; unlike one it costs
    nothing, joins no history and is never undone.
    """
    last = state.uses.last_at
    if last is not None and used_at.date() <= last.date():
        return state
    return replace(
        state,
        terms=use_terms(state.terms, rule, used_at),
        uses=Uses(last_at=used_at, count=state.uses.count + 1),
    )


def use_terms(terms: Terms, rule: ValidityRule, used_at: datetime) -> Terms:
    """Return the terms after a use: a new window, unless one started that day."""
    day = used_at.date()
    if terms.last_renewal is not None and day <= terms.last_renewal:
        return terms
    purchase = Purchase(renewed_on=day)
    bought = rule.bought(terms, purchase)
    return replace(
        bought,
        expiry_date=max(rule.renewal_expiry(bought, purchase), terms.expiry_date),
    )


def remember(
    before: LineState, after: LineState, change: Change, reminders: ReminderLog
) -> LineState:
    """Return the state after a change the user recorded, with its undo step.

    ``reminders`` is the reminder log before the change. A reading or a day
    that changes nothing leaves no step; the oldest step goes past
    ``UNDO_DEPTH``.
    """
    if change is not Change.RENEWAL and (before.terms, before.data) == (
        after.terms,
        after.data,
    ):
        return after
    renewal = dropped = None
    if change is Change.RENEWAL:
        renewal = after.renewals[-1]
        if len(before.renewals) == MAX_RENEWALS:
            dropped = before.renewals[0]
    step = UndoStep(
        change=change,
        terms=before.terms,
        data=before.data,
        terms_after=after.terms,
        data_after=after.data,
        renewal=renewal,
        dropped=dropped,
        reminders=reminders,
    )
    return replace(after, undo=(*after.undo, step)[-UNDO_DEPTH:])


def undo_last(state: LineState, rule: ValidityRule) -> tuple[LineState, UndoStep]:
    """Return the line without the last change the user recorded, and its step.

    The terms and data go back to what they were before it, unless a linked
    source changed them since: its data left stands, a use since still
    counts, and a last safe day it gave stands. Counters and values seen are
    never taken back.
    """
    if not state.undo:
        raise LineValueError("undo", "nothing_to_undo")
    step = state.undo[-1]
    renewals, spending = state.renewals, state.spending
    if step.renewal is not None:
        renewals = _without(renewals, step.renewal, step.dropped)
        spending = spend(spending, step.renewal, sign=-1)
    undone = replace(
        state,
        terms=_terms_before(step, state, rule),
        data=step.data if state.data == step.data_after else state.data,
        renewals=renewals,
        spending=spending,
        undo=state.undo[:-1],
    )
    return undone, step


def _terms_before(step: UndoStep, state: LineState, rule: ValidityRule) -> Terms:
    """Return the terms before a step's change, with what sources said since.

    Only a use moves the last renewal without a step of its own; any other
    change of the terms since is a last safe day a linked source gave.
    """
    if state.terms == step.terms_after:
        return step.terms
    last_use = state.uses.last_at
    if state.terms.last_renewal != step.terms_after.last_renewal and last_use:
        return use_terms(step.terms, rule, last_use)
    return replace(step.terms, expiry_date=state.expiry_date)


def _without(
    renewals: tuple[Renewal, ...], renewal: Renewal, dropped: Renewal | None
) -> tuple[Renewal, ...]:
    """Return the history without a renewal, and with the one it pushed out."""
    kept = list(renewals)
    for index in range(len(kept) - 1, -1, -1):
        if kept[index] == renewal:
            del kept[index]
            break
    if dropped is not None and len(kept) < MAX_RENEWALS:
        kept.insert(0, dropped)
    return tuple(kept)
