"""Tests of adding, reconfiguring and tuning a line through the UI flows."""

from collections.abc import Generator
from dataclasses import replace
from typing import Any
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from homeassistant.config_entries import SOURCE_USER
from homeassistant.const import CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType

from .conftest import POVO_LINE, TRAVEL_LINE, WALLET_LINE, move_to, unique_id_of
from custom_components.esim_renewal.config_flow import EsimRenewalConfigFlow
from custom_components.esim_renewal.const import (
    CONF_BALANCE,
    CONF_BILLING_DAY,
    CONF_CARRIER,
    CONF_CURRENCY,
    CONF_DATA_LOW_GB,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_EXPIRY_DATE,
    CONF_FEE,
    CONF_FEE_PERIOD_DAYS,
    CONF_GRACE_DAYS,
    CONF_LAST_RENEWAL,
    CONF_MAX_VALIDITY_DAYS,
    CONF_PACK_DAYS,
    CONF_PHONE_NUMBER,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    CONF_RENEWAL_URL,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    CONF_VALIDITY_MONTHS,
    DOMAIN,
)
from custom_components.esim_renewal.domain.carriers import CARRIER_PRESETS

POVO_IDENTITY = {
    CONF_NAME: "povo backup",
    CONF_PHONE_NUMBER: "+81 80-1234-5678",
    CONF_RENEWAL_URL: "https://povo.jp/",
    CONF_VALIDITY: "rolling",
}
POVO_VALIDITY = {CONF_LAST_RENEWAL: "2026-06-09", CONF_VALIDITY_DAYS: 180}


@pytest.fixture
def mock_setup_entry() -> Generator[AsyncMock]:
    """Keep created entries from setting up."""
    with patch(
        "custom_components.esim_renewal.async_setup_entry", return_value=True
    ) as mock_setup:
        yield mock_setup


def suggested(result: FlowResult, key: str) -> Any:
    """Return the value a form suggests for a field."""
    for marker in result["data_schema"].schema:
        if marker == key:
            return (marker.description or {}).get("suggested_value")
    raise AssertionError(f"{key} is not on the form")


