"""Tests of the expired-line repair issue and its fix flow."""

from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from homeassistant.components.repairs import repairs_flow_manager
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
from homeassistant.setup import async_setup_component

from .conftest import POVO_LINE, POVO_PACK_LINE, TRAVEL_LINE, WALLET_LINE
from custom_components.esim_renewal.const import CONF_GRACE_DAYS, DOMAIN
from custom_components.esim_renewal.repairs import async_create_fix_flow

ISSUE_ID = "expired_01JLINEENTRY0000000000000"


async def lapse(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let the povo line lapse: it works through 5 December."""
    freezer.move_to("2026-12-06T00:00:00+09:00")
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def start_fix(hass: HomeAssistant) -> dict[str, Any]:
    """Open the issue's fix flow."""
    assert await async_setup_component(hass, "repairs", {})
    return await repairs_flow_manager(hass).async_init(
        DOMAIN, data={"issue_id": ISSUE_ID}
    )


async def test_issue_follows_the_lapse(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """No issue while the line works; one as soon as it has lapsed."""
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None
    await lapse(hass, freezer)
    issue = issue_registry.async_get_issue(DOMAIN, ISSUE_ID)
    assert issue is not None
    assert issue.is_fixable
    assert issue.severity is ir.IssueSeverity.WARNING
    assert issue.translation_key == "line_expired"
    assert issue.translation_placeholders == {
        "name": "povo backup",
        "expiry_date": "2026-12-05",
    }


async def test_fix_flow_records_the_renewal(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """The fix asks when and for how long; a wrong answer is a form error."""
    await lapse(hass, freezer)
    result = await start_fix(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "renew"
    assert result["description_placeholders"] == {
        "name": "povo backup",
        "expiry_date": "2026-12-05",
    }

    flows = repairs_flow_manager(hass)
    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-12-07", "validity_days": 180}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"renewed_on": "renewal_in_future"}

    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-12-06", "validity_days": 30}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None
    assert hass.states.get("sensor.povo_backup_days_until_expiry").state == "29"


@pytest.mark.parametrize("line_data", [{**TRAVEL_LINE, "expiry_date": "2026-11-20"}])
async def test_fix_flow_for_a_line_without_usual_period(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A fixed line needs days or an expiry date; an expiry date alone is enough."""
    issue_id = "expired_01JLINEENTRY0000000000000"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    result = await start_fix(hass)
    flows = repairs_flow_manager(hass)
    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-26"}
    )
    assert result["errors"] == {"expiry_date": "renewal_needs_expiry"}
    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-26", "expiry_date": "2026-12-31"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_fix_flow_of_an_unloaded_line_aborts(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """An unloaded line cannot record a renewal."""
    await lapse(hass, freezer)
    await hass.config_entries.async_unload(init_integration.entry_id)
    result = await start_fix(hass)
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "line_not_loaded"


async def test_fix_flow_needs_its_line(hass: HomeAssistant) -> None:
    """An issue that names no line, or no kind with a fix, has no fix."""
    with pytest.raises(ValueError, match="has no fix"):
        await async_create_fix_flow(hass, ISSUE_ID, None)
    with pytest.raises(ValueError, match="has no fix"):
        await async_create_fix_flow(
            hass, ISSUE_ID, {"entry_id": "01JLINEENTRY0000000000000"}
        )


async def test_issue_goes_with_the_line(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """Removing an expired line removes its issue."""
    await lapse(hass, freezer)
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID)
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None


def form_fields(result: dict[str, Any]) -> list[str]:
    """Return the fields of a form, in order."""
    return [str(marker) for marker in result["data_schema"].schema]


@pytest.mark.parametrize(
    ("line_data", "lapsed_on", "fields"),
    [
        (
            POVO_PACK_LINE,
            "2027-04-30T10:00:00+09:00",
            [
                "renewed_on",
                "pack_days",
                "expiry_date",
                "data_total_gb",
                "cost",
                "currency",
            ],
        ),
        (
            WALLET_LINE,
            "2027-03-01T10:00:00+09:00",
            ["renewed_on", "amount", "data_total_gb", "cost", "currency"],
        ),
    ],
    ids=["povo", "wallet"],
)
async def test_fix_flow_asks_what_the_rule_takes(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    lapsed_on: str,
    fields: list[str],
) -> None:
    """A pack line asks for the pack; a wallet line for the money added."""
    freezer.move_to(lapsed_on)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    result = await start_fix(hass)
    assert form_fields(result) == fields
    assert result["description_placeholders"]["number_kept_until"]
    answer = {"renewed_on": lapsed_on[:10], fields[1]: 0}
    result = await repairs_flow_manager(hass).async_configure(result["flow_id"], answer)
    assert result["errors"] == {fields[1]: f"invalid_{fields[1]}"}
    answer[fields[1]] = 30 if fields[1] == "pack_days" else 3
    result = await repairs_flow_manager(hass).async_configure(result["flow_id"], answer)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.runtime_data.data.days_until_expiry >= 0


def suggested(result: dict[str, Any], field: str) -> Any:
    """Return the value a form suggests for a field, if any."""
    for marker in result["data_schema"].schema:
        if str(marker) == field:
            return (marker.description or {}).get("suggested_value")
    raise KeyError(field)


@pytest.mark.parametrize("line_data", [{**TRAVEL_LINE, "expiry_date": "2026-11-20"}])
async def test_fix_flow_that_leaves_the_line_lapsed_asks_again(
    hass: HomeAssistant,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """A renewal that ended before today is kept, and the form says so."""
    result = await start_fix(hass)
    flows = repairs_flow_manager(hass)
    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-21", "expiry_date": "2026-11-23"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "renew"
    assert result["errors"] == {"base": "still_lapsed"}
    assert result["description_placeholders"] == {
        "name": "Travel eSIM",
        "expiry_date": "2026-11-23",
    }
    # Recorded once; the form starts afresh, so a second submit adds nothing twice.
    assert [
        r.expiry_date.isoformat() for r in init_integration.runtime_data.state.renewals
    ] == ["2026-11-23"]
    assert suggested(result, "renewed_on") == "2026-11-26"
    assert suggested(result, "expiry_date") is None
    issue = issue_registry.async_get_issue(DOMAIN, ISSUE_ID)
    assert issue is not None
    assert issue.translation_placeholders["expiry_date"] == "2026-11-23"

    result = await flows.async_configure(
        result["flow_id"], {"renewed_on": "2026-11-26", "expiry_date": "2026-12-31"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_ID) is None


@pytest.mark.parametrize(
    "line_data", [{**POVO_LINE, "data_total_gb": 3, "data_remaining_gb": 2}]
)
async def test_issue_is_synced_after_every_change(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    issue_registry: ir.IssueRegistry,
    init_integration: MockConfigEntry,
) -> None:
    """Whatever removed the issue of a lapsed line, its next change raises it again."""
    await lapse(hass, freezer)
    ir.async_delete_issue(hass, DOMAIN, ISSUE_ID)
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {"config_entry_id": init_integration.entry_id, "data_remaining_gb": 1},
        blocking=True,
    )
    issue = issue_registry.async_get_issue(DOMAIN, ISSUE_ID)
    assert issue is not None
    assert issue.translation_placeholders["expiry_date"] == "2026-12-05"


@pytest.mark.parametrize(
    ("line_data", "when", "translation_key", "kept_until"),
    [
        (POVO_PACK_LINE, "2027-04-30T00:00:00+09:00", "line_suspended", "2027-05-29"),
        (POVO_PACK_LINE, "2027-05-30T00:00:00+09:00", "number_lost", "2027-05-29"),
        (
            {**POVO_LINE, CONF_GRACE_DAYS: 0},
            "2026-12-06T00:00:00+09:00",
            "number_lost",
            "2026-12-05",
        ),
    ],
    ids=["povo_suspended", "povo_lost", "no_grace"],
)
@pytest.mark.usefixtures("init_integration")
async def test_issue_names_the_last_day_that_saves_the_number(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    when: str,
    translation_key: str,
    kept_until: str,
) -> None:
    """The issue says to renew by the number's last day, not the day it is gone.

    povo keeps the number 30 days: safe through 29 April, renewable through
    29 May, gone on 30 May. With no grace the last safe day is also the last
    day that saves the number.
    """
    freezer.move_to(when)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_ID)
    assert issue is not None
    assert issue.translation_key == translation_key
    assert issue.translation_placeholders["number_kept_until"] == kept_until
    result = await start_fix(hass)
    assert result["description_placeholders"]["number_kept_until"] == kept_until
