"""Tests of lines that follow entities: data counters, data left, expiry, uses."""

from typing import Any

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from homeassistant.components.sensor import SensorDeviceClass
from homeassistant.const import (
    ATTR_CONFIG_ENTRY_ID,
    ATTR_DEVICE_CLASS,
    ATTR_UNIT_OF_MEASUREMENT,
    CONF_NAME,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er, issue_registry as ir

from .conftest import (
    POVO_LINE,
    POVO_PACK_LINE,
    TRAVEL_LINE,
    WALLET_LINE,
    move_to,
    setup_line,
)
from custom_components.esim_renewal.const import (
    CONF_ACTIVITY_ENTITIES,
    CONF_CARRIER,
    CONF_DATA_LOW_GB,
    CONF_DATA_REMAINING_ENTITY,
    CONF_DATA_REMAINING_GB,
    CONF_DATA_TOTAL_GB,
    CONF_DATA_USAGE_ENTITIES,
    CONF_EXPIRY_ENTITY,
    CONF_LAST_RENEWAL,
    CONF_REMINDER_DAYS,
    CONF_REMINDER_TIME,
    CONF_UNLIMITED_DATA,
    CONF_VALIDITY,
    CONF_VALIDITY_MONTHS,
    DOMAIN,
    EVENT_REMINDER,
)

RX = "sensor.pixel_mobile_rx_gb"
TX = "sensor.pixel_mobile_tx_gb"
LEFT = "sensor.router_data_left"
ENDS = "sensor.carrier_plan_ends"
SMS = "sensor.pixel_last_sms_sent"
REMAINING = "sensor.travel_esim_data_remaining"
DAYS = "sensor.travel_esim_days_until_expiry"
REMINDERS = {CONF_REMINDER_DAYS: [7, 1], CONF_REMINDER_TIME: "09:00:00"}

# giffgaff's terms: a line used within six months keeps its number. Last used
# on 26 May 2026, it is safe through 26 November 2026.
ACTIVITY_LINE: dict[str, Any] = {
    CONF_CARRIER: "giffgaff",
    CONF_NAME: "giffgaff",
    CONF_VALIDITY: "activity",
    CONF_LAST_RENEWAL: "2026-05-26",
    CONF_VALIDITY_MONTHS: 6,
    CONF_UNLIMITED_DATA: False,
}


def gigabytes(
    hass: HomeAssistant, entity_id: str, value: Any, unit: str = "GB"
) -> None:
    """Set a data sensor's state."""
    hass.states.async_set(
        entity_id,
        str(value),
        {
            ATTR_UNIT_OF_MEASUREMENT: unit,
            ATTR_DEVICE_CLASS: SensorDeviceClass.DATA_SIZE,
        },
    )


def state_of(hass: HomeAssistant, entity_id: str) -> str:
    """Return an entity's state."""
    state = hass.states.get(entity_id)
    assert state is not None
    return state.state


async def add_line(
    hass: HomeAssistant, data: dict[str, Any], options: dict[str, Any]
) -> MockConfigEntry:
    """Set up a line linked to sources."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        title=data[CONF_NAME],
        data=data,
        options={**REMINDERS, **options},
        version=1,
        minor_version=2,
    )
    await setup_line(hass, entry)
    return entry


async def test_counters_count_the_data_used(hass: HomeAssistant) -> None:
    """Two counters in different units; their increases are the data used."""
    gigabytes(hass, RX, 1.0)
    gigabytes(hass, TX, 512, "MiB")
    await add_line(hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX, TX]})
    # Linked, the counters are where counting starts: 7.7 GB used, as entered.
    assert state_of(hass, REMAINING) == "2.3"

    gigabytes(hass, RX, 1.5)
    gigabytes(hass, TX, 1024, "MiB")
    await hass.async_block_till_done()
    # 0.5 GB and 512 MiB (0.537 GB) more.
    assert state_of(hass, REMAINING) == "1.263"


async def test_a_phone_restart_gaps_and_a_restart_of_home_assistant(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """A counter back at zero counts from zero; a gap counts nothing.

    The baseline survives a restart of Home Assistant.
    """
    gigabytes(hass, RX, 1.5)
    entry = await add_line(hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX]})

    gigabytes(hass, RX, 0.2)  # The phone restarted.
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "2.1"

    for gap in (STATE_UNAVAILABLE, STATE_UNKNOWN):
        hass.states.async_set(RX, gap)
        await hass.async_block_till_done()
        assert state_of(hass, REMAINING) == "2.1"
    gigabytes(hass, RX, 0.4)
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "1.9"

    assert await hass.config_entries.async_unload(entry.entry_id)
    await hass.async_block_till_done()
    stored = hass_storage[f"{DOMAIN}.{entry.entry_id}"]["data"]
    assert stored["counters"] == {RX: 0.4}
    gigabytes(hass, RX, 0.9)  # Counted while Home Assistant was down.
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "1.4"


async def test_a_renewal_counts_from_the_counters_as_they_are(
    hass: HomeAssistant,
) -> None:
    """After a renewal, usage starts again from the counters' current values."""
    gigabytes(hass, RX, 3.0)
    entry = await add_line(hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX]})
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "validity_days": 30},
        blocking=True,
    )
    assert state_of(hass, REMAINING) == "10.0"

    gigabytes(hass, RX, 4.0)
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "9.0"
    # What the counters say does not take the renewal's undo away, and the
    # undo does not take back what they counted.
    await hass.services.async_call(
        DOMAIN, "undo_renewal", {ATTR_CONFIG_ENTRY_ID: entry.entry_id}, blocking=True
    )
    assert state_of(hass, DAYS) == "24"
    assert state_of(hass, REMAINING) == "9.0"
    assert entry.runtime_data.state.counters == {RX: 4.0}


