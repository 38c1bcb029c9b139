import assert from "node:assert/strict";
import { describe, test } from "node:test";

import {
  byUrgency,
  knownState,
  lineEntitiesByDevice,
  lineView,
  shownDeviceIds,
  urgency,
  watchedEntityIds,
  watchedStatesChanged,
  type LineView,
} from "../src/lines";
import { entry, hassWithPovo, state } from "./fixtures";

/** Return a line as the card sees it, with what a test sets. */
function line(name: string, fields: Partial<LineView>): LineView {
  return {
    deviceId: name,
    name,
    carrier: null,
    renewalUrl: null,
    status: "active",
    daysLeft: 100,
    lastSafeDay: null,
    numberLostOn: null,
    data: { kind: "unlimited" },
    lastRenewal: null,
    plan: null,
    entities: {},
    ...fields,
  };
}

describe("finding the lines", () => {
  test("a line's entities are found by platform, device and translation key", () => {
    const lines = lineEntitiesByDevice(hassWithPovo().entities);
    assert.deepEqual([...lines.keys()], ["povo"]);
    assert.deepEqual(lines.get("povo"), {
      daysLeft: "sensor.povo_days_until_expiry",
      stopsWorking: "sensor.povo_stops_working",
      numberLost: "sensor.povo_number_lost",
      status: "sensor.povo_status",
      dataRemaining: "sensor.povo_data_remaining",
      lastRenewal: "sensor.povo_last_renewal",
      markRenewed: "button.povo_mark_renewed",
      plan: "select.povo_plan",
      keepingCost: "sensor.povo_keeping_cost",
    });
  });

  test("the plan is a select, the keeping cost a sensor", () => {
    const lines = lineEntitiesByDevice({
      "select.chosen": entry("select.chosen", "travel", "plan"),
      "sensor.chosen": entry("sensor.chosen", "travel", "plan"),
      "sensor.year": entry("sensor.year", "travel", "keeping_cost"),
    });
    assert.deepEqual(Object.fromEntries(lines), {
      travel: { plan: "select.chosen", keepingCost: "sensor.year" },
    });
  });

  test("renamed entities are still found; the domain tells two keys apart", () => {
    const lines = lineEntitiesByDevice({
      "sensor.my_left": entry("sensor.my_left", "travel", "data_remaining"),
      "number.my_reading": entry("number.my_reading", "travel", "data_remaining"),
      "sensor.other": entry("sensor.other", "travel", "spent_this_year"),
      "sensor.orphan": { ...entry("sensor.orphan", "x", "status"), device_id: null },
    });
    assert.deepEqual(Object.fromEntries(lines), {
      travel: { dataRemaining: "sensor.my_left", dataReading: "number.my_reading" },
    });
  });

  test("every enabled line is shown unless lines are picked", () => {
    const hass = hassWithPovo();
    const lines = lineEntitiesByDevice(hass.entities);
    assert.deepEqual(shownDeviceIds(lines, hass.devices, undefined), ["povo"]);
    assert.deepEqual(shownDeviceIds(lines, hass.devices, []), ["povo"]);
    assert.deepEqual(shownDeviceIds(lines, hass.devices, ["gone", "povo"]), ["gone", "povo"]);
    const disabled = { ...hass.devices, povo: { ...hass.devices.povo, disabled_by: "user" } };
    assert.deepEqual(shownDeviceIds(lines, disabled, undefined), []);
  });
});

