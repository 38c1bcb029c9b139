"""Tests of a line's plans: the plan select, its flows, the keeping cost, renew's plan."""

from typing import Any

import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.components.select import (
    ATTR_OPTION,
    DOMAIN as SELECT_DOMAIN,
    SERVICE_SELECT_OPTION,
)
from homeassistant.config_entries import SOURCE_USER, ConfigSubentryData
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME, Platform
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er

from .conftest import POVO_LINE, POVO_PACK_LINE, setup_line, setup_platform
from custom_components.esim_renewal.const import CONF_CURRENCY, DOMAIN
from custom_components.esim_renewal.line_config import preset_plans

# povo 2.0 as its preset adds it, paid in yen.
POVO_YEN: dict[str, Any] = {**POVO_PACK_LINE, CONF_CURRENCY: "JPY"}
MONTH = ConfigSubentryData(
    subentry_type="plan",
    title="3GB (30 days)",
    data={"pack_days": 30, "data_gb": 3, "price": 990, "currency": "JPY"},
    unique_id=None,
)
DAY = ConfigSubentryData(
    subentry_type="plan",
    title="Unlimited data (24 hours)",
    data={"pack_days": 1, "price": 330, "currency": "JPY"},
    unique_id=None,
)
PLAN = "select.povo_2_0_plan"
COST = "sensor.povo_2_0_keeping_cost"
SPENT = "sensor.povo_2_0_spent_this_year"
MARK_RENEWED = "button.povo_2_0_mark_renewed"


def povo_entry(*plans: ConfigSubentryData) -> MockConfigEntry:
    """Return the entry of a povo 2.0 line with some plans."""
    return MockConfigEntry(
        domain=DOMAIN,
        title=POVO_YEN[CONF_NAME],
        data=POVO_YEN,
        entry_id="01JLINEENTRY0000000000000",
        version=1,
        minor_version=3,
        subentries_data=plans,
    )


async def choose(hass: HomeAssistant, option: str) -> None:
    """Choose a plan on the line's device page."""
    await hass.services.async_call(
        SELECT_DOMAIN,
        SERVICE_SELECT_OPTION,
        {ATTR_ENTITY_ID: PLAN, ATTR_OPTION: option},
        blocking=True,
    )


async def test_select(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """The plan select lists the line's plans, the first one chosen."""
    await setup_platform(hass, povo_entry(MONTH, DAY), Platform.SELECT)
    await snapshot_platform(
        hass, entity_registry, snapshot, "01JLINEENTRY0000000000000"
    )


async def test_choose_a_plan_and_mark_renewed(hass: HomeAssistant) -> None:
    """*Mark renewed* buys the plan chosen; its price joins this year's spending.

    The choice goes through the line's one write path and survives a reload.
    """
    entry = povo_entry(MONTH, DAY)
    await setup_line(hass, entry)
    state = hass.states.get(PLAN)
    assert state.state == "3GB (30 days)"
    assert state.attributes["options"] == ["3GB (30 days)", "Unlimited data (24 hours)"]

    await choose(hass, "Unlimited data (24 hours)")
    assert hass.states.get(PLAN).state == "Unlimited data (24 hours)"
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: MARK_RENEWED}, blocking=True
    )
    renewal = entry.runtime_data.state.renewals[-1]
    assert (renewal.pack_days, renewal.cost, renewal.currency) == (1, 330, "JPY")
    assert hass.states.get(SPENT).state == "330.0"

    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert hass.states.get(PLAN).state == "Unlimited data (24 hours)"


async def test_choosing_an_unknown_plan_is_refused(hass: HomeAssistant) -> None:
    """A plan the line does not have is a translated error, and nothing changes."""
    entry = povo_entry(MONTH)
    await setup_line(hass, entry)
    with pytest.raises(ServiceValidationError) as raised:
        await hass.services.async_call(
            DOMAIN,
            "renew",
            {"config_entry_id": entry.entry_id, "plan": "gone"},
            blocking=True,
        )
    assert raised.value.translation_key == "unknown_plan"
    assert raised.value.translation_placeholders["plan"] == "gone"
    assert entry.runtime_data.state.renewals == ()


async def test_keeping_cost(hass: HomeAssistant) -> None:
    """The cheapest plan under the line's rule, a year: 330 × 365 / 181 = 665.47."""
    await setup_line(hass, povo_entry(MONTH, DAY))
    state = hass.states.get(COST)
    assert state.state == "665.47"
    assert state.attributes["unit_of_measurement"] == "JPY"
    assert state.attributes["plan"] == "Unlimited data (24 hours)"


@pytest.mark.usefixtures("init_integration")
async def test_a_line_without_plans_works_as_before(hass: HomeAssistant) -> None:
    """No plan: the select shows none, the cost is unknown, renewals as today."""
    select = hass.states.get("select.povo_backup_plan")
    assert select.state == "unknown"
    assert select.attributes["options"] == []
    cost = hass.states.get("sensor.povo_backup_keeping_cost")
    assert cost.state == "unknown"
    assert cost.attributes["plan"] is None
    await hass.services.async_call(
        BUTTON_DOMAIN,
        SERVICE_PRESS,
        {ATTR_ENTITY_ID: "button.povo_backup_mark_renewed"},
        blocking=True,
    )
    assert hass.states.get("sensor.povo_backup_spent_this_year").state == "0.0"


