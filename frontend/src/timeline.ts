/**
 * The road from safe, through suspended, to the number lost, as a bar.
 *
 * A line is safe through its last safe day, suspended from the day after
 * until its number is lost (the grace period), and lost from then on. The bar
 * gives each stage still ahead a width by the days it lasts, with a floor so
 * that a short stage stays visible; a stage already behind is a short stub,
 * a stage without a known end a fixed width, and the lost stage an end cap.
 */

import { addDays, daysBetween } from "./dates";

export type StageKind = "safe" | "suspended" | "lost";
export type StageTime = "past" | "now" | "future";

export interface Stage {
  kind: StageKind;
  /** The stage's first day; null for the safe stage, whose start is not shown. */
  from: string | null;
  /** The stage's last day; null when not known, and for the lost stage. */
  to: string | null;
  time: StageTime;
  /** The stage's share of the bar's width, from 0 to 1. */
  share: number;
}

export interface Timeline {
  stages: Stage[];
  /** Where today is on the bar, from 0 to 1. */
  today: number;
}

// Shares of the bar's width.
const PAST_SHARE = 0.08;
const LOST_SHARE = 0.12;
const OPEN_SHARE = 0.3;
const MIN_SHARE = 0.15;

/** Return where a day range stands relative to today. */
function timeOf(today: string, from: string | null, to: string | null): StageTime {
  if (to !== null && today > to) {
    return "past";
  }
  if (from !== null && today < from) {
    return "future";
  }
  return "now";
}

/** Return the days a stage still has ahead from today, or null when it is not known. */
function daysAhead(stage: Omit<Stage, "share">, today: string): number | null {
  if (stage.to === null) {
    return null;
  }
  const start = stage.from !== null && stage.from > today ? stage.from : today;
  return daysBetween(start, stage.to) + 1;
}

/**
 * Split a total among weights in proportion, each share at least a floor.
 *
 * The floor gives way when the total cannot give every weight that much.
 */
export function splitWithFloor(
  total: number,
  weights: readonly number[],
  floor: number,
): number[] {
  if (weights.length === 0) {
    return [];
  }
  // Nothing to weigh: equal parts.
  const weighed = weights.some((weight) => weight > 0) ? weights : weights.map(() => 1);
  const least = Math.min(floor, total / weighed.length);
  const sum = weighed.reduce((a, b) => a + b, 0);
  const small = weighed.map((weight) => (total * weight) / sum < least);
  const raised = small.filter(Boolean).length * least;
  const restWeight = weighed.reduce((a, weight, index) => (small[index] ? a : a + weight), 0);
  return weighed.map((weight, index) =>
    small[index] ? least : ((total - raised) * weight) / restWeight,
  );
}

/**
 * Return a line's road to losing its number, seen from today.
 *
 * `numberLostOn` is the first day without the number, null when it is not
 * known (a grace period not known, or no number to keep). The stage of
 * today is "now"; with a grace of 0 days there is no suspended stage.
 */
export function lineTimeline(
  today: string,
  lastSafeDay: string,
  numberLostOn: string | null,
): Timeline {
  const suspendedFrom = addDays(lastSafeDay, 1);
  const stages: Omit<Stage, "share">[] = [
    { kind: "safe", from: null, to: lastSafeDay, time: timeOf(today, null, lastSafeDay) },
  ];
  if (numberLostOn === null || numberLostOn > suspendedFrom) {
    const to = numberLostOn === null ? null : addDays(numberLostOn, -1);
    stages.push({
      kind: "suspended",
      from: suspendedFrom,
      to,
      time: timeOf(today, suspendedFrom, to),
    });
  }
  if (numberLostOn !== null) {
    stages.push({ kind: "lost", from: numberLostOn, to: null, time: timeOf(today, numberLostOn, null) });
  }

  // Fixed widths first; the stages with a known length ahead share the rest.
  const fixed = stages.map((stage) => {
    if (stage.time === "past") {
      return PAST_SHARE;
    }
    if (stage.kind === "lost") {
      return stage.time === "now" ? null : LOST_SHARE;
    }
    if (stage.to === null) {
      return stage.time === "now" ? null : OPEN_SHARE;
    }
    return null;
  });
  const flexible = fixed.flatMap((share, index) => (share === null ? [index] : []));
  const rest = 1 - fixed.reduce<number>((a, share) => a + (share ?? 0), 0);
  // A stage with no known end that is today's (open suspension, lost) takes
  // what is left; one with a known end shares it by its days.
  const weights = flexible.map((index) => daysAhead(stages[index], today) ?? 1);
  const shares = splitWithFloor(rest, weights, MIN_SHARE);
  const sized: Stage[] = stages.map((stage, index) => ({
    ...stage,
    share: fixed[index] ?? shares[flexible.indexOf(index)],
  }));

  let offset = 0;
  let position = 0;
  for (const stage of sized) {
    if (stage.time === "now") {
      position = offset + stage.share * elapsedShare(stage, today);
    }
    offset += stage.share;
  }
  return { stages: sized, today: position };
}

/** Return how far into today's stage today is, from 0 to 1. */
function elapsedShare(stage: Stage, today: string): number {
  if (stage.kind === "safe") {
    // The bar starts today: the safe stage is all ahead.
    return 0;
  }
  if (stage.from === null || stage.to === null) {
    return 0.5;
  }
  const length = daysBetween(stage.from, stage.to) + 1;
  return daysBetween(stage.from, today) / length;
}
