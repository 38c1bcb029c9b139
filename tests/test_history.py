"""Tests that what the user recorded is never lost or bent (issue 15).

Uses kept apart from paid renewals, typed money, bounded dates and amounts,
a store that loads whatever one record holds, and a last safe day by hand
that cannot contradict the last renewal.
"""

import asyncio
from datetime import date, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from homeassistant.components.date import (
    ATTR_DATE,
    DOMAIN as DATE_DOMAIN,
    SERVICE_SET_VALUE,
)
from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import ATTR_ENTITY_ID, CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import issue_registry as ir

from .conftest import POVO_LINE, POVO_PACK_LINE, WALLET_LINE, move_to, setup_line
from custom_components.esim_renewal.const import (
    CONF_ACTIVITY_ENTITIES,
    CONF_BALANCE,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_LAST_RENEWAL,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_MONTHS,
    DOMAIN,
    SAVE_DELAY,
    STORAGE_MINOR_VERSION,
    STORAGE_VERSION,
)
from custom_components.esim_renewal.line_config import line_errors

STORE_KEY = f"{DOMAIN}.01JLINEENTRY0000000000000"
DAYS = "sensor.povo_backup_days_until_expiry"
SPENT = "sensor.povo_backup_spent_this_year"
SMS = "sensor.pixel_last_sms_sent"

# giffgaff's terms, used last on 1 December 2025: safe through 1 June 2026.
GIFFGAFF_LINE: dict[str, Any] = {
    CONF_CARRIER: "giffgaff",
    CONF_NAME: "giffgaff",
    CONF_VALIDITY: "activity",
    CONF_LAST_RENEWAL: "2025-12-01",
    CONF_VALIDITY_MONTHS: 6,
    CONF_UNLIMITED_DATA: False,
    CONF_CURRENCY: "GBP",
}


async def renew(hass: HomeAssistant, entry: MockConfigEntry, **data: Any) -> Any:
    """Record a renewal of a line with the action; return its response."""
    return await hass.services.async_call(
        DOMAIN,
        "renew",
        {"config_entry_id": entry.entry_id, **data},
        blocking=True,
        return_response=True,
    )