async def test_a_reading_by_hand_wins_until_the_counters_change(
    hass: HomeAssistant,
) -> None:
    """set_data still works; the next increase is counted on top of it."""
    gigabytes(hass, RX, 1.0)
    entry = await add_line(hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX]})
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "data_remaining_gb": 5},
        blocking=True,
    )
    assert state_of(hass, REMAINING) == "5.0"
    gigabytes(hass, RX, 1.5)
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "4.5"


async def test_low_data_from_a_counter_reminds(hass: HomeAssistant) -> None:
    """data_low fires when the counted usage takes the data below the mark."""
    reminders = async_capture_events(hass, EVENT_REMINDER)
    gigabytes(hass, RX, 0)
    await add_line(
        hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX], CONF_DATA_LOW_GB: 1}
    )
    gigabytes(hass, RX, 1.0)
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "1.3"
    assert reminders == []
    gigabytes(hass, RX, 1.5)
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "0.8"
    assert [event.data["kind"] for event in reminders] == ["data_low"]


async def test_data_left_follows_its_sensor(hass: HomeAssistant) -> None:
    """Data left in any unit is converted; a value seen again is not news."""
    gigabytes(hass, LEFT, 3500, "MB")
    entry = await add_line(hass, TRAVEL_LINE, {CONF_DATA_REMAINING_ENTITY: LEFT})
    assert state_of(hass, REMAINING) == "3.5"

    gigabytes(hass, LEFT, 12, "GiB")  # Extra data bought: the allowance grows.
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "12.885"
    assert entry.runtime_data.state.data.used_gb == 0

    gigabytes(hass, LEFT, "lots")
    gigabytes(hass, LEFT, 5, "MB/s")
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "12.885"

    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "data_remaining_gb": 4},
        blocking=True,
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    # The sensor says what it said before the reading by hand: not news.
    gigabytes(hass, LEFT, 12, "GiB")
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "4.0"


@pytest.mark.parametrize(
    ("device_class", "value", "days"),
    [
        (SensorDeviceClass.DATE, "2027-01-10", "45"),
        # 00:00 on 11 January in Tokyo: safe through 10 January.
        (SensorDeviceClass.TIMESTAMP, "2027-01-10T15:00:00+00:00", "45"),
        # 18:00 on 10 January in Tokyo: 10 January is not safe all day.
        (SensorDeviceClass.TIMESTAMP, "2027-01-10T09:00:00+00:00", "44"),
    ],
)
async def test_expiry_follows_a_date_or_timestamp(
    hass: HomeAssistant, device_class: SensorDeviceClass, value: str, days: str
) -> None:
    """A date is the last safe day; an instant is when the line stops."""
    hass.states.async_set(
        ENDS, "2026-12-20", {ATTR_DEVICE_CLASS: SensorDeviceClass.DATE}
    )
    await add_line(hass, TRAVEL_LINE, {CONF_EXPIRY_ENTITY: ENDS})
    assert state_of(hass, DAYS) == "24"

    hass.states.async_set(ENDS, value, {ATTR_DEVICE_CLASS: device_class})
    await hass.async_block_till_done()
    assert state_of(hass, DAYS) == days

    hass.states.async_set(ENDS, "soon", {ATTR_DEVICE_CLASS: device_class})
    await hass.async_block_till_done()
    assert state_of(hass, DAYS) == days


