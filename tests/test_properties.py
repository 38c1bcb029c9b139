"""Property-based tests of the ways in: any input to the config flow and actions.

Whatever a user types or an automation sends, the integration answers with one
of its own translated errors (or Home Assistant's, for a value its selector or
schema refuses) and keeps nothing of it; what it accepts makes a line that loads.
"""

from copy import deepcopy
from datetime import date, timedelta
import json
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from hypothesis import HealthCheck, event, given, settings, strategies as st
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
import voluptuous as vol

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.const import ATTR_CONFIG_ENTRY_ID, ATTR_DEVICE_ID, CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er

from .conftest import (
    POVO_LINE,
    POVO_PACK_LINE,
    TRAVEL_LINE,
    WALLET_LINE,
    line_device_id,
    setup_line,
)
from custom_components.esim_renewal.const import (
    CONF_CARRIER,
    CONF_PHONE_NUMBER,
    CONF_RENEWAL_URL,
    CONF_VALIDITY,
    DOMAIN,
    SAVE_DELAY,
    SERVICE_RENEW,
    SERVICE_SET_DATA,
    SERVICE_UNDO_RENEWAL,
)
from custom_components.esim_renewal.domain.carriers import CARRIER_PRESETS
from custom_components.esim_renewal.domain.validity import ValidityKind

TRANSLATIONS = json.loads(
    (
        Path(__file__).parents[1]
        / "custom_components"
        / DOMAIN
        / "translations"
        / "en.json"
    ).read_text()
)
FLOW_ERRORS = set(TRANSLATIONS["config"]["error"])
ACTION_ERRORS = set(TRANSLATIONS["exceptions"])
# Each example runs on the test's one Home Assistant, which it leaves as it was.
HASS_PER_TEST = settings(
    max_examples=1000, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

TEXT = st.text(max_size=30)
# What a form's number box or an automation can send: any JSON number, most
# often one a person would type.
NUMBER = st.one_of(
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=-10, max_value=4000),
    st.floats(min_value=-1e9, max_value=1e9, allow_nan=False),
)
# A date picker sends a valid day; YAML or a typo may send anything.
DAY = st.dates(min_value=date(2016, 1, 1), max_value=date(2036, 12, 31)).map(
    date.isoformat
)
DAY_TEXT = st.one_of(DAY, DAY, DAY, TEXT)
VALIDITY_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "expiry_date": DAY_TEXT,
    "last_renewal": DAY_TEXT,
    "validity_days": NUMBER,
    "validity_months": NUMBER,
    "billing_day": NUMBER,
    "pack_days": NUMBER,
    "max_validity_days": NUMBER,
    "fee_period_days": NUMBER,
    "grace_days": NUMBER,
    "balance": NUMBER,
    "fee": NUMBER,
    "currency": st.sampled_from(["JPY", "usd", "", "EURO"]) | TEXT,
    "data_total_gb": NUMBER,
    "data_remaining_gb": NUMBER,
    "unlimited_data": st.booleans(),
}

# What a person adding a real line would most often type.
PAST_DAY = st.dates(min_value=date(2025, 6, 1), max_value=date(2026, 11, 26)).map(
    date.isoformat
)
SOME_DAY = st.dates(min_value=date(2025, 6, 1), max_value=date(2027, 12, 31)).map(
    date.isoformat
)
DAY_COUNT = st.integers(min_value=1, max_value=400)
PLAUSIBLE_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "expiry_date": SOME_DAY,
    "last_renewal": PAST_DAY,
    "validity_days": DAY_COUNT,
    "validity_months": st.integers(min_value=1, max_value=12),
    "billing_day": st.integers(min_value=1, max_value=31),
    "pack_days": DAY_COUNT,
    "max_validity_days": DAY_COUNT,
    "fee_period_days": DAY_COUNT,
    "grace_days": st.integers(min_value=0, max_value=90),
    "balance": st.integers(min_value=0, max_value=100),
    "fee": st.integers(min_value=1, max_value=30),
    "currency": st.sampled_from(["JPY", "USD", "GBP"]),
    "data_total_gb": st.integers(min_value=0, max_value=50),
    "data_remaining_gb": st.floats(min_value=0, max_value=50),
    "unlimited_data": st.booleans(),
}

_LEFT_OUT = object()