async def start_flow(hass: HomeAssistant, carrier: str | None) -> FlowResult:
    """Start adding a line and answer the carrier step."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] is None
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_CARRIER: carrier} if carrier else {}
    )


@pytest.mark.usefixtures("mock_setup_entry")
async def test_add_povo_line(hass: HomeAssistant) -> None:
    """Povo is safe 180 days after its pack ends, and keeps its number 30 more."""
    result = await start_flow(hass, "povo_2")
    assert result["step_id"] == "line"
    assert suggested(result, CONF_NAME) == "povo 2.0"
    assert suggested(result, CONF_RENEWAL_URL) == "https://povo.jp/"
    assert suggested(result, CONF_VALIDITY) == "after_pack"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**POVO_IDENTITY, CONF_VALIDITY: "after_pack"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "after_pack"
    assert result["description_placeholders"] == {"name": "povo backup"}
    assert suggested(result, CONF_PACK_DAYS) == 30
    assert suggested(result, CONF_VALIDITY_DAYS) == 180
    assert suggested(result, CONF_GRACE_DAYS) == 30
    assert suggested(result, CONF_LAST_RENEWAL) == "2026-11-26"

    povo_pack = {
        CONF_LAST_RENEWAL: "2026-10-01",
        CONF_PACK_DAYS: 30,
        CONF_VALIDITY_DAYS: 180,
        CONF_GRACE_DAYS: 30,
    }
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], povo_pack
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "povo backup"
    assert result["data"] == {
        CONF_CARRIER: "povo_2",
        **POVO_IDENTITY,
        CONF_VALIDITY: "after_pack",
        **povo_pack,
        CONF_UNLIMITED_DATA: False,
        CONF_CURRENCY: "EUR",
    }
    entry = result["result"]
    assert (entry.version, entry.minor_version) == (1, 3)
    assert entry.unique_id == unique_id_of(POVO_IDENTITY)
    assert "8012345678" not in entry.unique_id
    # The line starts with povo's plans, as subentries the user can edit.
    assert [
        (plan.subentry_type, plan.title, dict(plan.data))
        for plan in entry.subentries.values()
    ] == [
        (
            "plan",
            "3GB (30 days)",
            {"pack_days": 30, "data_gb": 3, "price": 990, "currency": "JPY"},
        ),
        (
            "plan",
            "Unlimited data (24 hours)",
            {"pack_days": 1, "price": 330, "currency": "JPY"},
        ),
    ]


@pytest.mark.parametrize(
    ("carrier", "validity", "suggestions", "answer"),
    [
        (
            "giffgaff",
            "activity",
            {CONF_VALIDITY_MONTHS: 6, CONF_GRACE_DAYS: 0},
            {CONF_LAST_RENEWAL: "2026-08-31", CONF_VALIDITY_MONTHS: 6},
        ),
        (
            "buzzme",
            "stacking",
            {CONF_VALIDITY_DAYS: 365, CONF_MAX_VALIDITY_DAYS: 365},
            {CONF_EXPIRY_DATE: "2027-03-01", CONF_VALIDITY_DAYS: 365},
        ),
        (
            None,
            "balance",
            {CONF_LAST_RENEWAL: "2026-11-26"},
            {
                CONF_LAST_RENEWAL: "2026-11-01",
                CONF_BALANCE: 10,
                CONF_FEE: 3,
                CONF_FEE_PERIOD_DAYS: 30,
            },
        ),
    ],
)
@pytest.mark.usefixtures("mock_setup_entry")
async def test_add_lines_of_each_new_rule(
    hass: HomeAssistant,
    carrier: str | None,
    validity: str,
    suggestions: dict[str, Any],
    answer: dict[str, Any],
) -> None:
    """Activity, stacking and wallet lines each have their own step."""
    result = await start_flow(hass, carrier)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Line", CONF_VALIDITY: validity}
    )
    assert result["step_id"] == validity
    for key, value in suggestions.items():
        assert suggested(result, key) == value
    result = await hass.config_entries.flow.async_configure(result["flow_id"], answer)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"].items() >= answer.items()


@pytest.mark.usefixtures("mock_setup_entry")
async def test_wallet_currency_is_fixed_when_added(hass: HomeAssistant) -> None:
    """A wallet without a currency takes Home Assistant's, kept in the entry."""
    await hass.config.async_update(currency="USD")
    result = await start_flow(hass, "ultra_mobile_paygo")
    assert result["step_id"] == "unconfirmed_preset"
    assert result["description_placeholders"] == {
        "carrier": "Ultra Mobile PayGo",
        "source": "ultramobile.com FAQ; grace from a dealer FAQ",
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["step_id"] == "line"
    assert suggested(result, CONF_VALIDITY) == "balance"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "PayGo", CONF_VALIDITY: "balance"}
    )
    assert suggested(result, CONF_FEE) == 3
    assert suggested(result, CONF_CURRENCY) == "USD"
    wallet = {
        CONF_LAST_RENEWAL: "2026-11-01",
        CONF_BALANCE: 10,
        CONF_FEE: 3,
        CONF_FEE_PERIOD_DAYS: 30,
    }
    result = await hass.config_entries.flow.async_configure(result["flow_id"], wallet)
    assert result["data"][CONF_CURRENCY] == "USD"
    result = await start_flow(hass, None)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Wallet", CONF_VALIDITY: "balance"}
    )
    await hass.config.async_update(currency="EUR")
    result = await hass.config_entries.flow.async_configure(result["flow_id"], wallet)
    assert result["data"][CONF_CURRENCY] == "EUR"


