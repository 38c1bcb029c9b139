/**
 * The lines the card shows: found in the registries, read from their states.
 *
 * A line is a device of the integration. Its entities are found by what the
 * entity registry says of them (platform, device, domain and translation key),
 * never by their entity ids, which users rename. What the card shows of a line
 * is a `LineView`, built from those entities' states alone.
 */

import { addDays, dayOfTimestamp, daysBetween } from "./dates";
import type {
  DeviceRegistryEntry,
  EntityRegistryDisplayEntry,
  HassEntity,
  HomeAssistant,
} from "./types";

export const PLATFORM = "esim_renewal";

/**
 * The entities of a line the card reads or presses, by role: the domain and
 * translation key that identify each in the entity registry. A new entity of
 * the integration is one more role here and one more place in the view.
 */
export const ROLES = {
  daysLeft: "sensor.days_until_expiry",
  stopsWorking: "sensor.expiry",
  numberLost: "sensor.number_lost",
  status: "sensor.status",
  dataRemaining: "sensor.data_remaining",
  dataReading: "number.data_remaining",
  balance: "sensor.balance",
  lastRenewal: "sensor.last_renewal",
  markRenewed: "button.mark_renewed",
  undoRenewal: "button.undo_renewal",
  plan: "select.plan",
  keepingCost: "sensor.keeping_cost",
} as const;

export type Role = keyof typeof ROLES;
export type LineEntities = Partial<Record<Role, string>>;
export type LineStatus = "active" | "expiring_soon" | "expired" | "lost";

const STATUSES: readonly string[] = ["active", "expiring_soon", "expired", "lost"];
const UNKNOWN_STATES: readonly string[] = ["unknown", "unavailable"];
const ROLE_OF = new Map<string, Role>(
  Object.entries(ROLES).map(([role, key]) => [key, role as Role]),
);
// Data units to gigabytes, for a data sensor shown in another unit than its
// allowance (Home Assistant lets users pick the unit a sensor shows).
const GIGABYTES_PER_UNIT: Record<string, number> = {
  B: 1e-9,
  kB: 1e-6,
  MB: 1e-3,
  GB: 1,
  TB: 1e3,
  KiB: 1024 / 1e9,
  MiB: 1024 ** 2 / 1e9,
  GiB: 1024 ** 3 / 1e9,
  TiB: 1024 ** 4 / 1e9,
};

export type DataView =
  | { kind: "unlimited" }
  | { kind: "unknown" }
  | {
      kind: "amount";
      remaining: number;
      unit: string;
      /** The allowance in the unit of `remaining`, when known. */
      total: number | null;
    };

export interface LastRenewal {
  at: string;
  cost: number | null;
  currency: string | null;
}

/** The line's plans: the one Mark renewed buys, and those it could. */
export interface PlanView {
  entityId: string;
  chosen: string | null;
  options: string[];
}

export interface LineView {
  deviceId: string;
  name: string;
  carrier: string | null;
  renewalUrl: string | null;
  status: LineStatus | null;
  daysLeft: number | null;
  /** The last day the line surely works. */
  lastSafeDay: string | null;
  /** The first day without the number, when known. */
  numberLostOn: string | null;
  data: DataView;
  lastRenewal: LastRenewal | null;
  /** The plan picker's choices, or null for a line without plans. */
  plan: PlanView | null;
  entities: LineEntities;
}

/** Return each line's entities, by the line's device, from the entity registry. */
export function lineEntitiesByDevice(
  registry: Record<string, EntityRegistryDisplayEntry>,
): Map<string, LineEntities> {
  const lines = new Map<string, LineEntities>();
  for (const entry of Object.values(registry)) {
    if (entry.platform !== PLATFORM || !entry.device_id || !entry.translation_key) {
      continue;
    }
    const domain = entry.entity_id.split(".", 1)[0];
    const role = ROLE_OF.get(`${domain}.${entry.translation_key}`);
    if (role === undefined) {
      continue;
    }
    let line = lines.get(entry.device_id);
    if (line === undefined) {
      line = {};
      lines.set(entry.device_id, line);
    }
    line[role] = entry.entity_id;
  }
  return lines;
}

/** Return the device ids of the lines to show: those picked, or every line. */
export function shownDeviceIds(
  lines: Map<string, LineEntities>,
  devices: Record<string, DeviceRegistryEntry>,
  picked: readonly string[] | undefined,
): string[] {
  if (picked !== undefined && picked.length > 0) {
    return [...picked];
  }
  return [...lines.keys()].filter(
    (deviceId) => devices[deviceId] !== undefined && !devices[deviceId].disabled_by,
  );
}

/** Return a number a state holds, or null when it holds none. */
function numberIn(state: HassEntity | undefined): number | null {
  if (state === undefined || state.state.trim() === "") {
    return null;
  }
  const value = Number(state.state);
  return Number.isFinite(value) ? value : null;
}

