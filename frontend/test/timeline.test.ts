import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { lineTimeline, splitWithFloor, type Stage } from "../src/timeline";

/** Return the stages without their widths, to compare. */
function shapes(stages: Stage[]) {
  return stages.map(({ kind, from, to, time }) => ({ kind, from, to, time }));
}

/** Return the widths of the stages, rounded. */
function shares(stages: Stage[]): number[] {
  return stages.map((stage) => Math.round(stage.share * 1000) / 1000);
}

/** Assert two shares are the same, but for rounding. */
function assertNear(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);
}

/** Assert the widths fill the bar. */
function assertFills(stages: Stage[]): void {
  const total = stages.reduce((sum, stage) => sum + stage.share, 0);
  assert.ok(Math.abs(total - 1) < 1e-9, `the stages fill ${total} of the bar`);
}

describe("the road of a working line", () => {
  // povo: safe through 16 December, number lost on 16 January.
  const road = lineTimeline("2026-12-06", "2026-12-16", "2027-01-16");

  test("safe now, suspended for the grace period, then lost", () => {
    assert.deepEqual(shapes(road.stages), [
      { kind: "safe", from: null, to: "2026-12-16", time: "now" },
      { kind: "suspended", from: "2026-12-17", to: "2027-01-15", time: "future" },
      { kind: "lost", from: "2027-01-16", to: null, time: "future" },
    ]);
  });

  test("the stages ahead are as wide as their days; the bar starts today", () => {
    assertFills(road.stages);
    // 11 safe days and 30 suspended share what the lost end cap leaves.
    assert.deepEqual(shares(road.stages), [0.236, 0.644, 0.12]);
    assert.equal(road.today, 0);
  });

  test("a short stage keeps a width that can be seen", () => {
    const lastDay = lineTimeline("2026-12-16", "2026-12-16", "2027-06-14");
    assertFills(lastDay.stages);
    assert.equal(Math.round(lastDay.stages[0].share * 100), 15);
  });
});

describe("grace periods", () => {
  test("no grace: the number goes the day after the last safe day", () => {
    const road = lineTimeline("2026-12-06", "2026-12-16", "2026-12-17");
    assert.deepEqual(
      road.stages.map((stage) => stage.kind),
      ["safe", "lost"],
    );
    assertFills(road.stages);
    assert.deepEqual(shares(road.stages), [0.88, 0.12]);
  });

  test("a grace not known: suspended with no end, and no day of loss", () => {
    const road = lineTimeline("2026-12-06", "2026-12-26", null);
    assert.deepEqual(shapes(road.stages), [
      { kind: "safe", from: null, to: "2026-12-26", time: "now" },
      { kind: "suspended", from: "2026-12-27", to: null, time: "future" },
    ]);
    assert.deepEqual(shares(road.stages), [0.7, 0.3]);
  });
});

describe("the road of a lapsed line", () => {
  test("suspended: today sits in the grace period, as far in as it is", () => {
    // Vodafone: safe through 16 November, suspended 90 days, lost 15 February.
    const road = lineTimeline("2026-12-06", "2026-11-16", "2027-02-15");
    assert.deepEqual(
      road.stages.map(({ kind, time }) => `${kind}:${time}`),
      ["safe:past", "suspended:now", "lost:future"],
    );
    assertFills(road.stages);
    assert.deepEqual(shares(road.stages), [0.08, 0.8, 0.12]);
    // The grace began on 17 November: 19 of its 90 days are behind.
    assertNear(road.today, 0.08 + (0.8 * 19) / 90);
  });

  test("suspended with no known end: today in the middle of it", () => {
    const road = lineTimeline("2026-12-06", "2026-11-16", null);
    assert.deepEqual(shares(road.stages), [0.08, 0.92]);
    assertNear(road.today, 0.08 + 0.46);
  });

  test("lost: the stages before are stubs", () => {
    const road = lineTimeline("2026-12-06", "2026-10-01", "2026-11-01");
    assert.deepEqual(
      road.stages.map(({ kind, time }) => `${kind}:${time}`),
      ["safe:past", "suspended:past", "lost:now"],
    );
    assert.deepEqual(shares(road.stages), [0.08, 0.08, 0.84]);
    assertNear(road.today, 0.58);
  });

  test("the day the number goes is a lost day", () => {
    const road = lineTimeline("2027-01-16", "2026-12-16", "2027-01-16");
    assert.equal(road.stages[2].time, "now");
    assert.equal(road.stages[1].time, "past");
  });
});

describe("splitting the bar", () => {
  test("in proportion, each at least the floor", () => {
    assert.deepEqual(splitWithFloor(1, [1, 3], 0.1), [0.25, 0.75]);
    const [short, long] = splitWithFloor(1, [1, 99], 0.15);
    assertNear(short, 0.15);
    assertNear(long, 0.85);
  });

  test("the floor gives way when the total is too small for it", () => {
    assert.deepEqual(splitWithFloor(0.2, [1, 99], 0.15), [0.1, 0.1]);
  });

  test("nothing to split, or nothing to weigh", () => {
    assert.deepEqual(splitWithFloor(1, [], 0.15), []);
    assert.deepEqual(splitWithFloor(1, [0, 0], 0.15), [0.5, 0.5]);
  });
});