async def test_uses_never_push_a_paid_renewal_out(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Sixty daily SMS keep the line; the £10 renewal and its cost stay.

    Undo takes back the renewal the user recorded, not the last SMS.
    """
    await move_to(hass, freezer, "2026-01-05T10:00:00+09:00")
    hass.states.async_set(SMS, "0")
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="giffgaff",
        data=GIFFGAFF_LINE,
        options={CONF_ACTIVITY_ENTITIES: [SMS]},
        minor_version=2,
    )
    await setup_line(hass, entry)
    await renew(hass, entry, cost=10, expiry_date="2026-12-31")
    for day in range(60):
        await move_to(
            hass, freezer, f"{date(2026, 1, 6) + timedelta(day)}T12:00:00+09:00"
        )
        hass.states.async_set(SMS, str(day + 1))
        await hass.async_block_till_done()

    spent = hass.states.get("sensor.giffgaff_spent_this_year")
    assert spent.state == "10.0"
    last_renewal = hass.states.get("sensor.giffgaff_last_renewal")
    assert [r["cost"] for r in last_renewal.attributes["recent_renewals"]] == [10]
    assert last_renewal.attributes["uses"] == 60

    await hass.services.async_call(
        DOMAIN, "undo_renewal", {"config_entry_id": entry.entry_id}, blocking=True
    )
    assert hass.states.get("sensor.giffgaff_spent_this_year").state == "0.0"
    # The last SMS, on 6 March, still counts: safe through 6 September.
    assert hass.states.get("date.giffgaff_last_safe_day").state == "2026-09-06"
    assert entry.runtime_data.state.uses.count == 60


@pytest.mark.parametrize("currency", ["yen", "円", "JP"])
async def test_a_currency_is_an_iso_code(
    hass: HomeAssistant, init_integration: MockConfigEntry, currency: str
) -> None:
    """A currency such as "yen" is refused on its field, not stored as YEN."""
    with pytest.raises(ServiceValidationError) as err:
        await renew(hass, init_integration, cost=330, currency=currency)
    assert err.value.translation_key == "invalid_currency"
    assert init_integration.runtime_data.state.renewals == ()


async def test_money_in_another_currency_is_shown_apart(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Two renewals of ¥330 on a euro line: €0 this year, and ¥660 beside it."""
    await renew(hass, init_integration, cost=330, currency="jpy")
    await renew(hass, init_integration, cost=330, currency="JPY")
    await renew(hass, init_integration, cost=5)
    spent = hass.states.get(SPENT)
    assert spent.state == "5.0"
    assert spent.attributes["unit_of_measurement"] == "EUR"
    assert spent.attributes["by_currency"] == {"JPY": 660.0, "EUR": 5.0}


@pytest.mark.parametrize(
    "line_data",
    [{**WALLET_LINE, CONF_LAST_RENEWAL: "2026-10-01", CONF_BALANCE: 1}],
)
async def test_a_top_up_too_small_is_recorded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """$1 on a lapsed wallet holding $1, fee $3: kept, and the line stays suspended."""
    assert hass.states.get("sensor.paygo_status").state == "expired"
    response = await renew(hass, init_integration, amount=1)
    assert response["status"] == "expired"
    assert response["balance"] == 2
    assert response["top_up_needed"] == 1
    assert response["renewals"][-1]["amount"] == 1
    assert hass.states.get("sensor.paygo_spent_this_year").state == "1.0"

    response = await renew(hass, init_integration, amount=1)
    assert response["status"] == "active"
    assert response["top_up_needed"] is None


async def test_an_absurd_date_changes_nothing(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A last safe day in 9999 is refused on its field; states and store stay.

    The line then reloads as it was.
    """
    freezer.tick(SAVE_DELAY + 1)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    stored = hass_storage[STORE_KEY]
    states = {state.entity_id: state for state in hass.states.async_all()}

    with pytest.raises(ServiceValidationError) as err:
        await renew(hass, init_integration, expiry_date="9999-12-31")
    assert err.value.translation_key == "date_too_late"
    assert str(err.value) == (
        "The last safe day cannot be after 2036-11-26:"
        " it can be at most 10 years from today"
    )
    freezer.tick(SAVE_DELAY + 1)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert hass_storage[STORE_KEY] is stored
    assert {state.entity_id: state for state in hass.states.async_all()} == states

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    assert init_integration.state is ConfigEntryState.LOADED
    assert hass.states.get(DAYS).state == "9"


@pytest.mark.parametrize(
    ("balance", "fee", "errors"),
    [
        (99_999_999_999, 0.01, {CONF_BALANCE: "invalid_balance"}),
        (1_000_000, 0.01, {CONF_BALANCE: "wallet_too_long"}),
        (10, 3, {}),
    ],
)
def test_a_wallet_that_would_last_past_the_bounds_is_refused(
    balance: float, fee: float, errors: dict[str, str]
) -> None:
    """A huge balance at a tiny fee is not capped at 2126 without a word."""
    data = {
        **WALLET_LINE,
        CONF_BALANCE: balance,
        CONF_FEE: fee,
        CONF_FEE_PERIOD_DAYS: 1,
    }
    assert line_errors(data, date(2026, 11, 26)) == errors


def test_the_currency_of_a_wallet_is_an_iso_code() -> None:
    """A wallet's currency is checked on its field, upper-cased or not."""
    today = date(2026, 11, 26)
    assert line_errors({**WALLET_LINE, CONF_CURRENCY: "usd"}, today) == {}
    assert line_errors({**WALLET_LINE, CONF_CURRENCY: "yen"}, today) == {
        CONF_CURRENCY: "invalid_currency"
    }


def store_with_renewals(*renewals: dict[str, Any]) -> dict[str, Any]:
    """Return a 1.6 store file of the povo line holding some renewals."""
    return {
        "version": STORAGE_VERSION,
        "minor_version": STORAGE_MINOR_VERSION,
        "key": STORE_KEY,
        "data": {
            "seed": {
                key: POVO_LINE[key]
                for key in (
                    "validity",
                    "last_renewal",
                    "validity_days",
                    "unlimited_data",
                )
            },
            "expiry_date": "2027-05-23",
            "last_renewal": "2026-11-25",
            "pack_end": None,
            "wallet": None,
            "data": {
                "total_gb": None,
                "remaining_gb": None,
                "used_gb": None,
                "unlimited": False,
            },
            "renewals": [
                {
                    "renewed_on": "2026-11-25",
                    "renewed_at": None,
                    "expiry_date": "2027-05-23",
                    "validity_days": None,
                    "pack_days": None,
                    "amount": None,
                    "data_total_gb": None,
                    "cost": 330,
                    "currency": "EUR",
                    **renewal,
                }
                for renewal in renewals
            ],
            "spending": {"2026": {"EUR": 330}},
            "uses": {"last_at": None, "count": 0},
            "undo": [],
            "counters": {},
            "seen": {},
            "reminders": {"checked_until": "2026-11-26T09:00:00+09:00", "sent": []},
        },
    }


@pytest.mark.parametrize(
    "bad",
    [{"cost": "330"}, {"renewed_at": "2026-11-25T10:00:00"}, {"expiry_date": None}],
    ids=["string cost", "naive instant", "no expiry"],
)
async def test_a_bad_record_is_dropped_with_a_repair(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
    bad: dict[str, Any],
) -> None:
    """The line loads from its store without the bad renewal, and says so."""
    hass_storage[STORE_KEY] = store_with_renewals({}, bad)
    await setup_line(hass, mock_config_entry)

    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert hass.states.get(DAYS).state == "178"
    assert len(mock_config_entry.runtime_data.state.renewals) == 1
    issue = issue_registry.async_get_issue(
        DOMAIN, f"dropped_records_{mock_config_entry.entry_id}"
    )
    assert issue is not None
    assert not issue.is_fixable
    assert issue.translation_key == "dropped_records"
    assert issue.translation_placeholders == {"name": "povo backup", "count": "1"}
    # The file is written again without the bad record.
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    assert len(hass_storage[STORE_KEY]["data"]["renewals"]) == 1


async def test_a_good_store_raises_no_repair(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    """A store that reads whole is no issue."""
    hass_storage[STORE_KEY] = store_with_renewals({})
    await setup_line(hass, mock_config_entry)
    assert hass.states.get(SPENT).state == "330.0"
    assert not issue_registry.issues


async def test_a_damaged_store_of_1_5_keeps_what_it_can(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    issue_registry: ir.IssueRegistry,
) -> None:
    """The migration leaves what it cannot read to the loader, which drops it."""
    stored = store_with_renewals({"cost": "330"})
    stored["minor_version"] = 5
    stored["data"]["renewals"].append("a renewal")
    del stored["data"]["spending"], stored["data"]["uses"]
    stored["data"]["undo"] = None
    stored["data"]["undo_reminders"] = None
    hass_storage[STORE_KEY] = stored
    await setup_line(hass, mock_config_entry)

    assert hass.states.get(DAYS).state == "178"
    assert mock_config_entry.runtime_data.state.renewals == ()
    assert mock_config_entry.runtime_data.state.spending == {}
    issue = issue_registry.async_get_issue(
        DOMAIN, f"dropped_records_{mock_config_entry.entry_id}"
    )
    assert issue.translation_placeholders["count"] == "2"


async def test_an_old_store_that_is_no_state_is_rebuilt(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A 1.5 file holding no state at all is not migrated: the line starts afresh."""
    stored = store_with_renewals()
    stored["minor_version"] = 5
    stored["data"] = "garbage"
    hass_storage[STORE_KEY] = stored
    await setup_line(hass, mock_config_entry)
    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert hass.states.get(DAYS).state == "9"


async def test_an_absurd_day_from_a_linked_entity_is_ignored(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """A carrier's entity saying 9999-12-31 is not taken: no overflow, no change."""
    ends = "sensor.carrier_plan_ends"
    hass.states.async_set(ends, "2027-01-10", {"device_class": "date"})
    entry = MockConfigEntry(
        domain=DOMAIN,
        title="povo backup",
        data=POVO_LINE,
        options={"expiry_entity": ends},
        minor_version=2,
    )
    await setup_line(hass, entry)
    assert hass.states.get(DAYS).state == "45"
    hass.states.async_set(ends, "9999-12-31", {"device_class": "date"})
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).state == "45"
    assert entry.runtime_data.state.seen[ends] == "9999-12-31"
    hass.states.async_set(
        ends, "9999-12-31T23:59:59+00:00", {"device_class": "timestamp"}
    )
    await hass.async_block_till_done()
    assert hass.states.get(DAYS).state == "45"
    assert not [record for record in caplog.records if record.levelname == "ERROR"]


async def test_a_last_safe_day_before_the_last_renewal_is_refused(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Right after a renewal, the date entity cannot put the line in the past."""
    await renew(hass, init_integration)
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            DATE_DOMAIN,
            SERVICE_SET_VALUE,
            {ATTR_ENTITY_ID: "date.povo_backup_last_safe_day", ATTR_DATE: "2026-11-25"},
            blocking=True,
        )
    assert err.value.translation_key == "expiry_before_last_renewal"
    assert err.value.translation_placeholders["last_renewal"] == "2026-11-26"
    assert hass.states.get(DAYS).state == "179"
    assert hass.states.get("sensor.povo_backup_status").state == "active"


async def test_every_wrong_field_shows_at_once(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The renewal form names each wrong field on its first submit."""
    flows = hass.config_entries.subentries
    result = await flows.async_init(
        (init_integration.entry_id, "renewal"), context={"source": SOURCE_USER}
    )
    result = await flows.async_configure(
        result["flow_id"],
        {
            "renewed_on": "2026-11-27",
            "validity_days": 0,
            "expiry_date": "9999-12-31",
            "data_total_gb": -1,
            "cost": -1,
            "currency": "yen",
        },
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {
        "renewed_on": "renewal_in_future",
        "validity_days": "invalid_validity_days",
        "expiry_date": "date_too_late",
        "data_total_gb": "invalid_data_amount",
        "cost": "invalid_cost",
        "currency": "invalid_currency",
    }
    assert init_integration.runtime_data.state.renewals == ()


@pytest.mark.parametrize("line_data", [POVO_PACK_LINE])
async def test_an_action_error_names_the_field_by_its_label(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A field that does not apply is named as the action shows it."""
    with pytest.raises(ServiceValidationError) as err:
        await renew(hass, init_integration, validity_days=30)
    assert err.value.translation_placeholders["field"] == "Days"
    assert str(err.value) == "Days does not apply to this line's kind of validity"


async def test_the_last_renewal_is_a_day(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A renewal on 1 December shows 1 December, in any browser's zone."""
    await renew(hass, init_integration, renewed_on="2026-11-25")
    state = hass.states.get("sensor.povo_backup_last_renewal")
    assert state.state == "2026-11-25"
    assert state.attributes["device_class"] == "date"


async def test_refused_renewals_leave_the_line_as_it_was(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Renewals refused for a bad cost or a day too long ago change nothing."""
    before = init_integration.runtime_data.state
    results = await asyncio.gather(
        renew(hass, init_integration, cost=-1),
        renew(hass, init_integration, renewed_on="2010-01-01"),
        return_exceptions=True,
    )
    assert all(isinstance(result, ServiceValidationError) for result in results)
    assert results[1].translation_key == "date_too_early"
    assert init_integration.runtime_data.state is before
