/** What the card says of a line, in words: days, stages, data. */

import { daysBetween, formatDay } from "./dates";
import type { DataView, LastRenewal, LineView } from "./lines";
import type { Localize } from "./localize";
import type { Stage } from "./timeline";

/** Return the days left in words: "10 days left", or how long ago the line lapsed. */
export function daysLeftLabel(t: Localize, daysLeft: number | null): string {
  if (daysLeft === null) {
    return t("days.unknown");
  }
  if (daysLeft > 0) {
    return t("days.left", { count: daysLeft });
  }
  if (daysLeft === 0) {
    return t("days.today");
  }
  return t("days.lapsed", { count: -daysLeft });
}

/** Return what a stage of the road means, with its days. */
export function stageLabel(
  t: Localize,
  stage: Stage,
  today: string,
  language: string,
): string {
  const day = (value: string): string => formatDay(value, language);
  switch (stage.kind) {
    case "safe":
      return t(stage.time === "past" ? "timeline.was_safe" : "timeline.safe", {
        date: day(stage.to as string),
      });
    case "suspended":
      return stage.to === null
        ? t("timeline.suspended_open", { from: day(stage.from as string) })
        : t("timeline.suspended", {
            from: day(stage.from as string),
            to: day(stage.to),
          });
    case "lost": {
      const from = stage.from as string;
      return stage.time === "future"
        ? t("timeline.lost_in", { date: day(from), count: daysBetween(today, from) })
        : t("timeline.lost", { date: day(from) });
    }
  }
}

/** Return a number of the data amounts, as the language writes it. */
function amount(value: number, unit: string, language: string): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 2 }).format(value);
  return `${number} ${unit}`;
}

/** Return the data left in words: "2.3 GB of 10 GB", "Unlimited". */
export function dataLabel(t: Localize, data: DataView, language: string): string {
  switch (data.kind) {
    case "unlimited":
      return t("data.unlimited");
    case "unknown":
      return t("data.unknown");
    case "amount": {
      const remaining = amount(data.remaining, data.unit, language);
      return data.total === null
        ? t("data.left", { remaining })
        : t("data.of", { remaining, total: amount(data.total, data.unit, language) });
    }
  }
}

/** Return the share of the allowance left, from 0 to 1, or null without an allowance. */
export function dataShare(data: DataView): number | null {
  if (data.kind !== "amount" || data.total === null || data.total <= 0) {
    return null;
  }
  return Math.min(1, Math.max(0, data.remaining / data.total));
}

/** Return what a renewal cost, in its currency as the language writes it. */
export function costLabel(renewal: LastRenewal, language: string): string | null {
  if (renewal.cost === null) {
    return null;
  }
  if (renewal.currency === null) {
    return new Intl.NumberFormat(language).format(renewal.cost);
  }
  try {
    return new Intl.NumberFormat(language, {
      style: "currency",
      currency: renewal.currency,
    }).format(renewal.cost);
  } catch {
    // A code the browser does not know as a currency.
    return `${new Intl.NumberFormat(language).format(renewal.cost)} ${renewal.currency}`;
  }
}

/** Return the status of a line as a class name of its colour. */
export function statusClass(line: LineView): string {
  return line.status === null ? "unknown" : line.status.replace("_", "-");
}