describe("reading a line", () => {
  test("the povo line: days, its dates in Home Assistant's time zone, status", () => {
    const hass = hassWithPovo();
    const view = lineView(hass, "povo", lineEntitiesByDevice(hass.entities).get("povo")!);
    assert.ok(view);
    assert.equal(view.name, "povo number keeper");
    assert.equal(view.carrier, "povo 2.0");
    assert.equal(view.renewalUrl, "https://povo.jp/");
    assert.equal(view.status, "expiring_soon");
    assert.equal(view.daysLeft, 10);
    assert.equal(view.lastSafeDay, "2026-12-16");
    assert.equal(view.numberLostOn, "2027-01-16");
    assert.deepEqual(view.data, { kind: "unknown" });
    assert.deepEqual(view.lastRenewal, {
      at: "2026-05-20",
      cost: 330,
      currency: "JPY",
    });
    assert.deepEqual(view.plan, {
      entityId: "select.povo_plan",
      chosen: "Topping 3GB",
      options: ["Topping 1GB", "Topping 3GB", "Data-free day"],
    });
  });

  test("a line without plans has no plan picker", () => {
    const hass = hassWithPovo();
    assert.equal(lineView(hass, "povo", {})?.plan, null);
    hass.states["select.none"] = state("select.none", "unknown", { options: [] });
    assert.equal(lineView(hass, "povo", { plan: "select.none" })?.plan, null);
    assert.equal(lineView(hass, "povo", { plan: "select.gone" })?.plan, null);
  });

  test("a plan not known, or no longer offered, is not chosen", () => {
    const hass = hassWithPovo();
    const options = ["Topping 1GB", "Topping 3GB"];
    for (const value of ["unknown", "unavailable", "Retired plan"]) {
      hass.states["select.plan"] = state("select.plan", value, { options });
      assert.deepEqual(lineView(hass, "povo", { plan: "select.plan" })?.plan, {
        entityId: "select.plan",
        chosen: null,
        options,
      });
    }
  });

  test("the keeping cost is shown only when known", () => {
    const known = state("sensor.cost", "1320", { unit_of_measurement: "JPY" });
    assert.equal(knownState(known), known);
    assert.equal(knownState(state("sensor.cost", "unknown")), undefined);
    assert.equal(knownState(state("sensor.cost", "unavailable")), undefined);
    assert.equal(knownState(undefined), undefined);
  });

  test("the user's name for the device wins", () => {
    const hass = hassWithPovo();
    hass.devices.povo = { ...hass.devices.povo, name_by_user: "My povo" };
    assert.equal(lineView(hass, "povo", {})?.name, "My povo");
  });

  test("a device that is gone gives no line", () => {
    assert.equal(lineView(hassWithPovo(), "gone", {}), null);
  });

  test("unknown and unavailable states read as not known", () => {
    const hass = hassWithPovo();
    const entities = {
      daysLeft: "sensor.days",
      stopsWorking: "sensor.stops",
      numberLost: "sensor.lost",
      status: "sensor.status",
      lastRenewal: "sensor.last",
    };
    for (const entityId of Object.values(entities)) {
      hass.states[entityId] = state(entityId, "unavailable");
    }
    const view = lineView(hass, "povo", entities);
    assert.ok(view);
    assert.equal(view.daysLeft, null);
    assert.equal(view.status, null);
    assert.equal(view.lastSafeDay, null);
    assert.equal(view.numberLostOn, null);
    assert.equal(view.lastRenewal, null);
  });

  test("data: unlimited without data entities, a share of the allowance with them", () => {
    const hass = hassWithPovo();
    assert.deepEqual(lineView(hass, "povo", {})?.data, { kind: "unlimited" });
    hass.states["sensor.left"] = state("sensor.left", "2.3", { unit_of_measurement: "GB" });
    assert.deepEqual(lineView(hass, "povo", { dataRemaining: "sensor.left" })?.data, {
      kind: "amount",
      remaining: 2.3,
      unit: "GB",
      total: null,
    });
    hass.states["number.reading"] = state("number.reading", "2.3", {
      max: 10,
      unit_of_measurement: "GB",
    });
    const entities = { dataRemaining: "sensor.left", dataReading: "number.reading" };
    assert.deepEqual(lineView(hass, "povo", entities)?.data, {
      kind: "amount",
      remaining: 2.3,
      unit: "GB",
      total: 10,
    });
  });

  test("data shown in another unit is compared in that unit", () => {
    const hass = hassWithPovo();
    hass.states["sensor.left"] = state("sensor.left", "2300", { unit_of_measurement: "MB" });
    hass.states["number.reading"] = state("number.reading", "2.3", {
      max: 10,
      unit_of_measurement: "GB",
    });
    const data = lineView(hass, "povo", {
      dataRemaining: "sensor.left",
      dataReading: "number.reading",
    })?.data;
    assert.deepEqual(data, { kind: "amount", remaining: 2300, unit: "MB", total: 10000 });
  });
});

describe("most urgent first", () => {
  const today = "2026-12-06";

  test("suspended lines first, the nearest loss of the number on top", () => {
    const lines = [
      line("working, 20 days", { daysLeft: 20 }),
      line("lost", { status: "lost", daysLeft: -60 }),
      line("suspended, lost in 40 days", {
        status: "expired",
        daysLeft: -3,
        numberLostOn: "2027-01-15",
      }),
      line("not known", { status: null, daysLeft: null }),
      line("working, 3 days", { status: "expiring_soon", daysLeft: 3 }),
      line("suspended, lost in 5 days", {
        status: "expired",
        daysLeft: -25,
        numberLostOn: "2026-12-11",
      }),
      line("suspended, no number", { status: "expired", daysLeft: -1 }),
    ];
    assert.deepEqual(
      byUrgency(lines, today, "en").map((each) => each.name),
      [
        "suspended, lost in 5 days",
        "suspended, lost in 40 days",
        "suspended, no number",
        "working, 3 days",
        "working, 20 days",
        "lost",
        "not known",
      ],
    );
  });

  test("lines as urgent go by name, in the user's language", () => {
    const lines = [line("b", { daysLeft: 5 }), line("A", { daysLeft: 5 }), line("c", { daysLeft: 4 })];
    assert.deepEqual(
      byUrgency(lines, today, "en").map((each) => each.name),
      ["c", "A", "b"],
    );
  });

  test("the most recently lost number comes first among lost lines", () => {
    const earlier = line("lost long ago", { status: "lost", daysLeft: -90 });
    const recently = line("lost recently", { status: "lost", daysLeft: -40 });
    assert.deepEqual(urgency(recently, today), [2, 40, 0]);
    assert.deepEqual(
      byUrgency([earlier, recently], today, "en").map((each) => each.name),
      ["lost recently", "lost long ago"],
    );
  });
});

describe("rendering only on change", () => {
  test("only the states of the shown lines' entities count", () => {
    const hass = hassWithPovo();
    const watched = watchedEntityIds(lineEntitiesByDevice(hass.entities).values());
    assert.ok(watched.has("sensor.povo_days_until_expiry"));
    assert.ok(!watched.has("sensor.kitchen"));

    const otherChanged = { ...hass.states, "sensor.kitchen": state("sensor.kitchen", "21") };
    assert.equal(watchedStatesChanged(hass.states, otherChanged, watched), false);
    const daysChanged = {
      ...hass.states,
      "sensor.povo_days_until_expiry": state("sensor.povo_days_until_expiry", "210"),
    };
    assert.equal(watchedStatesChanged(hass.states, daysChanged, watched), true);
  });
});
