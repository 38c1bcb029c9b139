"""How a line stays valid: one rule per shape of carrier terms, behind one interface.

A rule starts a line from what the user says about it, and moves its last safe
day when it is renewed. A new shape of terms is one new rule class and a preset
row in ``carriers``; the rest of the integration asks rules only through
``ValidityRule``.
"""

from collections.abc import Mapping
from typing import Any

from .calendar_rules import FixedRule, MonthlyRule, RollingRule
from .keeper_rules import ActivityRule, AfterPackRule, BalanceRule, StackingRule
from .validity import ValidityKind, ValidityRule
from .values import LineValueError

RULES: dict[ValidityKind, type[ValidityRule]] = {
    rule.kind: rule
    for rule in (
        FixedRule,
        RollingRule,
        MonthlyRule,
        AfterPackRule,
        ActivityRule,
        StackingRule,
        BalanceRule,
    )
}


def validity_rule(kind: str, settings: Mapping[str, Any]) -> ValidityRule:
    """Return the rule of a kind from a line's settings, checking them."""
    try:
        rule = RULES[ValidityKind(kind)]
    except ValueError:
        raise LineValueError("validity", "invalid_validity") from None
    return rule.from_settings(settings)