@pytest.mark.usefixtures("mock_setup_entry")
async def test_add_travel_esim(hass: HomeAssistant) -> None:
    """A travel eSIM suggests a 30-day pack with 10 GB, ending 25 December."""
    result = await start_flow(hass, "travel_esim")
    assert suggested(result, CONF_VALIDITY) == "fixed"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Travel eSIM", CONF_VALIDITY: "fixed"}
    )
    assert result["step_id"] == "fixed"
    assert suggested(result, CONF_EXPIRY_DATE) == "2026-12-25"
    assert suggested(result, CONF_DATA_TOTAL_GB) == 10
    assert suggested(result, CONF_DATA_REMAINING_GB) == 10

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_EXPIRY_DATE: "2026-12-20",
            CONF_DATA_TOTAL_GB: 10,
            CONF_DATA_REMAINING_GB: 2.3,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_EXPIRY_DATE] == "2026-12-20"
    assert result["data"][CONF_DATA_REMAINING_GB] == 2.3
    assert result["result"].unique_id is None


@pytest.mark.usefixtures("mock_setup_entry")
async def test_add_monthly_line_of_another_carrier(hass: HomeAssistant) -> None:
    """A carrier typed by the user has no preset; monthly asks for a billing day."""
    result = await start_flow(hass, "Mint Mobile")
    assert suggested(result, CONF_VALIDITY) == "rolling"
    with pytest.raises(AssertionError):
        suggested(result, "unknown")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Mint", CONF_VALIDITY: "monthly"}
    )
    assert result["step_id"] == "monthly"
    assert suggested(result, CONF_BILLING_DAY) is None

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_BILLING_DAY: 31, CONF_UNLIMITED_DATA: True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"] == {
        CONF_CARRIER: "Mint Mobile",
        CONF_NAME: "Mint",
        CONF_VALIDITY: "monthly",
        CONF_BILLING_DAY: 31,
        CONF_UNLIMITED_DATA: True,
        CONF_CURRENCY: "EUR",
    }


@pytest.mark.usefixtures("mock_setup_entry")
async def test_add_line_without_carrier(hass: HomeAssistant) -> None:
    """The carrier is optional."""
    result = await start_flow(hass, None)
    assert result["step_id"] == "line"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Spare", CONF_VALIDITY: "rolling"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], POVO_VALIDITY
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_CARRIER not in result["data"]


@pytest.mark.usefixtures("mock_setup_entry")
async def test_unlimited_data_with_amounts_is_refused(hass: HomeAssistant) -> None:
    """Amounts typed for an unlimited plan are an error, not silently dropped."""
    result = await start_flow(hass, "rakuten_mobile")
    assert result["step_id"] == "unconfirmed_preset"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert suggested(result, CONF_VALIDITY) == "monthly"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Rakuten", CONF_VALIDITY: "monthly"}
    )
    assert suggested(result, CONF_UNLIMITED_DATA) is True
    assert suggested(result, CONF_BILLING_DAY) == 1
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_BILLING_DAY: 1,
            CONF_UNLIMITED_DATA: True,
            CONF_DATA_TOTAL_GB: 5,
            CONF_DATA_REMAINING_GB: 1,
        },
    )
    assert result["errors"] == {CONF_UNLIMITED_DATA: "unlimited_with_allowance"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_BILLING_DAY: 1, CONF_UNLIMITED_DATA: True}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_DATA_TOTAL_GB not in result["data"]


