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

    gigabytes(hass, LEFT, 3, "GiB")
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "3.221"

    gigabytes(hass, LEFT, "lots")
    gigabytes(hass, LEFT, 5, "MB/s")
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "3.221"

    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "data_remaining_gb": 4},
        blocking=True,
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    # The sensor says what it said before the reading by hand: not news.
    gigabytes(hass, LEFT, 3, "GiB")
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "4.0"


async def test_extra_data_belongs_to_the_pack(hass: HomeAssistant) -> None:
    """More left than the pack's allowance is extra data; a renewal refills the plan.

    A 10 GB pack with 6.6 GB used, whose data left reads 15 GB, has 21.6 GB this
    time, 6.6 of them used. A renewal gives the plan's 10 GB again, and the
    data left wins once it says something new.
    """
    gigabytes(hass, LEFT, 3.4)
    entry = await add_line(hass, TRAVEL_LINE, {CONF_DATA_REMAINING_ENTITY: LEFT})

    def data() -> tuple[float | None, ...]:
        """Return the line's data: total, remaining, used."""
        data = entry.runtime_data.state.data
        return data.total_gb, data.remaining_gb, data.used_gb

    assert data() == (10, 3.4, 6.6)
    gigabytes(hass, LEFT, 15)
    await hass.async_block_till_done()
    assert data() == (21.6, 15, 6.6)
    gigabytes(hass, LEFT, 1.8)
    await hass.async_block_till_done()
    assert data() == (21.6, 1.8, 19.8)

    await hass.services.async_call(
        DOMAIN,
        "renew",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "validity_days": 30},
        blocking=True,
    )
    assert data() == (10, 10, 0)
    assert state_of(hass, REMAINING) == "10.0"
    gigabytes(hass, LEFT, 9.5)
    await hass.async_block_till_done()
    assert data() == (10, 9.5, 0.5)


async def test_a_number_of_data_left_is_offered_and_followed(
    hass: HomeAssistant,
) -> None:
    """An input_number or number in a unit of data can give the data left."""
    helper = "input_number.travel_data_left"
    hass.states.async_set(helper, "2.5", {ATTR_UNIT_OF_MEASUREMENT: "GB"})
    entry = await add_line(hass, TRAVEL_LINE, {})

    result = await hass.config_entries.options.async_init(entry.entry_id)
    fields = {str(key): value for key, value in result["data_schema"].schema.items()}
    for field in (CONF_DATA_REMAINING_ENTITY, CONF_DATA_USAGE_ENTITIES):
        assert fields[field].config["filter"] == [
            {"domain": ["sensor", "number", "input_number"]}
        ]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {**REMINDERS, CONF_REMINDER_DAYS: ["7"], CONF_DATA_REMAINING_ENTITY: helper},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "2.5"
    hass.states.async_set(helper, "2048", {ATTR_UNIT_OF_MEASUREMENT: "MiB"})
    await hass.async_block_till_done()
    assert state_of(hass, REMAINING) == "2.147"


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