async def test_a_new_value_is_a_use_that_keeps_the_line(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """A use restarts the six months, once a day, and is counted apart."""
    hass.states.async_set(SMS, "2026-11-20T10:00:00+00:00")
    gigabytes(hass, RX, 2.0)
    entry = await add_line(hass, ACTIVITY_LINE, {CONF_ACTIVITY_ENTITIES: [SMS, RX]})
    days = "sensor.giffgaff_days_until_expiry"
    last_renewal = "sensor.giffgaff_last_renewal"
    # Linked: where the sources stood is not a use.
    assert state_of(hass, days) == "0"
    assert entry.runtime_data.state.uses.count == 0

    hass.states.async_set(SMS, "2026-11-26T01:30:00+00:00")
    await hass.async_block_till_done()
    # Used on 26 November: safe through 26 May 2027.
    assert state_of(hass, days) == "181"
    assert entry.runtime_data.state.uses.count == 1
    assert state_of(hass, last_renewal) == "2026-11-26"

    gigabytes(hass, RX, 2.5)  # Used again the same day.
    await hass.async_block_till_done()
    assert entry.runtime_data.state.uses.count == 1

    await move_to(hass, freezer, "2026-11-27T12:00:00+09:00")
    gigabytes(hass, RX, 0.1)  # The phone restarted: not a use.
    await hass.async_block_till_done()
    assert entry.runtime_data.state.uses.count == 1

    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    # Seen again after a restart: not a use.
    assert entry.runtime_data.state.uses.count == 1

    gigabytes(hass, RX, 0.3)
    await hass.async_block_till_done()
    assert state_of(hass, days) == "181"
    attributes = hass.states.get(last_renewal).attributes
    assert (attributes["uses"], attributes["last_use"]) == (
        2,
        "2026-11-27T12:00:00+09:00",
    )
    # Uses are no renewals: the history holds none of them, and none is undone.
    assert attributes["recent_renewals"] == []
    assert entry.runtime_data.state.renewals == ()
    assert entry.runtime_data.state.undo == ()


async def test_a_source_that_disappears_raises_a_repair(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    """A linked entity that is gone raises an issue, which goes when it is back."""
    registered = entity_registry.async_get_or_create(
        "sensor", "mobile_app", "pixel_rx", suggested_object_id="pixel_mobile_rx_gb"
    )
    assert registered.entity_id == RX
    entry = await add_line(
        hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX, "sensor.old_phone_rx"]}
    )
    issue_id = f"source_missing_{entry.entry_id}"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders == {
        "name": "Travel eSIM",
        "entities": "sensor.old_phone_rx",
    }

    gigabytes(hass, "sensor.old_phone_rx", 1)
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None

    entity_registry.async_remove(RX)
    await hass.async_block_till_done()
    issue = ir.async_get(hass).async_get_issue(DOMAIN, issue_id)
    assert issue is not None
    assert issue.translation_placeholders["entities"] == RX


async def test_options_link_sources_that_fit_the_line(hass: HomeAssistant) -> None:
    """The form offers what the line can follow, refuses what it cannot read."""
    gigabytes(hass, RX, 1)
    hass.states.async_set(LEFT, "3", {ATTR_UNIT_OF_MEASUREMENT: "MB/s"})
    hass.states.async_set("sensor.no_unit", "3")
    hass.states.async_set(ENDS, "2027-01-10", {ATTR_DEVICE_CLASS: "date"})
    entry = await add_line(hass, TRAVEL_LINE, {})

    result = await hass.config_entries.options.async_init(entry.entry_id)
    fields = {str(key) for key in result["data_schema"].schema}
    assert {
        CONF_DATA_REMAINING_ENTITY,
        CONF_DATA_USAGE_ENTITIES,
        CONF_EXPIRY_ENTITY,
    } < fields
    assert CONF_ACTIVITY_ENTITIES not in fields

    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **REMINDERS,
            CONF_REMINDER_DAYS: ["7", "1"],
            CONF_DATA_REMAINING_ENTITY: LEFT,
            CONF_DATA_USAGE_ENTITIES: [RX, "sensor.no_unit"],
            CONF_EXPIRY_ENTITY: RX,
        },
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {
        CONF_DATA_REMAINING_ENTITY: "data_source_unit",
        CONF_DATA_USAGE_ENTITIES: "data_source_unit",
        CONF_EXPIRY_ENTITY: "expiry_source",
    }

    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **REMINDERS,
            CONF_REMINDER_DAYS: ["7", "1"],
            CONF_DATA_USAGE_ENTITIES: [RX],
            CONF_EXPIRY_ENTITY: ENDS,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options == {
        CONF_REMINDER_DAYS: [7, 1],
        CONF_REMINDER_TIME: "09:00:00",
        CONF_DATA_USAGE_ENTITIES: [RX],
        CONF_EXPIRY_ENTITY: ENDS,
    }
    # The line reloaded and follows them.
    assert state_of(hass, DAYS) == "45"