async def test_renew_action_with_a_plan(hass: HomeAssistant) -> None:
    """The plan fills what the action leaves out; the fields given win."""
    entry = povo_entry(MONTH, DAY)
    await setup_line(hass, entry)
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {"config_entry_id": entry.entry_id, "plan": "3gb (30 DAYS)", "cost": 800},
        blocking=True,
    )
    renewal = entry.runtime_data.state.renewals[-1]
    assert (renewal.pack_days, renewal.cost, renewal.currency) == (30, 800, "JPY")
    assert hass.states.get(SPENT).state == "800.0"


async def add_plan(hass: HomeAssistant, entry: MockConfigEntry) -> dict[str, Any]:
    """Open the entry's *Add plan* flow."""
    return await hass.config_entries.subentries.async_init(
        (entry.entry_id, "plan"), context={"source": SOURCE_USER}
    )


async def test_add_edit_and_delete_plans(hass: HomeAssistant) -> None:
    """Plans change in the UI, checked whole; the line takes them with no reload."""
    entry = povo_entry(MONTH)
    await setup_line(hass, entry)
    flows = hass.config_entries.subentries
    result = await add_plan(hass, entry)
    assert result["type"] is FlowResultType.FORM
    assert result["description_placeholders"] == {"name": "povo 2.0"}
    assert [str(marker) for marker in result["data_schema"].schema] == [
        "name",
        "pack_days",
        "data_gb",
        "price",
        "currency",
    ]
    result = await flows.async_configure(
        result["flow_id"],
        {"name": "3gb (30 days)", "pack_days": 0, "price": -1, "currency": "yen"},
    )
    assert result["errors"] == {
        "name": "plan_name_taken",
        "pack_days": "invalid_pack_days",
        "price": "invalid_price",
        "currency": "invalid_currency",
    }
    result = await flows.async_configure(
        result["flow_id"],
        {"name": " Day ", "pack_days": 1, "price": 330, "currency": "jpy"},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert hass.states.get(PLAN).attributes["options"] == ["3GB (30 days)", "Day"]
    assert hass.states.get(COST).state == "665.47"
    assert entry.runtime_data.plans[1].currency == "JPY"

    day = next(plan for plan in entry.subentries.values() if plan.title == "Day")
    result = await entry.start_subentry_reconfigure_flow(hass, day.subentry_id)
    assert result["step_id"] == "reconfigure"
    result = await flows.async_configure(
        result["flow_id"],
        {"name": "3GB (30 days)", "pack_days": 1, "price": 330, "currency": "JPY"},
    )
    assert result["errors"] == {"name": "plan_name_taken"}
    result = await flows.async_configure(
        result["flow_id"],
        {"name": "Day", "pack_days": 1, "price": 300, "currency": "JPY"},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert hass.states.get(COST).state == "604.97"

    await choose(hass, "Day")
    assert hass.config_entries.async_remove_subentry(entry, day.subentry_id)
    await hass.async_block_till_done()
    assert hass.states.get(PLAN).state == "3GB (30 days)"
    assert hass.states.get(COST).state == "1720.71"


async def test_plan_flow_needs_a_loaded_line(hass: HomeAssistant) -> None:
    """A line that is not loaded has no rule to check a plan against."""
    entry = povo_entry()
    entry.add_to_hass(hass)
    result = await add_plan(hass, entry)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "line_not_loaded"


async def test_the_renewal_form_offers_the_plans(hass: HomeAssistant) -> None:
    """The *Record a renewal* form starts on the plan chosen, and buys it."""
    entry = povo_entry(MONTH, DAY)
    await setup_line(hass, entry)
    flows = hass.config_entries.subentries
    result = await flows.async_init(
        (entry.entry_id, "renewal"), context={"source": SOURCE_USER}
    )
    schema = result["data_schema"].schema
    assert [str(marker) for marker in schema][:2] == ["renewed_on", "plan"]
    plan_marker = next(marker for marker in schema if str(marker) == "plan")
    assert plan_marker.description == {"suggested_value": "3GB (30 days)"}
    result = await flows.async_configure(
        result["flow_id"],
        {"renewed_on": "2026-11-26", "plan": "Unlimited data (24 hours)"},
    )
    assert result["reason"] == "renewal_recorded"
    assert entry.runtime_data.state.renewals[-1].cost == 330


def test_preset_plans_fit_the_line() -> None:
    """A new line starts with its preset's plans, unless its rule is another."""
    assert [plan["title"] for plan in preset_plans(POVO_PACK_LINE)] == [
        "3GB (30 days)",
        "Unlimited data (24 hours)",
    ]
    assert preset_plans(POVO_LINE) == []
    assert preset_plans({**POVO_LINE, "carrier": "my own"}) == []