def fields(strategies: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """Return input with any of the fields, each most often given a value."""
    return st.fixed_dictionaries(
        {
            name: st.one_of(*[value] * 7, st.just(_LEFT_OUT))
            for name, value in strategies.items()
        }
    ).map(lambda given: {k: v for k, v in given.items() if v is not _LEFT_OUT})


CARRIER = st.one_of(
    st.sampled_from([preset.name for preset in CARRIER_PRESETS.values()]), TEXT
)
NAME = st.sampled_from(["povo", "Travel eSIM", "giffgaff 🇬🇧"])
LINE = st.fixed_dictionaries(
    {
        CONF_NAME: st.one_of(NAME, NAME, NAME, TEXT),
        CONF_VALIDITY: st.sampled_from([kind.value for kind in ValidityKind]),
    },
    optional={
        CONF_PHONE_NUMBER: st.sampled_from(["+81 80-1234-5678", "07700 900123"]) | TEXT,
        CONF_RENEWAL_URL: st.sampled_from(["https://povo.jp/", "povo.jp"]) | TEXT,
    },
)


def assert_only_translated_errors(errors: dict[str, str] | None) -> None:
    """Assert that a form shows errors, each one the integration translates."""
    assert errors
    assert set(errors.values()) <= FLOW_ERRORS


@HASS_PER_TEST
@given(
    carrier=st.none() | CARRIER,
    line=LINE,
    validity=st.one_of(
        fields(PLAUSIBLE_FIELDS), fields(PLAUSIBLE_FIELDS), fields(VALIDITY_FIELDS)
    ),
    add_lapsed=st.booleans(),
)
async def test_any_input_to_the_config_flow(
    hass: HomeAssistant,
    carrier: str | None,
    line: dict[str, Any],
    validity: dict[str, Any],
    add_lapsed: bool,
) -> None:
    """Any input gets a translated error and adds nothing, or adds a line that loads."""
    flow = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )
    flow_id = flow["flow_id"]
    configure = hass.config_entries.flow.async_configure
    try:
        result = await configure(
            flow_id, {} if carrier is None else {CONF_CARRIER: carrier}
        )
        if result["step_id"] == "unconfirmed_preset":
            result = await configure(flow_id, {})
        result = await configure(flow_id, line)
        if result["step_id"] == "line":
            event("the line step refused it")
            assert_only_translated_errors(result["errors"])
            return
        kind = line[CONF_VALIDITY]
        schema_fields = {str(key) for key in result["data_schema"].schema}
        result = await configure(
            flow_id, {k: v for k, v in validity.items() if k in schema_fields}
        )
        if result["type"] is FlowResultType.MENU:
            result = await configure(
                flow_id,
                {"next_step_id": "add_lapsed" if add_lapsed else "change_dates"},
            )
        if result["type"] is FlowResultType.FORM:
            assert result["step_id"] == kind
            if result["errors"]:
                event(f"the {kind} step refused it")
                assert_only_translated_errors(result["errors"])
            return
        assert result["type"] is FlowResultType.CREATE_ENTRY
        event(f"a {kind} line was added")
        await hass.async_block_till_done()
        entry = result["result"]
        assert entry.state is ConfigEntryState.LOADED
        days = [
            hass.states.get(each.entity_id)
            for each in er.async_entries_for_config_entry(
                er.async_get(hass), entry.entry_id
            )
            if each.translation_key == "days_until_expiry"
        ]
        assert len(days) == 1
        assert days[0] is not None
        int(days[0].state)
        await hass.config_entries.async_remove(entry.entry_id)
        await hass.async_block_till_done()
    except InvalidData as err:
        # A selector refused a value: the form says so, in Home Assistant's words.
        event(f"a selector refused {sorted(err.schema_errors)}")
    finally:
        if _in_progress(hass, flow_id):
            hass.config_entries.flow.async_abort(flow_id)
        assert hass.config_entries.async_entries(DOMAIN) == []


def _in_progress(hass: HomeAssistant, flow_id: str) -> bool:
    """Return whether a flow is still open."""
    return any(
        flow["flow_id"] == flow_id for flow in hass.config_entries.flow.async_progress()
    )


RENEW_FIELDS = fields(
    {
        "renewed_on": DAY_TEXT,
        "expiry_date": DAY_TEXT,
        "validity_days": NUMBER,
        "pack_days": NUMBER,
        "amount": NUMBER,
        "data_total_gb": NUMBER,
        "cost": NUMBER,
        "currency": st.sampled_from(["JPY", "usd", "EURO"]) | TEXT,
    }
)
SET_DATA_FIELDS = fields(
    {
        "data_remaining_gb": NUMBER,
        "data_used_gb": NUMBER,
        "data_total_gb": NUMBER,
    }
)
ACTIONS = st.one_of(
    st.tuples(st.just(SERVICE_RENEW), RENEW_FIELDS),
    st.tuples(st.just(SERVICE_SET_DATA), SET_DATA_FIELDS),
    st.tuples(st.just(SERVICE_UNDO_RENEWAL), st.just({})),
)
LINES = (POVO_LINE, POVO_PACK_LINE, TRAVEL_LINE, WALLET_LINE)


@HASS_PER_TEST
@given(
    line=st.integers(min_value=0, max_value=len(LINES) - 1),
    action=ACTIONS,
    by_device=st.booleans(),
)
async def test_any_input_to_the_actions(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
    line: int,
    action: tuple[str, dict[str, Any]],
    *,
    by_device: bool,
) -> None:
    """Any action data gets a translated error and changes nothing, or is recorded."""
    entries = await _lines(hass)
    entry = entries[line]
    service, data = action
    target = (
        {ATTR_DEVICE_ID: line_device_id(hass, entry)}
        if by_device
        else {ATTR_CONFIG_ENTRY_ID: entry.entry_id}
    )

    async def settle() -> None:
        """Let pending writes reach the store files."""
        freezer.tick(timedelta(seconds=SAVE_DELAY + 1))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()

    await settle()
    stored = deepcopy(hass_storage)
    states = [each.runtime_data.state for each in entries]
    error: Exception | None = None
    try:
        await hass.services.async_call(
            DOMAIN, service, {**target, **data}, blocking=True
        )
    except (ServiceValidationError, vol.Invalid) as err:
        # A value the action's schema refuses is said in Home Assistant's words.
        error = err
    event(f"{service}: {type(error).__name__ if error else 'recorded'}")
    if error is None:
        return
    if isinstance(error, ServiceValidationError):
        assert error.translation_domain == DOMAIN
        assert error.translation_key in ACTION_ERRORS
    await settle()
    assert hass_storage == stored
    assert [each.runtime_data.state for each in entries] == states


async def _lines(hass: HomeAssistant) -> list[MockConfigEntry]:
    """Return the test's lines, set up by its first example."""
    entries: list[MockConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    if not entries:
        for number, data in enumerate(LINES):
            entry = MockConfigEntry(
                domain=DOMAIN,
                title=data[CONF_NAME],
                data=data,
                entry_id=f"01JPROPERTYLINE{number:011d}",
                version=1,
                minor_version=2,
            )
            await setup_line(hass, entry)
            entries.append(entry)
    return entries