@pytest.mark.parametrize(
    ("data", "offered", "left_out"),
    [
        (
            ACTIVITY_LINE,
            {CONF_ACTIVITY_ENTITIES, CONF_EXPIRY_ENTITY, CONF_DATA_USAGE_ENTITIES},
            set(),
        ),
        (
            WALLET_LINE,
            {CONF_DATA_USAGE_ENTITIES},
            {CONF_EXPIRY_ENTITY, CONF_ACTIVITY_ENTITIES},
        ),
        (
            {**POVO_LINE, CONF_UNLIMITED_DATA: True},
            {CONF_EXPIRY_ENTITY},
            {CONF_DATA_REMAINING_ENTITY, CONF_DATA_USAGE_ENTITIES},
        ),
    ],
    ids=["activity", "wallet", "unlimited"],
)
async def test_options_offer_the_sources_of_the_line(
    hass: HomeAssistant, data: dict[str, Any], offered: set[str], left_out: set[str]
) -> None:
    """Uses only on lines kept by use; no expiry on a wallet; no data if unlimited."""
    entry = await add_line(hass, data, {})
    result = await hass.config_entries.options.async_init(entry.entry_id)
    fields = {str(key) for key in result["data_schema"].schema}
    assert offered <= fields
    assert not left_out & fields


async def test_sources_known_only_to_the_registry(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    """A source that has not reported yet is judged by its registry entry."""
    counter = entity_registry.async_get_or_create(
        "sensor", "mobile_app", "tablet_rx", unit_of_measurement="GB"
    )
    ends = entity_registry.async_get_or_create(
        "sensor",
        "carrier",
        "plan_ends",
        original_device_class=SensorDeviceClass.TIMESTAMP,
    )
    entry = await add_line(hass, TRAVEL_LINE, {})
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **REMINDERS,
            CONF_REMINDER_DAYS: ["7", "1"],
            CONF_DATA_USAGE_ENTITIES: [counter.entity_id],
            CONF_EXPIRY_ENTITY: ends.entity_id,
        },
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_expiry_from_an_input_datetime_in_local_time(hass: HomeAssistant) -> None:
    """A date and time without a zone is local: 18:00 leaves the day before safe."""
    helper = "input_datetime.plan_ends"
    hass.states.async_set(helper, "2027-01-10 18:00:00")
    entry = await add_line(hass, TRAVEL_LINE, {CONF_EXPIRY_ENTITY: helper})
    assert state_of(hass, DAYS) == "44"
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {**REMINDERS, CONF_REMINDER_DAYS: ["7"], CONF_EXPIRY_ENTITY: helper},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_data_left_after_the_pack_ended_is_not_taken(
    hass: HomeAssistant,
) -> None:
    """The data of a pack that ended is gone, whatever a sensor still says."""
    gigabytes(hass, LEFT, 1)
    entry = await add_line(
        hass,
        {**POVO_PACK_LINE, CONF_DATA_TOTAL_GB: 3, CONF_DATA_REMAINING_GB: 2},
        {CONF_DATA_REMAINING_ENTITY: LEFT},
    )
    assert state_of(hass, "sensor.povo_2_0_data_remaining") == "0.0"
    assert entry.runtime_data.state.seen == {LEFT: "1"}


async def test_reconfigure_links_sources_too(hass: HomeAssistant) -> None:
    """The reconfigure form shows the links, checks them, and keeps them in options."""
    gigabytes(hass, RX, 1)
    hass.states.async_set(ENDS, "2027-01-10", {ATTR_DEVICE_CLASS: "date"})
    entry = await add_line(
        hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX], CONF_DATA_LOW_GB: 1}
    )
    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_NAME: "Travel eSIM", CONF_VALIDITY: "fixed", CONF_CARRIER: "Travel eSIM"},
    )
    assert result["step_id"] == "fixed"
    schema = result["data_schema"].schema
    fields = {str(key): key for key in schema}
    assert CONF_ACTIVITY_ENTITIES not in fields
    assert fields[CONF_DATA_USAGE_ENTITIES].description == {"suggested_value": [RX]}

    answer = {
        "expiry_date": "2026-12-20",
        CONF_DATA_TOTAL_GB: 10,
        CONF_DATA_REMAINING_GB: 2.3,
        CONF_DATA_USAGE_ENTITIES: [RX],
    }
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**answer, CONF_EXPIRY_ENTITY: RX}
    )
    assert result["errors"] == {CONF_EXPIRY_ENTITY: "expiry_source"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**answer, CONF_EXPIRY_ENTITY: ENDS}
    )
    assert result["reason"] == "reconfigure_successful"
    await hass.async_block_till_done()
    assert entry.options == {
        **REMINDERS,
        CONF_DATA_LOW_GB: 1,
        CONF_DATA_USAGE_ENTITIES: [RX],
        CONF_EXPIRY_ENTITY: ENDS,
    }
    assert state_of(hass, DAYS) == "45"