@pytest.mark.parametrize(
    ("identity", "field", "error"),
    [
        ({CONF_NAME: "  "}, CONF_NAME, "invalid_name"),
        ({CONF_PHONE_NUMBER: "call me"}, CONF_PHONE_NUMBER, "invalid_phone_number"),
        ({CONF_RENEWAL_URL: "povo.jp"}, CONF_RENEWAL_URL, "invalid_url"),
        ({CONF_RENEWAL_URL: "ftp://povo.jp"}, CONF_RENEWAL_URL, "invalid_url"),
        # An address without a host, which a device cannot link to.
        ({CONF_RENEWAL_URL: "https://:443/"}, CONF_RENEWAL_URL, "invalid_url"),
        ({CONF_RENEWAL_URL: "https://[povo"}, CONF_RENEWAL_URL, "invalid_url"),
    ],
)
@pytest.mark.usefixtures("mock_setup_entry")
async def test_line_step_errors(
    hass: HomeAssistant, identity: dict[str, str], field: str, error: str
) -> None:
    """A wrong name, number or page is shown on its field; the input stays."""
    result = await start_flow(hass, "povo_2")
    wrong = {**POVO_IDENTITY, **identity}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], wrong)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "line"
    assert result["errors"] == {field: error}
    assert suggested(result, field) == identity[field]
    assert suggested(result, CONF_VALIDITY) == "rolling"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], POVO_IDENTITY
    )
    assert result["step_id"] == "rolling"


@pytest.mark.parametrize(
    ("validity", "answer", "field", "error"),
    [
        (
            "rolling",
            {CONF_VALIDITY_DAYS: 0},
            CONF_VALIDITY_DAYS,
            "invalid_validity_days",
        ),
        (
            "rolling",
            {CONF_VALIDITY_DAYS: 30.5},
            CONF_VALIDITY_DAYS,
            "invalid_validity_days",
        ),
        (
            "rolling",
            {CONF_LAST_RENEWAL: "2026-11-27"},
            CONF_LAST_RENEWAL,
            "last_renewal_in_future",
        ),
        (
            "rolling",
            {CONF_DATA_TOTAL_GB: -1},
            CONF_DATA_TOTAL_GB,
            "invalid_data_amount",
        ),
        (
            "rolling",
            {CONF_DATA_TOTAL_GB: 1, CONF_DATA_REMAINING_GB: 3},
            CONF_DATA_REMAINING_GB,
            "data_remaining_exceeds_total",
        ),
        ("monthly", {CONF_BILLING_DAY: 32}, CONF_BILLING_DAY, "invalid_billing_day"),
        ("monthly", {CONF_BILLING_DAY: 0}, CONF_BILLING_DAY, "invalid_billing_day"),
        (
            "fixed",
            {CONF_VALIDITY_DAYS: -30},
            CONF_VALIDITY_DAYS,
            "invalid_validity_days",
        ),
        ("fixed", {CONF_GRACE_DAYS: -1}, CONF_GRACE_DAYS, "invalid_grace_days"),
        ("after_pack", {CONF_PACK_DAYS: 0}, CONF_PACK_DAYS, "invalid_pack_days"),
        (
            "activity",
            {CONF_VALIDITY_DAYS: 180, CONF_VALIDITY_MONTHS: 6},
            CONF_VALIDITY_DAYS,
            "activity_needs_one_window",
        ),
        (
            "stacking",
            {CONF_MAX_VALIDITY_DAYS: 10},
            CONF_MAX_VALIDITY_DAYS,
            "invalid_max_validity_days",
        ),
        ("balance", {CONF_FEE: 0}, CONF_FEE, "invalid_fee"),
        ("balance", {CONF_BALANCE: -5}, CONF_BALANCE, "invalid_balance"),
        ("balance", {CONF_CURRENCY: "dollars"}, CONF_CURRENCY, "invalid_currency"),
    ],
)
@pytest.mark.usefixtures("mock_setup_entry")
async def test_validity_step_errors(
    hass: HomeAssistant,
    validity: str,
    answer: dict[str, Any],
    field: str,
    error: str,
) -> None:
    """Each broken rule is a translated field error; the input stays."""
    valid = {
        "rolling": POVO_VALIDITY,
        "monthly": {CONF_BILLING_DAY: 25},
        "fixed": {CONF_EXPIRY_DATE: "2026-12-20"},
        "after_pack": {**POVO_VALIDITY, CONF_PACK_DAYS: 30},
        "activity": {CONF_LAST_RENEWAL: "2026-11-01", CONF_VALIDITY_DAYS: 180},
        "stacking": {CONF_EXPIRY_DATE: "2027-03-01", CONF_VALIDITY_DAYS: 30},
        "balance": {
            CONF_LAST_RENEWAL: "2026-11-01",
            CONF_BALANCE: 10,
            CONF_FEE: 3,
            CONF_FEE_PERIOD_DAYS: 30,
        },
    }[validity]
    result = await start_flow(hass, None)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Line", CONF_VALIDITY: validity}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**valid, **answer}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == validity
    assert result["errors"] == {field: error}
    for key, value in answer.items():
        assert suggested(result, key) == value

    result = await hass.config_entries.flow.async_configure(result["flow_id"], valid)
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.usefixtures("mock_setup_entry")
async def test_same_number_is_not_added_twice(hass: HomeAssistant) -> None:
    """A number already set up aborts, however it is written."""
    MockConfigEntry(
        domain=DOMAIN, data=POVO_LINE, unique_id=unique_id_of(POVO_LINE)
    ).add_to_hass(hass)
    result = await start_flow(hass, "povo_2")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {**POVO_IDENTITY, CONF_PHONE_NUMBER: "+81-80 1234 5678"},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reconfigure_shows_the_line_as_it_is_now(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Reconfigure changes the line; its forms start from current values."""
    entry = init_integration
    result = await entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"
    assert suggested(result, CONF_NAME) == "povo backup"
    # The carrier field shows the preset's name, never its key.
    assert suggested(result, CONF_CARRIER) == "povo 2.0"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {**POVO_IDENTITY, CONF_CARRIER: "povo 2.0", CONF_NAME: "povo keeper"},
    )
    assert result["step_id"] == "rolling"
    assert suggested(result, CONF_LAST_RENEWAL) == "2026-06-09"
    assert suggested(result, CONF_VALIDITY_DAYS) == 180

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_LAST_RENEWAL: "2026-11-20", CONF_VALIDITY_DAYS: 180}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert entry.title == "povo keeper"
    assert entry.data[CONF_LAST_RENEWAL] == "2026-11-20"
    assert entry.unique_id == unique_id_of(POVO_LINE)
    await hass.async_block_till_done()
    assert hass.states.get("sensor.povo_backup_days_until_expiry").state == "173"


async def test_reconfigure_to_another_kind_and_no_number(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A line can change kind, and lose its number and unique id."""
    entry = init_integration
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "povo backup", CONF_VALIDITY: "fixed"}
    )
    assert result["step_id"] == "fixed"
    assert suggested(result, CONF_EXPIRY_DATE) == "2026-12-05"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_EXPIRY_DATE: "2027-01-31"}
    )
    assert result["reason"] == "reconfigure_successful"
    assert entry.unique_id is None
    assert CONF_PHONE_NUMBER not in entry.data
    assert entry.data[CONF_EXPIRY_DATE] == "2027-01-31"
    assert entry.runtime_data.state.expiry_date.isoformat() == "2027-01-31"


