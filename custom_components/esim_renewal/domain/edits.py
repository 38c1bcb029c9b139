"""Editing a line's settings: its terms carry over, what it recorded stays."""

from dataclasses import dataclass, replace
from datetime import date

from .data import DataAllowance, data_allowance, read_data
from .line import LineState
from .validity import LineStart, ValidityRule
from .values import LineValueError


@dataclass(frozen=True, kw_only=True)
class LineEdit:
    """What an edit of a line's settings asks of its state; None keeps it.

    ``start`` holds the dates and balance the user typed: any of them starts
    the terms again from what was typed and what the line had.
    """

    start: LineStart = LineStart()
    data_total_gb: float | None = None
    data_remaining_gb: float | None = None
    unlimited: bool | None = None
    """Set when the edit turns unlimited data on or off."""


def edit_line(
    state: LineState, rule: ValidityRule, edit: LineEdit, today: date
) -> LineState:
    """Return a line's state once its settings changed.

    What the line recorded stays: its renewals, undo, data, and what its
    sources said. Its terms carry over to the rule, keeping the last safe day,
    unless the user typed new dates or a balance.
    """
    if edit.start == LineStart():
        terms = rule.carry_over(state.terms)
    else:
        terms = rule.start(_with_current_terms(edit.start, state, rule, today), today)
    return replace(state, terms=terms, data=_edited_data(state.data, edit))


def _with_current_terms(
    typed: LineStart, state: LineState, rule: ValidityRule, today: date
) -> LineStart:
    """Return what the user typed, with the line's current terms for the rest."""
    terms = state.terms
    wallet = rule.wallet_on(terms, today) if terms.wallet else None
    return LineStart(
        expiry_date=typed.expiry_date or terms.expiry_date,
        last_renewal=typed.last_renewal
        or (wallet.period_start if wallet else terms.last_renewal),
        balance=typed.balance
        if typed.balance is not None
        else (wallet.balance if wallet else None),
    )


def _edited_data(data: DataAllowance, edit: LineEdit) -> DataAllowance:
    """Return the data allowance an edit asks for; untouched, it stays."""
    if edit.unlimited:
        if edit.data_total_gb is not None or edit.data_remaining_gb is not None:
            raise LineValueError("unlimited_data", "unlimited_with_allowance")
        return DataAllowance(unlimited=True)
    if edit.unlimited is False:
        total = edit.data_total_gb
        remaining = total if edit.data_remaining_gb is None else edit.data_remaining_gb
        return data_allowance(total_gb=total, remaining_gb=remaining)
    if edit.data_total_gb is None and edit.data_remaining_gb is None:
        return data
    return read_data(
        data, total_gb=edit.data_total_gb, remaining_gb=edit.data_remaining_gb
    )
