"""Tests of a line's sensors, and of how they follow the local calendar."""

from collections.abc import Callable
from datetime import datetime
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from homeassistant.const import CONF_NAME, Platform
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.setup import async_setup_component

from .conftest import (
    POVO_LINE,
    POVO_PACK_LINE,
    TRAVEL_LINE,
    WALLET_LINE,
    move_to,
    setup_line,
    setup_platform,
)
from custom_components.esim_renewal.const import (
    CONF_BILLING_DAY,
    CONF_EXPIRY_DATE,
    CONF_LAST_RENEWAL,
    CONF_VALIDITY,
    CONF_VALIDITY_DAYS,
    DOMAIN,
)

DAYS = "sensor.povo_backup_days_until_expiry"
EXPIRY = "sensor.povo_backup_stops_working"
STATUS = "sensor.povo_backup_status"


def days_left(hass: HomeAssistant, entity_id: str = DAYS) -> str:
    """Return the days-until-expiry state."""
    return hass.states.get(entity_id).state


@pytest.mark.parametrize(
    "line_data",
    [POVO_LINE, POVO_PACK_LINE, TRAVEL_LINE, WALLET_LINE],
    ids=["povo", "povo_pack", "travel", "wallet"],
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_sensors(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """Every sensor of a line, with its registry entry and state."""
    await setup_platform(hass, mock_config_entry, Platform.SENSOR)
    await snapshot_platform(hass, entity_registry, snapshot, mock_config_entry.entry_id)


@pytest.mark.usefixtures("init_integration")
async def test_day_count_changes_at_local_midnight(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The count drops at midnight in Tokyo, and not an hour earlier."""
    await move_to(hass, freezer, "2026-11-26T23:59:59+09:00")
    assert days_left(hass) == "9"
    await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
    assert days_left(hass) == "8"
    await move_to(hass, freezer, "2026-11-28T00:00:01+09:00")
    assert days_left(hass) == "7"


@pytest.mark.usefixtures("init_integration")
async def test_line_lapses_at_the_expiry_instant(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Expiry day counts 0; the next local day the line is expired."""
    assert hass.states.get(EXPIRY).state == "2026-12-05T15:00:00+00:00"
    await move_to(hass, freezer, "2026-12-05T23:59:59+09:00")
    assert days_left(hass) == "0"
    assert hass.states.get(STATUS).state == "expiring_soon"
    await move_to(hass, freezer, "2026-12-06T00:00:00+09:00")
    assert days_left(hass) == "-1"
    assert hass.states.get(STATUS).state == "expired"
    assert hass.states.get("binary_sensor.povo_backup_renewal_due").state == "on"


@pytest.mark.parametrize(
    "line_data",
    [
        {
            CONF_NAME: "povo backup",
            CONF_VALIDITY: "monthly",
            CONF_BILLING_DAY: 31,
        }
    ],
)
async def test_monthly_line_over_a_short_month(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Billed on the 31st, the plan renews on 28 February: it works to the 27th."""
    freezer.move_to("2027-02-20T12:00:00+09:00")
    await setup_line(hass, mock_config_entry)
    assert days_left(hass) == "7"
    assert hass.states.get(EXPIRY).state == "2027-02-27T15:00:00+00:00"
    await move_to(hass, freezer, "2027-02-27T00:00:00+09:00")
    assert days_left(hass) == "0"
    await move_to(hass, freezer, "2027-02-28T00:00:00+09:00")
    assert days_left(hass) == "-1"
    assert hass.states.get(STATUS).state == "expired"


@pytest.mark.parametrize(
    "line_data",
    [
        {
            CONF_NAME: "povo backup",
            CONF_VALIDITY: "rolling",
            CONF_LAST_RENEWAL: "2028-02-01",
            CONF_VALIDITY_DAYS: 30,
        }
    ],
)
async def test_leap_day_is_a_day(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
) -> None:
    """Thirty days from 1 February 2028 end on 1 March, counting 29 February."""
    freezer.move_to("2028-02-28T09:00:00+09:00")
    await setup_line(hass, mock_config_entry)
    assert days_left(hass) == "2"
    await move_to(hass, freezer, "2028-02-29T00:00:00+09:00")
    assert days_left(hass) == "1"
    await move_to(hass, freezer, "2028-03-01T00:00:00+09:00")
    assert days_left(hass) == "0"


@pytest.mark.parametrize(
    "line_data",
    [
        {
            CONF_NAME: "povo backup",
            CONF_VALIDITY: "fixed",
            CONF_EXPIRY_DATE: "2026-11-03",
        }
    ],
)
async def test_daylight_saving_change(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    mock_config_entry: MockConfigEntry,
) -> None:
    """New York's 25-hour 1 November: the count drops at midnight, not at 23:00."""
    await hass.config.async_set_time_zone("America/New_York")
    freezer.move_to("2026-10-31T12:00:00-04:00")
    await setup_line(hass, mock_config_entry)
    assert days_left(hass) == "3"
    await move_to(hass, freezer, "2026-11-01T00:00:00-04:00")
    assert days_left(hass) == "2"
    # 24 hours after the last midnight it is only 23:00 on the wall clock.
    await move_to(hass, freezer, "2026-11-01T23:00:00-05:00")
    assert days_left(hass) == "2"
    await move_to(hass, freezer, "2026-11-02T00:00:00-05:00")
    assert days_left(hass) == "1"
    assert hass.states.get(EXPIRY).state == "2026-11-04T05:00:00+00:00"


@pytest.mark.usefixtures("init_integration")
async def test_time_zone_change_keeps_day_counts_right(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """It is already the 27th in Tokyo but still the 26th in Los Angeles."""
    await move_to(hass, freezer, "2026-11-27T05:00:00+09:00")
    assert days_left(hass) == "8"

    await hass.config.async_update(time_zone="America/Los_Angeles")
    await hass.async_block_till_done()
    assert days_left(hass) == "9"
    assert hass.states.get(EXPIRY).state == "2026-12-06T08:00:00+00:00"

    # The timer now follows Los Angeles' midnight.
    await move_to(hass, freezer, "2026-11-26T23:59:00-08:00")
    assert days_left(hass) == "9"
    await move_to(hass, freezer, "2026-11-27T00:00:00-08:00")
    assert days_left(hass) == "8"


async def test_one_timer_serves_every_line(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Two lines share one armed timer, which is gone when both unload."""
    live: list[datetime] = []

    def spy(
        hass: HomeAssistant, action: Callable[[datetime], Any], when: datetime
    ) -> CALLBACK_TYPE:
        @callback
        def fire(now: datetime) -> None:
            live.remove(when)
            action(now)

        unsub = async_track_point_in_utc_time(hass, fire, when)
        live.append(when)

        def cancel() -> None:
            live.remove(when)
            unsub()

        return cancel

    entries = [
        MockConfigEntry(domain=DOMAIN, data=data, title=data[CONF_NAME])
        for data in (POVO_LINE, TRAVEL_LINE)
    ]
    with patch(
        "custom_components.esim_renewal.clock.async_track_point_in_utc_time", spy
    ):
        for entry in entries:
            entry.add_to_hass(hass)
            assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done()
        assert live == [datetime.fromisoformat("2026-11-27T00:00:00+09:00")]

        await move_to(hass, freezer, "2026-11-27T00:00:00+09:00")
        assert live == [datetime.fromisoformat("2026-11-28T00:00:00+09:00")]
        assert days_left(hass) == "8"
        assert days_left(hass, "sensor.travel_esim_days_until_expiry") == "23"

        for entry in entries:
            assert await hass.config_entries.async_unload(entry.entry_id)
        assert live == []


@pytest.mark.parametrize(
    "line_data", [{**TRAVEL_LINE, "data_total_gb": 10, "data_remaining_gb": None}]
)
@pytest.mark.usefixtures("entity_registry_enabled_by_default", "init_integration")
async def test_data_sensors_unknown_without_a_reading(hass: HomeAssistant) -> None:
    """Without a reading, remaining and used data are unknown, not unavailable."""
    assert hass.states.get("sensor.travel_esim_data_remaining").state == "unknown"
    assert hass.states.get("sensor.travel_esim_data_used").state == "unknown"
    assert hass.states.get("number.travel_esim_data_remaining_reading").state == (
        "unknown"
    )


@pytest.mark.parametrize("line_data", [WALLET_LINE])
@pytest.mark.usefixtures("init_integration")
async def test_wallet_pays_each_period(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """The balance drops by the fee at the start of each period it pays."""
    balance = "sensor.paygo_balance"
    assert hass.states.get(balance).state == "10.0"
    assert hass.states.get(balance).attributes["unit_of_measurement"] == "USD"
    await move_to(hass, freezer, "2026-12-01T00:00:00+09:00")
    assert hass.states.get(balance).state == "7.0"
    await hass.services.async_call(
        DOMAIN,
        "renew",
        {
            "config_entry_id": hass.config_entries.async_entries(DOMAIN)[0].entry_id,
            "amount": 20,
        },
        blocking=True,
    )
    assert hass.states.get(balance).state == "27.0"
    # The top-up counts as spending, in the wallet's currency.
    assert hass.states.get("sensor.paygo_spent_this_year").state == "20.0"
    assert days_left(hass, "sensor.paygo_days_until_expiry") == "299"


@pytest.mark.usefixtures("init_integration")
async def test_update_entity_recomputes_the_line(hass: HomeAssistant) -> None:
    """Home Assistant's update action counts the days again, and changes nothing."""
    assert await async_setup_component(hass, "homeassistant", {})
    await hass.services.async_call(
        "homeassistant", "update_entity", {"entity_id": DAYS}, blocking=True
    )
    assert days_left(hass) == "9"