async def test_reconfigure_errors(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Reconfigure rejects a bad number and another line's number on the form."""
    other = {**POVO_LINE, CONF_PHONE_NUMBER: "+44 7700 900123"}
    MockConfigEntry(
        domain=DOMAIN, data=other, unique_id=unique_id_of(other)
    ).add_to_hass(hass)
    result = await init_integration.start_reconfigure_flow(hass)

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**POVO_IDENTITY, CONF_PHONE_NUMBER: "12"}
    )
    assert result["errors"] == {CONF_PHONE_NUMBER: "invalid_phone_number"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**POVO_IDENTITY, CONF_PHONE_NUMBER: "+447700900123"}
    )
    assert result["step_id"] == "reconfigure"
    assert result["errors"] == {CONF_PHONE_NUMBER: "phone_number_in_use"}
    assert suggested(result, CONF_PHONE_NUMBER) == "+447700900123"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], POVO_IDENTITY
    )
    assert result["step_id"] == "rolling"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**POVO_VALIDITY, CONF_VALIDITY_DAYS: 0}
    )
    assert result["errors"] == {CONF_VALIDITY_DAYS: "invalid_validity_days"}
    assert init_integration.data == POVO_LINE


async def test_reconfigure_unloaded_line(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A line that is not loaded is reconfigured from its settings."""
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], POVO_IDENTITY
    )
    assert suggested(result, CONF_LAST_RENEWAL) == "2026-06-09"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_LAST_RENEWAL: "2026-06-19", CONF_VALIDITY_DAYS: 180},
    )
    await hass.async_block_till_done()
    assert result["reason"] == "reconfigure_successful"
    assert mock_config_entry.data[CONF_LAST_RENEWAL] == "2026-06-19"


def test_only_kinds_of_validity_are_steps() -> None:
    """The flow answers a step per kind of validity, and no other."""
    flow = EsimRenewalConfigFlow()
    assert callable(flow.async_step_balance)
    with pytest.raises(AttributeError):
        _ = flow.async_step_nonsense
    with pytest.raises(AttributeError):
        _ = flow.nonsense


async def test_options_flow(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Reminder days are stored as whole days, largest first, and reload the line."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["step_id"] == "init"
    assert suggested(result, CONF_REMINDER_DAYS) == ["30", "7", "1"]
    assert suggested(result, CONF_REMINDER_TIME) == "09:00:00"

    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_REMINDER_DAYS: ["3", "14", "3"],
            CONF_REMINDER_TIME: "08:30:00",
            CONF_DATA_LOW_GB: 0.5,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options == {
        CONF_REMINDER_DAYS: [14, 3],
        CONF_REMINDER_TIME: "08:30:00",
        CONF_DATA_LOW_GB: 0.5,
    }
    await hass.async_block_till_done()
    # 9 days left is within the new 14-day window.
    assert hass.states.get("sensor.povo_backup_status").state == "expiring_soon"

    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_REMINDER_DAYS: ["5"], CONF_REMINDER_TIME: "09:00:00"}
    )
    await hass.async_block_till_done()
    assert init_integration.options == {
        CONF_REMINDER_DAYS: [5],
        CONF_REMINDER_TIME: "09:00:00",
    }
    assert hass.states.get("sensor.povo_backup_status").state == "active"


@pytest.mark.parametrize(
    ("answer", "field", "error"),
    [
        ({CONF_REMINDER_DAYS: ["soon"]}, CONF_REMINDER_DAYS, "invalid_reminder_days"),
        ({CONF_REMINDER_DAYS: ["400"]}, CONF_REMINDER_DAYS, "invalid_reminder_days"),
        ({CONF_DATA_LOW_GB: -1}, CONF_DATA_LOW_GB, "invalid_data_amount"),
    ],
)
async def test_options_flow_errors(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    answer: dict[str, Any],
    field: str,
    error: str,
) -> None:
    """Wrong reminder settings are field errors and change nothing."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_REMINDER_TIME: "09:00:00", **answer}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {field: error}
    assert suggested(result, field) == answer[field]
    assert init_integration.options == {}


async def test_reconfigure_keeps_what_happened(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """A reconfigure keeps the renewal history and the reminders already sent."""
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {"config_entry_id": init_integration.entry_id, "cost": 330},
        blocking=True,
    )
    before = init_integration.runtime_data
    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "povo keeper", CONF_VALIDITY: "fixed"}
    )
    assert suggested(result, CONF_EXPIRY_DATE) == "2027-05-24"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_EXPIRY_DATE: "2027-05-24"}
    )
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()

    after = init_integration.runtime_data
    assert after is not before
    assert after.state.expiry_date == before.state.expiry_date
    assert after.state.terms.last_renewal == before.state.terms.last_renewal
    assert after.state.renewals == before.state.renewals
    assert after.reminder_log == before.reminder_log