async def test_a_renamed_source_is_followed(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    """A source renamed in the registry is followed under its new id, in each role.

    Its baseline and last value move with it, the line's options name it, and
    no repair is left for the old id.
    """
    counter = entity_registry.async_get_or_create(
        "sensor", "mobile_app", "pixel_rx", suggested_object_id="pixel_mobile_rx_gb"
    )
    gigabytes(hass, RX, 1.0)
    gigabytes(hass, TX, 0.5)
    hass.states.async_set(SMS, "2026-11-20T10:00:00+00:00")
    entry = await add_line(
        hass,
        ACTIVITY_LINE | {CONF_DATA_TOTAL_GB: 10, CONF_DATA_REMAINING_GB: 8},
        {CONF_DATA_USAGE_ENTITIES: [RX, TX], CONF_ACTIVITY_ENTITIES: [RX, SMS]},
    )
    gigabytes(hass, RX, 1.5)  # A use: it keeps the line, and buys no data.
    await hass.async_block_till_done()
    assert entry.runtime_data.state.data.used_gb == 2.5

    renamed = "sensor.pixel_data_received"
    entity_registry.async_update_entity(counter.entity_id, new_entity_id=renamed)
    hass.states.async_remove(RX)
    gigabytes(hass, renamed, 1.5)
    await hass.async_block_till_done()

    assert entry.options[CONF_DATA_USAGE_ENTITIES] == [renamed, TX]
    assert entry.options[CONF_ACTIVITY_ENTITIES] == [renamed, SMS]
    line = entry.runtime_data.state
    assert line.counters == {renamed: 1.5, TX: 0.5}
    assert line.seen == {SMS: "2026-11-20T10:00:00+00:00", renamed: "1.5"}
    assert line.uses.count == 1
    issue_id = f"source_missing_{entry.entry_id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None

    gigabytes(hass, renamed, 2.0)
    await hass.async_block_till_done()
    assert entry.runtime_data.state.data.used_gb == 3.0


async def test_a_renamed_source_of_one_entity(
    hass: HomeAssistant, entity_registry: er.EntityRegistry
) -> None:
    """The data left, renamed, keeps its last value: seen again, it is not news.

    A source that never reported is renamed in the options alone.
    """
    left = entity_registry.async_get_or_create(
        "sensor", "router", "left", suggested_object_id="router_data_left"
    )
    ends = entity_registry.async_get_or_create(
        "sensor", "carrier", "ends", suggested_object_id="carrier_plan_ends"
    )
    gigabytes(hass, LEFT, 3)
    entry = await add_line(
        hass,
        TRAVEL_LINE,
        {CONF_DATA_REMAINING_ENTITY: LEFT, CONF_EXPIRY_ENTITY: ends.entity_id},
    )
    entity_registry.async_update_entity(
        ends.entity_id, new_entity_id="sensor.carrier_line_ends"
    )
    await hass.async_block_till_done()
    assert entry.options[CONF_EXPIRY_ENTITY] == "sensor.carrier_line_ends"
    assert entry.runtime_data.state.seen == {LEFT: "3"}

    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "data_remaining_gb": 2},
        blocking=True,
    )
    entity_registry.async_update_entity(
        left.entity_id, new_entity_id="sensor.router_left"
    )
    hass.states.async_remove(LEFT)
    gigabytes(hass, "sensor.router_left", 3)
    await hass.async_block_till_done()
    assert entry.options[CONF_DATA_REMAINING_ENTITY] == "sensor.router_left"
    assert state_of(hass, REMAINING) == "2.0"


async def test_a_line_never_follows_its_own_entities(
    hass: HomeAssistant,
) -> None:
    """The forms refuse the line's own entities; linked before, they are ignored."""
    gigabytes(hass, RX, 1)
    entry = await add_line(hass, TRAVEL_LINE, {})
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            **REMINDERS,
            CONF_REMINDER_DAYS: ["7"],
            CONF_DATA_REMAINING_ENTITY: REMAINING,
            CONF_DATA_USAGE_ENTITIES: [RX, "sensor.travel_esim_data_used"],
            CONF_EXPIRY_ENTITY: "date.travel_esim_last_safe_day",
        },
    )
    assert result["errors"] == {
        CONF_DATA_REMAINING_ENTITY: "own_entity_source",
        CONF_DATA_USAGE_ENTITIES: "own_entity_source",
        CONF_EXPIRY_ENTITY: "own_entity_source",
    }

    result = await entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_NAME: "Travel eSIM", CONF_VALIDITY: "fixed", CONF_CARRIER: "Travel eSIM"},
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "expiry_date": "2026-12-20",
            CONF_DATA_TOTAL_GB: 10,
            CONF_DATA_REMAINING_GB: 2.3,
            CONF_DATA_REMAINING_ENTITY: REMAINING,
        },
    )
    assert result["errors"] == {CONF_DATA_REMAINING_ENTITY: "own_entity_source"}

    # Linked by an earlier release: the line does not follow itself, which
    # would count each change of its data as data used.
    hass.config_entries.async_update_entry(
        entry, options={**entry.options, CONF_DATA_USAGE_ENTITIES: [REMAINING]}
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    await hass.services.async_call(
        DOMAIN,
        "set_data",
        {ATTR_CONFIG_ENTRY_ID: entry.entry_id, "data_remaining_gb": 5},
        blocking=True,
    )
    await hass.async_block_till_done()
    assert entry.runtime_data.state.counters == {}
    assert state_of(hass, REMAINING) == "5.0"


async def test_the_missing_source_issue_goes_with_its_cause(
    hass: HomeAssistant,
) -> None:
    """Unlinking the missing source, or removing the line, deletes the issue."""
    entry = await add_line(hass, TRAVEL_LINE, {CONF_DATA_USAGE_ENTITIES: [RX]})
    issue_id = f"source_missing_{entry.entry_id}"
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None

    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**REMINDERS, CONF_REMINDER_DAYS: ["7"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert CONF_DATA_USAGE_ENTITIES not in entry.options
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None

    hass.config_entries.async_update_entry(
        entry, options={**entry.options, CONF_DATA_USAGE_ENTITIES: [RX]}
    )
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is not None
    assert await hass.config_entries.async_remove(entry.entry_id)
    await hass.async_block_till_done()
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue_id) is None