/** Return what the line's data entities say. */
function dataOf(hass: HomeAssistant, entities: LineEntities): DataView {
  // Only lines with unlimited data have neither data entity.
  if (entities.dataRemaining === undefined && entities.dataReading === undefined) {
    return { kind: "unlimited" };
  }
  const sensor = entities.dataRemaining ? hass.states[entities.dataRemaining] : undefined;
  const remaining = numberIn(sensor);
  if (sensor === undefined || remaining === null) {
    return { kind: "unknown" };
  }
  const unit = String(sensor.attributes.unit_of_measurement ?? "GB");
  // The reading box exists only when the allowance is known: its maximum.
  const reading = entities.dataReading ? hass.states[entities.dataReading] : undefined;
  const allowance = Number(reading?.attributes.max);
  const readingUnit = String(reading?.attributes.unit_of_measurement ?? "GB");
  const scale = GIGABYTES_PER_UNIT[readingUnit] / GIGABYTES_PER_UNIT[unit];
  const total =
    reading !== undefined && Number.isFinite(allowance) && Number.isFinite(scale)
      ? allowance * scale
      : null;
  return { kind: "amount", remaining, unit, total };
}

/** Return the line's last renewal: when, and what it cost. */
function lastRenewalOf(state: HassEntity | undefined): LastRenewal | null {
  if (state === undefined || Number.isNaN(Date.parse(state.state))) {
    return null;
  }
  const [latest] = (state.attributes.recent_renewals ?? []) as Array<{
    cost?: number | null;
    currency?: string | null;
  }>;
  return {
    at: state.state,
    cost: latest?.cost ?? null,
    currency: latest?.currency ?? null,
  };
}

/** Return a state whose value is known: neither unknown nor unavailable. */
export function knownState(state: HassEntity | undefined): HassEntity | undefined {
  return state === undefined || UNKNOWN_STATES.includes(state.state) ? undefined : state;
}

/** Return the line's plans from its plan select, or null when it has none. */
function planOf(state: HassEntity | undefined): PlanView | null {
  const options = state?.attributes.options;
  if (state === undefined || !Array.isArray(options) || options.length === 0) {
    return null;
  }
  const chosen = knownState(state)?.state ?? null;
  return {
    entityId: state.entity_id,
    chosen: chosen !== null && options.includes(chosen) ? chosen : null,
    options: options.map(String),
  };
}

/** Return what the card shows of a line, or null when its device is gone. */
export function lineView(
  hass: HomeAssistant,
  deviceId: string,
  entities: LineEntities,
): LineView | null {
  const device = hass.devices[deviceId];
  if (device === undefined) {
    return null;
  }
  const state = (role: Role): HassEntity | undefined => {
    const entityId = entities[role];
    return entityId === undefined ? undefined : hass.states[entityId];
  };
  const timeZone = hass.config.time_zone;
  // The line stops working at the midnight after its last safe day.
  const stopsOn = dayOfTimestamp(state("stopsWorking")?.state, timeZone);
  const status = state("status")?.state;
  return {
    deviceId,
    name: device.name_by_user || device.name || deviceId,
    carrier: device.manufacturer,
    renewalUrl: device.configuration_url,
    status: status !== undefined && STATUSES.includes(status) ? (status as LineStatus) : null,
    daysLeft: numberIn(state("daysLeft")),
    lastSafeDay: stopsOn === null ? null : addDays(stopsOn, -1),
    numberLostOn: dayOfTimestamp(state("numberLost")?.state, timeZone),
    data: dataOf(hass, entities),
    lastRenewal: lastRenewalOf(state("lastRenewal")),
    plan: planOf(state("plan")),
    entities,
  };
}

/**
 * Return how urgent a line is, to sort by: smaller first.
 *
 * Suspended lines come first, the one closest to losing its number at the
 * top; then the working lines by days left; then lines whose number is gone,
 * the latest first; lines whose state is not known come last.
 */
export function urgency(line: LineView, today: string): [number, number, number] {
  const daysLeft = line.daysLeft ?? Number.POSITIVE_INFINITY;
  switch (line.status) {
    case "expired": {
      const toLoss =
        line.numberLostOn === null
          ? Number.POSITIVE_INFINITY
          : daysBetween(today, line.numberLostOn);
      return [0, toLoss, daysLeft];
    }
    case "expiring_soon":
    case "active":
      return [1, daysLeft, 0];
    case "lost":
      return [2, -daysLeft, 0];
    default:
      return [3, daysLeft, 0];
  }
}

/** Return the lines, most urgent first; lines as urgent go by name. */
export function byUrgency(
  lines: readonly LineView[],
  today: string,
  language: string,
): LineView[] {
  const keyed = lines.map((line) => ({ line, key: urgency(line, today) }));
  keyed.sort((a, b) => {
    for (let index = 0; index < a.key.length; index += 1) {
      if (a.key[index] !== b.key[index]) {
        return a.key[index] < b.key[index] ? -1 : 1;
      }
    }
    return a.line.name.localeCompare(b.line.name, language);
  });
  return keyed.map(({ line }) => line);
}

/** Return the entity ids whose states the card shows for some lines. */
export function watchedEntityIds(lines: Iterable<LineEntities>): Set<string> {
  const watched = new Set<string>();
  for (const entities of lines) {
    for (const entityId of Object.values(entities)) {
      watched.add(entityId);
    }
  }
  return watched;
}

/** Return whether any watched entity's state differs between two sets of states. */
export function watchedStatesChanged(
  before: Record<string, HassEntity>,
  after: Record<string, HassEntity>,
  watched: Iterable<string>,
): boolean {
  for (const entityId of watched) {
    if (before[entityId] !== after[entityId]) {
      return true;
    }
  }
  return false;
}