@pytest.mark.parametrize("line_data", [WALLET_LINE])
async def test_reconfigure_shows_the_wallet_as_it_is_today(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    init_integration: MockConfigEntry,
) -> None:
    """A wallet line's form starts from today's period and what is left."""
    await move_to(hass, freezer, "2026-12-02T10:00:00+09:00")
    result = await init_integration.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "PayGo", CONF_VALIDITY: "balance"}
    )
    assert result["step_id"] == "balance"
    assert suggested(result, CONF_LAST_RENEWAL) == "2026-12-01"
    assert suggested(result, CONF_BALANCE) == 7
    assert suggested(result, CONF_CURRENCY) == "USD"


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_name_names_one_line(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Two lines cannot share a name, which names their entities."""
    result = await start_flow(hass, None)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: " POVO Backup ", CONF_VALIDITY: "rolling"}
    )
    assert result["errors"] == {CONF_NAME: "name_in_use"}

    other = MockConfigEntry(
        domain=DOMAIN, title="Travel eSIM", data=TRAVEL_LINE, minor_version=2
    )
    other.add_to_hass(hass)
    result = await other.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "povo backup", CONF_VALIDITY: "fixed"}
    )
    assert result["errors"] == {CONF_NAME: "name_in_use"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Travel eSIM", CONF_VALIDITY: "fixed"}
    )
    assert result["step_id"] == "fixed"


@pytest.mark.parametrize(
    ("carrier", "validity", "answer", "reminder_days"),
    [
        ("ahamo", "monthly", {CONF_BILLING_DAY: 1}, [3, 1]),
        ("Travel eSIM", "fixed", {CONF_EXPIRY_DATE: "2026-12-20"}, [7, 1]),
        (
            "povo 2.0",
            "after_pack",
            {
                CONF_LAST_RENEWAL: "2026-11-01",
                CONF_PACK_DAYS: 30,
                CONF_VALIDITY_DAYS: 180,
            },
            [30, 7, 1],
        ),
    ],
)
@pytest.mark.usefixtures("mock_setup_entry")
async def test_new_lines_get_reminders_that_fit(
    hass: HomeAssistant,
    carrier: str,
    validity: str,
    answer: dict[str, Any],
    reminder_days: list[int],
) -> None:
    """A monthly bill, a pack and a number keeper start with their own reminders."""
    result = await start_flow(hass, carrier)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Line", CONF_VALIDITY: validity}
    )
    result = await hass.config_entries.flow.async_configure(result["flow_id"], answer)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["options"] == {
        CONF_REMINDER_DAYS: reminder_days,
        CONF_REMINDER_TIME: "09:00:00",
    }


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_preset_can_carry_its_own_reminders(hass: HomeAssistant) -> None:
    """A preset's reminders win over its rule's."""
    with patch.dict(
        CARRIER_PRESETS,
        {
            "ahamo": replace(CARRIER_PRESETS["ahamo"], reminder_days=(5, 2)),
        },
    ):
        result = await start_flow(hass, "ahamo")
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_NAME: "ahamo", CONF_VALIDITY: "monthly"}
        )
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_BILLING_DAY: 1}
        )
    assert result["options"][CONF_REMINDER_DAYS] == [5, 2]


@pytest.mark.usefixtures("mock_setup_entry")
async def test_carrier_shows_and_takes_a_preset_by_name(hass: HomeAssistant) -> None:
    """The list shows names and countries; the field keeps the name, not the key."""
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    selector = result["data_schema"].schema[CONF_CARRIER].config
    assert selector["options"][0] == {"value": "povo 2.0", "label": "povo 2.0 (JP)"}
    assert selector["custom_value"]
    assert "translation_key" not in selector
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_CARRIER: "povo 2.0"}
    )
    assert suggested(result, CONF_VALIDITY) == "after_pack"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**POVO_IDENTITY, CONF_VALIDITY: "after_pack"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_LAST_RENEWAL: "2026-11-01", CONF_PACK_DAYS: 30, CONF_VALIDITY_DAYS: 180},
    )
    assert result["data"][CONF_CARRIER] == "povo_2"


@pytest.mark.usefixtures("mock_setup_entry")
async def test_every_wrong_field_shows_at_once(hass: HomeAssistant) -> None:
    """Three wrong fields are three errors, on each form."""
    result = await start_flow(hass, None)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_NAME: " ",
            CONF_PHONE_NUMBER: "call me",
            CONF_RENEWAL_URL: "povo.jp",
            CONF_VALIDITY: "balance",
        },
    )
    assert result["errors"] == {
        CONF_NAME: "invalid_name",
        CONF_PHONE_NUMBER: "invalid_phone_number",
        CONF_RENEWAL_URL: "invalid_url",
    }
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Wallet", CONF_VALIDITY: "balance"}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_LAST_RENEWAL: "2026-12-01",
            CONF_BALANCE: -1,
            CONF_FEE: 0,
            CONF_FEE_PERIOD_DAYS: 0.5,
            CONF_CURRENCY: "dollars",
            CONF_GRACE_DAYS: -2,
            CONF_DATA_TOTAL_GB: -1,
        },
    )
    assert result["errors"] == {
        CONF_LAST_RENEWAL: "last_renewal_in_future",
        CONF_BALANCE: "invalid_balance",
        CONF_FEE: "invalid_fee",
        CONF_FEE_PERIOD_DAYS: "invalid_fee_period_days",
        CONF_CURRENCY: "invalid_currency",
        CONF_GRACE_DAYS: "invalid_grace_days",
        CONF_DATA_TOTAL_GB: "invalid_data_amount",
    }
    # What only the values together break shows once each is right.
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            CONF_LAST_RENEWAL: "2026-11-01",
            CONF_BALANCE: 1,
            CONF_FEE: 3,
            CONF_FEE_PERIOD_DAYS: 30,
            CONF_DATA_TOTAL_GB: 1,
            CONF_DATA_REMAINING_GB: 2,
        },
    )
    assert result["errors"] == {CONF_DATA_REMAINING_GB: "data_remaining_exceeds_total"}


@pytest.mark.usefixtures("mock_setup_entry")
async def test_a_line_that_already_lapsed_is_added_only_when_asked(
    hass: HomeAssistant,
) -> None:
    """A past end date asks first; going back keeps what was typed."""
    result = await start_flow(hass, "Travel eSIM")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_NAME: "Old pack", CONF_VALIDITY: "fixed"}
    )
    past = {CONF_EXPIRY_DATE: "2026-11-20", CONF_DATA_TOTAL_GB: 10}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], past)
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "lapsed"
    assert result["menu_options"] == ["add_lapsed", "change_dates"]
    assert result["description_placeholders"] == {
        "name": "Old pack",
        "expiry_date": "2026-11-20",
    }
    # Asked again, the menu is the same (no frontend asks; Home Assistant
    # wants the step to exist).
    flow = hass.config_entries.flow.async_get(result["flow_id"])
    handler = hass.config_entries.flow._progress[result["flow_id"]]  # noqa: SLF001
    again = await handler.async_step_lapsed()
    assert again["menu_options"] == result["menu_options"]
    assert flow["step_id"] == "lapsed"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "change_dates"}
    )
    assert result["step_id"] == "fixed"
    assert suggested(result, CONF_EXPIRY_DATE) == "2026-11-20"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], past)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "add_lapsed"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"][CONF_EXPIRY_DATE] == "2026-11-20"


@pytest.mark.parametrize("line_data", [TRAVEL_LINE])
async def test_options_name_the_line_and_show_its_defaults(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Configure says which line it is and shows reminders that fit it."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["description_placeholders"] == {"name": "Travel eSIM"}
    assert suggested(result, CONF_REMINDER_DAYS) == ["7", "1"]
