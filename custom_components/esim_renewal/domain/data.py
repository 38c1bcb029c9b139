"""A line's data allowance: total, remaining and used, in gigabytes."""

from dataclasses import dataclass, replace
import math

from .values import MAX_DATA_GB, LineValueError

# Data amounts are kept to the megabyte, so 10 - 2.3 is 7.7 and not 7.699999.
_DATA_DECIMALS = 3


@dataclass(frozen=True, kw_only=True)
class DataAllowance:
    """A line's data in gigabytes; ``None`` where it is not known."""

    total_gb: float | None = None
    remaining_gb: float | None = None
    used_gb: float | None = None
    unlimited: bool = False
    plan_gb: float | None = None
    """The plan's allowance, when extra data made this pack's larger."""

    @property
    def tracked(self) -> bool:
        """Return whether the line has a data allowance to follow."""
        return not self.unlimited

    @property
    def plan_total_gb(self) -> float | None:
        """Return the allowance a renewal gives: the plan's, without extra data."""
        return self.total_gb if self.plan_gb is None else self.plan_gb

    def refilled(self, total_gb: float | None = None) -> DataAllowance:
        """Return the allowance after a renewal: a new or the plan's, all left."""
        total = self.plan_total_gb if total_gb is None else total_gb
        if total is None:
            return self
        return data_allowance(total_gb=total, remaining_gb=total)

    def gone(self) -> DataAllowance:
        """Return the allowance once its pack has ended: nothing remains."""
        if self.remaining_gb is None:
            return self
        return replace(self, remaining_gb=0.0)


def has_allowance(data: DataAllowance) -> bool:
    """Return whether a line has a known, limited allowance to read data against."""
    return data.tracked and data.total_gb is not None


def check_data_amount(field: str, value: float | None) -> None:
    """Raise for a data amount that is not a number from 0 to the most there is."""
    if value is not None and not (math.isfinite(value) and 0 <= value <= MAX_DATA_GB):
        raise LineValueError(field, "invalid_data_amount")


def data_allowance(
    *,
    total_gb: float | None = None,
    remaining_gb: float | None = None,
    used_gb: float | None = None,
    unlimited: bool = False,
    plan_gb: float | None = None,
) -> DataAllowance:
    """Return an allowance from any readings; any two of them give the third.

    A plan's allowance is kept only while the pack's is another.
    """
    if unlimited:
        return DataAllowance(unlimited=True)
    for field, value in (
        ("data_total_gb", total_gb),
        ("data_remaining_gb", remaining_gb),
        ("data_used_gb", used_gb),
        ("data_total_gb", plan_gb),
    ):
        check_data_amount(field, value)
    if total_gb is not None:
        if remaining_gb is not None and remaining_gb > total_gb:
            raise LineValueError("data_remaining_gb", "data_remaining_exceeds_total")
        if used_gb is not None and used_gb > total_gb:
            raise LineValueError("data_used_gb", "data_used_exceeds_total")
        if remaining_gb is None and used_gb is not None:
            remaining_gb = total_gb - used_gb
        elif used_gb is None and remaining_gb is not None:
            used_gb = total_gb - remaining_gb
        elif remaining_gb is not None and used_gb is not None:
            if not math.isclose(remaining_gb + used_gb, total_gb, abs_tol=1e-3):
                raise LineValueError("data_used_gb", "data_inconsistent")
    elif remaining_gb is not None and used_gb is not None:
        total_gb = remaining_gb + used_gb
    total, remaining, plan = (
        _round_gb(total_gb),
        _round_gb(remaining_gb),
        _round_gb(plan_gb),
    )
    # Used follows the rounded amounts, so that the three still add up when
    # they are read back.
    if total is not None and remaining is not None:
        used_gb = total - remaining
    return DataAllowance(
        total_gb=total,
        remaining_gb=remaining,
        used_gb=_round_gb(used_gb),
        plan_gb=None if total is None or plan == total else plan,
    )


def read_data(
    old: DataAllowance,
    *,
    total_gb: float | None = None,
    remaining_gb: float | None = None,
    used_gb: float | None = None,
) -> DataAllowance:
    """Return the allowance after a reading; unread amounts follow the rest.

    A new allowance alone keeps what was used, so buying extra data adds to
    what remains. A larger allowance is this pack's: the plan's stays what a
    renewal gives. A smaller one than the plan's corrects the plan.
    """
    if total_gb is None and remaining_gb is None and used_gb is None:
        raise LineValueError("data_remaining_gb", "no_data_reading")
    if old.unlimited and total_gb is None:
        raise LineValueError("data_total_gb", "unlimited_data_plan")
    if remaining_gb is None and used_gb is None:
        if old.used_gb is not None:
            used_gb = old.used_gb
        else:
            remaining_gb = old.remaining_gb
    plan = old.plan_total_gb
    if total_gb is not None and (plan is None or total_gb < plan):
        plan = total_gb
    return data_allowance(
        total_gb=old.total_gb if total_gb is None else total_gb,
        remaining_gb=remaining_gb,
        used_gb=used_gb,
        plan_gb=plan,
    )


def _round_gb(value: float | None) -> float | None:
    """Round a data amount to the megabyte."""
    return None if value is None else round(float(value), _DATA_DECIMALS)
