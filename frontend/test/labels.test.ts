import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { addDays, dayOf, dayOfTimestamp, daysBetween, formatDay } from "../src/dates";
import { costLabel, dataLabel, dataShare, daysLeftLabel, stageLabel } from "../src/labels";
import { localizer } from "../src/localize";
import { lineTimeline } from "../src/timeline";

const en = localizer("en");
const ja = localizer("ja");
const zh = localizer("zh-Hans");

describe("days", () => {
  test("days left, the last day, and how long ago a line lapsed", () => {
    assert.equal(daysLeftLabel(en, 10), "10 days left");
    assert.equal(daysLeftLabel(en, 1), "1 day left");
    assert.equal(daysLeftLabel(en, 0), "Last safe day today");
    assert.equal(daysLeftLabel(en, -1), "Lapsed 1 day ago");
    assert.equal(daysLeftLabel(en, -20), "Lapsed 20 days ago");
    assert.equal(daysLeftLabel(en, null), "Days left unknown");
  });

  test("in Japanese and Chinese, which count without plurals", () => {
    assert.equal(daysLeftLabel(ja, 1), "残り 1 日");
    assert.equal(daysLeftLabel(ja, -20), "20 日前に期限切れ");
    assert.equal(daysLeftLabel(zh, 10), "剩余 10 天");
  });
});

describe("the road in words", () => {
  test("each stage of a working line, with its days", () => {
    const road = lineTimeline("2026-12-06", "2026-12-16", "2027-01-16");
    assert.deepEqual(
      road.stages.map((stage) => stageLabel(en, stage, "2026-12-06", "en")),
      ["Safe through Dec 16", "Suspended Dec 17 – Jan 15", "Number lost Jan 16, in 41 days"],
    );
    assert.deepEqual(
      road.stages.map((stage) => stageLabel(ja, stage, "2026-12-06", "ja")),
      ["12月16日 まで安全", "12月17日〜1月15日 利用停止", "1月16日 番号喪失（あと 41 日）"],
    );
  });

  test("a lapsed line's stages say what was, and what is", () => {
    const road = lineTimeline("2026-12-06", "2026-10-01", "2026-11-01");
    assert.deepEqual(
      road.stages.map((stage) => stageLabel(en, stage, "2026-12-06", "en")),
      ["Was safe through Oct 1", "Suspended Oct 2 – Oct 31", "Number lost Nov 1"],
    );
    const open = lineTimeline("2026-12-06", "2026-11-16", null);
    assert.equal(stageLabel(en, open.stages[1], "2026-12-06", "en"), "Suspended from Nov 17");
  });
});

describe("data and money", () => {
  test("data: unlimited, unknown, left, or left of the allowance", () => {
    assert.equal(dataLabel(en, { kind: "unlimited" }, "en"), "Unlimited");
    assert.equal(dataLabel(ja, { kind: "unknown" }, "ja"), "不明");
    assert.equal(
      dataLabel(en, { kind: "amount", remaining: 2.3, unit: "GB", total: null }, "en"),
      "2.3 GB left",
    );
    assert.equal(
      dataLabel(en, { kind: "amount", remaining: 1234.567, unit: "MB", total: 10000 }, "en"),
      "1,234.57 MB of 10,000 MB",
    );
  });

  test("the data bar's share, kept between empty and full", () => {
    assert.equal(dataShare({ kind: "amount", remaining: 2.5, unit: "GB", total: 10 }), 0.25);
    assert.equal(dataShare({ kind: "amount", remaining: 12, unit: "GB", total: 10 }), 1);
    assert.equal(dataShare({ kind: "amount", remaining: 2, unit: "GB", total: null }), null);
    assert.equal(dataShare({ kind: "amount", remaining: 0, unit: "GB", total: 0 }), null);
    assert.equal(dataShare({ kind: "unlimited" }), null);
  });

  test("a renewal's cost, in its currency", () => {
    const at = "2026-12-01T00:00:00+00:00";
    assert.equal(costLabel({ at, cost: 330, currency: "JPY" }, "en"), "¥330");
    assert.equal(costLabel({ at, cost: 3, currency: "USD" }, "en"), "$3.00");
    assert.equal(costLabel({ at, cost: 5, currency: "XYZ1" }, "en"), "5 XYZ1");
    assert.equal(costLabel({ at, cost: 5, currency: null }, "en"), "5");
    assert.equal(costLabel({ at, cost: null, currency: "JPY" }, "en"), null);
  });
});

describe("days in Home Assistant's time zone", () => {
  test("an instant's day is the day where Home Assistant is", () => {
    // 15:00 UTC is midnight of the next day in Tokyo.
    assert.equal(dayOf("2026-12-16T15:00:00+00:00", "Asia/Tokyo"), "2026-12-17");
    assert.equal(dayOf("2026-12-16T15:00:00+00:00", "Europe/London"), "2026-12-16");
    assert.equal(dayOfTimestamp("unknown", "Asia/Tokyo"), null);
    assert.equal(dayOfTimestamp(undefined, "Asia/Tokyo"), null);
  });

  test("counting days across months and years", () => {
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
    assert.equal(addDays("2027-03-01", -1), "2027-02-28");
    assert.equal(daysBetween("2026-12-06", "2027-01-16"), 41);
    assert.equal(daysBetween("2027-01-16", "2026-12-06"), -41);
  });

  test("a day in words, the same day in every browser's zone", () => {
    assert.equal(formatDay("2026-12-16", "en"), "Dec 16");
    assert.equal(formatDay("2026-12-16", "ja"), "12月16日");
    assert.equal(formatDay("2027-07-04", "en", { dateStyle: "medium" }), "Jul 4, 2027");
  });
});

describe("the plan", () => {
  test("what keeping the number costs a year, in each language", () => {
    assert.equal(en("plan.keeping_cost"), "Keeping the number");
    assert.equal(en("plan.per_year", { cost: "¥1,320" }), "¥1,320 a year");
    assert.equal(ja("plan.per_year", { cost: "¥1,320" }), "年間 ¥1,320");
    assert.equal(zh("plan.per_year", { cost: "¥1,320" }), "每年 ¥1,320");
    assert.equal(zh("plan.label"), "套餐");
  });
});
